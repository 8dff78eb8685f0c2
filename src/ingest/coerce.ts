/**
 * Converts raw JSON field values to the cell values a column of a given KQL type stores.
 * Raw resource logs carry numbers as strings as often as numbers (acr-logs.md §6.6).
 */
import type { DynamicValue } from '../engine/table/column';
import type { ScalarType } from '../engine/types/scalarType';
import { parseIsoDatetime, parseTimespan } from '../engine/types/datetime';

/** A value ready for `appendValue`: number for numeric types (ticks for datetime/timespan), text, JSON, or null. */
export type CellInput = number | string | DynamicValue | null;

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function toBool(value: unknown): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value !== 0 ? 1 : 0;
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase();
    if (t === 'true') return 1;
    if (t === 'false') return 0;
  }
  return null;
}

/**
 * `value` as a cell of a column of `type`; null when absent or not convertible.
 * string: text as is, numbers/booleans as their text, objects as compact JSON.
 * int/long: numbers or numeric text, truncated toward zero. datetime: ISO 8601 text.
 */
export function coerceCell(value: unknown, type: ScalarType): CellInput {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'string':
      return toText(value);
    case 'guid': {
      const text = toText(value);
      return text === null || text === '' ? null : text.toLowerCase();
    }
    case 'int':
    case 'long': {
      const n = toNumber(value);
      return n === null ? null : Math.trunc(n);
    }
    case 'real':
    case 'decimal':
      return toNumber(value);
    case 'bool':
      return toBool(value);
    case 'datetime':
      return typeof value === 'string' ? parseIsoDatetime(value) : null;
    case 'timespan':
      return typeof value === 'string' ? parseTimespan(value) : null;
    case 'dynamic':
      return value as DynamicValue;
    default: {
      const never: never = type;
      return never;
    }
  }
}
