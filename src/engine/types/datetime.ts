/**
 * datetime and timespan values: 100 ns ticks (datetime counted from `DATETIME_BASE_MS`, 2020-01-01).
 * Parsing and formatting live here, once, for the engine, ingest and the UI formatters.
 */
import { DATETIME_BASE_DAYS, DATETIME_BASE_MS, TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MILLISECOND, TICKS_PER_MINUTE, TICKS_PER_SECOND } from './scalarType';

const ISO_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses ISO 8601 text (`2024-05-01`, `2024-05-01T13:02:11.4567890Z`, `2024-05-01 13:02`,
 * offsets `+02:00`) to datetime ticks. Text without an offset is UTC, as in Kusto.
 * Returns null for anything else.
 */
export function parseIsoDatetime(text: string): number | null {
  const m = ISO_RE.exec(text.trim());
  if (m === null) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) return null;
  if (new Date(ms).getUTCDate() !== day) return null; // 2024-02-31
  const fracTicks = frac === '' ? 0 : Number((frac + '0000000').slice(0, 7));
  let ticks = ticksFromMs(ms) + fracTicks;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    ticks -= sign * offsetMinutes * TICKS_PER_MINUTE;
  }
  return ticks;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Month number (1-12) of `Nov` / `November` (any case), or 0. */
function monthOfName(name: string): number {
  const n = name.toLowerCase();
  if (n.length < 3) return 0;
  return MONTH_NAMES.findIndex((full) => full.startsWith(n) && (n.length === 3 || n === full)) + 1;
}

const TIME = String.raw`(?:[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?))?`;
/** Date-first forms besides ISO: `2022/12/02`, `2022.12.02`, `20221202`. */
const YMD_RE = new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})${TIME}$`);
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
/** Month-first numeric forms (.NET's invariant culture): `12-02-2022`, `2/3/2022`, `12.02.2022 13:45`. */
const MDY_RE = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`);
/** `2 Dec 2022 [time]` and the RFC 822/850 forms: `[Sat, ]8 Nov 14 15:05:02 GMT`, `Saturday, 08-Nov-14 15:05`. */
const DAY_MONTH_RE = new RegExp(String.raw`^(?:[a-z]+,\s*)?(\d{1,2})([ -])([a-z]+)\2(\d{2}|\d{4})${TIME}(?: (?:GMT|UTC|Z))?$`, 'i');
/** `Dec 2, 2022 [time]`. */
const MONTH_DAY_RE = new RegExp(String.raw`^([a-z]+) (\d{1,2}),? (\d{4})${TIME}$`, 'i');

function fromParts(year: number, month: number, day: number, time: string | undefined): number | null {
  if (month < 1) return null;
  const [h = '0', rest = '00'] = (time ?? '0:00').split(/:(.*)/s);
  return parseIsoDatetime(`${String(year).padStart(4, '0')}-${month}-${day} ${h.padStart(2, '0')}:${rest}Z`);
}

/** Two-digit years: 00-49 are 20xx, 50-99 are 19xx (.NET's default two-digit year window). */
function fullYear(text: string): number {
  const y = Number(text);
  return text.length === 2 ? (y < 50 ? 2000 : 1900) + y : y;
}

/**
 * Parses datetime text as `todatetime()` and `datetime(...)` read it: ISO 8601 (also with a
 * trailing ` GMT`), the RFC 822 / RFC 850 forms of the docs (scalar-data-types/datetime), and the
 * other forms Kusto's .NET parser accepts: `2022/12/02`, `20221202`, month-first `12-02-2022` and
 * `2/3/2022` (`13-01-2022` is null), `2 Dec 2022`, `Dec 2, 2022`. Always UTC; null for anything else.
 */
export function parseDatetimeText(text: string): number | null {
  const t = text.trim();
  const iso = parseIsoDatetime(t) ?? parseIsoDatetime(t.replace(/ (?:GMT|UTC)$/i, 'Z'));
  if (iso !== null) return iso;
  let m = YMD_RE.exec(t);
  if (m !== null) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), m[4]);
  m = COMPACT_RE.exec(t);
  if (m !== null) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), undefined);
  m = MDY_RE.exec(t);
  if (m !== null) return fromParts(Number(m[4]), Number(m[1]), Number(m[3]), m[5]);
  m = DAY_MONTH_RE.exec(t);
  if (m !== null) return fromParts(fullYear(m[4]), monthOfName(m[3]), Number(m[1]), m[5]);
  m = MONTH_DAY_RE.exec(t);
  if (m !== null) return fromParts(Number(m[3]), monthOfName(m[1]), Number(m[2]), m[4]);
  return null;
}

/** Milliseconds since the Unix epoch (what `Date` counts) to datetime ticks. */
export function ticksFromMs(ms: number): number {
  // The subtraction comes first: both are whole milliseconds, so the result stays exact.
  return (ms - DATETIME_BASE_MS) * TICKS_PER_MILLISECOND;
}

