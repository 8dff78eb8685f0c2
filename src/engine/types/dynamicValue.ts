/**
 * Helpers for `dynamic` values (parsed JSON): turning typed cells into dynamic values the way
 * Kusto packs them, equality keys for set functions, and the element order of `array_sort_*`.
 */
import type { Column, DynamicValue } from '../table/column';
import { formatDatetime, formatTimespan } from './datetime';

/** Kusto's dynamic form of a datetime: ISO 8601 UTC without trailing zero fractions (`2024-01-01T00:00:00Z`). */
export function datetimeAsDynamic(ticks: number): string {
  return formatDatetime(ticks).replace(/\.?0+Z$/, 'Z');
}

/**
 * Row `row` of `column` as a dynamic value: numbers stay numbers, bools booleans, datetimes and
 * timespans their text, guids and strings text (a null guid is null; `string` is never null).
 * `datetimeText` writes datetimes (default: as Kusto shows them inside dynamic values; JSON export
 * passes the full 7-digit form).
 */
export function dynamicFromCell(column: Column, row: number, datetimeText: (ticks: number) => string = datetimeAsDynamic): DynamicValue {
  switch (column.kind) {
    case 'number': {
      if (column.nulls !== null && column.nulls[row] === 1) return null;
      const v = column.data[row];
      const type = column.type;
      switch (type) {
        case 'bool':
          return v !== 0;
        case 'datetime':
          return datetimeText(v);
        case 'timespan':
          return formatTimespan(v);
        case 'int':
        case 'long':
        case 'real':
        case 'decimal':
          // Why: JSON has no NaN/Infinity; Kusto shows them as text inside dynamic values.
          return Number.isFinite(v) ? v : String(v);
        default: {
          const never: never = type;
          return never;
        }
      }
    }
    case 'string': {
      const code = column.codes[row];
      return code < 0 ? null : column.dict[code];
    }
    case 'dynamic':
      return column.values[row];
    default: {
      const never: never = column;
      return never;
    }
  }
}

/** A key equal for equal dynamic values (numbers by value, objects by content in key order). */
export function dynamicKey(value: DynamicValue): string {
  return JSON.stringify(value);
}

/** True when `value` is a property bag (a JSON object, not an array and not null). */
export function isBag(value: DynamicValue): value is { [key: string]: DynamicValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sort rank of an element kind: numbers, then strings, then everything else (array_sort_* docs). */
function rank(value: DynamicValue): number {
  if (typeof value === 'number') return 0;
  if (typeof value === 'string') return 1;
  if (typeof value === 'boolean') return 2;
  return 3;
}

/** Ascending order of non-null dynamic elements: numbers before strings (ordinal) before the rest. */
export function compareDynamic(a: DynamicValue, b: DynamicValue): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}
