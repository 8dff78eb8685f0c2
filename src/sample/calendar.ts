/**
 * When people and pipelines are busy. All in UTC: the shop's main team works US-East
 * hours (13:00-22:00 UTC), a smaller team European hours; weekends are quiet.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** True on Saturday and Sunday (UTC). */
export function isWeekend(ms: number): boolean {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
}

/** Share of the team at work, 0..1: drives CI builds, releases and developer pulls. */
export function workActivity(ms: number): number {
  const hour = Math.floor((ms % DAY_MS) / HOUR_MS);
  let level: number;
  if (hour >= 13 && hour < 22) level = 1;
  else if (hour >= 7 && hour < 13) level = 0.5;
  else if (hour >= 22) level = 0.3;
  else level = 0.06;
  return isWeekend(ms) ? level * 0.12 : level;
}

/** Production traffic level, 0..1-ish: a steady base plus the daytime peak (autoscaling, restarts). */
export function trafficActivity(ms: number): number {
  return 0.6 + 0.55 * workActivity(ms);
}

/**
 * Moves `ms` to a busy afternoon hour (14:00-19:59 UTC, chosen by `hourFraction` in [0,1))
 * of the same UTC day when that stays inside [minMs, maxMs]; otherwise returns `ms` unchanged.
 */
export function atWorkHour(ms: number, hourFraction: number, minMs: number, maxMs: number): number {
  const dayStart = Math.floor(ms / DAY_MS) * DAY_MS;
  const moved = dayStart + 14 * HOUR_MS + Math.floor(hourFraction * 6 * HOUR_MS);
  return moved >= minMs && moved <= maxMs ? moved : ms;
}
