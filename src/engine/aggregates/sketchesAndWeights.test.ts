import { describe, expect, it } from 'vitest';
import { digestPercentile, digestPoints, digestRank, digestOf, digestValue, hllKeys, hllValue } from '../types/sketches';
import { weightedPercentiles } from './weightedPercentile';
import { mergeSchemas, schemaOfValue } from './buildSchema';
import { query } from '../functions/queryTestKit';

describe('digest points', () => {
  it('combines equal values and sorts them, and reads back what it writes', () => {
    const points = digestPoints('real', [3, 1, 3, 2], [1, 1, 2, 5]);
    expect(points.values).toEqual([1, 2, 3]);
    expect(points.weights).toEqual([1, 5, 3]);
    expect(digestOf(digestValue(points))?.values).toEqual([1, 2, 3]);
  });

  it('gives nearest-rank percentiles and ranks by weight', () => {
    const points = digestPoints('real', [10, 20, 30, 40], [8, 6, 3, 1]);
    expect([0, 50, 75, 99.9, 100].map((p) => digestPercentile(points, p))).toEqual([10, 20, 20, 40, 40]);
    expect(digestRank(points, 25)).toBe(14);
    expect(digestRank(points, 5)).toBe(0);
  });

  it('does not read other values as sketches', () => {
    expect(digestOf([1, 2, 3])).toBeNull();
    expect(hllKeys({ a: 1 })).toBeNull();
    expect(hllKeys(hllValue(['b', 'a']))).toEqual(['a', 'b']);
  });
});

describe('weighted percentiles', () => {
  it('counts each value as often as its weight', () => {
    expect(weightedPercentiles([5, 1], [1, 3], [25, 75, 76, 100])).toEqual([1, 1, 5, 5]);
    expect(weightedPercentiles([], [], [50])).toBeNull();
  });
});

describe('buildschema', () => {
  it('lists different types as alternatives and merges bags', () => {
    expect(mergeSchemas(schemaOfValue({ a: 1 }), schemaOfValue({ a: 'x', b: [1.5] }))).toEqual({ a: ['long', 'string'], b: { '`indexer`': 'double' } });
    expect(schemaOfValue(null)).toBeNull();
  });
});

describe('binary_all_* over bits above 32', () => {
  it('keeps bits a 32-bit operation would lose', () => {
    const result = query('One | extend x = 1099511627776 | union (One | extend x = 1099511627777) | summarize a = binary_all_and(x), o = binary_all_or(x), e = binary_all_xor(x)');
    expect(result.rows).toEqual([[1099511627776, 1099511627777, 1]]);
  });
});
