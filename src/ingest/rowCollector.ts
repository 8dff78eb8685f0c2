/**
 * Collects the rows of one file per table, plus the bookkeeping a load reports:
 * skipped lines (all counted, the first ones listed) and fields no column took.
 */
import type { Table } from '../engine/table/table';
import { appendValue, TableBuilder } from '../engine/table/builder';
import { KNOWN_TABLES } from './knownTables';
import { mapRecord } from './recordMapping';

/** How many skipped lines a load lists (all are counted). */
export const MAX_LISTED_SKIPPED = 20;

/** A line (or record) that could not be loaded. */
export interface SkippedLine {
  /** 1-based line number in the file; for the `{"records":[...]}` form, the 1-based record number. */
  readonly line: number;
  readonly reason: string;
}

/** Accumulates mapped records of one file. */
export class RowCollector {
  private readonly builders = new Map<string, TableBuilder>();
  /** Per table, per raw field name: how many records carried a field no column took. */
  readonly unmappedFields: Record<string, Record<string, number>> = {};
  readonly skipped: SkippedLine[] = [];
  skippedCount = 0;
  rows = 0;

  /** Records a skipped line. */
  skip(line: number, reason: string): void {
    this.skippedCount++;
    if (this.skipped.length < MAX_LISTED_SKIPPED) this.skipped.push({ line, reason });
  }

  /** Maps `record` and appends it, or records why it was skipped (`reasonPrefix` names a record inside a line). */
  add(record: unknown, line: number, reasonPrefix = ''): void {
    const mapped = mapRecord(record);
    switch (mapped.kind) {
      case 'skip':
        this.skip(line, reasonPrefix + mapped.reason);
        return;
      case 'row': {
        const builder = this.builderFor(mapped.table);
        builder.columns.forEach((column, i) => appendValue(column, mapped.row[i]));
        this.rows++;
        if (mapped.unmappedFields.length > 0) {
          const counts = (this.unmappedFields[mapped.table] ??= {});
          for (const field of mapped.unmappedFields) counts[field] = (counts[field] ?? 0) + 1;
        }
        return;
      }
      default: {
        const never: never = mapped;
        return never;
      }
    }
  }

  private builderFor(table: string): TableBuilder {
    let builder = this.builders.get(table);
    if (builder === undefined) {
      const schema = KNOWN_TABLES.get(table);
      if (schema === undefined) throw new Error(`no known schema for table ${table}`);
      builder = new TableBuilder(table, schema);
      this.builders.set(table, builder);
    }
    return builder;
  }

  /** The tables that received rows, in order of first row. */
  finish(): Table[] {
    return [...this.builders.values()].map((b) => b.finish());
  }
}
