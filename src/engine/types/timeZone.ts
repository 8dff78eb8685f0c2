/**
 * Time-zone offsets from the runtime's IANA database through `Intl.DateTimeFormat` (available
 * in browsers and Node): `utcToLocalMs` and `localToUtcMs`, the arithmetic behind
 * `datetime_utc_to_local` / `datetime_local_to_utc`. An unknown zone gives null.
 */

const formatters = new Map<string, Intl.DateTimeFormat | null>();
const offsetCache = new Map<string, Map<number, number>>();
const MINUTE_MS = 60_000;
const MAX_CACHED_MINUTES = 200_000;

function formatterOf(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone `zone`. */
export function isKnownTimeZone(zone: string): boolean {
  return formatterOf(zone) !== null;
}

/** Offset of `zone` from UTC (local - UTC) in ms at the UTC instant `utcMs`; null for an unknown zone. */
export function zoneOffsetMs(zone: string, utcMs: number): number | null {
  const f = formatterOf(zone);
  if (f === null || !Number.isFinite(utcMs)) return null;
  // Why a per-minute cache: Intl formatting costs microseconds per call, and tzdb transitions
  // fall on whole minutes, so every instant of a UTC minute has the same offset.
  const minute = Math.floor(utcMs / MINUTE_MS) * MINUTE_MS;
  let cache = offsetCache.get(zone);
  if (cache === undefined || cache.size > MAX_CACHED_MINUTES) {
    cache = new Map();
    offsetCache.set(zone, cache);
  }
  const cached = cache.get(minute);
  if (cached !== undefined) return cached;
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(minute)) parts[p.type] = p.value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  const local = new Date(0);
  local.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  local.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  const offset = local.getTime() - minute;
  cache.set(minute, offset);
  return offset;
}

/** The local wall-clock time (as ms on a UTC scale) of the UTC instant `utcMs` in `zone`. */
export function utcToLocalMs(zone: string, utcMs: number): number | null {
  const offset = zoneOffsetMs(zone, utcMs);
  return offset === null ? null : utcMs + offset;
}

const DAY_MS = 86_400_000;

/**
 * The UTC instant of the local wall-clock time `localMs` in `zone`. Around a transition the
 * offset in force after it wins: a skipped local time (spring forward) uses the summer offset,
 * as the docs' Europe/Brussels example shows (02:00 -> 00:00 UTC), and a repeated local time
 * (fall back) resolves to its second occurrence. Otherwise the one consistent offset is used.
 */
export function localToUtcMs(zone: string, localMs: number): number | null {
  const before = zoneOffsetMs(zone, localMs - DAY_MS);
  const after = zoneOffsetMs(zone, localMs + DAY_MS);
  if (before === null || after === null) return null;
  const consistent = (offset: number): boolean => zoneOffsetMs(zone, localMs - offset) === offset;
  if (consistent(after)) return localMs - after;
  if (consistent(before)) return localMs - before;
  const here = zoneOffsetMs(zone, localMs);
  if (here !== null && consistent(here)) return localMs - here;
  return localMs - after;
}
