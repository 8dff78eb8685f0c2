import { describe, expect, it } from 'vitest';
import type { FileLoadSummary } from '../../worker/protocol';
import { extraColumnList, loadTotals, tablesWithRows } from './summaryRows';

const base: FileLoadSummary = { fileName: 'PT1H.json', bytes: 10, format: 'resource-log-jsonl', rowsByTable: {}, skippedCount: 0, skipped: [] };

describe('extraColumnList', () => {
  it('is empty when the summary has no extra columns', () => {
    expect(extraColumnList(base)).toEqual([]);
  });

  it('flattens columns per table, most frequent first', () => {
    const summary = { ...base, extraColumns: { ContainerRegistryRepositoryEvents: { foo: 2, bar: 9 }, AzureMetrics: { dimension: 1 } } };
    expect(extraColumnList(summary)).toEqual([
      { table: 'AzureMetrics', column: 'dimension', rows: 1 },
      { table: 'ContainerRegistryRepositoryEvents', column: 'bar', rows: 9 },
      { table: 'ContainerRegistryRepositoryEvents', column: 'foo', rows: 2 },
    ]);
  });
});

describe('tablesWithRows', () => {
  it('drops tables that received no rows', () => {
    const summary = { ...base, rowsByTable: { ContainerRegistryLoginEvents: 0, ContainerRegistryRepositoryEvents: 12 } };
    expect(tablesWithRows(summary)).toEqual([{ table: 'ContainerRegistryRepositoryEvents', rows: 12 }]);
  });
});

describe('loadTotals', () => {
  it('counts loaded, duplicate and failed files and sums rows per table', () => {
    const totals = loadTotals([
      { ...base, rowsByTable: { A: 2, B: 1 } },
      { ...base, fileName: 'b', rowsByTable: { B: 4 } },
      { ...base, fileName: 'c', duplicateOf: 'PT1H.json' },
      { ...base, fileName: 'd', error: 'a PNG image, not a log file' },
    ]);
    expect(totals).toEqual({ files: 4, loaded: 2, duplicates: 1, failed: 1, rowsByTable: [{ table: 'A', rows: 2 }, { table: 'B', rows: 5 }] });
  });
});
