/**
 * Date and time functions over ticks (100 ns; datetimes counted from `DATETIME_BASE_MS`):
 * now, ago, bin/floor/bin_at, startofX/endofX, calendar parts, datetime_add/diff/part,
 * unixtime_*_todatetime, make_datetime, format_datetime.
 */
import type { Column } from '../table/column';
import { EngineFailure, runtimeError } from '../errors';
import { DATETIME_BASE_DOTNET_TICKS, TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MILLISECOND, TICKS_PER_MINUTE, TICKS_PER_SECOND } from '../types/scalarType';
import { dateAndSubMs, msFromTicks, ticksFromMs, unixDayOf } from '../types/datetime';
import { isNumericType } from '../types/scalarType';
import type { ScalarKernel } from './kernel';
import type { Scalar } from './vector';
import { NumericWriter, asNumeric, at, constantOf, isNullAt, mapNumbers, mapValues, resultLength, rowOf } from './vector';
import { int64At, mapExactLong } from './exactLongFunctions';
import { formatDatetimeWith } from './datetimeFormat';

/**
 * Kusto bins datetimes on .NET ticks (counted from 0001-01-01, a Monday), so `bin(t, 7d)`
 * starts weeks on Mondays. For a bin size this is the offset to add to stored ticks before flooring.
 */
export function datetimeBinOffset(size: number): number {
  if (!Number.isSafeInteger(size) || size <= 0) return 0;
  return Number(DATETIME_BASE_DOTNET_TICKS % BigInt(size));
}

/** `bin(value, size)` for numbers, timespans and datetimes; a null or non-positive size gives null. */
export function binValue(value: number, size: number, isDatetime: boolean): number {
  if (!(size > 0)) return NaN;
  if (isDatetime) {
    const offset = datetimeBinOffset(size);
    return Math.floor((value + offset) / size) * size - offset;
  }
  return Math.floor(value / size) * size;
}

const bin: ScalarKernel = (args, call, ctx) => {
  const [value, size] = args.map((a) => asNumeric(a, 'bin'));
  const isDatetime = value.type === 'datetime';
  if (!isNumericType(call.type)) throw new TypeError('bin: non-numeric result');
  return mapNumbers([value, size], call.type, ctx, (v, s) => {
    const r = binValue(v, s, isDatetime);
    return call.type === 'real' && Number.isNaN(r) ? NaN : r;
  });
};

const binAt: ScalarKernel = (args, call, ctx) => {
  const [value, size, fixed] = args.map((a) => asNumeric(a, 'bin_at'));
  if (!isNumericType(call.type)) throw new TypeError('bin_at: non-numeric result');
  return mapNumbers([value, size, fixed], call.type, ctx, (v, s, f) => (s > 0 ? Math.floor((v - f) / s) * s + f : NaN));
};

const now: ScalarKernel = (args, call, ctx) => {
  const offset = args.length > 0 ? at(args[0], 0) : 0;
  return constantOf(call.type, typeof offset === 'number' ? ctx.nowTicks + offset : null);
};

const ago: ScalarKernel = (args, call, ctx) =>
  mapNumbers([asNumeric(args[0], 'ago')], 'datetime', ctx, (span) => ctx.nowTicks - span);

// ------------------------------------------------------------------ calendar helpers

/** Splits ticks into a UTC Date (millisecond precision) and the sub-millisecond ticks. */
const dateOf = dateAndSubMs;

function ticksOfUtc(year: number, month0: number, day: number): number {
  const d = new Date(Date.UTC(2000, month0, day));
  d.setUTCFullYear(year, month0, day); // years 0..99 must not map to 1900..1999
  return ticksFromMs(d.getTime());
}

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Day of week, 0 = Sunday (the Unix epoch, day 0, was a Thursday). */
function weekday(ticks: number): number {
  return (((unixDayOf(ticks) + 4) % 7) + 7) % 7;
}

type Unit = 'year' | 'month' | 'week' | 'day';

function startOf(unit: Unit, ticks: number, offset: number): number {
  switch (unit) {
    case 'day':
      return (floorDiv(ticks, TICKS_PER_DAY) + offset) * TICKS_PER_DAY;
    case 'week':
      return (floorDiv(ticks, TICKS_PER_DAY) - weekday(ticks) + 7 * offset) * TICKS_PER_DAY;
    case 'month': {
      const { date } = dateOf(ticks);
      return ticksOfUtc(date.getUTCFullYear(), date.getUTCMonth() + offset, 1);
    }
    case 'year': {
      const { date } = dateOf(ticks);
      return ticksOfUtc(date.getUTCFullYear() + offset, 0, 1);
    }
    default: {
      const never: never = unit;
      return never;
    }
  }
}

function startOfKernel(unit: Unit, end: boolean): ScalarKernel {
  return (args, _call, ctx) => {
    const cols = args.map((a) => asNumeric(a, `startof${unit}`));
    return mapNumbers(cols, 'datetime', ctx, (t, offset) => {
      const o = Math.trunc(offset);
      return end ? startOf(unit, t, o + 1) - 1 : startOf(unit, t, o);
    });
  };
}

