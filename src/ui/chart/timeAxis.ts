/**
 * A readable UTC time axis: tick positions on round boundaries (every 5 minutes, hour,
 * day, ...) and labels chosen by the span of the data: `HH:mm` under two days,
 * `MM-dd` for longer spans. Pure, so it is unit-tested in Node.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Candidate tick steps, smallest first. */
const STEPS: readonly number[] = [
  1000, 5000, 15_000, 30_000,
  MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 365 * DAY,
];

/** Spans shorter than this are labelled with the time of day, longer ones with the date. */
export const TIME_OF_DAY_SPAN_LIMIT_MS = 2 * DAY;

/** How tick labels read: time of day (`HH:mm`) or date (`MM-dd`). */
export type TimeTickUnit = 'timeOfDay' | 'date';

/** The label unit for data spanning `minMs`..`maxMs`. */
export function timeTickUnit(minMs: number, maxMs: number): TimeTickUnit {
  return maxMs - minMs < TIME_OF_DAY_SPAN_LIMIT_MS ? 'timeOfDay' : 'date';
}

/**
 * Tick positions (ms since the epoch) on round UTC boundaries inside `minMs`..`maxMs`,
 * at most `maxTicks` of them. A single instant gets one tick.
 */
export function timeTicks(minMs: number, maxMs: number, maxTicks = 8): number[] {
  if (!Number.isFinite(minMs) || !Number.isFinite(maxMs) || maxMs < minMs) return [];
  if (maxMs === minMs) return [minMs];
  const span = maxMs - minMs;
  const step = STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / DAY) * DAY;
  const ticks: number[] = [];
  for (let t = Math.ceil(minMs / step) * step; t <= maxMs; t += step) ticks.push(t);
  return ticks;
}

/** Formats tick labels in UTC for one locale; digits come from `Intl`. */
export function createTimeTickFormatter(locale: string, unit: TimeTickUnit): (ms: number) => string {
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    ...(unit === 'timeOfDay' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { month: '2-digit', day: '2-digit' }),
  });
  return (ms: number): string => {
    const parts = new Map(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value] as const));
    switch (unit) {
      case 'timeOfDay':
        return `${parts.get('hour') ?? ''}:${parts.get('minute') ?? ''}`;
      case 'date':
        return `${parts.get('month') ?? ''}-${parts.get('day') ?? ''}`;
      default: {
        const never: never = unit;
        return never;
      }
    }
  };
}

/** Full UTC date and time for tooltips: `2024-05-01 13:02:11`. */
export function formatTooltipTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
