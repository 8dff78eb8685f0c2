/**
 * Azure Data Explorer (Kusto) v1 responses: `{"Tables":[{"TableName","Columns","Rows"}, ...]}`
 * (shared/docs/acr-logs.md §5.4). The last table may be a TableOfContents (`Ordinal, Kind,
 * Name, Id, PrettyName`) that says which tables are query results (`Kind: QueryResult`);
 * since it comes last, every table is built while streaming and the results are picked at the end.
 */
import type { Table } from '../../engine/table/table';
import type { ByteSource, FormatParser, ParseContext, ParseOutcome } from '../formats/contract';
import { JsonScanner } from './scanner';
import { Destinations, ResultRouter, tableNameFromFile } from './destinations';
import { OutcomeNotes, outcomeOf, runScan } from './scanRun';
import type { TableObject, TableObjectFormat } from './tableObjects';
import { TableObjectHandler } from './tableObjects';
import { mergeByName } from './mergeTables';

/** Stands for "the file's table" until the result tables are known. */
const PLACEHOLDER = '\u0000result';
const TOC_COLUMNS = ['Ordinal', 'Kind', 'Name'];

interface V1Table {
  readonly ordinal: number;
  readonly name: string;
  readonly destinations: Destinations;
  router: ResultRouter | null;
  /** Raw rows, kept only for a table shaped like a TableOfContents. */
  readonly tocRows: unknown[][] | null;
  isToc: boolean;
}

function looksLikeToc(table: TableObject): boolean {
  const names = new Set((table.columns ?? []).map((c) => c.name));
  return TOC_COLUMNS.every((c) => names.has(c));
}

/** Ordinals of the query-result tables per a TableOfContents, or null when it names none. */
function resultOrdinals(toc: V1Table): number[] | null {
  const rows = toc.tocRows ?? [];
  const ordinals: number[] = [];
  for (const row of rows) {
    const [ordinal, kind] = row;
    const n = typeof ordinal === 'number' ? ordinal : Number(ordinal);
    if (kind === 'QueryResult' && Number.isInteger(n)) ordinals.push(n);
  }
  return ordinals.length > 0 ? ordinals : null;
}

/**
 * Parses a Kusto v1 response. The query-result tables (per the TableOfContents, else the
 * first table) load with their declared types (`ColumnType`, else the .NET `DataType`),
 * into the table named by a `Type` column per row, else after the file (`<file>_2`, ... for
 * further results); the other tables are ignored with a note.
 */
export const parseAdxV1: FormatParser = async (source: ByteSource, context: ParseContext): Promise<ParseOutcome> => {
  const notes = new OutcomeNotes();
  const tables: V1Table[] = [];
  let current: V1Table | null = null;
  const open = (table: TableObject): V1Table => {
    if (current === null || current.ordinal !== table.ordinal) {
      const name = table.fields.get('tablename');
      const toc = looksLikeToc(table);
      current = {
        ordinal: table.ordinal,
        name: typeof name === 'string' ? name : `Table_${table.ordinal}`,
        destinations: new Destinations(),
        router: null,
        tocRows: toc ? [] : null,
        isToc: toc,
      };
      tables.push(current);
    }
    return current;
  };

  const format: TableObjectFormat = {
    isTableArray: (path) => path.length === 1 && path[0] === 'Tables',
    planOther: (path, kind) => (path.length === 0 && kind === 'object' ? 'descend' : 'skip'),
    rowsWanted: () => true,
    row(table, row, line) {
      const t = open(table);
      if (t.tocRows !== null && Array.isArray(row)) t.tocRows.push(row);
      t.router ??= new ResultRouter(t.destinations, table.columns ?? [], PLACEHOLDER);
      const reason = t.router.addRow(row, line);
      if (reason !== null) notes.skip(line, `table ${t.name}: ${reason}`);
    },
    tableEnd(table) {
      open(table);
      current = null;
    },
  };

  const scanner = new JsonScanner(new TableObjectHandler(format, notes));
  const rowCount = (): number => tables.reduce((n, t) => n + t.destinations.rowCount, 0);
  const end = await runScan(source, scanner, context, rowCount);

  const last = tables[tables.length - 1];
  const tocOrdinals = last?.isToc === true ? resultOrdinals(last) : null;
  const primary = tables.filter((t) => (tocOrdinals === null ? t === tables[0] : tocOrdinals.includes(t.ordinal)));
  for (const t of tables) {
    if (primary.includes(t) || (t === last && tocOrdinals !== null)) continue;
    notes.warn(`table ${t.name} is not a query result: ignored`);
  }
  const base = tableNameFromFile(source.name);
  const picked = (): Table[] => {
    const out: Table[] = [];
    primary.forEach((t, i) => {
      for (const w of t.destinations.warnings()) notes.warn(w);
      for (const table of t.destinations.finish()) out.push(table.name === PLACEHOLDER ? { ...table, name: i === 0 ? base : `${base}_${i + 1}` } : table);
    });
    return mergeByName(out);
  };
  const extraColumns: Record<string, Record<string, number>> = {};
  for (const t of primary) {
    for (const [table, counts] of Object.entries(t.destinations.extraColumns)) {
      const target = (extraColumns[table] ??= {});
      for (const [column, n] of Object.entries(counts)) target[column] = (target[column] ?? 0) + n;
    }
  }
  return outcomeOf('adx-v1', end, notes, {
    tables: picked,
    rowCount: primary.reduce((n, t) => n + t.destinations.rowCount, 0),
    extraColumns,
    emptyError: tables.length === 0 ? 'no "Tables" found: not a Data Explorer v1 response' : undefined,
  });
};
