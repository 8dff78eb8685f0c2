import { describe, expect, it } from 'vitest';
import { query, scalar, value } from './queryTestKit';
import { xxHash64 } from '../types/xxhash64';
import { utf8Bytes } from '../types/digest';
import { kustoHash } from './hashing';
import { ticksFromMs } from '../types/datetime';

describe('xxHash64', () => {
  it('matches the published test vectors', () => {
    expect(xxHash64(new Uint8Array())).toBe(0xef46db3751d8e999n);
    expect(xxHash64(utf8Bytes('a'))).toBe(0xd24ec4f1a98c6e5bn);
    expect(xxHash64(utf8Bytes('abc'))).toBe(0x44bc2cf5ad770999n);
    expect(xxHash64(utf8Bytes('Nobody inspects the spammish repetition'))).toBe(0xfbcea83c8a378bf1n);
  });
});

describe('hash and hash_xxhash64', () => {
  it('match the documented values exactly before rounding to the engine long', () => {
    expect(kustoHash('string', 'World')).toBe(1846988464401551951n);
    expect(kustoHash('string', 'Hello')).toBe(753694413698530628n);
    expect(kustoHash('datetime', ticksFromMs(Date.UTC(2015, 0, 1)))).toBe(1380966698541616202n);
  });

  it('through queries: the hash (rounded to a double) and the exact mod form', () => {
    expect(scalar('hash("World")')).toEqual({ type: 'long', value: Number(1846988464401551951n) });
    expect(value('hash_xxhash64("World")')).toBe(Number(1846988464401551951n));
    expect(value('hash("World", 100)')).toBe(51);
    expect(value('hash_xxhash64("World", 100)')).toBe(51);
    expect(value('hash(datetime("2015-01-01"))')).toBe(Number(1380966698541616202n));
    expect(value('hash(long(null))')).toBeNull();
    expect(value('hash("World", 0)')).toBeNull();
  });

  it('the mod form stays in 0..mod-1 for every row', () => {
    const rows = query('T | project hash(s, 7), hash(n, 3)').rows;
    for (const [a, b] of rows) {
      expect(a as number).toBeGreaterThanOrEqual(0);
      expect(a as number).toBeLessThan(7);
      if (b !== null) expect(b as number).toBeLessThan(3);
    }
    expect(rows[1][1]).toBeNull();
  });
});
