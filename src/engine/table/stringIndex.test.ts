import { describe, expect, it } from 'vitest';
import { StringIndex } from './stringIndex';

describe('StringIndex', () => {
  it('gives each distinct string the position of its first appearance, through many rehashes', () => {
    const dict: string[] = [];
    const index = new StringIndex(dict);
    const firstSeen = new Map<string, number>();
    const values: string[] = [];
    for (let i = 0; i < 60_000; i++) values.push(i % 4 === 0 ? `${i % 1000}` : `id-${(i * 7919) % 40_000}`, '', 'é测🐳');
    for (const value of values) {
      const code = index.codeOf(value);
      if (!firstSeen.has(value)) firstSeen.set(value, firstSeen.size);
      expect(code).toBe(firstSeen.get(value));
    }
    expect(dict).toEqual([...firstSeen.keys()]);
    expect(dict.length).toBeGreaterThan(20_000);
  });
});
