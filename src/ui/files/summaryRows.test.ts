import { describe, expect, it } from 'vitest';
import type { FileLoadSummary } from '../../worker/protocol';
import { tablesWithRows, unmappedFieldList } from './summaryRows';

const base: FileLoadSummary = { fileName: 'PT1H.json', bytes: 10, format: 'json-lines', rowsByTable: {}, skippedCount: 0, skipped: [] };

describe('unmappedFieldList', () => {
  it('is empty when the summary has no unmapped fields', () => {
    expect(unmappedFieldList(base)).toEqual([]);
  });

  it('flattens fields per table, most frequent first', () => {
    const summary = { ...base, unmappedFields: { ContainerRegistryRepositoryEvents: { foo: 2, bar: 9 }, AzureMetrics: { dimension: 1 } } };
    expect(unmappedFieldList(summary)).toEqual([
      { table: 'AzureMetrics', field: 'dimension', records: 1 },
      { table: 'ContainerRegistryRepositoryEvents', field: 'bar', records: 9 },
      { table: 'ContainerRegistryRepositoryEvents', field: 'foo', records: 2 },
    ]);
  });
});

describe('tablesWithRows', () => {
  it('drops tables that received no rows', () => {
    const summary = { ...base, rowsByTable: { ContainerRegistryLoginEvents: 0, ContainerRegistryRepositoryEvents: 12 } };
    expect(tablesWithRows(summary)).toEqual([{ table: 'ContainerRegistryRepositoryEvents', rows: 12 }]);
  });
});
