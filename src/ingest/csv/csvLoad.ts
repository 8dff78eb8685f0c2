/**
 * The rows of one CSV/TSV file on their way into tables: the header, the first rows held
 * back until the file's day/month order is known, then each row routed to its destination
 * table (the row's `Type`, a known schema the header fits, or the file name).
 */
import type { Table } from '../../engine/table/table';
import type { FileFormat, ParseOutcome } from '../formats/contract';
import type { SkippedLine } from '../rowCollector';
import { MAX_LISTED_SKIPPED } from '../rowCollector';
import type { DateOrder } from '../infer/localeDatetime';
import { DateOrderVote } from '../infer/localeDatetime';
import { InferringTableBuilder } from '../infer/inferringTableBuilder';
import type { InferredType } from '../infer/classify';
import type { CsvRecord } from './tokenizer';
import type { HeaderColumn } from './header';
import { cleanHeader, isZoneLabel, knownSchema, knownTableOfHeader, sanitizeTableName, tableNameOfFile } from './header';

/** Settings of one load. */
export interface CsvLoadSettings {
  /** File name (names the table when nothing else does). */
  readonly fileName: string;
  /** The delimiter in use (decides `csv` vs `tsv` for non-portal files). */
  readonly delimiter: string;
  /** Data rows held back to decide the day/month order of locale datetimes. */
  readonly orderSampleRows: number;
  /** Non-empty values per column that decide an inferred type. */
  readonly typeSampleSize?: number;
}

/** A destination table being built. */
interface Destination {
  readonly builder: InferringTableBuilder;
  readonly known: boolean;
}

/** Accumulates one file's records; `finish` makes the outcome. */
export class CsvLoad {
  private header: HeaderColumn[] | null = null;
  private names: string[] = [];
  private typeIndex = -1;
  private defaultTable = '';
  private held: CsvRecord[] = [];
  private readonly vote = new DateOrderVote();
  private dateOrder: DateOrder | null = null;
  private readonly destinations = new Map<string, Destination>();
  private readonly skippedLines: SkippedLine[] = [];
  private skippedCount = 0;
  /** Rows loaded so far. */
  rows = 0;

  constructor(private readonly settings: CsvLoadSettings) {}

  /** True once the header was read. */
  get hasHeader(): boolean {
    return this.header !== null;
  }

  /** Takes one record (the first is the header). */
  add(record: CsvRecord): void {
    if (record.error !== undefined) {
      this.skip(record.line, record.error);
      return;
    }
    if (this.header === null) {
      this.readHeader(record.fields);
      return;
    }
    if (record.fields.length !== this.names.length) {
      this.skip(record.line, `expected ${this.names.length} fields (as in the header), found ${record.fields.length}`);
      return;
    }
    if (this.dateOrder !== null) {
      this.route(record);
      return;
    }
    this.held.push(record);
    for (const cell of record.fields) this.vote.add(cell);
    if (this.held.length >= this.settings.orderSampleRows) this.decideOrder();
  }

  /** Columns whose header carried a time zone label: datetimes. */
  private zoneHints = new Map<string, InferredType>();

  private readHeader(cells: readonly string[]): void {
    this.header = cleanHeader(cells);
    this.zoneHints = new Map(this.header.filter((h) => h.zoneLabel !== null && isZoneLabel(h.zoneLabel)).map((h) => [h.name, 'datetime']));
    this.names = this.header.map((h) => h.name);
    this.typeIndex = this.names.indexOf('Type');
    this.defaultTable = knownTableOfHeader(this.names) ?? tableNameOfFile(this.settings.fileName);
  }

  private skip(line: number, reason: string): void {
    this.skippedCount++;
    if (this.skippedLines.length < MAX_LISTED_SKIPPED) this.skippedLines.push({ line, reason });
  }

  private decideOrder(): void {
    this.dateOrder = this.vote.order;
    const held = this.held;
    this.held = [];
    for (const record of held) this.route(record);
  }