/** Datetime ticks to milliseconds since the Unix epoch (fraction kept). */
export function msFromTicks(ticks: number): number {
  return ticks / TICKS_PER_MILLISECOND + DATETIME_BASE_MS;
}

/** The UTC calendar day of datetime ticks, counted from 1970-01-01 (day 0; negative before). */
export function unixDayOf(ticks: number): number {
  return Math.floor(ticks / TICKS_PER_DAY) + DATETIME_BASE_DAYS;
}

/** Datetime ticks of midnight UTC of a day counted from 1970-01-01. */
export function ticksOfUnixDay(day: number): number {
  return (day - DATETIME_BASE_DAYS) * TICKS_PER_DAY;
}

/**
 * Splits datetime ticks into a UTC `Date` (whole milliseconds) and the ticks below the
 * millisecond (0..9999), without losing the 7th fractional digit.
 */
export function dateAndSubMs(ticks: number): { date: Date; subMs: number } {
  const wholeMs = Math.floor(ticks / TICKS_PER_MILLISECOND);
  return { date: new Date(wholeMs + DATETIME_BASE_MS), subMs: ticks - wholeMs * TICKS_PER_MILLISECOND };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Formats ticks as Kusto prints datetimes: ISO 8601 UTC with 7 fractional digits,
 * `2024-05-01T13:02:11.4567890Z`.
 */
export function formatDatetime(ticks: number): string {
  const { date: d, subMs: rawSubMs } = dateAndSubMs(ticks);
  const subMs = Math.round(rawSubMs);
  if (Number.isNaN(d.getTime())) return String(ticks);
  const year = d.getUTCFullYear();
  const yearText = year >= 0 && year <= 9999 ? pad(year, 4) : String(year);
  return `${yearText}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds(), 3)}${pad(subMs, 4)}Z`;
}

const TIMESPAN_UNITS: Record<string, number> = {
  d: TICKS_PER_DAY, day: TICKS_PER_DAY, days: TICKS_PER_DAY,
  h: TICKS_PER_HOUR, hr: TICKS_PER_HOUR, hrs: TICKS_PER_HOUR, hour: TICKS_PER_HOUR, hours: TICKS_PER_HOUR,
  m: TICKS_PER_MINUTE, min: TICKS_PER_MINUTE, minute: TICKS_PER_MINUTE, minutes: TICKS_PER_MINUTE,
  s: TICKS_PER_SECOND, sec: TICKS_PER_SECOND, second: TICKS_PER_SECOND, seconds: TICKS_PER_SECOND,
  ms: TICKS_PER_MILLISECOND, milli: TICKS_PER_MILLISECOND, millis: TICKS_PER_MILLISECOND,
  millisecond: TICKS_PER_MILLISECOND, milliseconds: TICKS_PER_MILLISECOND,
  microsecond: 10, microseconds: 10, micro: 10, micros: 10,
  tick: 1, ticks: 1,
};

/**
 * Parses a Kusto timespan: `1d`, `2h`, `30m`, `10s`, `100ms`, `1.5h`, `10microseconds`,
 * `5ticks`, or the `[-][d.]hh:mm[:ss[.fffffff]]` form (`1.02:03:04`). Returns ticks or null.
 */
export function parseTimespan(text: string): number | null {
  const t = text.trim();
  const unit = /^(-?\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(t);
  if (unit !== null) {
    const factor = TIMESPAN_UNITS[unit[2].toLowerCase()];
    return factor === undefined ? null : Math.round(Number(unit[1]) * factor);
  }
  const clock = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/.exec(t);
  if (clock === null) return null;
  const [, neg, days = '0', h, m, s = '0', frac = ''] = clock;
  const ticks =
    Number(days) * TICKS_PER_DAY + Number(h) * TICKS_PER_HOUR + Number(m) * TICKS_PER_MINUTE +
    Number(s) * TICKS_PER_SECOND + (frac === '' ? 0 : Number((frac + '0000000').slice(0, 7)));
  return neg ? -ticks : ticks;
}

/** Formats ticks as Kusto prints timespans: `[-][d.]hh:mm:ss[.fffffff]`. */
export function formatTimespan(ticks: number): string {
  const negative = ticks < 0;
  let rest = Math.abs(Math.round(ticks));
  const days = Math.floor(rest / TICKS_PER_DAY);
  rest -= days * TICKS_PER_DAY;
  const hours = Math.floor(rest / TICKS_PER_HOUR);
  rest -= hours * TICKS_PER_HOUR;
  const minutes = Math.floor(rest / TICKS_PER_MINUTE);
  rest -= minutes * TICKS_PER_MINUTE;
  const seconds = Math.floor(rest / TICKS_PER_SECOND);
  const frac = rest - seconds * TICKS_PER_SECOND;
  return `${negative ? '-' : ''}${days > 0 ? `${days}.` : ''}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${frac > 0 ? `.${pad(frac, 7)}` : ''}`;
}
