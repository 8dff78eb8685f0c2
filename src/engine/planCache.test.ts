/**
 * The plan cache through `runQuery`: re-runs give the same answers, a different catalog (or a
 * changed table) lowers again, and `now` is applied per run, never frozen into a cached plan.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogOf, rowsOf, runQuery, tableFromRows, warmUp } from './index';
import type { Catalog, QueryOutcome, Table } from './index';
import type { ColumnSchema } from './table/column';
import type { QueryPlan } from './plan';
import { cachedPlan, cachedPlanCount, PLAN_CACHE_CAPACITY } from './planCache';
import { ticksFromMs } from './types/datetime';

const HOUR_TICKS = 36_000_000_000;
const BASE_MS = Date.UTC(2024, 4, 1, 12, 0, 0);
const BASE_TICKS = ticksFromMs(BASE_MS);

const SCHEMA: ColumnSchema[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Name', type: 'string' },
];

function events(names: readonly string[]): Table {
  // One row per hour going back from BASE: row i is i hours old.
  return tableFromRows('Events', SCHEMA, names.map((n, i) => [BASE_TICKS - i * HOUR_TICKS, n]));
}

function rows(outcome: QueryOutcome): unknown[][] {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return rowsOf(outcome.tables[0]);
}

beforeAll(() => warmUp());

describe('plan cache', () => {
  it('gives the same rows when the same text runs twice, and caches one plan', () => {
    const catalog = catalogOf([events(['a', 'b', 'a', 'c'])]);
    const text = 'Events | summarize n = count() by Name | sort by Name asc';
    const first = rows(runQuery(text, catalog, { now: BASE_MS }));
    expect(cachedPlanCount(catalog)).toBe(1);
    const second = rows(runQuery(text, catalog, { now: BASE_MS }));
    expect(second).toEqual([['a', 2], ['b', 1], ['c', 1]]);
    expect(second).toEqual(first);
    expect(cachedPlanCount(catalog)).toBe(1);
  });

  it('keys on the tables map: a fresh wrapper around the same map hits, another catalog misses', () => {
    const table = events(['x', 'y']);
    const catalog = catalogOf([table]);
    const sameMap: Catalog = { tables: catalog.tables };
    let lowered = 0;
    const lower = (): QueryPlan => {
      lowered++;
      return { body: { kind: 'table', name: 'Events', schema: SCHEMA, span: { start: 0, length: 6 } } };
    };
    const a = cachedPlan('Events', catalog, lower);
    expect(cachedPlan('Events', sameMap, lower)).toBe(a);
    expect(lowered).toBe(1);
    const other = catalogOf([table]);
    expect(cachedPlan('Events', other, lower)).not.toBe(a);
    expect(lowered).toBe(2);
  });

  it('answers from the new schema when a catalog with other columns replaces the old one', () => {
    const text = 'Events | project Name';
    const before = catalogOf([events(['a'])]);
    expect(rows(runQuery(text, before, { now: BASE_MS }))).toEqual([['a']]);
    const renamed = catalogOf([tableFromRows('Events', [{ name: 'Other', type: 'string' }], [['z']])]);
    const outcome = runQuery(text, renamed, { now: BASE_MS });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('E_ANALYSIS');
  });

  it('starts over when a caller mutates its map to hold another table', () => {
    const tables = new Map<string, Table>([['Events', events(['a', 'b'])]]);
    const catalog: Catalog = { tables };
    const text = 'Events | count';
    expect(rows(runQuery(text, catalog, { now: BASE_MS }))).toEqual([[2]]);
    tables.set('Events', tableFromRows('Events', [{ name: 'Only', type: 'long' }], [[1], [2], [3]]));
    expect(rows(runQuery(text, catalog, { now: BASE_MS }))).toEqual([[3]]);
    expect(rows(runQuery('Events | project Only | take 1', catalog, { now: BASE_MS }))).toEqual([[1]]);
  });

  it('does not bake now() or ago() into the cached plan', () => {
    const catalog = catalogOf([events(['a', 'b', 'c', 'd', 'e'])]);
    const text = 'Events | where TimeGenerated > ago(150m) | count';
    // Rows are 0..4 hours old at BASE; 150 minutes keeps the rows 0, 1 and 2 hours old.
    expect(rows(runQuery(text, catalog, { now: BASE_MS }))).toEqual([[3]]);
    // Two hours later only the row that was 0 hours old is within 150 minutes.
    expect(rows(runQuery(text, catalog, { now: BASE_MS + 2 * 3_600_000 }))).toEqual([[1]]);
    // A `let`-bound tabular value is computed per run, not kept with the plan.
    const letText = 'let recent = Events | where TimeGenerated > ago(150m); recent | count';
    expect(rows(runQuery(letText, catalog, { now: BASE_MS }))).toEqual([[3]]);
    expect(rows(runQuery(letText, catalog, { now: BASE_MS + 2 * 3_600_000 }))).toEqual([[1]]);
    const nowText = 'Events | take 1 | project t = now()';
    expect(rows(runQuery(nowText, catalog, { now: BASE_MS }))).toEqual([[BASE_TICKS]]);
    expect(rows(runQuery(nowText, catalog, { now: BASE_MS + 1000 }))).toEqual([[BASE_TICKS + 10_000_000]]);
  });

  it('keeps failures out of the cache and stays bounded', () => {
    const catalog = catalogOf([events(['a'])]);
    const bad = runQuery('Events | where NoSuchColumn == 1', catalog, { now: BASE_MS });
    expect(bad.ok).toBe(false);
    expect(cachedPlanCount(catalog)).toBe(0);
    for (let i = 0; i < PLAN_CACHE_CAPACITY + 5; i++) {
      expect(rows(runQuery(`Events | take ${i + 1} | count`, catalog, { now: BASE_MS }))).toEqual([[1]]);
    }
    expect(cachedPlanCount(catalog)).toBe(PLAN_CACHE_CAPACITY);
  });

  it('drops the least recently used plan first', () => {
    const catalog = catalogOf([events(['a'])]);
    let lowered = 0;
    const lower = (): QueryPlan => {
      lowered++;
      return { body: { kind: 'table', name: 'Events', schema: SCHEMA, span: { start: 0, length: 6 } } };
    };
    for (let i = 0; i < PLAN_CACHE_CAPACITY; i++) cachedPlan(`q${i}`, catalog, lower);
    cachedPlan('q0', catalog, lower); // q0 becomes the most recently used
    cachedPlan('new', catalog, lower); // evicts q1, the least recently used
    expect(lowered).toBe(PLAN_CACHE_CAPACITY + 1);
    cachedPlan('q0', catalog, lower);
    expect(lowered).toBe(PLAN_CACHE_CAPACITY + 1);
    cachedPlan('q1', catalog, lower);
    expect(lowered).toBe(PLAN_CACHE_CAPACITY + 2);
  });
});
