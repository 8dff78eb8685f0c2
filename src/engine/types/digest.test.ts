import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5Hex, sha1Hex, sha256Hex, utf8Bytes } from './digest';

const reference = (algorithm: string, bytes: Uint8Array): string => createHash(algorithm).update(bytes).digest('hex');

describe('digests', () => {
  it('match the published test vectors', () => {
    expect(md5Hex(utf8Bytes(''))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex(utf8Bytes('abc'))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(sha1Hex(utf8Bytes('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha256Hex(utf8Bytes('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(utf8Bytes(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('agree with Node crypto on every length around the block boundaries and on non-ASCII text', () => {
    for (let n = 0; n < 200; n++) {
      const bytes = utf8Bytes('é'.repeat(n % 7) + 'x'.repeat(n));
      expect(md5Hex(bytes)).toBe(reference('md5', bytes));
      expect(sha1Hex(bytes)).toBe(reference('sha1', bytes));
      expect(sha256Hex(bytes)).toBe(reference('sha256', bytes));
    }
  });
});
