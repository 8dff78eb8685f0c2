/**
 * Converts raw JSON field values to the cell values a column of a given KQL type stores.
 * Raw resource logs carry numbers as strings as often as numbers (acr-logs.md §6.6).
 */
import type { DynamicValue } from '../engine/table/column';
import type { ScalarType } from '../engine/types/scalarType';
import { parseIsoDatetime, parseTimespan, ticksFromMs } from '../engine/types/datetime';

const DIGIT_0 = 48;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the `count` ASCII digits at `start`, or -1 when one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * `parseIsoDatetime` with a fast path for the form resource logs write,
 * `2024-05-01T13:02:11.4567890Z` (0-9 fraction digits, upper-case `T` and `Z`): read digit by
 * digit instead of through a regular expression. Any other text takes `parseIsoDatetime`, so
 * both give the same ticks for every input.
 */
export function parseTimestamp(text: string): number | null {
  return parseTimestampWith(text, null);
}

/**
 * `parseTimestamp` for timestamps read in sequence, e.g. a file's records in time order: when a
 * text starts with the same date and second ("YYYY-MM-DDTHH:MM:SS") as the last one read the
 * fast way, only its fraction is read. Same ticks as `parseTimestamp` for every input.
 */
export class TimestampReader {
  /** The date and second of the last text read the fast way ('' before any). */
  prefix = '';
  /** Their ticks. */
  secondTicks = 0;

  read(text: string): number | null {
    return parseTimestampWith(text, this);
  }
}

function parseTimestampWith(text: string, reader: TimestampReader | null): number | null {
  const length = text.length;
  // "YYYY-MM-DDTHH:MM:SSZ" is 20 characters; a fraction adds "." and 1-9 digits.
  if (length < 20 || length > 30 || text.charCodeAt(length - 1) !== 90 /* Z */) return parseIsoDatetime(text);
  // The same prefix as a text read the fast way has the same (valid) separators, digits and second.
  const known = reader !== null && reader.prefix !== '' && text.startsWith(reader.prefix);
  if (!known && (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58)) {
    return parseIsoDatetime(text);
  }
  let fraction = 0;
  if (length > 20) {
    const digits = length - 21;
    if (text.charCodeAt(19) !== 46 /* . */ || digits < 1) return parseIsoDatetime(text);
    // Ticks are 100 ns: the first 7 digits count, later ones are dropped (as parseIsoDatetime does).
    fraction = digitsAt(text, 20, Math.min(digits, 7));
    if (fraction < 0 || (digits > 7 && digitsAt(text, 27, digits - 7) < 0)) return parseIsoDatetime(text);
    for (let i = digits; i < 7; i++) fraction *= 10;
  }
  if (known) return reader.secondTicks + fraction;
  const secondTicks = secondTicksOf(text);
  if (secondTicks === undefined) return parseIsoDatetime(text);
  if (secondTicks === null) return null;
  if (reader !== null) {
    reader.prefix = text.slice(0, 19);
    reader.secondTicks = secondTicks;
  }
  // The same steps as parseIsoDatetime (whole milliseconds, then ticks), so the same rounding.
  return secondTicks + fraction;
}

/**
 * Ticks of the date and second "YYYY-MM-DDTHH:MM:SS" that `text` starts with (separators
 * checked by the caller); undefined when they are out of the fast path's range (the caller
 * asks `parseIsoDatetime`), null for a day the month does not have.
 */
function secondTicksOf(text: string): number | null | undefined {
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  // Why years below 100 go the slow way: Date.UTC maps 0-99 to 1900-1999, and parseIsoDatetime keeps that.
  if (year < 100 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return undefined;
  }
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0)) return null;
  const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second;
  return ticksFromMs(seconds * 1_000);
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`):
 * what `Date.UTC` computes for years from 100 on, without the call.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

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
      return typeof value === 'string' ? parseTimestamp(value) : null;
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