/** ISO 8601 week number of the year. */
function isoWeek(ticks: number): number {
  const day = unixDayOf(ticks);
  const dow = (weekday(ticks) + 6) % 7; // 0 = Monday
  const thursday = day - dow + 3;
  const year = new Date(thursday * 86_400_000).getUTCFullYear();
  const jan1 = Math.floor(Date.UTC(year, 0, 1) / 86_400_000);
  return Math.floor((thursday - jan1) / 7) + 1;
}

/** A calendar part of a datetime, by Kusto's part name (case-insensitive). */
export function datetimePart(part: string, ticks: number): number | null {
  const { date, subMs } = dateOf(ticks);
  switch (part.toLowerCase()) {
    case 'year': return date.getUTCFullYear();
    case 'quarter': return Math.floor(date.getUTCMonth() / 3) + 1;
    case 'month': return date.getUTCMonth() + 1;
    case 'week_of_year': case 'weekofyear': case 'week': return isoWeek(ticks);
    case 'day': return date.getUTCDate();
    case 'dayofyear': return unixDayOf(ticks) - Math.floor(Date.UTC(date.getUTCFullYear(), 0, 1) / 86_400_000) + 1;
    case 'hour': return date.getUTCHours();
    case 'minute': return date.getUTCMinutes();
    case 'second': return date.getUTCSeconds();
    case 'millisecond': return date.getUTCMilliseconds();
    case 'microsecond': return date.getUTCMilliseconds() * 1000 + Math.floor(subMs / 10);
    case 'nanosecond': return date.getUTCMilliseconds() * 1_000_000 + subMs * 100;
    default: return null;
  }
}

function partKernel(part: string): ScalarKernel {
  return (args, call, ctx) => mapValues(args, call.type, ctx, ([t]) => (typeof t === 'number' ? datetimePart(part, t) : null));
}

const FIXED_UNITS: Record<string, number> = {
  week: 7 * TICKS_PER_DAY, day: TICKS_PER_DAY, hour: TICKS_PER_HOUR, minute: TICKS_PER_MINUTE,
  second: TICKS_PER_SECOND, millisecond: TICKS_PER_MILLISECOND, microsecond: 10, nanosecond: 0.01,
};

