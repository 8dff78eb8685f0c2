/**
 * The datetime text of Log Analytics portal CSV exports (acr-logs.md §5.1): the browser
 * locale's short form, `6/15/2023, 12:09:31 PM` (en-US), `7/7/2022, 8:55:10.130 PM`,
 * `21/04/2025, 09:45:54.000` (en-GB, 24-hour). Whether the first number is the month or the
 * day cannot be read from one value; it is decided once per file from the evidence of many
 * values (see `DateOrderVote`).
 */
import { parseIsoDatetime } from '../../engine/types/datetime';

/** Which number of a `a/b/yyyy` date is the month: `mdy` (en-US) or `dmy` (en-GB and most others). */
export type DateOrder = 'mdy' | 'dmy';

const LOCALE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(?: ?([AaPp][Mm]))?$/;

/** What one value says about the day/month order. */
export type DateOrderEvidence = DateOrder | 'none';

/**
 * The order `text` proves, `none` when it is a locale datetime that fits both orders,
 * or null when it is not a locale datetime at all. A first number above 12 proves `dmy`;
 * a second number above 12 or an AM/PM marker proves `mdy` (en-GB exports are 24-hour).
 */
export function dateOrderEvidence(text: string): DateOrderEvidence | null {
  const m = LOCALE_RE.exec(text.trim());
  if (m === null) return null;
  const first = Number(m[1]);
  const second = Number(m[2]);
  if (first > 12 && second <= 12) return 'dmy';
  if (second > 12 && first <= 12) return 'mdy';
  if (m[8] !== undefined) return 'mdy';
  return 'none';
}

/** Collects evidence from many values and decides the order of a whole file. */
export class DateOrderVote {
  private dmy = 0;
  private mdy = 0;
  private seen = 0;

  /** Looks at one cell's text (anything that is not a locale datetime is ignored). */
  add(text: string): void {
    // Why the pre-check: most cells are not dates; skip the regular expression for them.
    if (text.length < 12 || text.indexOf('/') < 0) return;
    const evidence = dateOrderEvidence(text);
    if (evidence === null) return;
    this.seen++;
    if (evidence === 'dmy') this.dmy++;
    else if (evidence === 'mdy') this.mdy++;
  }

  /** True when any value was a portal locale datetime. */
  get sawLocaleDatetime(): boolean {
    return this.seen > 0;
  }

  /** `dmy` when only day-first evidence was seen; `mdy` (en-US, the portal's default) otherwise. */
  get order(): DateOrder {
    return this.dmy > 0 && this.mdy === 0 ? 'dmy' : 'mdy';
  }

  /** True when values proved both orders (the file mixes locales; `order` is then `mdy`). */
  get conflicting(): boolean {
    return this.dmy > 0 && this.mdy > 0;
  }
}

/**
 * Parses a portal locale datetime with the given day/month order to ticks (UTC),
 * or null when `text` is not one (or names an impossible date or time).
 */
export function parseLocaleDatetime(text: string, order: DateOrder): number | null {
  const m = LOCALE_RE.exec(text.trim());
  if (m === null) return null;
  const [, a, b, year, h, minute, second = '00', frac, meridiem] = m;
  const month = order === 'mdy' ? a : b;
  const day = order === 'mdy' ? b : a;
  let hour = Number(h);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    const pm = meridiem.toLowerCase() === 'pm';
    // 12:xx AM is just after midnight, 12:xx PM just after noon.
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const fraction = frac === undefined ? '' : `.${frac}`;
  return parseIsoDatetime(`${year}-${month}-${day}T${String(hour).padStart(2, '0')}:${minute}:${second}${fraction}Z`);
}

/** ISO 8601 text or a portal locale datetime (with `order`) to ticks, or null. */
export function parseInferredDatetime(text: string, order: DateOrder): number | null {
  const t = text.trim();
  // Why: only text that starts like a date is tried, so plain numbers never read as dates.
  if (/^\d{4}-\d{1,2}-\d{1,2}/.test(t)) return parseIsoDatetime(t);
  if (/^\d{1,2}\//.test(t)) return parseLocaleDatetime(t, order);
  return null;
}
