/**
 * `range(start, stop[, step])`: a dynamic array of equally spaced numbers, datetimes or
 * timespans (default step 1, or 1h for datetimes and timespans; at most 1,048,576 elements),
 * and `around(value, center, delta)`: is value within [center - delta, center + delta]?
 * Null in -> null out; a zero step gives null.
 */
import type { DynamicValue } from '../table/column';
import { formatTimespan } from '../types/datetime';
import { datetimeAsDynamic } from '../types/dynamicValue';
import type { ScalarKernel } from './kernel';
import { mapValues } from './vector';

/** Kusto's cap on the length of a `range()` array. */
export const MAX_RANGE_LENGTH = 1_048_576;

const HOUR_TICKS = 3600 * 1e7;

/** The values start, start + step, ... while they do not pass `stop` (in the step's direction). */
export function rangeValues(start: number, stop: number, step: number): number[] | null {
  if (step === 0 || !Number.isFinite(start) || !Number.isFinite(stop) || !Number.isFinite(step)) return null;
  const out: number[] = [];
  for (let i = 0; out.length < MAX_RANGE_LENGTH; i++) {
    const v = start + i * step;
    if (step > 0 ? v > stop : v < stop) break;
    out.push(v);
  }
  return out;
}

const rangeKernel: ScalarKernel = (args, call, ctx) => {
  const kind = args[0].type;
  const defaultStep = kind === 'datetime' || kind === 'timespan' ? HOUR_TICKS : 1;
  const asElement = (v: number): DynamicValue =>
    kind === 'datetime' ? datetimeAsDynamic(v) : kind === 'timespan' ? formatTimespan(v) : v;
  return mapValues(args, call.type, ctx, ([start, stop, step]) => {
    if (typeof start !== 'number' || typeof stop !== 'number') return null;
    const by = step === undefined ? defaultStep : typeof step === 'number' ? step : null;
    if (by === null) return null;
    return rangeValues(start, stop, by)?.map(asElement) ?? null;
  });
};

/** Range functions by Kusto name. */
export const SEQUENCE_FUNCTIONS: Record<string, ScalarKernel> = {
  range: rangeKernel,
  around: (args, call, ctx) =>
    mapValues(args, call.type, ctx, ([v, center, delta]) =>
      typeof v === 'number' && typeof center === 'number' && typeof delta === 'number'
        ? v >= center - delta && v <= center + delta
        : null),
};
