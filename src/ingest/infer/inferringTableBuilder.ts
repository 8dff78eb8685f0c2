/**
 * Builds a table whose column types are not declared (generic CSV, NDJSON, JSON arrays) —
 * or only partly declared (a known table's documented columns, plus extra fields kept as
 * inferred columns after them). Rows come as objects (`addRow`) or as positional cells after
 * `setColumns` (`addCells`); columns may first appear in a late row (earlier rows get null).
 */
import type { Column, ColumnSchema } from '../../engine/table/column';
import type { Table } from '../../engine/table/table';
import type { ScalarType } from '../../engine/types/scalarType';
import type { InferredType, RawCell, StringInference } from './classify';
import type { DateOrder } from './localeDatetime';
import { InferringColumn } from './inferringColumn';

/** Options of `InferringTableBuilder`. */
export interface InferringTableOptions {
  /**
   * Declared columns, in order, with fixed types (e.g. a known table's documented schema).
   * They always appear first, even with no value; values that do not fit become null with a warning.
   * Any other column is inferred and appended after them, and counted in `extraColumns`.
   */
  readonly schema?: readonly ColumnSchema[];
  /**
   * Types to start undeclared columns with instead of inferring them (e.g. a CSV header's
   * ` [UTC]` suffix marks a datetime). Such a column keeps its place and still turns to
   * `string` on a contradicting value.
   */
  readonly typeHints?: ReadonlyMap<string, InferredType>;
  /** How many non-empty values of a column decide its type (default 1000). */
  readonly sampleSize?: number;
  /**
   * Rows up to which each typed column keeps its cells' original text for a lossless turn to
   * `string` (default 100,000). Past it, a late contradiction rebuilds earlier cells as canonical
   * text (ISO 8601 datetimes, Kusto timespans, JSON) — same values, not the same spelling.
   */
  readonly keepTextRows?: number;
  /** Day/month order of `a/b/yyyy` locale datetimes (default `mdy`, en-US). See `DateOrderVote`. */
  readonly dateOrder?: DateOrder;
  /**
   * `all` (default; CSV): text may be a bool, long, real, datetime, timespan, JSON or string.
   * `datetime` (JSON): a JSON string only becomes a datetime or timespan; numbers, booleans and
   * objects keep their JSON type.
   */
  readonly stringInference?: StringInference;
}

/** Default number of non-empty values that decide a column's type. */
export const DEFAULT_SAMPLE_SIZE = 1000;

/** Default number of rows whose original text a typed column keeps. */
export const DEFAULT_KEEP_TEXT_ROWS = 100_000;

/**
 * Builds one table row by row, inferring undeclared column types.
 *
 * Inference: the first `sampleSize` non-empty values of a column choose among bool, long,
 * real, datetime (ISO 8601 or portal locale text), timespan (`[d.]hh:mm:ss`), dynamic (JSON
 * objects/arrays) and string (guids stay strings; `int` is never inferred). A later value
 * that contradicts the type turns the column into `string` (`long` into `real` for a
 * fraction) keeping every cell's original text, and adds a warning. Empty text is null.
 */
export class InferringTableBuilder {
  private readonly columns: InferringColumn[] = [];
  private readonly byName = new Map<string, InferringColumn>();
  private readonly declaredCount: number;
  private positional: (InferringColumn | null)[] = [];
  private unnamed: InferringColumn[] = [];
  private namedCount = 0;
  private readonly notes: string[] = [];
  private rows = 0;
  private readonly settings;
  private readonly typeHints: ReadonlyMap<string, InferredType>;

  constructor(readonly name: string, options: InferringTableOptions = {}) {
    this.typeHints = options.typeHints ?? new Map();
    this.settings = {
      sampleSize: Math.max(1, options.sampleSize ?? DEFAULT_SAMPLE_SIZE),
      keepTextRows: Math.max(0, options.keepTextRows ?? DEFAULT_KEEP_TEXT_ROWS),
      dateOrder: options.dateOrder ?? 'mdy',
      stringInference: options.stringInference ?? 'all',
      warn: (message: string) => this.notes.push(message),
    };
    for (const c of options.schema ?? []) this.columnNamed(c.name, c.type);
    this.declaredCount = this.columns.length;
  }