function monthsOf(ticks: number): number {
  const { date } = dateOf(ticks);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** `datetime_add(part, amount, dt)`; months and years clamp the day like .NET's AddMonths. */
export function datetimeAdd(part: string, amount: number, ticks: number): number | null {
  const p = part.toLowerCase();
  const months = p === 'year' ? 12 : p === 'quarter' ? 3 : p === 'month' ? 1 : 0;
  if (months > 0) {
    const { date } = dateOf(ticks);
    const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + Math.trunc(amount) * months;
    const year = Math.floor(total / 12);
    const month0 = total - year * 12;
    const daysInMonth = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month0];
    const day = Math.min(date.getUTCDate(), daysInMonth);
    const timeOfDay = ticks - floorDiv(ticks, TICKS_PER_DAY) * TICKS_PER_DAY;
    return ticksOfUtc(year, month0, day) + timeOfDay;
  }
  const unit = FIXED_UNITS[p];
  return unit === undefined ? null : ticks + Math.round(amount * unit);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `datetime_diff(part, a, b)`: the number of `part` boundaries between b and a (a - b). */
export function datetimeDiff(part: string, a: number, b: number): number | null {
  const p = part.toLowerCase();
  switch (p) {
    case 'year': return Math.floor(monthsOf(a) / 12) - Math.floor(monthsOf(b) / 12);
    case 'quarter': return Math.floor(monthsOf(a) / 3) - Math.floor(monthsOf(b) / 3);
    case 'month': return monthsOf(a) - monthsOf(b);
    case 'week': return (startOf('week', a, 0) - startOf('week', b, 0)) / (7 * TICKS_PER_DAY);
    default: {
      const unit = FIXED_UNITS[p];
      if (unit === undefined) return null;
      if (unit < 1) return (a - b) * 100;
      return floorDiv(a, unit) - floorDiv(b, unit);
    }
  }
}

function partName(column: Column, name: string): string {
  const v = at(column, 0);
  if (column.length !== 1 || typeof v !== 'string') throw new EngineFailure(runtimeError(`${name}: the part must be a constant string`));
  return v;
}

const datetimePartKernel: ScalarKernel = (args, call, ctx) => {
  const part = partName(args[0], 'datetime_part');
  return mapValues([args[1]], call.type, ctx, ([t]) => (typeof t === 'number' ? datetimePart(part, t) : null));
};

const datetimeAddKernel: ScalarKernel = (args, call, ctx) => {
  const part = partName(args[0], 'datetime_add');
  return mapValues([args[1], args[2]], call.type, ctx, ([n, t]) => (typeof n === 'number' && typeof t === 'number' ? datetimeAdd(part, n, t) : null));
};

const datetimeDiffKernel: ScalarKernel = (args, call, ctx) => {
  const part = partName(args[0], 'datetime_diff');
  if (part.toLowerCase() === 'nanosecond') {
    // Nanoseconds between instants more than ~104 days apart exceed 2^53: computed as exact longs.
    const [a, b] = [asNumeric(args[1], 'datetime_diff'), asNumeric(args[2], 'datetime_diff')];
    return mapExactLong([a, b], ctx, (i) => (BigInt(Math.round(a.data[rowOf(a, i)])) - BigInt(Math.round(b.data[rowOf(b, i)]))) * 100n);
  }
  return mapValues([args[1], args[2]], call.type, ctx, ([a, b]) => (typeof a === 'number' && typeof b === 'number' ? datetimeDiff(part, a, b) : null));
};

/** Datetime ticks of the Unix epoch (negative: it is before the base). */
const UNIX_EPOCH_TICKS = ticksFromMs(0);

/**
 * `unixtime_*_todatetime(n)`. A long argument is converted in 64-bit integers: present-day
 * nanoseconds (~1.7e18) lie far beyond 2^53 and would lose their last digits in doubles.
 */
function fromUnix(ticksPerUnit: number): ScalarKernel {
  const viaDoubles: ScalarKernel = (args, call, ctx) =>
    mapValues(args, call.type, ctx, ([v]: Scalar[]) => (typeof v === 'number' ? Math.round(v * ticksPerUnit) + UNIX_EPOCH_TICKS : null));
  if (ticksPerUnit >= 1) return viaDoubles;
  const unitsPerTick = BigInt(Math.round(1 / ticksPerUnit));
  const epoch = BigInt(UNIX_EPOCH_TICKS);
  return (args, call, ctx) => {
    const [input] = args;
    if (input.kind !== 'number' || (input.type !== 'long' && input.type !== 'int')) return viaDoubles(args, call, ctx);
    const out = new NumericWriter('datetime', resultLength(args, ctx.rowCount));
    for (let i = 0; i < out.length; i++) {
      if (isNullAt(input, i)) {
        out.setNull(i);
        continue;
      }
      const units = int64At(input, i);
      // Rounded to the nearest tick, halves away from zero (as Math.round does for the double path).
      const half = unitsPerTick / 2n;
      const ticks = (units >= 0n ? units + half : units - half) / unitsPerTick;
      out.setNumber(i, Number(ticks + epoch));
    }
    return out.finish();
  };
}

const makeDatetime: ScalarKernel = (args, call, ctx) =>
  mapValues(args, call.type, ctx, (values) => {
    const [y, mo, d, h = 0, mi = 0, s = 0] = values.map((v) => (typeof v === 'number' ? v : 0));
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    const dayTicks = ticksOfUtc(y, mo - 1, d);
    if (new Date(msFromTicks(dayTicks)).getUTCDate() !== d) return null;
    return dayTicks + h * TICKS_PER_HOUR + mi * TICKS_PER_MINUTE + Math.round(s * TICKS_PER_SECOND);
  });

const dayOfWeek: ScalarKernel = (args, _call, ctx) => mapNumbers([asNumeric(args[0], 'dayofweek')], 'timespan', ctx, (t) => weekday(t) * TICKS_PER_DAY);

const formatDatetimeKernel: ScalarKernel = (args, call, ctx) =>
  mapValues(args, call.type, ctx, ([t, f]) => (typeof t === 'number' && typeof f === 'string' ? formatDatetimeWith(t, f) : null));

/** Date and time functions by Kusto name. */
export const DATETIME_FUNCTIONS: Record<string, ScalarKernel> = {
  now,
  ago,
  bin,
  floor: bin,
  bin_at: binAt,
  startofday: startOfKernel('day', false),
  startofweek: startOfKernel('week', false),
  startofmonth: startOfKernel('month', false),
  startofyear: startOfKernel('year', false),
  endofday: startOfKernel('day', true),
  endofweek: startOfKernel('week', true),
  endofmonth: startOfKernel('month', true),
  endofyear: startOfKernel('year', true),
  dayofweek: dayOfWeek,
  dayofmonth: partKernel('day'),
  dayofyear: partKernel('dayofyear'),
  hourofday: partKernel('hour'),
  getyear: partKernel('year'),
  getmonth: partKernel('month'),
  monthofyear: partKernel('month'),
  weekofyear: partKernel('week_of_year'),
  week_of_year: partKernel('week_of_year'),
  datetime_part: datetimePartKernel,
  datetime_add: datetimeAddKernel,
  datetime_diff: datetimeDiffKernel,
  unixtime_seconds_todatetime: fromUnix(TICKS_PER_SECOND),
  unixtime_milliseconds_todatetime: fromUnix(TICKS_PER_MILLISECOND),
  unixtime_microseconds_todatetime: fromUnix(10),
  unixtime_nanoseconds_todatetime: fromUnix(0.01),
  make_datetime: makeDatetime,
  format_datetime: formatDatetimeKernel,
};
