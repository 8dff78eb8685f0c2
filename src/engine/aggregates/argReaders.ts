/**
 * Reading aggregate arguments row by row: the `*if` predicate and numeric values. A column of
 * length 1 is a constant argument and answers for every row.
 */
import type { Column } from '../table/column';

/** Whether row `i` passes the `*if` predicate (a bool column; null and false do not pass). No predicate: true. */
export function passesPredicate(predicate: Column | undefined, i: number): boolean {
  if (predicate === undefined) return true;
  const r = predicate.length === 1 ? 0 : i;
  return predicate.kind === 'number' && (predicate.nulls === null || predicate.nulls[r] === 0) && predicate.data[r] !== 0;
}

/** Row `i` as a number: numeric columns and numbers inside dynamic values; anything else null. */
export function numberAt(column: Column, i: number): number | null {
  const r = column.length === 1 ? 0 : i;
  if (column.kind === 'number') return column.nulls !== null && column.nulls[r] === 1 ? null : column.data[r];
  if (column.kind === 'dynamic') {
    const v = column.values[r];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

/** Row `i` of a numeric column as a number, with NaN (and null, and non-numeric columns) as null. */
export function numberOrNullExceptNaN(column: Column, i: number): number | null {
  const r = column.length === 1 ? 0 : i;
  if (column.kind !== 'number' || (column.nulls !== null && column.nulls[r] === 1)) return null;
  const v = column.data[r];
  return Number.isNaN(v) ? null : v;
}