  /** Rows added so far. */
  get rowCount(): number {
    return this.rows;
  }

  /** Notes (complete after `finish`): type changes (`column X: value 'abc' in line 5 is not a long; loaded as string`), unreadable values. */
  get warnings(): readonly string[] {
    return this.notes;
  }

  /**
   * Columns that are not declared, with how many rows had a non-empty value in each —
   * `ParseOutcome.extraColumns` of a known table. Empty when no schema was declared.
   */
  get extraColumns(): Record<string, number> {
    const extra: Record<string, number> = {};
    if (this.declaredCount === 0) return extra;
    for (const c of this.columns.slice(this.declaredCount)) extra[c.name] = c.nonEmpty;
    return extra;
  }

  /** Every column (in table order) with how many rows had a non-empty value in it. */
  get filledCounts(): Record<string, number> {
    return Object.fromEntries(this.columns.map((c) => [c.name, c.nonEmpty]));
  }

  /** How many leading columns are declared (the `schema` option). */
  get declaredColumnCount(): number {
    return this.declaredCount;
  }

  /** The type a column has so far (null while still sampling, undefined for no such column). */
  typeOf(column: string): ScalarType | null | undefined {
    const c = this.byName.get(column);
    return c === undefined ? undefined : c.currentType;
  }

  private columnNamed(name: string, declaredType: ScalarType | null): InferringColumn {
    let column = this.byName.get(name);
    if (column === undefined) {
      column = new InferringColumn(name, declaredType, this.settings, declaredType === null ? this.typeHints.get(name) ?? null : null);
      column.padNulls(this.rows);
      this.columns.push(column);
      this.byName.set(name, column);
    }
    return column;
  }

  /**
   * Appends a row given as an object: each key a column (new keys add a column, null in
   * earlier rows), each value CSV text or a JSON value; absent columns get null.
   * `line` (1-based line of the source) makes warnings name the line instead of the row.
   */
  addRow(cells: Readonly<Record<string, RawCell>>, line?: number): void {
    for (const key of Object.keys(cells)) this.columnNamed(key, null);
    const place = { row: this.rows, line };
    for (const column of this.columns) column.add(cells[column.name], place);
    this.rows++;
  }

  /**
   * Fixes the column order of `addCells` (e.g. a CSV header): cell i goes to column `names[i]`.
   * A name given twice feeds one column (the first of those cells; callers should make names unique).
   * Declared columns not named get null.
   */
  setColumns(names: readonly string[]): void {
    const seen = new Set<InferringColumn>();
    this.positional = names.map((n) => {
      const column = this.columnNamed(n, null);
      const repeated = seen.has(column);
      seen.add(column);
      return repeated ? null : column;
    });
    this.namedCount = seen.size;
    this.unnamed = this.columns.filter((c) => !seen.has(c));
  }

  /** Appends a row of cells in the order given to `setColumns` (missing trailing cells are null). */
  addCells(cells: readonly RawCell[], line?: number): void {
    const place = { row: this.rows, line };
    const positional = this.positional;
    for (let i = 0; i < positional.length; i++) positional[i]?.add(cells[i], place);
    // Columns added by `addRow` after `setColumns` are not positional either.
    if (this.columns.length !== this.namedCount + this.unnamed.length) this.refreshUnnamed();
    for (const column of this.unnamed) column.add(undefined, place);
    this.rows++;
  }

  private refreshUnnamed(): void {
    const named = new Set(this.positional);
    this.unnamed = this.columns.filter((c) => !named.has(c));
  }

  /** The table: declared columns first (in schema order), then the others in order of first appearance. */
  finish(): Table {
    const schema: ColumnSchema[] = [];
    const columns: Column[] = [];
    for (const c of this.columns) {
      const { type, column } = c.finish();
      schema.push({ name: c.name, type });
      columns.push(column);
    }
    return { name: this.name, schema, columns, rowCount: this.rows };
  }
}
