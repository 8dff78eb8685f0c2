/**
 * `datetime_utc_to_local(dt, tz)` and `datetime_local_to_utc(dt, tz)` with IANA zone names.
 * A null datetime or an unknown zone gives null. Sub-millisecond ticks are kept.
 */
import { localToUtcMs, utcToLocalMs } from '../types/timeZone';
import { msFromTicks } from '../types/datetime';
import type { ScalarKernel } from './kernel';
import { mapValues } from './vector';
import { asText } from './textVector';

const TICKS_PER_MS = 10_000;

function shiftKernel(convert: (zone: string, ms: number) => number | null): ScalarKernel {
  return (args, call, ctx) =>
    mapValues([args[0], asText(args[1], ctx)], call.type, ctx, ([ticks, zone]) => {
      if (typeof ticks !== 'number' || typeof zone !== 'string') return null;
      const ms = Math.floor(msFromTicks(ticks));
      const shifted = convert(zone, ms);
      return shifted === null ? null : ticks + (shifted - ms) * TICKS_PER_MS;
    });
}

/** Time-zone functions by Kusto name. */
export const TIME_ZONE_FUNCTIONS: Record<string, ScalarKernel> = {
  datetime_utc_to_local: shiftKernel(utcToLocalMs),
  datetime_local_to_utc: shiftKernel(localToUtcMs),
};
