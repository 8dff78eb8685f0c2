/**
 * Instants shown and entered in UTC, minute precision, in the ISO order Kusto prints
 * (`2024-03-01 10:00`): the same text in every locale, built with `Intl` parts.
 */

const UTC_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(ms: number): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of UTC_PARTS.formatToParts(new Date(ms))) parts[part.type] = part.value;
  return parts;
}

/** `2024-03-01 10:00` for an instant (UTC, seconds dropped). */
export function formatUtcMinute(ms: number): string {
  const p = partsOf(ms);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The value of an `<input type="datetime-local">` showing the instant in UTC (`2024-03-01T10:00`). */
export function toUtcInputValue(ms: number): string {
  const p = partsOf(ms);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * The instant an `<input type="datetime-local">` value means when read as UTC (the input itself
 * has no zone; the picker labels it UTC). Null for an empty or malformed value.
 */
export function fromUtcInputValue(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '0'] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0')));
  // Date.UTC rolls over out-of-range fields (month 13, day 32); such values are rejected.
  return toUtcInputValue(ms) === `${y}-${mo}-${d}T${h}:${mi}` ? ms : null;
}
