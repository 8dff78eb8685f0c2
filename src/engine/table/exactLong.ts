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
