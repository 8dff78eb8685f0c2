/**
 * Log Analytics query API responses (`{"tables":[{"name","columns":[{"name","type"}],"rows"}]}`,
 * shared/docs/acr-logs.md §5.2), also when wrapped (a REST spec example keeps the body under
 * `responses.200.body`): the first `tables` array found in objects is read.
 */
import type { ByteSource, FormatParser, ParseContext, ParseOutcome } from '../formats/contract';
import { JsonScanner } from './scanner';
import type { JsonPath } from './scanner';
import { Destinations, ResultRouter, tableNameFromFile } from './destinations';
import { OutcomeNotes, outcomeOf, runScan } from './scanRun';
import type { TableObject, TableObjectFormat } from './tableObjects';
import { TableObjectHandler } from './tableObjects';

const PRIMARY_RESULT = 'PrimaryResult';

function errorText(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    const e = value as Record<string, unknown>;
    const parts = [e['code'], e['message']].filter((p) => typeof p === 'string');
    const inner = e['innererror'] ?? e['details'];
    if (parts.length > 0) return parts.join(': ') + (inner !== undefined ? ` (${JSON.stringify(inner).slice(0, 200)})` : '');
  }
  return JSON.stringify(value).slice(0, 300);
}

/**
 * Parses a Log Analytics query API response. Rows of `PrimaryResult` (or of the first table
 * when none is called so) go to the table named by their `Type` column, else to a table named
 * after the file; other tables are ignored with a note. Long/real/bool values may be strings;
 * dynamic values objects or JSON text; a top-level `error` (partial results) becomes a warning.
 */
export const parseLogAnalyticsApi: FormatParser = async (source: ByteSource, context: ParseContext): Promise<ParseOutcome> => {
  const notes = new OutcomeNotes();
  const destinations = new Destinations();
  const defaultTable = tableNameFromFile(source.name);
  /** Path of the `tables` array being read (the first one found). */
  let tablesPath: string | null = null;
  let sawPrimary = false;
  let sawTables = false;
  const routers = new WeakMap<TableObject, ResultRouter>();

  const isPrimary = (table: TableObject): boolean => {
    const name = table.fields.get('name');
    if (name === PRIMARY_RESULT) return true;
    // A response without a PrimaryResult table: its first table is the result.
    return name !== undefined && !sawPrimary && table.ordinal === 0 && typeof name === 'string';
  };

  const format: TableObjectFormat = {
    isTableArray(path: JsonPath): boolean {
      if (path.length === 0 || path[path.length - 1] !== 'tables') return false;
      const key = JSON.stringify(path);
      tablesPath ??= key;
      return tablesPath === key;
    },
    planOther(path, kind) {
      if (kind === 'object' && path.length <= 1 && path[0] === 'error') return 'capture';
      // Look for `tables` inside objects only (a wrapper like `responses.200.body`).
      return kind === 'object' && path.length < 8 ? 'descend' : 'skip';
    },
    otherValue(path, value) {
      if (path[path.length - 1] === 'error' && typeof value === 'object' && value !== null) {
        notes.warn(`the response reports an error (results may be partial): ${errorText(value)}`);
      }
    },
    rowsWanted(table) {
      sawTables = true;
      const name = table.fields.get('name');
      // Rows before the table's name are kept until it is known.
      return name === undefined || isPrimary(table);
    },
    row(table, row, line) {
      if (!isPrimary(table)) return;
      let router = routers.get(table);
      if (router === undefined) {
        router = new ResultRouter(destinations, table.columns ?? [], defaultTable);
        routers.set(table, router);
      }
      const reason = router.addRow(row, line);
      if (reason !== null) notes.skip(line, reason);
    },
    tableEnd(table) {
      sawTables = true;
      const name = table.fields.get('name');
      if (isPrimary(table)) {
        if (name === PRIMARY_RESULT) sawPrimary = true;
        if (table.columns === null) notes.warn(`table ${String(name)} has no columns list: its rows were not loaded`);
        return;
      }
      notes.warn(`table ${typeof name === 'string' ? name : `#${table.ordinal + 1}`} is not the primary result: ignored`);
    },
  };

  const scanner = new JsonScanner(new TableObjectHandler(format, notes));
  const end = await runScan(source, scanner, context, () => destinations.rowCount);
  for (const w of destinations.warnings()) notes.warn(w);
  return outcomeOf('loganalytics-api', end, notes, {
    tables: () => destinations.finish(),
    rowCount: destinations.rowCount,
    extraColumns: destinations.extraColumns,
    emptyError: sawTables ? undefined : 'no "tables" found: not a Log Analytics query response',
  });
};
