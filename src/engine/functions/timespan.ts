/** Timespan functions: make_timespan and format_timespan. */
import { TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MINUTE, TICKS_PER_SECOND } from '../types/scalarType';
import type { ScalarKernel } from './kernel';
import { mapValues } from './vector';

/** `make_timespan(hour, minute)`, `(hour, minute, second)` or `(day, hour, minute, second)`. */
export function makeTimespan(values: readonly (number | null)[]): number | null {
  if (values.some((v) => v === null)) return null;
  const parts = values as number[];
  const [day, hour, minute, second] = parts.length === 4 ? parts : [0, ...parts, 0, 0];
  return day * TICKS_PER_DAY + hour * TICKS_PER_HOUR + minute * TICKS_PER_MINUTE + Math.round(second * TICKS_PER_SECOND);
}

const ELEMENT_RE = /d{1,8}|f{1,7}|F{1,7}|[hH]{1,2}|m{1,2}|s{1,2}|[ /\-:,._[\]]|'[^']*'|./g;

/** `format_timespan(t, format)` with the documented elements (d, h/H, m, s, f, F) and delimiters. */
export function formatTimespanWith(ticks: number, format: string): string {
  const negative = ticks < 0;
  const abs = Math.abs(Math.round(ticks));
  const days = Math.floor(abs / TICKS_PER_DAY);
  const hours = Math.floor((abs % TICKS_PER_DAY) / TICKS_PER_HOUR);
  const minutes = Math.floor((abs % TICKS_PER_HOUR) / TICKS_PER_MINUTE);
  const seconds = Math.floor((abs % TICKS_PER_MINUTE) / TICKS_PER_SECOND);
  const fraction = String(abs % TICKS_PER_SECOND).padStart(7, '0');
  let out = negative ? '-' : '';
  for (const token of format.match(ELEMENT_RE) ?? []) {
    const c = token[0];
    if (c === 'd') out += String(days).padStart(token.length, '0');
    else if (c === 'h' || c === 'H') out += String(hours).padStart(token.length, '0');
    else if (c === 'm') out += String(minutes).padStart(token.length, '0');
    else if (c === 's') out += String(seconds).padStart(token.length, '0');
    else if (c === 'f') out += fraction.slice(0, token.length);
    else if (c === 'F') out += fraction.slice(0, token.length).replace(/0+$/, '');
    else if (c === "'") out += token.slice(1, -1);
    else out += token;
  }
  return out;
}

/** Timespan functions by Kusto name. */
export const TIMESPAN_FUNCTIONS: Record<string, ScalarKernel> = {
  make_timespan: (args, call, ctx) =>
    mapValues(args, call.type, ctx, (values) => makeTimespan(values.map((v) => (typeof v === 'number' ? v : null)))),
  format_timespan: (args, call, ctx) =>
    mapValues(args, call.type, ctx, ([t, f]) => (typeof t === 'number' && typeof f === 'string' ? formatTimespanWith(t, f) : '')),
};
