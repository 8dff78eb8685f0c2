/**
 * The evaluator's vectors and the one place where null handling of scalar kernels lives.
 *
 * An evaluated expression is a `Column` whose length is either the relation's row count or 1:
 * a length-1 column is a constant broadcast to every row (`at(column, i)` reads it).
 * Kernels are lifted over vectors by the helpers below, which take care of nulls
 * (null in -> null out) and of evaluating string kernels once per dictionary entry.
 */
import type { Column, DynamicValue, NumericColumn, StringColumn } from '../table/column';
import { cellOf } from '../table/rows';
import { gatherColumn } from '../table/gather';
import type { CancelSignal } from '../cancel';
import { EngineFailure, cancelledError } from '../errors';
import type { NumericType, ScalarType } from '../types/scalarType';
import { isNumericType } from '../types/scalarType';

/** A plain scalar value as kernels see it: numbers (datetime/timespan as ticks), booleans, strings, JSON. */
export type Scalar = number | boolean | string | DynamicValue | null;

/** What every expression evaluation can see besides its arguments. */
export interface EvalContext {
  /** Number of rows of the relation being evaluated. */
  readonly rowCount: number;
  /** `now()` in datetime ticks (see `DATETIME_BASE_MS`), fixed for the whole query. */
  readonly nowTicks: number;
  readonly cancel: CancelSignal;
}

/** Rows between two cancellation polls inside long loops. */
export const POLL_MASK = 0xffff;

/** Throws `E_CANCELLED` when the query was cancelled. */
export function pollCancel(cancel: CancelSignal): void {
  if (cancel.isCancelled()) throw new EngineFailure(cancelledError());
}

/** The row of `column` that row `i` of the relation reads (constants broadcast). */
export function rowOf(column: Column, i: number): number {
  return column.length === 1 ? 0 : i;
}

/** Row `i` of a vector as a plain value (bool as boolean, guid null as null). */
export function at(column: Column, i: number): Scalar {
  return cellOf(column, column.length === 1 ? 0 : i);
}

/** Length of a kernel's result over `args`: 1 when every argument is a constant, else `rowCount`. */
export function resultLength(args: readonly Column[], rowCount: number): number {
  return args.some((a) => a.length !== 1) ? rowCount : 1;
}

/** True when the vector is null at row `i` (a `string` is never null). */
export function isNullAt(column: Column, i: number): boolean {
  const r = column.length === 1 ? 0 : i;
  switch (column.kind) {
    case 'number':
      return column.nulls !== null && column.nulls[r] === 1;
    case 'string':
      return column.codes[r] < 0;
    case 'dynamic':
      return column.values[r] === null;
    default: {
      const never: never = column;
      return never;
    }
  }
}

/** Writes a column of a given type cell by cell. */
export interface ColumnWriter {
  set(i: number, value: Scalar): void;
  finish(): Column;
}

/** A writer for `length` cells of `type`. Unset numeric cells are 0; unset text cells are empty. */
export function writerFor(type: ScalarType, length: number): ColumnWriter {
  if (isNumericType(type)) return new NumericWriter(type, length);
  if (type === 'dynamic') {
    const values = new Array<DynamicValue>(length).fill(null);
    return {
      set: (i, v) => {
        values[i] = v;
      },
      finish: () => ({ kind: 'dynamic', type: 'dynamic', values, length }),
    };
  }
  return new StringWriter(type, length);
}

/** Numeric output of a kernel: data plus a lazily allocated null mask. */
export class NumericWriter implements ColumnWriter {
  readonly data: Float64Array;
  nulls: Uint8Array | null = null;
  constructor(readonly type: NumericType, readonly length: number) {
    this.data = new Float64Array(length);
  }
  setNull(i: number): void {
    this.nulls ??= new Uint8Array(this.length);
    this.nulls[i] = 1;
  }
  /** Stores a number; NaN is kept for `real` and becomes null for every other type. */
  setNumber(i: number, v: number): void {
    if (Number.isNaN(v) && this.type !== 'real') this.setNull(i);
    else this.data[i] = v;
  }
  set(i: number, value: Scalar): void {
    if (value === null) this.setNull(i);
    else if (typeof value === 'boolean') this.data[i] = value ? 1 : 0;
    else if (typeof value === 'number') this.setNumber(i, value);
    else this.setNull(i);
  }
  finish(): NumericColumn {
    return { kind: 'number', type: this.type, data: this.data, nulls: this.nulls, length: this.length };
  }
}

class StringWriter implements ColumnWriter {
  private readonly codes: Int32Array;
  private readonly dict: string[] = [''];
  private readonly index = new Map<string, number>([['', 0]]);
  constructor(readonly type: 'string' | 'guid', readonly length: number) {
    this.codes = new Int32Array(length);
  }
  set(i: number, value: Scalar): void {
    if (value === null && this.type === 'guid') {
      this.codes[i] = -1;
      return;
    }
    const text = scalarToString(value);
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.dict.length;
      this.dict.push(text);
      this.index.set(text, code);
    }
    this.codes[i] = code;
  }
  finish(): StringColumn {
    return { kind: 'string', type: this.type, codes: this.codes, dict: this.dict, length: this.length };
  }
}

