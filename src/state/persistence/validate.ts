/**
 * Small schema checks for stored records: everything read back from storage is untrusted
 * (an older version of the app, another tab, a user's hand edit, a broken write). A check
 * returns the typed value or throws `InvalidRecord` with the path of the first bad field.
 */

/** Thrown by the checks below; `message` says which field was wrong. */
export class InvalidRecord extends Error {
  constructor(path: string, expected: string) {
    super(`${path}: expected ${expected}`);
    this.name = 'InvalidRecord';
  }
}

/** A plain object's fields. */
export type Fields = Readonly<Record<string, unknown>>;

/** `value` as a plain object (not null, not an array). */
export function objectAt(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidRecord(path, 'an object');
  return value as Fields;
}

/** `value` as a string of at most `maxLength` UTF-16 units. */
export function stringAt(value: unknown, path: string, maxLength = Number.POSITIVE_INFINITY): string {
  if (typeof value !== 'string' || value.length > maxLength) throw new InvalidRecord(path, `a string of at most ${maxLength} characters`);
  return value;
}

/** `value` as a string or null. */
export function nullableStringAt(value: unknown, path: string, maxLength?: number): string | null {
  return value === null ? null : stringAt(value, path, maxLength);
}

/** `value` as a finite number within [min, max]. */
export function numberAt(value: unknown, path: string, min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) throw new InvalidRecord(path, `a number in [${min}, ${max}]`);
  return value;
}

/** `value` as a non-negative integer. */
export function countAt(value: unknown, path: string): number {
  const n = numberAt(value, path, 0);
  if (!Number.isInteger(n)) throw new InvalidRecord(path, 'a whole number');
  return n;
}

/** `value` as an array of at most `maxLength` items, each checked by `item`. */
export function arrayAt<T>(value: unknown, path: string, maxLength: number, item: (v: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) throw new InvalidRecord(path, 'an array');
  if (value.length > maxLength) throw new InvalidRecord(path, `at most ${maxLength} entries`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

/** `value` as one of `options`. */
export function oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) throw new InvalidRecord(path, options.join(' | '));
  return value as T;
}

/** What reading one stored record gave. */
export type ReadResult<T> =
  | { readonly kind: 'absent' }
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'corrupt'; readonly reason: string };

/** The version every record of this app is stored with (`{ version: 1, ... }`). */
export const RECORD_VERSION = 1;

/**
 * Parses a stored text (null: nothing stored) into a record: JSON, then `{ version: 1 }`,
 * then `check` on the object. Never throws.
 */
export function parseRecord<T>(raw: string | null, check: (record: Fields) => T): ReadResult<T> {
  if (raw === null) return { kind: 'absent' };
  try {
    const record = objectAt(JSON.parse(raw) as unknown, '$');
    if (record.version !== RECORD_VERSION) throw new InvalidRecord('$.version', String(RECORD_VERSION));
    return { kind: 'ok', value: check(record) };
  } catch (e) {
    return { kind: 'corrupt', reason: e instanceof Error ? e.message : String(e) };
  }
}
