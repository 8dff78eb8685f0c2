/**
 * percentile / percentiles / percentiles_array through `runQuery`, checked against the
 * nearest-rank definition of Kusto's docs (percentiles-aggregation-function.md): of n sorted
 * values, the P-th percentile is the one at rank ceil(P / 100 * n); the 0-th is the smallest.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogOf, rowsOf, runQuery, tableFromRows, warmUp } from '../index';
import type { CellValue } from '../table/rows';
import { parseIsoDatetime } from '../types/datetime';
import { TICKS_PER_HOUR } from '../types/scalarType';
import { nearestRankIndex, selectInPlace } from './percentile';

const BASE = parseIsoDatetime('2024-05-01T00:00:00Z') ?? 0;
/** Group a: X = 1..10 shuffled plus a null; b: one value; c: only nulls. */
const SAMPLE: [string, number | null][] = [
  ['a', 7], ['a', 3], ['b', 5], ['a', 10], ['a', 1], ['a', null], ['c', null], ['a', 5], ['a', 9], ['a', 2], ['a', 8], ['a', 6], ['a', 4],
];
const P = tableFromRows('P', [
  { name: 'G', type: 'string' }, { name: 'X', type: 'long' }, { name: 'R', type: 'real' }, { name: 'T', type: 'datetime' }, { name: 'S', type: 'timespan' },
], SAMPLE.map(([g, x]) => [g, x, x === null ? null : x * 1.5, x === null ? null : BASE + x * TICKS_PER_HOUR, x === null ? null : x * TICKS_PER_HOUR]));
const D = tableFromRows('D', [{ name: 'V', type: 'long' }], [[2], [2], [2], [1], [3], [2], [2]]);
const catalog = catalogOf([P, D]);

function result(text: string) {
  const outcome = runQuery(text, catalog, { now: 0 });
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.tables[0];
}
function rows(text: string): CellValue[][] {
  return rowsOf(result(text));
}

beforeAll(() => warmUp(), 60_000);

describe('percentile', () => {
  it('gives the nearest-rank value per group, ignoring nulls; an empty group is null', () => {
    expect(rows('P | summarize percentile(X, 50) by G | order by G asc')).toEqual([['a', 5], ['b', 5], ['c', null]]);
    // n = 10: P=95 is rank ceil(9.5) = 10; P=11 is rank ceil(1.1) = 2; P=10 is rank 1.
    expect(rows('P | where G == "a" | summarize percentile(X, 95), percentile(X, 11), percentile(X, 10), percentile(X, 0), percentile(X, 100)')).toEqual([
      [10, 2, 1, 1, 10],
    ]);
    expect(rows('P | where G == "a" | summarize percentile(X, 99.9), percentile(X, 50.5)')).toEqual([[10, 6]]);
  });
  it('keeps the input type: real, datetime, timespan', () => {
    const table = result('P | where G == "a" | summarize percentile(R, 50), percentile(T, 50), percentile(S, 95)');
    expect(table.columns).toEqual([
      { name: 'percentile_R_50', type: 'real' },
      { name: 'percentile_T_50', type: 'datetime' },
      { name: 'percentile_S_95', type: 'timespan' },
    ]);
    expect(rowsOf(table)).toEqual([[7.5, BASE + 5 * TICKS_PER_HOUR, 10 * TICKS_PER_HOUR]]);
  });
  it('handles runs of equal values', () => {
    // Sorted: 1 2 2 2 2 2 3; P=50 is rank ceil(3.5) = 4; P=90 is rank ceil(6.3) = 7.
    expect(rows('D | summarize percentile(V, 50), percentile(V, 14), percentile(V, 15), percentile(V, 90)')).toEqual([[2, 1, 2, 3]]);
  });
  it('works over computed values (the benchmark Q4 shape)', () => {
    expect(rows('P | summarize percentile(todouble(X), 95) by G | where G == "a"')).toEqual([['a', 10]]);
  });
  it('is a runtime error for a percentile outside 0..100', () => {
    const outcome = runQuery('P | summarize percentile(X, 101)', catalog, { now: 0 });
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('E_RUNTIME');
  });
});

describe('percentiles and percentiles_array', () => {
  it('gives one column per percentile, named by the binder', () => {
    const table = result('P | summarize percentiles(X, 0, 11, 95) by G | order by G asc');
    expect(table.columns.map((c) => c.name)).toEqual(['G', 'percentile_X_0', 'percentile_X_11', 'percentile_X_95']);
    expect(rowsOf(table)).toEqual([['a', 1, 2, 10], ['b', 5, 5, 5], ['c', null, null, null]]);
  });
  it('accepts names for its columns', () => {
    const table = result('P | where G == "a" | summarize (Low, High) = percentiles(X, 5, 95), n = count()');
    expect(table.columns.map((c) => c.name)).toEqual(['Low', 'High', 'n']);
    // count() counts rows, the null one included.
    expect(rowsOf(table)).toEqual([[1, 10, 11]]);
  });
  it('percentiles_array gives a dynamic array (list or dynamic array of percentiles)', () => {
    expect(rows('P | where G == "a" | summarize percentiles_array(X, 10, 50, 100)')).toEqual([[[1, 5, 10]]]);
    expect(rows('P | where G == "a" | summarize percentiles_array(R, dynamic([10, 50]))')).toEqual([[[1.5, 7.5]]]);
    expect(rows('P | where G == "b" | summarize percentiles_array(T, 50)')).toEqual([[['2024-05-01T05:00:00.0000000Z']]]);
  });
});

describe('selection kernel', () => {
  it('picks the same value as sorting, for random inputs with duplicates', () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 60);
      const values = Float64Array.from({ length: n }, () => Math.floor(random() * 12) - 3);
      const reference = Array.from(values).sort((a, b) => a - b);
      for (const p of [0, 1, 25, 50, 75, 95, 99, 100]) {
        const k = nearestRankIndex(p, n);
        expect(k).toBe(Math.max(1, Math.ceil((p / 100) * n - 1e-9)) - 1);
        expect(selectInPlace(values.slice(), 0, n, k)).toBe(reference[k]);
      }
    }
  });
});