  private route(record: CsvRecord): void {
    const typeText = this.typeIndex >= 0 ? record.fields[this.typeIndex].trim() : '';
    const table = typeText === '' ? this.defaultTable : sanitizeTableName(typeText, this.defaultTable);
    this.destination(table).builder.addCells(record.fields, record.line);
    this.rows++;
  }

  private destination(table: string): Destination {
    let destination = this.destinations.get(table);
    if (destination === undefined) {
      const schema = knownSchema(table);
      const builder = new InferringTableBuilder(table, {
        schema,
        dateOrder: this.dateOrder ?? 'mdy',
        sampleSize: this.settings.typeSampleSize,
        stringInference: 'all',
        typeHints: this.zoneHints,
      });
      builder.setColumns(this.names);
      destination = { builder, known: schema !== undefined };
      this.destinations.set(table, destination);
    }
    return destination;
  }

  /** The format the file showed: a portal export (zone-labelled header or locale datetimes), else csv/tsv. */
  get format(): FileFormat {
    const labelled = this.header?.some((h) => h.zoneLabel !== null && isZoneLabel(h.zoneLabel)) ?? false;
    if (labelled || this.vote.sawLocaleDatetime) return 'portal-csv';
    return this.settings.delimiter === '\t' ? 'tsv' : 'csv';
  }

  /** The outcome of the whole file. */
  finish(): ParseOutcome {
    const header = this.header;
    if (header === null) {
      return { format: 'empty', tables: [], skippedCount: this.skippedCount, skipped: this.skippedLines, extraColumns: {}, warnings: [], error: 'the file is empty' };
    }
    if (this.dateOrder === null) this.decideOrder();
    // A header-only file still shows its table (with no rows) when the destination does not depend on rows.
    if (this.destinations.size === 0 && this.typeIndex < 0) this.destination(this.defaultTable);
    const warnings: string[] = [];
    for (const h of header) {
      if (h.zoneLabel !== null && isZoneLabel(h.zoneLabel) && h.zoneLabel.toUpperCase() !== 'UTC') {
        warnings.push(`column ${h.name}: times are in the export's display time zone '${h.zoneLabel}'; loaded as UTC without conversion`);
      }
    }
    if (this.vote.conflicting) warnings.push('dates in this file are both day-first and month-first; read as month/day/year');
    const several = this.destinations.size > 1;
    const tables: Table[] = [];
    const extraColumns: Record<string, Record<string, number>> = {};
    for (const [name, { builder, known }] of this.destinations) {
      let table = builder.finish();
      for (const w of builder.warnings) warnings.push(several ? `${name}: ${w}` : w);
      // A known table keeps its documented columns; an unknown one alone in its file keeps every header column.
      if (several || known) table = dropEmptyColumns(table, builder.filledCounts, builder.declaredColumnCount);
      tables.push(table);
      if (known) {
        const kept = new Set(table.schema.map((c) => c.name));
        const extra = Object.fromEntries(Object.entries(builder.extraColumns).filter(([column]) => kept.has(column)));
        if (Object.keys(extra).length > 0) extraColumns[name] = extra;
      }
    }
    return { format: this.format, tables, skippedCount: this.skippedCount, skipped: this.skippedLines, extraColumns, warnings };
  }
}

/**
 * Removes the undeclared columns no row of this table filled. Why: an export of a `union`
 * has every table's columns in its header; each table keeps only the ones it uses (an
 * all-empty column carries no data, so nothing is lost).
 */
function dropEmptyColumns(table: Table, filled: Record<string, number>, declaredCount: number): Table {
  const keep = table.schema.map((c, i) => i < declaredCount || (filled[c.name] ?? 0) > 0);
  if (keep.every(Boolean)) return table;
  return {
    name: table.name,
    schema: table.schema.filter((_, i) => keep[i]),
    columns: table.columns.filter((_, i) => keep[i]),
    rowCount: table.rowCount,
  };
}
