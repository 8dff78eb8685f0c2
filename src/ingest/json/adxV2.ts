/**
 * Azure Data Explorer (Kusto) v2 responses: a JSON array of frames (shared/docs/acr-logs.md
 * §5.4): `DataSetHeader`, `DataTable` (only `TableKind: PrimaryResult` carries results),
 * progressive `TableHeader` / `TableFragment` (`DataAppend` or `DataReplace`) /
 * `TableProgress` / `TableCompletion`, and `DataSetCompletion` (`HasErrors`, `OneApiErrors`).
 */
import type { Table } from '../../engine/table/table';
import type { ByteSource, FormatParser, ParseContext, ParseOutcome } from '../formats/contract';
import { JsonScanner } from './scanner';
import { Destinations, ResultRouter, tableNameFromFile } from './destinations';
import type { ResultColumn } from './destinations';
import { OutcomeNotes, outcomeOf, runScan } from './scanRun';
import type { TableObject, TableObjectFormat } from './tableObjects';
import { TableObjectHandler } from './tableObjects';
import { mergeByName } from './mergeTables';

const PRIMARY_RESULT = 'PrimaryResult';

interface V2Table {
  readonly id: string;
  readonly name: string;
  readonly defaultName: string;
  readonly columns: ResultColumn[];
  destinations: Destinations;
  router: ResultRouter;
}

function oneApiMessages(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((e) => {
    const error = (typeof e === 'object' && e !== null ? (e as Record<string, unknown>)['error'] ?? e : e) as Record<string, unknown> | unknown;
    if (typeof error === 'object' && error !== null) {
      const r = error as Record<string, unknown>;
      const text = [r['code'], r['message']].filter((p) => typeof p === 'string').join(': ');
      if (text !== '') return text;
    }
    return JSON.stringify(e).slice(0, 300);
  });
}

/**
 * Parses a Kusto v2 response. Each primary-result table loads with its declared types into the
 * table named by a `Type` column per row, else after the file (`<file>_2`, ... for further
 * results). `DataSetCompletion` errors become warnings, or the file's error when no row loaded.
 */
export const parseAdxV2: FormatParser = async (source: ByteSource, context: ParseContext): Promise<ParseOutcome> => {
  const notes = new OutcomeNotes();
  const base = tableNameFromFile(source.name);
  const byId = new Map<string, V2Table>();
  const order: V2Table[] = [];
  let completionError: string | undefined;

  const register = (frame: TableObject): V2Table | null => {
    const id = String(frame.fields.get('tableid') ?? `#${frame.ordinal}`);
    const kind = frame.fields.get('tablekind');
    const name = String(frame.fields.get('tablename') ?? id);
    if (kind !== PRIMARY_RESULT) return null;
    let table = byId.get(id);
    if (table === undefined) {
      const destinations = new Destinations();
      const defaultName = order.length === 0 ? base : `${base}_${order.length + 1}`;
      const columns = frame.columns ?? [];
      table = { id, name, defaultName, columns, destinations, router: new ResultRouter(destinations, columns, defaultName) };
      byId.set(id, table);
      order.push(table);
    }
    return table;
  };

  const frameType = (frame: TableObject): string => String(frame.fields.get('frametype') ?? '');

  const format: TableObjectFormat = {
    isTableArray: (path) => path.length === 0,
    planOther: () => 'skip',
    rowsWanted(frame) {
      switch (frameType(frame)) {
        case 'DataTable':
          return frame.fields.get('tablekind') === PRIMARY_RESULT;
        case 'TableFragment': {
          const table = byId.get(String(frame.fields.get('tableid')));
          if (table === undefined) return false;
          if (frame.fields.get('tablefragmenttype') === 'DataReplace') {
            table.destinations = new Destinations();
            table.router = new ResultRouter(table.destinations, table.columns, table.defaultName);
          }
          // A fragment's rows use the columns of its TableHeader.
          frame.columns = table.columns;
          return true;
        }
        default:
          return false;
      }
    },
    row(frame, row, line) {
      const table = frameType(frame) === 'TableFragment' ? byId.get(String(frame.fields.get('tableid'))) : register(frame);
      if (table === undefined || table === null) return;
      const reason = table.router.addRow(row, line);
      if (reason !== null) notes.skip(line, `table ${table.name}: ${reason}`);
    },
    tableEnd(frame) {
      const type = frameType(frame);
      switch (type) {
        case 'DataTable':
        case 'TableHeader':
          if (register(frame) === null) notes.warn(`table ${String(frame.fields.get('tablename') ?? frame.ordinal)} (${String(frame.fields.get('tablekind') ?? 'no kind')}) is not a primary result: ignored`);
          return;
        case 'DataSetCompletion': {
          const messages = oneApiMessages(frame.fields.get('oneapierrors'));
          if (frame.fields.get('haserrors') === true || messages.length > 0) {
            completionError = `the query reported errors: ${messages.length > 0 ? messages.join('; ') : 'no details given'}`;
          }
          if (frame.fields.get('cancelled') === true) notes.warn('the query was cancelled: results may be partial');
          return;
        }
        default:
          return;
      }
    },
  };

  const scanner = new JsonScanner(new TableObjectHandler(format, notes));
  const rowCount = (): number => order.reduce((n, t) => n + t.destinations.rowCount, 0);
  const end = await runScan(source, scanner, context, rowCount);
  if (completionError !== undefined && rowCount() > 0) notes.warn(`${completionError} (results may be partial)`);
  const extraColumns: Record<string, Record<string, number>> = {};
  for (const t of order) {
    for (const [table, counts] of Object.entries(t.destinations.extraColumns)) {
      const target = (extraColumns[table] ??= {});
      for (const [column, n] of Object.entries(counts)) target[column] = (target[column] ?? 0) + n;
    }
  }
  const tables = (): Table[] => {
    for (const t of order) for (const w of t.destinations.warnings()) notes.warn(w);
    return mergeByName(order.flatMap((t) => t.destinations.finish()));
  };
  return outcomeOf('adx-v2', end, notes, {
    tables,
    rowCount: rowCount(),
    extraColumns,
    emptyError: completionError ?? (order.length === 0 ? 'no primary result table in this Data Explorer v2 response' : undefined),
  });
};
