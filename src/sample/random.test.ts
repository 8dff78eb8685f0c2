import { describe, expect, test } from 'vitest';
import { Random, deriveSeed } from './random';

describe('Random', () => {
  test('same seed, same sequence; other seed, other sequence', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(seqA);
  });

  test('next() stays in [0, 1) and is roughly uniform', () => {
    const rng = new Random(7);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      buckets[Math.floor(x * 10)]++;
    }
    for (const n of buckets) expect(Math.abs(n - 2000)).toBeLessThan(200);
  });

  test('poisson has the requested mean, small and large', () => {
    const rng = new Random(11);
    for (const lambda of [0.3, 4, 80]) {
      let sum = 0;
      const n = 5000;
      for (let i = 0; i < n; i++) sum += rng.poisson(lambda);
      expect(Math.abs(sum / n - lambda)).toBeLessThan(Math.max(0.05, lambda * 0.05));
    }
    expect(rng.poisson(0)).toBe(0);
  });

  test('guids are version-4 shaped, digests are sha256 shaped, and they do not repeat', () => {
    const rng = new Random(3);
    const guids = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const g = rng.guid();
      expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      guids.add(g);
    }
    expect(guids.size).toBe(2000);
    expect(rng.digest()).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(rng.hex(3)).toMatch(/^[0-9a-f]{6}$/);
  });

  test('weightedIndex never picks a zero weight and follows the weights', () => {
    const rng = new Random(5);
    const counts = [0, 0, 0];
    for (let i = 0; i < 9000; i++) counts[rng.weightedIndex([1, 0, 2])]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeGreaterThan(1.7);
    expect(counts[2] / counts[0]).toBeLessThan(2.3);
  });

  test('deriveSeed separates streams', () => {
    expect(deriveSeed(1, 'rows')).not.toBe(deriveSeed(1, 'traffic'));
    expect(deriveSeed(1, 'rows')).not.toBe(deriveSeed(2, 'rows'));
    expect(deriveSeed(1, 'rows')).toBe(deriveSeed(1, 'rows'));
  });
});
