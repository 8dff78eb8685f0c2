/**
 * Collects the rows of one file per table, plus the bookkeeping a load reports:
 * skipped lines (all counted, the first ones listed) and fields no documented column took
 * (kept as extra columns appended after the documented ones).
 */
import type { Table } from '../engine/table/table';
import { appendValue, TableBuilder } from '../engine/table/builder';
import { CATEGORY_TO_TABLE, KNOWN_TABLES } from './knownTables';
import { ShapedRecordWriter } from './recordShape';
import type { RecordMapping } from './recordMapping';
import { mapRecord, RecordRowMapper } from './recordMapping';
import { ExtraColumns } from './load/extraColumns';

/** How many skipped lines a load lists (all are counted). */
export const MAX_LISTED_SKIPPED = 20;

/** Head room over a row-count estimate (unwritten capacity is not resident: fresh pages stay untouched). */
const ROW_ESTIMATE_MARGIN = 1.1;

/** Tables reached through a record's `category` (their columns follow `logColumnRules.ts`). */
const CATEGORY_TABLES: ReadonlySet<string> = new Set(CATEGORY_TO_TABLE.values());

/** A line (or record) that could not be loaded. */
export interface SkippedLine {
  /** 1-based line number in the file; for the `{"records":[...]}` form, the 1-based record number. */
  readonly line: number;
  readonly reason: string;
}

/** One destination table's rows: the documented columns plus the extra ones. */
interface TableRows {
  readonly builder: TableBuilder;
  readonly extras: ExtraColumns;
}

/** Maps a parsed record to a row of its table (defaults to `mapRecord`). */
export type RecordMapper = (record: unknown) => RecordMapping;

/** Accumulates mapped records of one file. */
export class RowCollector {
  private readonly tables = new Map<string, TableRows>();
  readonly skipped: SkippedLine[] = [];
  skippedCount = 0;
  rows = 0;

  /** Why: with the default mapping, rows go straight into the builders (no row array per record). */
  private readonly direct: RecordRowMapper | null;
  private readonly shaped = new ShapedRecordWriter();
  /** Where `keepExtraField` puts a field (the table and row being loaded). */
  private extraTarget: ExtraColumns | null = null;
  private extraRow = 0;
  private readonly keepExtraField = (key: string, value: unknown, nested: boolean): void => {
    this.extraTarget?.addField(this.extraRow, key, value, nested);
  };

  constructor(private readonly mapper: RecordMapper = mapRecord) {
    this.direct = mapper === mapRecord ? new RecordRowMapper() : null;
  }

  /** Records a skipped line. */
  skip(line: number, reason: string): void {
    this.skippedCount++;
    if (this.skipped.length < MAX_LISTED_SKIPPED) this.skipped.push({ line, reason });
  }

  /** Maps `record` and appends it, or records why it was skipped (`reasonPrefix` names a record inside a line). */
  add(record: unknown, line: number, reasonPrefix = ''): void {
    const reason = this.load(record);
    if (reason !== null) this.skip(line, reasonPrefix + reason);
  }

  /**
   * Maps `record` and appends it; returns null when it loaded, else why it does not load
   * (not recorded as skipped: for callers that keep their own skipped-line bookkeeping).
   */
  load(record: unknown): string | null {
    if (this.direct !== null) return this.loadDirect(this.direct, record);
    const mapped = this.mapper(record);
    switch (mapped.kind) {
      case 'skip':
        return mapped.reason;
      case 'row': {
        const rows = this.rowsFor(mapped.table);
        if (mapped.extraFields.length > 0) rows.extras.add(rows.builder.rowCount, mapped.extraFields);
        const columns = rows.builder.columns;
        for (let i = 0; i < columns.length; i++) appendValue(columns[i], mapped.row[i]);
        this.rows++;
        return null;
      }
      default: {
        const never: never = mapped;
        return never;
      }
    }
  }

  private loadDirect(mapper: RecordRowMapper, record: unknown): string | null {
    // Records laid out like an earlier one are written without field lookups (see `recordShape.ts`).
    if (this.shaped.tryWrite(record)) {
      this.rows++;
      return null;
    }
    const table = mapper.classify(record);
    if (table === null) return mapper.skipReason;
    const rows = this.rowsFor(table);
    this.extraRow = rows.builder.rowCount;
    this.extraTarget = rows.extras;
    mapper.writeRow(rows.builder.columns);
    // After the cells: which fields were used is known only once every column asked for its own.
    mapper.forEachExtraField(this.keepExtraField);
    this.rows++;
    if (CATEGORY_TABLES.has(table)) this.shaped.learn(record, table, rows.builder.schema, rows);
    return null;
  }

  /**
   * Sizes every table's columns for `totalRows` records in all, shared as the rows so far are
   * (a loader estimates it from the file size once it has read a sample). Only grows capacity.
   */
  expectRows(totalRows: number): void {
    if (this.rows === 0) return;
    for (const { builder } of this.tables.values()) {
      const share = builder.rowCount / this.rows;
      builder.reserve(Math.ceil(totalRows * share * ROW_ESTIMATE_MARGIN));
    }
  }

  /** Per table, per extra column: how many rows carried the field it keeps. */
  get extraColumns(): Record<string, Record<string, number>> {
    const result: Record<string, Record<string, number>> = {};
    for (const [name, rows] of this.tables) if (rows.extras.size > 0) result[name] = rows.extras.counts();
    return result;
  }

  /** Per table, per raw field name: how many records carried a field that no documented column takes. */
  get unmappedFields(): Record<string, Record<string, number>> {
    return this.extraColumns;
  }

  /** Notes for fields whose extra column got another name than the field (a clash). */
  get warnings(): string[] {
    const notes: string[] = [];
    for (const [name, rows] of this.tables) {
      for (const rename of rows.extras.renamed) notes.push(`${name}: field ${rename} (its name is taken by another column)`);
    }
    return notes;
  }

  private rowsFor(table: string): TableRows {
    let rows = this.tables.get(table);
    if (rows === undefined) {
      const schema = KNOWN_TABLES.get(table);
      if (schema === undefined) throw new Error(`no known schema for table ${table}`);
      rows = { builder: new TableBuilder(table, schema), extras: new ExtraColumns(schema) };
      this.tables.set(table, rows);
    }
    return rows;
  }

  /** The tables that received rows, in order of first row; extra columns after the documented ones. */
  finish(): Table[] {
    return [...this.tables.values()].map(({ builder, extras }) => {
      const documented = builder.finish();
      if (extras.size === 0) return documented;
      const extra = extras.finish(documented.rowCount);
      return {
        name: documented.name,
        schema: [...documented.schema, ...extra.map((e) => e.schema)],
        columns: [...documented.columns, ...extra.map((e) => e.column)],
        rowCount: documented.rowCount,
      };
    });
  }
}
