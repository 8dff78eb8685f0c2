/**
 * Joins tables of the same name from one file (e.g. two query results routed to the same
 * Log Analytics table), keeping the order of first appearance.
 */
import type { Table } from '../../engine/table/table';
import { appendTables } from '../concatTables';

/** One table per name: rows of later tables of a name appended to the first. */
export function mergeByName(tables: readonly Table[]): Table[] {
  const byName = new Map<string, Table>();
  for (const table of tables) {
    const existing = byName.get(table.name);
    byName.set(table.name, existing === undefined ? table : appendTables(existing, table));
  }
  return [...byName.values()];
}
