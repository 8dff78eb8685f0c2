/**
 * Reads the "table objects" of query responses while the document streams: Log Analytics
 * `{"name","columns","rows"}`, Kusto v1 `{"TableName","Columns","Rows"}` and Kusto v2 frames
 * (`DataTable`, `TableHeader`, `TableFragment`, ...). Keys are matched case-insensitively;
 * scalar members and small containers are kept, `columns` is parsed, and every element of
 * `rows` is handed over as soon as it is read.
 */
import type { ScalarType } from '../../engine/types/scalarType';
import type { ContainerPlan, JsonPath, JsonScanHandler } from './scanner';
import type { ResultColumn } from './destinations';
import { kqlTypeOfName } from './typedCells';
import type { OutcomeNotes } from './scanRun';

/** One table object being read. */
export interface TableObject {
  /** Members other than `columns` and `rows`, by lower-case key. */
  readonly fields: Map<string, unknown>;
  columns: ResultColumn[] | null;
  /** Index in its enclosing array. */
  readonly ordinal: number;
  readonly line: number;
  /** Rows met before `columns` (kept until the object ends). */
  readonly early: { row: unknown; line: number }[];
}

/** What a response format does with its table objects. */
export interface TableObjectFormat {
  /** True for an array whose elements are table objects. */
  isTableArray(path: JsonPath): boolean;
  /** How to read any other container that is not inside a table object. */
  planOther(path: JsonPath, kind: 'object' | 'array'): ContainerPlan;
  /** A captured value (or scalar) outside table objects. */
  otherValue?(path: JsonPath, value: unknown, line: number): void;
  /** Rows of `table` are about to stream: read them, or skip them unread. */
  rowsWanted(table: TableObject): boolean;
  /** One row of `table` (only called once its columns are known). */
  row(table: TableObject, row: unknown, line: number): void;
  /** The table object ended (its early rows already handed to `row`). */
  tableEnd(table: TableObject): void;
}

/** Parses a `columns` array: `{name,type}` (Log Analytics) or `{ColumnName,ColumnType,DataType}` (Kusto). */
export function parseColumns(value: unknown, notes: OutcomeNotes): ResultColumn[] | null {
  if (!Array.isArray(value)) return null;
  const columns: ResultColumn[] = [];
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null) return null;
    const e = entry as Record<string, unknown>;
    const name = e['name'] ?? e['ColumnName'] ?? e['columnName'];
    if (typeof name !== 'string') return null;
    const declared = [e['ColumnType'], e['columnType'], e['type'], e['DataType'], e['dataType']].filter((t): t is string => typeof t === 'string');
    let type: ScalarType | undefined;
    for (const t of declared) {
      type = kqlTypeOfName(t);
      if (type !== undefined) break;
    }
    if (type === undefined) {
      if (declared.length > 0) notes.warn(`column ${name} has the unknown type ${declared[0]}: loaded as string`);
      type = 'string';
    }
    columns.push({ name, type });
  }
  return columns;
}

/** A scanner handler that finds table objects (via `format`) and streams their rows. */
export class TableObjectHandler implements JsonScanHandler {
  /** Path length of the table object being read (-1 when outside one). */
  private tableDepth = -1;
  private table: TableObject | null = null;

  constructor(private readonly format: TableObjectFormat, private readonly notes: OutcomeNotes) {}

  container(path: JsonPath, kind: 'object' | 'array', line: number): ContainerPlan {
    const table = this.table;
    if (table === null) {
      const parent = path.slice(0, -1);
      if (kind === 'object' && path.length > 0 && typeof path[path.length - 1] === 'number' && this.format.isTableArray(parent)) {
        this.table = { fields: new Map(), columns: null, ordinal: path[path.length - 1] as number, line, early: [] };
        this.tableDepth = path.length;
        return 'descend';
      }
      if (kind === 'array' && this.format.isTableArray(path)) return 'descend';
      return this.format.planOther(path, kind);
    }
    const depth = path.length - this.tableDepth;
    const key = depth >= 1 ? String(path[this.tableDepth]).toLowerCase() : '';
    if (depth === 1 && key === 'rows' && kind === 'array') {
      return this.format.rowsWanted(table) ? 'descend' : 'skip';
    }
    return 'capture';
  }

  value(path: JsonPath, value: unknown, line: number): void {
    const table = this.table;
    if (table === null) {
      this.format.otherValue?.(path, value, line);
      return;
    }
    const depth = path.length - this.tableDepth;
    const key = String(path[this.tableDepth]).toLowerCase();
    if (depth === 2 && key === 'rows') {
      if (table.columns === null) table.early.push({ row: value, line });
      else this.format.row(table, value, line);
      return;
    }
    if (depth !== 1) return;
    if (key === 'columns') {
      table.columns = parseColumns(value, this.notes);
      if (table.columns === null) this.notes.skip(line, 'a columns list that is not [{name, type}, ...]');
      return;
    }
    table.fields.set(key, value);
  }

  invalid(path: JsonPath, line: number, reason: string): void {
    if (this.table !== null && path.length - this.tableDepth === 2 && String(path[this.tableDepth]).toLowerCase() === 'rows') {
      this.notes.skip(line, `row ${Number(path[path.length - 1]) + 1}: ${reason}`);
      return;
    }
    this.notes.skip(line, reason);
  }

  end(path: JsonPath): void {
    const table = this.table;
    if (table === null || path.length !== this.tableDepth) return;
    if (table.columns !== null) for (const early of table.early.splice(0)) this.format.row(table, early.row, early.line);
    else if (table.early.length > 0) {
      for (const early of table.early) this.notes.skip(early.line, 'a row of a table without columns');
    }
    this.table = null;
    this.tableDepth = -1;
    this.format.tableEnd(table);
  }
}
