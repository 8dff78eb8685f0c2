/**
 * The schema the KQL language plugin (monaco-kusto) completes and checks against:
 * one cluster with one database holding the loaded tables and their typed columns.
 */
import type { Database, EngineSchema, Table } from '@kusto/monaco-kusto';
import type { TableInfo } from '../../worker/protocol';

/** Name of the one database the editor (and the engine) see the loaded tables in. */
export const EDITOR_DATABASE_NAME = 'LogExplorer';

/**
 * Cluster address given to the language service. It only names the cluster symbol;
 * nothing is ever requested from it (the privacy e2e check would fail if it were).
 */
export const EDITOR_CLUSTER_CONNECTION = 'https://localhost';

/**
 * Builds monaco-kusto's `EngineSchema` for `tables`.
 *
 * `version` must grow whenever the tables change: monaco-kusto's worker caches a
 * database's symbols by name and rebuilds them only when `majorVersion` is higher than
 * the cached one (it ignores `minorVersion`), so it would keep completing old tables.
 */
export function toKustoSchema(tables: readonly TableInfo[], version: number): EngineSchema {
  const kustoTables: Table[] = tables.map((table) => ({
    name: table.name,
    entityType: 'Table',
    // Our scalar type names are Kusto's own (`real`, `long`, `datetime`, ...), which is
    // what the plugin expects in `type` (it maps .NET type names and passes the rest through).
    columns: table.columns.map((column) => ({ name: column.name, type: column.type })),
  }));
  const database: Database = {
    name: EDITOR_DATABASE_NAME,
    tables: kustoTables,
    functions: [],
    entityGroups: [],
    majorVersion: version,
    minorVersion: 0,
  };
  return {
    clusterType: 'Engine',
    cluster: { connectionString: EDITOR_CLUSTER_CONNECTION, databases: [database] },
    database,
  };
}
