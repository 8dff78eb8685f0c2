import { describe, expect, it } from 'vitest';
import { samplePositions } from './sampleRows';
import { query } from '../functions/queryTestKit';

/** A deterministic stand-in for Math.random (a small linear congruential generator). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('sample', () => {
  it('picks distinct positions in ascending order', () => {
    const positions = Array.from(samplePositions(100, 10, seeded(7)));
    expect(positions).toHaveLength(10);
    expect(new Set(positions).size).toBe(10);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(positions.every((p) => p >= 0 && p < 100)).toBe(true);
  });

  it('can pick every position, including the last', () => {
    expect(Array.from(samplePositions(5, 5, () => 0.999999))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(samplePositions(5, 1, () => 0.999999))).toEqual([4]);
  });

  it('returns N rows of the input, or all of them when N is larger', () => {
    const { rows } = query('range x from 1 to 50 step 1 | sample 7');
    expect(rows).toHaveLength(7);
    expect(rows.every(([x]) => typeof x === 'number' && x >= 1 && x <= 50)).toBe(true);
    expect(query('range x from 1 to 3 step 1 | sample 10').rows).toEqual([[1], [2], [3]]);
    expect(query('range x from 1 to 3 step 1 | sample 0').rows).toEqual([]);
  });

  it('sample-distinct returns up to N distinct values of the column', () => {
    const { types, rows } = query('range x from 1 to 100 step 1 | extend k = x % 4 | sample-distinct 3 of k');
    expect(types).toEqual(['long']);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r[0])).size).toBe(3);
    expect(query('range x from 1 to 100 step 1 | extend k = x % 4 | sample-distinct 10 of k | order by k asc').rows).toEqual([[0], [1], [2], [3]]);
  });
});
