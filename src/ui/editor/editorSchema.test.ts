import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { ScalarType } from '../../engine/types/scalarType';
import type { TableInfo } from '../../worker/protocol';
import { EDITOR_DATABASE_NAME, toKustoSchema } from './editorSchema';

/** Every scalar type once (a `Record` so a new type fails to compile until listed here). */
const ALL_TYPES: Record<ScalarType, true> = {
  bool: true, int: true, long: true, real: true, decimal: true, string: true,
  datetime: true, timespan: true, guid: true, dynamic: true,
};

interface KustoScalarTypes {
  GetSymbol(name: string): { Name: string } | null;
}

/** Loads the official Kusto.Language (Bridge.NET) the plugin's worker uses; it sets globals. */
function loadScalarTypes(): KustoScalarTypes {
  const require = createRequire(import.meta.url);
  require('@kusto/language-service-next/bridge.min.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
  const kusto = (globalThis as unknown as { Kusto: { Language: { Symbols: { ScalarTypes: KustoScalarTypes } } } }).Kusto;
  return kusto.Language.Symbols.ScalarTypes;
}

const tables: TableInfo[] = [
  {
    name: 'ContainerRegistryRepositoryEvents',
    rowCount: 3,
    columns: (Object.keys(ALL_TYPES) as ScalarType[]).map((type, i) => ({ name: `Col${i}_${type}`, type })),
  },
  { name: 'Empty', rowCount: 0, columns: [] },
];

describe('toKustoSchema', () => {
  it('puts every loaded table and column, in order, into the database in context', () => {
    const schema = toKustoSchema(tables, 1);
    expect(schema.database?.name).toBe(EDITOR_DATABASE_NAME);
    expect(schema.cluster.databases).toEqual([schema.database]);
    expect(schema.database?.tables.map((t) => t.name)).toEqual(['ContainerRegistryRepositoryEvents', 'Empty']);
    expect(schema.database?.tables[0].columns.map((c) => `${c.name}:${c.type}`)).toEqual(
      tables[0].columns.map((c) => `${c.name}:${c.type}`),
    );
    expect(schema.database?.tables[1].columns).toEqual([]);
  });

  it('names column types so that Kusto.Language recognises every scalar type', () => {
    const scalarTypes = loadScalarTypes();
    const columns = toKustoSchema(tables, 1).database?.tables[0].columns ?? [];
    expect(columns).toHaveLength(Object.keys(ALL_TYPES).length);
    for (const column of columns) {
      expect(scalarTypes.GetSymbol(column.type)?.Name, column.name).toBe(column.type);
    }
  });

  it('raises majorVersion with the version, so the plugin rebuilds its cached database', () => {
    // monaco-kusto's worker replaces a cached database only if `majorVersion` is higher.
    const first = toKustoSchema(tables, 1).database;
    const second = toKustoSchema(tables.slice(0, 1), 2).database;
    expect(second?.majorVersion ?? 0).toBeGreaterThan(first?.majorVersion ?? 0);
  });

  it('builds a valid schema with no tables loaded', () => {
    const schema = toKustoSchema([], 0);
    expect(schema.clusterType).toBe('Engine');
    expect(schema.database?.tables).toEqual([]);
  });
});
