/**
 * The run's time range at table scans (`RunOptions.timeRange`) and table time bounds.
 * Inputs are small hand-built tables; every expectation is counted by hand from their rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogOf, rowsOf, runQuery, tableFromRows, timeBoundsOf, warmUp } from './index';
import type { QueryOutcome, QuerySuccess } from './index';
import type { ColumnSchema } from './table/column';
import { parseIsoDatetime } from './types/datetime';

const ticks = (iso: string): number => {
  const value = parseIsoDatetime(iso);
  if (value === null) throw new Error(iso);
  return value;
};
const ms = (iso: string): number => Date.parse(iso);

const EVENTS: ColumnSchema[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'OperationName', type: 'string' },
  { name: 'Size', type: 'long' },
];
// Deliberately not in time order, with a null TimeGenerated and one row on each boundary.
const events = tableFromRows('Events', EVENTS, [
  [ticks('2024-05-01T11:00:00Z'), 'Pull', 1],
  [ticks('2024-04-20T09:00:00Z'), 'Push', 2],
  [null, 'Pull', 4],
  [ticks('2024-05-01T10:00:00Z'), 'Pull', 8], // = range start
  [ticks('2024-05-01T12:00:00Z'), 'Delete', 16], // = range end
  [ticks('2024-05-01T12:00:00.001Z'), 'Pull', 32], // 1 ms after the end
  [ticks('2024-05-01T09:59:59.999Z'), 'Push', 64], // 1 ms before the start
]);
const logins = tableFromRows('Logins', [{ name: 'TimeGenerated', type: 'datetime' }, { name: 'Identity', type: 'string' }], [
  [ticks('2024-05-01T10:30:00Z'), 'alice'],
  [ticks('2024-03-01T10:30:00Z'), 'bob'],
]);
// A table whose TimeGenerated is text (e.g. an inferred CSV): never scoped.
const textTimes = tableFromRows('TextTimes', [{ name: 'TimeGenerated', type: 'string' }, { name: 'N', type: 'long' }], [
  ['long ago', 1],
  ['2024-05-01', 2],
]);
const noTime = tableFromRows('Lookup', [{ name: 'Key', type: 'string' }], [['a'], ['b'], ['c']]);
const catalog = catalogOf([events, logins, textTimes, noTime]);

const NOW = ms('2024-05-01T12:00:00Z');
const RANGE = { fromMs: ms('2024-05-01T10:00:00Z'), toMs: ms('2024-05-01T12:00:00Z') };

function success(outcome: QueryOutcome): QuerySuccess {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome;
}
function sizes(text: string, timeRange = RANGE): number[] {
  const rows = rowsOf(success(runQuery(text, catalog, { now: NOW, timeRange })).tables[0]);
  return rows.map((r) => Number(r[0])).sort((a, b) => a - b);
}
function count(text: string, timeRange: typeof RANGE | undefined = RANGE): number {
  return Number(rowsOf(success(runQuery(text, catalog, { now: NOW, timeRange })).tables[0])[0][0]);
}

beforeAll(() => warmUp());

describe('a run time range at table scans', () => {
  it('keeps rows inside the inclusive range and drops null TimeGenerated', () => {
    // Inside: 11:00 (1), 10:00 start (8), 12:00 end (16). Outside: 04-20 (2), null (4), +1 ms (32), -1 ms (64).
    expect(sizes('Events | project Size')).toEqual([1, 8, 16]);
  });

  it('says whether the range was applied, and leaves runs without a range untouched', () => {
    expect(success(runQuery('Events | count', catalog, { now: NOW, timeRange: RANGE })).timeRangeApplied).toBe(true);
    const unscoped = success(runQuery('Events | count', catalog, { now: NOW }));
    expect(unscoped.timeRangeApplied).toBeUndefined();
    expect(Number(rowsOf(unscoped.tables[0])[0][0])).toBe(7);
  });

  it('gives the same rows as the equivalent between filter, through every operator shape', () => {
    const between = '| where TimeGenerated between (datetime(2024-05-01T10:00:00Z) .. datetime(2024-05-01T12:00:00Z))';
    const shapes = [
      (src: string) => `${src} | count`,
      (src: string) => `${src} | where OperationName == "Pull" | count`,
      (src: string) => `${src} | summarize n = count() by bin(TimeGenerated, 1h) | count`,
      (src: string) => `${src} | top 2 by TimeGenerated desc | count`,
      (src: string) => `${src} | summarize total = sum(Size) | project total`,
    ];
    for (const shape of shapes) {
      const scoped = success(runQuery(shape('Events'), catalog, { now: NOW, timeRange: RANGE }));
      const filtered = success(runQuery(shape(`Events ${between}`), catalog, { now: NOW }));
      expect(rowsOf(scoped.tables[0]), shape('Events')).toEqual(rowsOf(filtered.tables[0]));
    }
  });

  it('scopes every catalog table of a union and of a join', () => {
    // Events in range: 3 rows; Logins in range: alice only.
    expect(count('union Events, Logins | count')).toBe(4);
    expect(count('Logins | join kind=leftouter (Events | project TimeGenerated, Size) on TimeGenerated | count')).toBe(1);
  });

  it('leaves tables without a datetime TimeGenerated, and datatables, alone', () => {
    expect(count('TextTimes | count')).toBe(2);
    expect(count('Lookup | count')).toBe(3);
    expect(count('union Lookup, Logins | count')).toBe(3 + 1);
  });

  it('applies nothing when the query filters on TimeGenerated itself', () => {
    const outcome = success(runQuery('Events | where TimeGenerated > datetime(2024-01-01) | count', catalog, { now: NOW, timeRange: RANGE }));
    expect(outcome.timeRangeApplied).toBe(false);
    // Every non-null TimeGenerated is after 2024-01-01: 6 rows, not the 3 of the range.
    expect(Number(rowsOf(outcome.tables[0])[0][0])).toBe(6);
  });

  it('applies nothing when a find predicate filters on TimeGenerated', () => {
    const outcome = success(runQuery('find in (Events, Logins) where TimeGenerated > datetime(2024-01-01) | count', catalog, { now: NOW, timeRange: RANGE }));
    expect(outcome.timeRangeApplied).toBe(false);
    const scoped = success(runQuery('find in (Events, Logins) where * has "a" | count', catalog, { now: NOW, timeRange: RANGE }));
    expect(scoped.timeRangeApplied).toBe(true);
  });

  it('an empty range keeps nothing', () => {
    expect(count('Events | count', { fromMs: ms('2030-01-01T00:00:00Z'), toMs: ms('2030-01-02T00:00:00Z') })).toBe(0);
  });
});

describe('timeBoundsOf', () => {
  it('gives the oldest and newest non-null TimeGenerated in milliseconds', () => {
    expect(timeBoundsOf(events)).toEqual({ minMs: ms('2024-04-20T09:00:00Z'), maxMs: ms('2024-05-01T12:00:00.001Z') });
    expect(timeBoundsOf(logins)).toEqual({ minMs: ms('2024-03-01T10:30:00Z'), maxMs: ms('2024-05-01T10:30:00Z') });
  });

  it('is null without a datetime TimeGenerated or without values', () => {
    expect(timeBoundsOf(textTimes)).toBeNull();
    expect(timeBoundsOf(noTime)).toBeNull();
    expect(timeBoundsOf(tableFromRows('Empty', EVENTS, []))).toBeNull();
    expect(timeBoundsOf(tableFromRows('Nulls', EVENTS, [[null, 'x', 1]]))).toBeNull();
  });
});
