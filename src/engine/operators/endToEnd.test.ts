/**
 * End-to-end: query text in, typed rows out, through `runQuery` (Kusto.Language parse and
 * bind, lowering, execution). Expected values are worked out by hand from the input rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogOf, rowsOf, runQuery, tableFromRows, warmUp } from '../index';
import type { QueryOutcome } from '../index';
import type { ColumnSchema } from '../table/column';
import { parseIsoDatetime } from '../types/datetime';

const t = (iso: string): number => {
  const ticks = parseIsoDatetime(iso);
  if (ticks === null) throw new Error(iso);
  return ticks;
};

const EVENTS: ColumnSchema[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'OperationName', type: 'string' },
  { name: 'Repository', type: 'string' },
  { name: 'Size', type: 'int' },
  { name: 'DurationMs', type: 'string' },
  { name: 'ResultType', type: 'string' },
];
const catalog = catalogOf([
  tableFromRows('Events', EVENTS, [
    [t('2024-05-01T10:15:00Z'), 'Push', 'team/api', 100, '12.5', '200'],
    [t('2024-05-01T10:45:00Z'), 'Pull', 'team/API', null, '3', '200'],
    [t('2024-05-01T11:05:00Z'), 'Pull', 'web-frontend', 50, 'abc', '401'],
    [t('2024-05-01T11:30:00Z'), 'Delete', 'team/api', 25, '', '404'],
    [t('2024-04-20T09:00:00Z'), 'Pull', 'old/thing', 10, '7', '200'],
  ]),
  tableFromRows('Logins', [{ name: 'TimeGenerated', type: 'datetime' }, { name: 'Identity', type: 'string' }], [
    [t('2024-05-01T09:00:00Z'), 'alice'],
  ]),
]);
const NOW = Date.UTC(2024, 4, 2, 0, 0, 0);

function run(text: string): QueryOutcome {
  return runQuery(text, catalog, { now: NOW });
}
function rows(text: string) {
  const outcome = run(text);
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return rowsOf(outcome.tables[0]);
}
function columns(text: string) {
  const outcome = run(text);
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.tables[0].columns;
}

beforeAll(() => warmUp(), 60_000);

describe('runQuery end to end', () => {
  it('filters with where and string operators', () => {
    expect(rows('Events | where Repository has "api" | project OperationName')).toEqual([['Push'], ['Pull'], ['Delete']]);
    expect(rows('Events | where Repository == "team/api" | count')).toEqual([[2]]);
    expect(rows('Events | where Repository =~ "TEAM/API" | count')).toEqual([[3]]);
    expect(rows('Events | where Repository contains_cs "API" | project Repository')).toEqual([['team/API']]);
    expect(rows('Events | where OperationName in ("Push", "Delete") | project Size')).toEqual([[100], [25]]);
    expect(rows('Events | where OperationName !in~ ("push", "delete") | count')).toEqual([[3]]);
    expect(rows('Events | where Repository startswith "web" or Size > 99 | project Repository')).toEqual([['team/api'], ['web-frontend']]);
  });
  it('uses now/ago from the run options', () => {
    expect(rows('Events | where TimeGenerated > ago(1d) | count')).toEqual([[4]]);
    expect(rows('Events | where TimeGenerated between (datetime(2024-05-01 10:00) .. 1h) | count')).toEqual([[2]]);
  });
  it('summarizes by bin(TimeGenerated, 1h) with binder column names and types', () => {
    const q = 'Events | where TimeGenerated > ago(1d) | summarize count(), avg(todouble(DurationMs)), sum(Size) by bin(TimeGenerated, 1h)';
    expect(columns(q)).toEqual([
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'count_', type: 'long' },
      { name: 'avg_DurationMs', type: 'real' },
      { name: 'sum_Size', type: 'long' },
    ]);
    expect(rows(q)).toEqual([
      [t('2024-05-01T10:00:00Z'), 2, 7.75, 100],
      // Both DurationMs of 11:00 are unreadable (null): avg of no value is NaN (0 / 0), as in Kusto.
      [t('2024-05-01T11:00:00Z'), 2, NaN, 75],
    ]);
  });
  it('summarizes with named aggregates, countif and dcount', () => {
    const q = 'Events | summarize Pulls = countif(OperationName == "Pull"), Repos = dcount(Repository), Biggest = max(Size) by ResultType | order by ResultType asc';
    expect(rows(q)).toEqual([['200', 2, 3, 100], ['401', 1, 1, 50], ['404', 0, 1, 25]]);
  });
  it('extends, sorts, tops and takes', () => {
    expect(rows('Events | extend Kb = Size / 10 | top 2 by Kb | project Repository, Kb')).toEqual([['team/api', 10], ['web-frontend', 5]]);
    expect(rows('Events | sort by Size asc | project Size')).toEqual([[null], [10], [25], [50], [100]]);
    expect(rows('Events | order by Size | take 2 | project Size')).toEqual([[100], [50]]);
    expect(rows('Events | take 2 | project OperationName')).toEqual([['Push'], ['Pull']]);
  });
  it('computes with conversions, iff and strcat', () => {
    const q = 'Events | where isnotempty(DurationMs) | project Ms = todouble(DurationMs), Label = iff(Size > 30, strcat("big:", Repository), "small") | take 3';
    expect(rows(q)).toEqual([[12.5, 'big:team/api'], [3, 'small'], [null, 'big:web-frontend']]);
  });
  it('distinct and union', () => {
    expect(rows('Events | distinct OperationName')).toEqual([['Push'], ['Pull'], ['Delete']]);
    const q = 'Logins | union (Events | take 1 | project TimeGenerated, Repository)';
    expect(columns(q).map((c) => c.name)).toEqual(['TimeGenerated', 'Identity', 'Repository']);
    expect(rows(q)).toEqual([[t('2024-05-01T09:00:00Z'), 'alice', ''], [t('2024-05-01T10:15:00Z'), '', 'team/api']]);
  });
  it('returns the render request', () => {
    const outcome = run('Events | summarize count() by bin(TimeGenerated, 1d) | render columnchart');
    expect(outcome.ok && outcome.render?.visualization).toBe('columnchart');
  });
  it('reports a cancelled run as E_CANCELLED', () => {
    const outcome = runQuery('Events | count', catalog, { now: NOW, cancel: { isCancelled: () => true } });
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('E_CANCELLED');
  });
});
