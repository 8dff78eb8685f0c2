/**
 * How result cells of type datetime count time, for the main thread (state and UI), which may
 * not import engine runtime code: 100 ns ticks since 2020-01-01T00:00:00Z. The engine's
 * `DATETIME_BASE_MS` (src/engine/types/scalarType.ts) says why; `datetimeTicks.test.ts`
 * keeps the two equal.
 */

/** Unix milliseconds of the instant datetime ticks count from. */
export const DATETIME_BASE_MS = 1_577_836_800_000;
/** 100 ns ticks per millisecond. */
export const TICKS_PER_MS = 10_000;

/** Datetime ticks to Unix milliseconds (fraction kept; for `Date` and charts). */
export function msOfDatetimeTicks(ticks: number): number {
  return ticks / TICKS_PER_MS + DATETIME_BASE_MS;
}

/** Unix milliseconds to datetime ticks. */
export function datetimeTicksOfMs(ms: number): number {
  return (ms - DATETIME_BASE_MS) * TICKS_PER_MS;
}

/**
 * Datetime ticks split into a UTC `Date` of whole milliseconds and the ticks below the
 * millisecond (0..9999): exact, so the 7th fraction digit is never lost.
 */
export function splitDatetimeTicks(ticks: number): { date: Date; subMs: number } {
  const wholeMs = Math.floor(ticks / TICKS_PER_MS);
  return { date: new Date(wholeMs + DATETIME_BASE_MS), subMs: Math.round(ticks - wholeMs * TICKS_PER_MS) };
}
