/**
 * `join` end to end through `runQuery`. The X / Y tables are the ones of Kusto's per-flavor
 * docs pages (join-innerunique.md, join-fullouter.md, ...); the expected rows follow each
 * flavor's documented definition. Kusto leaves row order unspecified, so rows are compared
 * sorted (`sorted`), except where a test is about which row innerunique keeps.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogOf, rowsOf, runQuery, tableFromRows, warmUp } from '../index';
import type { Catalog } from '../index';
import type { CellValue } from '../table/rows';

const X = tableFromRows('X', [{ name: 'Key', type: 'string' }, { name: 'Value1', type: 'long' }], [
  ['a', 1], ['b', 2], ['b', 3], ['c', 4],
]);
const Y = tableFromRows('Y', [{ name: 'Key', type: 'string' }, { name: 'Value2', type: 'long' }], [
  ['b', 10], ['c', 20], ['c', 30], ['d', 40],
]);
/** X with two more unmatched keys: larger than Y, so the hash table is built on the other side. */
const XBIG = tableFromRows('XBig', [{ name: 'Key', type: 'string' }, { name: 'Value1', type: 'long' }], [
  ['a', 1], ['b', 2], ['b', 3], ['c', 4], ['x', 7], ['y', 8],
]);
/** Numeric keys with nulls on both sides. */
const N = tableFromRows('N', [{ name: 'K', type: 'long' }, { name: 'V', type: 'string' }], [
  [1, 'n1'], [null, 'n-null'], [2, 'n2'],
]);
const M = tableFromRows('M', [{ name: 'K', type: 'long' }, { name: 'W', type: 'string' }], [
  [null, 'm-null'], [2, 'm2'], [3, 'm3'],
]);
/** Two-part keys; R names its columns differently and clashes on TimeGenerated and Key1. */
const L = tableFromRows('L', [
  { name: 'Key', type: 'string' }, { name: 'Region', type: 'string' }, { name: 'A', type: 'long' }, { name: 'TimeGenerated', type: 'datetime' },
], [
  ['k1', 'eu', 1, 100], ['k1', 'us', 2, 200], ['k2', 'eu', 3, 300],
]);
const R = tableFromRows('R', [
  { name: 'Key', type: 'string' }, { name: 'Zone', type: 'string' }, { name: 'B', type: 'long' }, { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Key1', type: 'string' },
], [
  ['k1', 'eu', 10, 1000, 'x'], ['k1', 'eu', 11, 1100, 'y'], ['k2', 'us', 12, 1200, 'z'], ['k1', 'us', 13, 1300, 'w'],
]);
const catalog: Catalog = catalogOf([X, Y, XBIG, N, M, L, R]);

function outcomeOf(text: string) {
  const outcome = runQuery(text, catalog, { now: Date.UTC(2024, 0, 1) });
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.tables[0];
}
function rows(text: string): CellValue[][] {
  return rowsOf(outcomeOf(text));
}
function sorted(values: CellValue[][]): CellValue[][] {
  const key = (row: CellValue[]) => JSON.stringify(row);
  return [...values].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
function names(text: string): string[] {
  return outcomeOf(text).columns.map((c) => c.name);
}

beforeAll(() => warmUp(), 60_000);

/** Rows of every flavor for `X | join kind=K Y on Key`, from the flavor definitions. */
const EXPECTED: Record<string, CellValue[][]> = {
  innerunique: [['b', 2, 'b', 10], ['c', 4, 'c', 20], ['c', 4, 'c', 30]],
  inner: [['b', 2, 'b', 10], ['b', 3, 'b', 10], ['c', 4, 'c', 20], ['c', 4, 'c', 30]],
  leftouter: [['a', 1, '', null], ['b', 2, 'b', 10], ['b', 3, 'b', 10], ['c', 4, 'c', 20], ['c', 4, 'c', 30]],
  rightouter: [['b', 2, 'b', 10], ['b', 3, 'b', 10], ['c', 4, 'c', 20], ['c', 4, 'c', 30], ['', null, 'd', 40]],
  fullouter: [['a', 1, '', null], ['b', 2, 'b', 10], ['b', 3, 'b', 10], ['c', 4, 'c', 20], ['c', 4, 'c', 30], ['', null, 'd', 40]],
  leftsemi: [['b', 2], ['b', 3], ['c', 4]],
  leftanti: [['a', 1]],
  rightsemi: [['b', 10], ['c', 20], ['c', 30]],
  rightanti: [['d', 40]],
};
/** The extra rows `XBig` (X plus keys x and y, never matched) adds to each flavor. */
const EXTRA_FROM_XBIG: Record<string, CellValue[][]> = {
  innerunique: [], inner: [], rightouter: [], leftsemi: [], rightsemi: [], rightanti: [],
  leftouter: [['x', 7, '', null], ['y', 8, '', null]],
  fullouter: [['x', 7, '', null], ['y', 8, '', null]],
  leftanti: [['x', 7], ['y', 8]],
};

describe('join flavors (docs tables X and Y)', () => {
  it.each(Object.keys(EXPECTED))('kind=%s, built on either side', (kind) => {
    // X (4 rows) vs Y (4 rows) and XBig (6 rows) vs Y: the hash table goes to different sides.
    expect(sorted(rows(`X | join kind=${kind} Y on Key`))).toEqual(sorted(EXPECTED[kind]));
    expect(sorted(rows(`XBig | join kind=${kind} Y on Key`))).toEqual(sorted([...EXPECTED[kind], ...EXTRA_FROM_XBIG[kind]]));
    // Y (4 rows) vs `X | where Value1 > 1` (3 rows): the left side is now the larger one.
    const smallRight = sorted(rows(`X | where Value1 > 1 | join kind=${kind} Y on Key`));
    expect(smallRight).toEqual(sorted(EXPECTED[kind].filter((r) => r[0] !== 'a' && r[1] !== 1)));
  });
  it('defaults to innerunique and keeps the first left row of each key', () => {
    // The docs' innerunique example: left rows b/2 and b/3 share a key; the first one is kept.
    expect(sorted(rows('X | join Y on Key'))).toEqual(sorted(EXPECTED.innerunique));
    expect(rows('XBig | join Y on Key').filter((r) => r[0] === 'b')).toEqual([['b', 2, 'b', 10]]);
    expect(rows('X | join kind=innerunique Y on Key').filter((r) => r[0] === 'b')).toEqual([['b', 2, 'b', 10]]);
    // Left (3 rows) smaller than right (4): the left side is the hash table, deduplicated as built.
    expect(rows('X | where Value1 > 1 | join Y on Key').filter((r) => r[0] === 'b')).toEqual([['b', 2, 'b', 10]]);
  });
  it('names the columns as the binder does', () => {
    expect(names('X | join Y on Key')).toEqual(['Key', 'Value1', 'Key1', 'Value2']);
    expect(names('X | join kind=leftsemi Y on Key')).toEqual(['Key', 'Value1']);
    expect(names('X | join kind=rightanti Y on Key')).toEqual(['Key', 'Value2']);
  });
  it('accepts the kind aliases and hints', () => {
    expect(sorted(rows('X | join kind=anti Y on Key'))).toEqual(EXPECTED.leftanti);
    expect(sorted(rows('X | join kind=leftantisemi Y on Key'))).toEqual(EXPECTED.leftanti);
    expect(sorted(rows('X | join kind=rightantisemi Y on Key'))).toEqual(EXPECTED.rightanti);
    expect(sorted(rows('X | join kind=inner hint.strategy=broadcast hint.remote=auto (Y) on Key'))).toEqual(sorted(EXPECTED.inner));
  });
});

describe('join keys', () => {
  it('never matches null keys, but keeps their rows in outer and anti flavors', () => {
    expect(rows('N | join kind=inner M on K')).toEqual([[2, 'n2', 2, 'm2']]);
    expect(sorted(rows('N | join kind=fullouter M on K'))).toEqual(sorted([
      [1, 'n1', null, ''], [null, 'n-null', null, ''], [2, 'n2', 2, 'm2'], [null, '', null, 'm-null'], [null, '', 3, 'm3'],
    ]));
    expect(sorted(rows('N | join kind=leftanti M on K'))).toEqual(sorted([[1, 'n1'], [null, 'n-null']]));
    expect(sorted(rows('N | join kind=rightanti M on K'))).toEqual(sorted([[null, 'm-null'], [3, 'm3']]));
    expect(rows('N | join kind=leftsemi M on K')).toEqual([[2, 'n2']]);
  });
  it('joins on $left.a == $right.b and on several keys (commas or and)', () => {
    const expected = sorted([[1, 10], [1, 11], [2, 13]]);
    expect(sorted(rows('L | join kind=inner R on $left.Key == $right.Key, $left.Region == $right.Zone | project A, B'))).toEqual(expected);
    expect(sorted(rows('L | join kind=inner R on Key and $left.Region == $right.Zone | project A, B'))).toEqual(expected);
    // k2 is eu on the left and us on the right: only the second key tells them apart.
    expect(rows('L | join kind=leftanti R on Key, $left.Region == $right.Zone | project A')).toEqual([[3]]);
    expect(sorted(rows('L | join kind=inner R on Key | project A, B'))).toEqual(sorted([[1, 10], [1, 11], [1, 13], [2, 10], [2, 11], [2, 13], [3, 12]]));
  });
  it('compares string keys by text across dictionaries and numbers by value', () => {
    // Y's dictionary has b, c, d in another order than X's: codes differ, texts match.
    expect(rows('Y | join kind=leftsemi X on Key | project Value2')).toEqual([[10], [20], [30]]);
    expect(rows('N | join kind=inner (M | project K2 = K * 1, W) on $left.K == $right.K2 | project V, W')).toEqual([['n2', 'm2']]);
  });
  it('renames clashing right columns as the binder does (Key2, TimeGenerated1)', () => {
    const q = 'L | join kind=inner R on Key, $left.Region == $right.Zone';
    expect(names(q)).toEqual(['Key', 'Region', 'A', 'TimeGenerated', 'Key2', 'Zone', 'B', 'TimeGenerated1', 'Key1']);
    expect(sorted(rows(q))).toEqual(sorted([
      ['k1', 'eu', 1, 100, 'k1', 'eu', 10, 1000, 'x'],
      ['k1', 'eu', 1, 100, 'k1', 'eu', 11, 1100, 'y'],
      ['k1', 'us', 2, 200, 'k1', 'us', 13, 1300, 'w'],
    ]));
  });
  it('feeds later operators (summarize over the joined rows)', () => {
    const q = 'X | join kind=inner Y on Key | summarize count(), sum(Value2) by Key | order by Key asc';
    expect(rows(q)).toEqual([['b', 2, 20], ['c', 2, 50]]);
  });
  it('joins an empty side', () => {
    expect(rows('X | where Value1 > 100 | join kind=inner Y on Key')).toEqual([]);
    expect(sorted(rows('X | join kind=leftouter (Y | where Value2 > 100) on Key'))).toEqual(sorted([
      ['a', 1, '', null], ['b', 2, '', null], ['b', 3, '', null], ['c', 4, '', null],
    ]));
  });
});

describe('join errors', () => {
  it('reports a where condition as not supported, at its position', () => {
    const text = 'X | join kind=inner Y where $left.Value1 > $right.Value2';
    const outcome = runQuery(text, catalog, { now: 0 });
    if (outcome.ok) throw new Error('expected an error');
    expect(outcome.error.code).toBe('E_UNSUPPORTED');
    expect(outcome.error.span?.start).toBe(text.indexOf('where'));
  });
});
