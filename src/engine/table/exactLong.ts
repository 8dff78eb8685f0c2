/**
 * Exact 64-bit `long` values. Kusto's long is a signed 64-bit integer; the engine's numeric
 * storage is Float64, exact only up to 2^53. A long column holding a value beyond that range
 * carries its exact values in `NumericColumn.exact` (see column.ts); these helpers build and
 * read such columns. Arithmetic wraps around at 64 bits, as .NET's unchecked long arithmetic does.
 */
import type { Column, NumericColumn } from './column';

/** True when `column` carries exact 64-bit values (a long column with a value beyond ±(2^53 - 1)). */
export function hasExactValues(column: Column): column is NumericColumn & { readonly exact: BigInt64Array } {
  return column.kind === 'number' && column.exact !== undefined;
}

/** True when a double holds a whole number that a long holds exactly without the `exact` array. */
export function isSafeLong(value: number): boolean {
  return Number.isSafeInteger(value);
}

/** Row `row` of a numeric column as a 64-bit integer (its exact value when it has one). */
export function bigIntAt(column: NumericColumn, row: number): bigint {
  const r = column.length === 1 ? 0 : row;
  if (column.exact !== undefined) return column.exact[r];
  const v = column.data[r];
  return BigInt(Number.isFinite(v) ? Math.trunc(v) : 0);
}

/**
 * A long column from exact values: `exact` is kept only when some non-null value needs it,
 * so columns of ordinary longs stay plain Float64 columns.
 */
export function longColumnOf(values: BigInt64Array, nulls: Uint8Array | null): NumericColumn {
  const length = values.length;
  const data = new Float64Array(length);
  let wide = false;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    data[i] = Number(v);
    if ((nulls === null || nulls[i] === 0) && (v > MAX_SAFE || v < -MAX_SAFE)) wide = true;
  }
  return wide ? { kind: 'number', type: 'long', data, nulls, length, exact: values } : { kind: 'number', type: 'long', data, nulls, length };
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Wraps a BigInt to a signed 64-bit long, as .NET's unchecked arithmetic does. */
export function wrapLong(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}

/** A long's decimal text, exact. */
export function longText(column: NumericColumn, row: number): string {
  return bigIntAt(column, row).toString();
}

/**
 * Row `row` of `column` as a key that equals exactly when the long values do: a bigint for a value
 * of an exact column beyond ±(2^53 - 1), else the number. Undefined for null. Only for numeric
 * columns; a length-1 column is a constant.
 */
export function exactNumberKey(column: NumericColumn, row: number): number | bigint | undefined {
  const r = column.length === 1 ? 0 : row;
  if (column.nulls !== null && column.nulls[r] === 1) return undefined;
  if (column.exact === undefined) return column.data[r];
  const v = column.exact[r];
  return v > MAX_SAFE || v < -MAX_SAFE ? v : Number(v);
}

/**
 * A long column from per-row values: numbers (whole, within ±2^53), bigints, or null/undefined
 * for null. It carries `exact` only when some value needs it (see `longColumnOf`).
 */
export function longColumnFromValues(values: readonly (number | bigint | null | undefined)[], length: number): NumericColumn {
  const exact = new BigInt64Array(length);
  let nulls: Uint8Array | null = null;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) {
      nulls ??= new Uint8Array(length);
      nulls[i] = 1;
    } else {
      exact[i] = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
    }
  }
  return longColumnOf(exact, nulls);
}

/** True when some value is a bigint (an aggregate's per-group results that need `longColumnFromValues`). */
export function anyBigInt(values: readonly unknown[], length: number): boolean {
  for (let i = 0; i < length; i++) if (typeof values[i] === 'bigint') return true;
  return false;
}
