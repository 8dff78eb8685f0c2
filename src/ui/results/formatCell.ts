/**
 * Formats one cell of a columnar result table as display text, the way Log Analytics
 * shows results: datetimes in ISO 8601 UTC, timespans as `[-][d.]hh:mm:ss[.fffffff]`,
 * numbers plain (no digit grouping, full precision), dynamic values as compact JSON,
 * null as the empty string.
 *
 * The UI may not import engine runtime code (architecture rule), so this is the UI's own
 * small formatter; it reads the columns directly and never builds row objects.
 */
import type { Column, DynamicValue, NumericColumn, ScalarType } from '../../engine';
import { splitDatetimeTicks } from '../../state/datetimeTicks';

const TICKS_PER_SECOND = 10_000_000;
const TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND;
const TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE;
const TICKS_PER_DAY = 24 * TICKS_PER_HOUR;

/** The most fraction digits `Intl.NumberFormat` accepts (ES2023). */
const MAX_FRACTION_DIGITS = 100;

/** Formats cells of any column type for one locale; create once per locale and reuse. */
export interface CellFormatter {
  /** Display text of row `row` of `column` (empty string for null). */
  format(column: Column, row: number): string;
  /** Display text of a number of the given numeric type (datetime/timespan in ticks). */
  formatNumber(value: number, type: ScalarType): string;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Datetime ticks as ISO 8601 UTC: milliseconds by default
 * (`2024-05-01T13:02:11.456Z`), all 7 digits when the value has sub-millisecond ticks
 * (`2024-05-01T13:02:11.4567891Z`).
 */
export function formatDatetimeTicks(ticks: number): string {
  const { date, subMs } = splitDatetimeTicks(ticks);
  if (Number.isNaN(date.getTime())) return String(ticks);
  const year = date.getUTCFullYear();
  const yearText = year >= 0 && year <= 9999 ? pad(year, 4) : String(year);
  const fraction = subMs === 0 ? pad(date.getUTCMilliseconds(), 3) : `${pad(date.getUTCMilliseconds(), 3)}${pad(subMs, 4)}`;
  return (
    `${yearText}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}.${fraction}Z`
  );
}

/** Ticks as a Kusto timespan: `[-][d.]hh:mm:ss[.fffffff]` (`1.02:03:04.5000000`). */
export function formatTimespanTicks(ticks: number): string {
  const negative = ticks < 0;
  let rest = Math.abs(Math.round(ticks));
  const days = Math.floor(rest / TICKS_PER_DAY);
  rest -= days * TICKS_PER_DAY;
  const hours = Math.floor(rest / TICKS_PER_HOUR);
  rest -= hours * TICKS_PER_HOUR;
  const minutes = Math.floor(rest / TICKS_PER_MINUTE);
  rest -= minutes * TICKS_PER_MINUTE;
  const seconds = Math.floor(rest / TICKS_PER_SECOND);
  const fraction = rest - seconds * TICKS_PER_SECOND;
  return (
    `${negative ? '-' : ''}${days > 0 ? `${days}.` : ''}` +
    `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${fraction > 0 ? `.${pad(fraction, 7)}` : ''}`
  );
}

/** Compact JSON of a dynamic value; a bare string shows without quotes, as Kusto displays it. */
export function formatDynamic(value: DynamicValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * How many fraction digits the shortest round-trip text of `value` has
 * (`0.1` -> 1, `1.5e-7` -> 8, `1e21` -> 0), so Intl prints every digit and no noise.
 */
export function fractionDigitsOf(value: number): number {
  const text = String(Math.abs(value));
  const [mantissa, exponentText] = text.split('e');
  const dot = mantissa.indexOf('.');
  const mantissaDigits = dot < 0 ? 0 : mantissa.length - dot - 1;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  return Math.min(MAX_FRACTION_DIGITS, Math.max(0, mantissaDigits - exponent));
}

/** Makes a formatter whose numbers follow `locale` (decimal sign), with no digit grouping. */
export function createCellFormatter(locale: string): CellFormatter {
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (fractionDigits: number): Intl.NumberFormat => {
    let nf = numberFormats.get(fractionDigits);
    if (nf === undefined) {
      nf = new Intl.NumberFormat(locale, {
        useGrouping: false,
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      });
      numberFormats.set(fractionDigits, nf);
    }
    return nf;
  };

  const formatNumber = (value: number, type: ScalarType): string => {
    switch (type) {
      case 'bool':
        return value !== 0 ? 'true' : 'false';
      case 'datetime':
        return formatDatetimeTicks(value);
      case 'timespan':
        return formatTimespanTicks(value);
      case 'int':
      case 'long':
      case 'real':
      case 'decimal':
        // Kusto prints these three spellings for non-finite reals.
        if (Number.isNaN(value)) return 'NaN';
        if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
        return numberFormat(fractionDigitsOf(value)).format(value);
      case 'string':
      case 'guid':
      case 'dynamic':
        return String(value);
      default: {
        const never: never = type;
        return String(never);
      }
    }
  };

  const formatNumeric = (column: NumericColumn, row: number): string => {
    if (column.nulls !== null && column.nulls[row] === 1) return '';
    // An exact 64-bit long (beyond ±2^53): every digit, never the rounded double.
    if (column.exact !== undefined) return column.exact[row].toString();
    return formatNumber(column.data[row], column.type);
  };

  return {
    formatNumber,
    format(column: Column, row: number): string {
      switch (column.kind) {
        case 'number':
          return formatNumeric(column, row);
        case 'string': {
          const code = column.codes[row];
          return code < 0 ? '' : column.dict[code];
        }
        case 'dynamic':
          return formatDynamic(column.values[row]);
        default: {
          const never: never = column;
          return String(never);
        }
      }
    },
  };
}

/** True for the types the grid right-aligns (numbers, not datetimes or timespans). */
export function isRightAligned(type: ScalarType): boolean {
  switch (type) {
    case 'int':
    case 'long':
    case 'real':
    case 'decimal':
      return true;
    case 'bool':
    case 'datetime':
    case 'timespan':
    case 'string':
    case 'guid':
    case 'dynamic':
      return false;
    default: {
      const never: never = type;
      return never;
    }
  }
}
