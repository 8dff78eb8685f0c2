/**
 * The `join | summarize count() by key` fast path (joinCount.ts) against the general path: the
 * same query with `| extend unfused = 1` between the two operators runs the join and the
 * summarize one after the other. Rows are compared in order (the fast path promises the same
 * group order), on data made to defeat shortcuts: duplicate keys on both sides, null guids,
 * filtered sides, no match, empty sides, either side larger.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogOf, rowsOf, runQuery, tableFromRows, warmUp } from '../index';
import type { CellValue } from '../table/rows';

const LEFT = tableFromRows('Lt', [{ name: 'Id', type: 'string' }, { name: 'Ok', type: 'long' }], [
  ['carol', 0], ['bob', 1], ['alice', 0], ['bob', 0], ['dave', 0], ['', 0], ['carol', 1],
]);
const RIGHT = tableFromRows('Rt', [{ name: 'Id', type: 'string' }, { name: 'N', type: 'long' }], [
  ['alice', 1], ['bob', 2], ['zed', 3], ['bob', 4], ['carol', 5], ['', 6], ['alice', 7], ['bob', 8], ['erin', 9],
]);
/** Larger than LEFT, so the general path builds its hash on the left side (the other order). */
const SMALL = tableFromRows('Small', [{ name: 'Id', type: 'string' }], [['bob'], ['alice'], ['bob']]);
const EMPTY = tableFromRows('Empty', [{ name: 'Id', type: 'string' }], []);
const G1 = tableFromRows('G1', [{ name: 'G', type: 'guid' }], [
  ['00000000-0000-0000-0000-000000000001'], [null], ['00000000-0000-0000-0000-000000000002'], [null],
]);
const G2 = tableFromRows('G2', [{ name: 'G', type: 'guid' }, { name: 'X', type: 'long' }], [
  [null, 1], ['00000000-0000-0000-0000-000000000002', 2], ['00000000-0000-0000-0000-000000000001', 3], ['00000000-0000-0000-0000-000000000002', 4], [null, 5],
]);
const catalog = catalogOf([LEFT, RIGHT, SMALL, EMPTY, G1, G2]);

function rows(text: string): CellValue[][] {
  const outcome = runQuery(text, catalog, { now: Date.UTC(2024, 0, 1) });
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return rowsOf(outcome.tables[0]);
}

/** The fused query and the same query with the pair split, in order. */
function bothPaths(join: string, summarize: string): { fast: CellValue[][]; general: CellValue[][] } {
  return { fast: rows(`${join} | ${summarize}`), general: rows(`${join} | extend unfused = 1 | ${summarize}`) };
}

beforeAll(() => warmUp());

describe('join | summarize count() by key', () => {
  it('innerunique counts the right rows per key, in the general path order', () => {
    const { fast, general } = bothPaths('Lt | join (Rt) on Id', 'summarize count() by Id');
    // Left keeps one row per key; right has bob x3, carol x1, alice x2, "" x1 (zed, erin unmatched).
    expect(fast).toEqual(general);
    expect([...fast].sort()).toEqual([['', 1], ['alice', 2], ['bob', 3], ['carol', 1]]);
  });

  it('inner multiplies the duplicates of both sides', () => {
    const { fast, general } = bothPaths('Lt | join kind=inner (Rt) on Id', 'summarize n = count() by Id');
    expect(fast).toEqual(general);
    expect([...fast].sort()).toEqual([['', 1], ['alice', 2], ['bob', 6], ['carol', 2]]);
  });

  it('groups by the right copy of the key and by keys named differently', () => {
    for (const kind of ['innerunique', 'inner']) {
      const copy = bothPaths(`Lt | join kind=${kind} (Rt) on Id`, 'summarize count() by Id1');
      expect(copy.fast).toEqual(copy.general);
      const renamed = bothPaths(`Lt | join kind=${kind} (Rt | project Other = Id) on $left.Id == $right.Other`, 'summarize c = count(), d = count() by Other');
      expect(renamed.fast).toEqual(renamed.general);
      expect(renamed.fast.length).toBe(4);
    }
  });

  it('follows the probe side when the left side is the smaller one, with filtered sides', () => {
    for (const kind of ['innerunique', 'inner']) {
      const small = bothPaths(`Small | join kind=${kind} (Rt | where N > 1) on Id`, 'summarize count() by Id');
      expect(small.fast).toEqual(small.general);
      const filtered = bothPaths(`Rt | where N != 4 | join kind=${kind} (Lt | where Ok == 0) on Id`, 'summarize count() by Id');
      expect(filtered.fast).toEqual(filtered.general);
    }
  });

  it('never matches null guids', () => {
    for (const kind of ['innerunique', 'inner']) {
      const { fast, general } = bothPaths(`G1 | join kind=${kind} (G2) on G`, 'summarize count() by G');
      expect(fast).toEqual(general);
      expect(fast.length).toBe(2);
    }
  });

  it('gives no rows for empty sides and no matches', () => {
    expect(rows('Empty | join (Rt) on Id | summarize count() by Id')).toEqual([]);
    expect(rows('Lt | join (Empty) on Id | summarize count() by Id')).toEqual([]);
    expect(rows('Lt | where Id == "nobody" | join kind=inner (Rt) on Id | summarize count() by Id')).toEqual([]);
  });

  it('leaves other shapes to the general path with the same answers', () => {
    // By a non-key column, another aggregate, an outer flavor: still correct answers.
    expect(rows('Lt | join (Rt) on Id | summarize count() by Ok | sort by Ok asc')).toEqual([[0, 4], [1, 3]]);
    expect(rows('Lt | join (Rt) on Id | summarize sum(N) by Id | sort by Id asc')).toEqual([['', 6], ['alice', 8], ['bob', 14], ['carol', 5]]);
    expect(rows('Lt | join kind=leftouter (Rt) on Id | summarize count() by Id | sort by Id asc')).toEqual([['', 1], ['alice', 2], ['bob', 6], ['carol', 2], ['dave', 1]]);
  });
});
