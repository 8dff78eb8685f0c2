/**
 * What the time-window plugins share (`rolling_percentile`, `sliding_window_counts`,
 * `activity_counts_metrics`, `active_users_count`): reading their arguments, slicing the rows by
 * the dimension columns, ordering row numbers by typed keys, and building the output table (the
 * time column, the dimensions of each row's slice, the plugin's values) from a few growable lists.
 */
import type { ColumnSchema, Column, NumericColumn } from '../../table/column';
import type { Expr } from '../../plan';
import { EngineFailure, runtimeError } from '../../errors';
import { evaluate } from '../../functions/evaluate';
import { at, broadcast, isNullAt, writerFor } from '../../functions/vector';
import { gatherColumn } from '../../table/gather';
import type { Grouping } from '../grouping';
import { groupRows } from '../grouping';
import { idsOfColumn } from '../keyIds';
import type { RelColumn, Relation, RunContext } from '../relation';
import { columnSource } from '../relation';

/** A constant argument's number (a datetime or timespan as ticks); fails on null or a non-number. */
export function constantNumber(expr: Expr, relation: Relation, run: RunContext, what: string): number {
  const value = at(evaluate(expr, { ...columnSource(relation, run), rowCount: 1 }), 0);
  if (typeof value !== 'number' || Number.isNaN(value)) throw new EngineFailure(runtimeError(`${what} must be a number, not ${value === null ? 'null' : typeof value}`, expr.span));
  return value;
}

/** A constant argument that must be greater than zero. */
export function positiveConstant(expr: Expr, relation: Relation, run: RunContext, what: string): number {
  const value = constantNumber(expr, relation, run, what);
  if (!(value > 0)) throw new EngineFailure(runtimeError(`${what} must be greater than zero`, expr.span));
  return value;
}

/** An expression over the input rows as a dense numeric column of `relation.rowCount` rows. */
export function numericInput(expr: Expr, relation: Relation, run: RunContext, what: string): NumericColumn {
  const column = broadcast(evaluate(expr, columnSource(relation, run)), relation.rowCount);
  if (column.kind !== 'number') throw new EngineFailure(runtimeError(`${what} must be a numeric, datetime or timespan column, not ${column.type}`, expr.span));
  return column;
}

/** True where a numeric column holds a value (not null, not NaN). */
export function hasNumber(column: NumericColumn, i: number): boolean {
  return (column.nulls === null || column.nulls[i] === 0) && !Number.isNaN(column.data[i]);
}

/** Dense ids of an id column's values, with -1 for null (dcount ignores nulls; an empty string is a value). */
export function idsOf(expr: Expr, relation: Relation, run: RunContext): { ids: Int32Array; cardinality: number } {
  const column = broadcast(evaluate(expr, columnSource(relation, run)), relation.rowCount);
  const dense = idsOfColumn(column, null, relation.rowCount, run.cancel);
  const ids = dense.ids;
  for (let i = 0; i < relation.rowCount; i++) if (isNullAt(column, i)) ids[i] = -1;
  return { ids, cardinality: dense.cardinality };
}

/** The dimension columns evaluated over the input, and the rows' slices (numbered by first appearance). */
export interface DimSlices {
  readonly columns: readonly Column[];
  readonly grouping: Grouping;
}

/** Slices the input rows by the dimension columns (one slice when there are none). */
export function sliceByDims(dims: readonly Expr[], relation: Relation, run: RunContext): DimSlices {
  const source = columnSource(relation, run);
  const columns = dims.map((d) => broadcast(evaluate(d, source), relation.rowCount));
  return { columns, grouping: groupRows(columns, relation.rowCount, run.cancel) };
}

/**
 * Row numbers `i` with `keep(i)`, ordered by `slice[i]`, then by each of `keys` ascending (ties
 * keep input order). The comparison reads typed arrays only.
 */
export function orderedRows(rowCount: number, keep: (i: number) => boolean, slice: Int32Array, keys: readonly (Float64Array | Int32Array)[]): Int32Array {
  let n = 0;
  const rows = new Int32Array(rowCount);
  for (let i = 0; i < rowCount; i++) if (keep(i)) rows[n++] = i;
  const kept = rows.subarray(0, n);
  kept.sort((a, b) => {
    const ds = slice[a] - slice[b];
    if (ds !== 0) return ds;
    for (const key of keys) {
      const d = key[a] - key[b];
      if (d !== 0) return d;
    }
    return a - b;
  });
  return kept;
}

/**
 * The index of the analysis window (of `size`, starting at `start`) that holds `value`: windows
 * are counted from `start`, so only the difference `value - start` is used (never raw ticks).
 */
export function windowIndex(value: number, start: number, size: number): number {
  return Math.floor((value - start) / size);
}

/** The output rows of a plugin, appended one by one: slice, time value, and the plugin's values. */
export class WindowRows {
  readonly slices: number[] = [];
  readonly times: number[] = [];
  readonly values: (number | null)[][];

  constructor(valueCount: number) {
    this.values = Array.from({ length: valueCount }, () => []);
  }

  /** Appends one output row. */
  push(slice: number, time: number, values: readonly (number | null)[]): void {
    this.slices.push(slice);
    this.times.push(time);
    values.forEach((v, k) => this.values[k].push(v));
  }
}

/**
 * The plugin's output relation, named by the binder's `schema` by position: the time column, one
 * column per dimension (the value of the row's slice), then the values.
 */
export function windowOutput(rows: WindowRows, dims: DimSlices, schema: readonly ColumnSchema[]): Relation {
  const count = rows.times.length;
  const time = writerFor(schema[0].type, count);
  rows.times.forEach((t, i) => time.set(i, t));
  const firstRows = Int32Array.from(rows.slices, (s) => dims.grouping.firstRows[s]);
  const columns: RelColumn[] = [{ name: schema[0].name, data: time.finish(), rows: null }];
  dims.columns.forEach((column, d) => {
    columns.push({ name: schema[1 + d].name, data: gatherColumn(column, firstRows), rows: null });
  });
  rows.values.forEach((list, k) => {
    const target = schema[1 + dims.columns.length + k];
    const writer = writerFor(target.type, count);
    list.forEach((v, i) => writer.set(i, v));
    columns.push({ name: target.name, data: writer.finish(), rows: null });
  });
  return { rowCount: count, columns };
}
