/**
 * Typed access to the column builders of a known table, by column name, so emitters
 * write each column once per row without caring about schema positions.
 */
import type { Column, StringColumn } from '../engine/table/column';
import type { Table } from '../engine/table/table';
import { NumericColumnBuilder, StringColumnBuilder, TableBuilder } from '../engine/table/builder';
import { KNOWN_TABLES } from '../ingest/knownTables';

/**
 * Collects a text column whose every value is distinct (random GUIDs such as CorrelationId).
 * Why not a `StringColumnBuilder`: interning a million never-repeating strings in its Map
 * dominated the generator's time and garbage. Values are random 122-bit GUIDs, so the
 * dictionary's entries are unique (a collision is astronomically unlikely).
 */
export class DistinctTextCollector {
  private readonly values: string[] = [];
  get length(): number {
    return this.values.length;
  }
  append(value: string): void {
    this.values.push(value);
  }
  finish(): StringColumn {
    const codes = new Int32Array(this.values.length);
    for (let i = 0; i < codes.length; i++) codes[i] = i;
    return { kind: 'string', type: 'string', codes, dict: this.values, length: this.values.length };
  }
}

/** A `TableBuilder` for one of the known tables, with its columns looked up by name. */
export class TableWriter {
  private readonly builder: TableBuilder;
  private readonly distinct = new Map<number, DistinctTextCollector>();

  constructor(readonly tableName: string) {
    const schema = KNOWN_TABLES.get(tableName);
    if (schema === undefined) throw new Error(`unknown table ${tableName}`);
    this.builder = new TableBuilder(tableName, schema);
  }

  private column(name: string): unknown {
    const index = this.builder.schema.findIndex((c) => c.name === name);
    if (index < 0) throw new Error(`${this.tableName} has no column ${name}`);
    return this.builder.columns[index];
  }

  /** The builder of a `string`/`guid` column. */
  text(name: string): StringColumnBuilder {
    const b = this.column(name);
    if (!(b instanceof StringColumnBuilder)) throw new Error(`${this.tableName}.${name} is not a text column`);
    return b;
  }

  /** The builder of a numeric column (int, long, real, datetime, ...). */
  number(name: string): NumericColumnBuilder {
    const b = this.column(name);
    if (!(b instanceof NumericColumnBuilder)) throw new Error(`${this.tableName}.${name} is not a numeric column`);
    return b;
  }

  /** A collector for a `string` column whose values never repeat (see `DistinctTextCollector`). */
  distinctText(name: string): DistinctTextCollector {
    this.text(name); // checks the column exists and holds text
    const index = this.builder.schema.findIndex((c) => c.name === name);
    const collector = new DistinctTextCollector();
    this.distinct.set(index, collector);
    return collector;
  }

  /** Finishes the table; every column must have received one value per row. */
  finish(): Table {
    const lengths = new Set(this.builder.columns.map((c, i) => this.distinct.get(i)?.length ?? c.length));
    if (lengths.size > 1) throw new Error(`${this.tableName}: columns of different lengths (${[...lengths].join(', ')})`);
    const rowCount = lengths.size === 0 ? 0 : [...lengths][0];
    const built = this.builder.finish();
    const columns: Column[] = built.columns.map((c, i) => this.distinct.get(i)?.finish() ?? c);
    return { ...built, columns, rowCount };
  }
}