/** Text of a scalar as `tostring` gives it for plain JS values (numbers, booleans, JSON). */
export function scalarToString(value: Scalar): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A one-row column holding `value` of `type`. */
export function constantOf(type: ScalarType, value: Scalar): Column {
  const w = writerFor(type, 1);
  w.set(0, value);
  return w.finish();
}

/** Broadcasts a vector to `rowCount` rows (no copy when it already has them). */
export function broadcast(column: Column, rowCount: number): Column {
  if (column.length === rowCount) return column;
  switch (column.kind) {
    case 'number': {
      if (column.exact !== undefined) return gatherColumn(column, new Int32Array(rowCount));
      const nulls = column.nulls !== null && column.nulls[0] === 1 ? new Uint8Array(rowCount).fill(1) : null;
      return { kind: 'number', type: column.type, data: new Float64Array(rowCount).fill(column.data[0]), nulls, length: rowCount };
    }
    case 'string':
      return { kind: 'string', type: column.type, codes: new Int32Array(rowCount).fill(column.codes[0]), dict: column.dict, length: rowCount };
    case 'dynamic':
      return { kind: 'dynamic', type: 'dynamic', values: new Array<DynamicValue>(rowCount).fill(column.values[0]), length: rowCount };
    default: {
      const never: never = column;
      return never;
    }
  }
}

/**
 * Lifts a kernel over plain values: the null-propagating default of every scalar function.
 * When `propagateNulls` is true (the default) a null argument gives a null result without
 * calling the kernel. When only one argument varies and it is a dictionary column, the kernel
 * runs once per dictionary entry and the results are mapped through the codes.
 */
export function mapValues(
  args: readonly Column[],
  outType: ScalarType,
  ctx: EvalContext,
  kernel: (values: Scalar[]) => Scalar,
  propagateNulls = true,
): Column {
  const n = resultLength(args, ctx.rowCount);
  const varying = args.filter((a) => a.length !== 1);
  if (n > 1 && varying.length === 1 && varying[0].kind === 'string' && varying[0].dict.length < n) {
    return mapOverDictionary(args, varying[0], outType, ctx, kernel, propagateNulls);
  }
  const w = writerFor(outType, n);
  const values: Scalar[] = new Array<Scalar>(args.length);
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(ctx.cancel);
    let hasNull = false;
    for (let k = 0; k < args.length; k++) {
      const v = at(args[k], i);
      if (v === null) hasNull = true;
      values[k] = v;
    }
    w.set(i, hasNull && propagateNulls ? null : kernel(values));
  }
  return w.finish();
}

function mapOverDictionary(
  args: readonly Column[],
  varying: StringColumn,
  outType: ScalarType,
  ctx: EvalContext,
  kernel: (values: Scalar[]) => Scalar,
  propagateNulls: boolean,
): Column {
  const k = args.indexOf(varying);
  const values: Scalar[] = args.map((a) => (a === varying ? null : at(a, 0)));
  const constantNull = values.some((v, j) => j !== k && v === null);
  const perEntry = writerFor(outType, varying.dict.length + 1);
  for (let code = 0; code < varying.dict.length; code++) {
    if ((code & POLL_MASK) === 0) pollCancel(ctx.cancel);
    values[k] = varying.dict[code];
    perEntry.set(code, constantNull && propagateNulls ? null : kernel(values));
  }
  // The extra last entry is the result for a null guid (code -1).
  values[k] = null;
  perEntry.set(varying.dict.length, propagateNulls ? null : kernel(values));
  const table = perEntry.finish();
  const nullEntry = varying.dict.length;
  const rows = new Int32Array(varying.length);
  for (let i = 0; i < varying.length; i++) {
    const c = varying.codes[i];
    rows[i] = c < 0 ? nullEntry : c;
  }
  return gatherColumn(table, rows);
}

/**
 * Lifts a numeric kernel over numeric vectors: null in -> null out, NaN out -> null unless
 * the output type is `real`. This is the fast path of arithmetic and numeric functions.
 */
export function mapNumbers(
  args: readonly NumericColumn[],
  outType: NumericType,
  ctx: EvalContext,
  kernel: (a: number, b: number, c: number) => number,
): NumericColumn {
  const n = resultLength(args, ctx.rowCount);
  const w = new NumericWriter(outType, n);
  const [a, b, c] = args;
  for (let i = 0; i < n; i++) {
    let isNull = false;
    for (const arg of args) {
      if (arg.nulls !== null && arg.nulls[arg.length === 1 ? 0 : i] === 1) {
        isNull = true;
        break;
      }
    }
    if (isNull) {
      w.setNull(i);
      continue;
    }
    const x = a === undefined ? 0 : a.data[a.length === 1 ? 0 : i];
    const y = b === undefined ? 0 : b.data[b.length === 1 ? 0 : i];
    const z = c === undefined ? 0 : c.data[c.length === 1 ? 0 : i];
    w.setNumber(i, kernel(x, y, z));
  }
  return w.finish();
}

/** Narrows a vector to a numeric one or throws an internal type error. */
export function asNumeric(column: Column, what: string): NumericColumn {
  if (column.kind !== 'number') throw new TypeError(`${what}: expected a numeric value, got ${column.type}`);
  return column;
}
