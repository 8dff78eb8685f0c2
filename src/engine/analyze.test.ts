/**
 * `analyzeQuery`: does a query filter on a catalog table's TimeGenerated itself (Log Analytics'
 * "Set in query"), and what error would running it give, without running it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuery, catalogOf, runQuery, tableFromRows, warmUp } from './index';
import type { ColumnSchema } from './table/column';

const REPO: ColumnSchema[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Timestamp', type: 'datetime' },
  { name: 'OperationName', type: 'string' },
];
const catalog = catalogOf([
  tableFromRows('Repo', REPO, []),
  tableFromRows('Logins', [{ name: 'TimeGenerated', type: 'datetime' }, { name: 'Identity', type: 'string' }], []),
  tableFromRows('Csv', [{ name: 'TimeGenerated', type: 'string' }], []),
]);

const filtersOnTime = (text: string): boolean => analyzeQuery(text, catalog).filtersOnTime;

beforeAll(() => warmUp());

describe('time filter detection', () => {
  it('sees where/filter predicates on a catalog TimeGenerated', () => {
    expect(filtersOnTime('Repo | where TimeGenerated > ago(1d)')).toBe(true);
    expect(filtersOnTime('Repo | filter TimeGenerated > ago(1d)')).toBe(true);
    expect(filtersOnTime('Repo | where TimeGenerated between (ago(2d) .. ago(1d))')).toBe(true);
    expect(filtersOnTime('Repo | where OperationName == "Pull" and TimeGenerated >= datetime(2024-01-01)')).toBe(true);
    expect(filtersOnTime('Repo | project TimeGenerated, OperationName | where TimeGenerated > ago(1h) | count')).toBe(true);
  });

  it('does not count other columns, other operators or no filter at all', () => {
    expect(filtersOnTime('Repo | where Timestamp > ago(1d)')).toBe(false);
    expect(filtersOnTime('Repo | where OperationName == "Pull"')).toBe(false);
    expect(filtersOnTime('Repo | summarize count() by bin(TimeGenerated, 1h)')).toBe(false);
    expect(filtersOnTime('Repo | extend Age = now() - TimeGenerated')).toBe(false);
    expect(filtersOnTime('Repo')).toBe(false);
  });

  it('does not count columns the query computed, or tables that are not in the catalog', () => {
    expect(filtersOnTime('Repo | extend TimeGenerated = now() | where TimeGenerated > ago(1d)')).toBe(false);
    expect(filtersOnTime('Repo | summarize count() by TimeGenerated = bin(TimeGenerated, 1h) | where TimeGenerated > ago(1d)')).toBe(false);
    expect(filtersOnTime('datatable(TimeGenerated:datetime)[datetime(2024-01-01)] | where TimeGenerated > ago(1d)')).toBe(false);
    // A string TimeGenerated (an inferred CSV table) is not a time column.
    expect(filtersOnTime('Csv | where TimeGenerated == "x"')).toBe(false);
  });

  it('sees filters inside union legs, after a union and inside a join', () => {
    expect(filtersOnTime('union (Repo | where TimeGenerated > ago(1d)), Logins')).toBe(true);
    expect(filtersOnTime('union Repo, Logins | where TimeGenerated > ago(1d)')).toBe(true);
    expect(filtersOnTime('Repo | join (Logins | where TimeGenerated > ago(1h)) on $left.OperationName == $right.Identity')).toBe(true);
    expect(filtersOnTime('union Repo, Logins | where OperationName == "Pull"')).toBe(false);
  });

  it('sees a filter inside a let-bound tabular expression', () => {
    expect(filtersOnTime('let recent = Repo | where TimeGenerated > ago(1d);\nrecent | count')).toBe(true);
    expect(filtersOnTime('let pulls = Repo | where OperationName == "Pull";\npulls | count')).toBe(false);
  });
});

describe('errors before running', () => {
  it('has no error for a query that runs', () => {
    expect(analyzeQuery('Repo | where TimeGenerated > ago(1d) | count', catalog).error).toBeUndefined();
  });

  it('reports the same error code and span as running would', () => {
    for (const text of ['Repo | where NoSuchColumn > 1', 'Repo | count |', '']) {
      const analysis = analyzeQuery(text, catalog);
      const outcome = runQuery(text, catalog, { now: 0 });
      expect(outcome.ok, text).toBe(false);
      if (outcome.ok) continue;
      expect(analysis.error?.code, text).toBe(outcome.error.code);
      expect(analysis.error?.span, text).toEqual(outcome.error.span);
    }
    expect(analyzeQuery('Repo | where NoSuchColumn > 1', catalog).error?.code).toBe('E_ANALYSIS');
  });

  it('reports a not-supported-yet construct as E_UNSUPPORTED with its position', () => {
    // `evaluate pivot(...)` without an output schema, followed by another operator, is valid KQL
    // that this engine does not implement.
    const text = 'Repo | evaluate pivot(OperationName) | take 1';
    const analysis = analyzeQuery(text, catalog);
    expect(analysis.error?.code).toBe('E_UNSUPPORTED');
    expect(analysis.error?.span).toEqual({ start: text.indexOf('pivot'), length: 'pivot'.length });
  });
});
