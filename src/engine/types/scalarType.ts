/**
 * The KQL scalar types the engine stores and computes with.
 * Names are Kusto's own (`real`, not `double`), so they line up with the
 * binder's `ResultType` names and with the editor schema.
 */
export type ScalarType =
  | 'bool'
  | 'int'
  | 'long'
  | 'real'
  | 'decimal'
  | 'string'
  | 'datetime'
  | 'timespan'
  | 'guid'
  | 'dynamic';

/** Types stored as numbers in a Float64Array (see `NumericColumn`). */
export type NumericType = 'bool' | 'int' | 'long' | 'real' | 'decimal' | 'datetime' | 'timespan';

/** Types stored dictionary-encoded (see `StringColumn`). */
export type TextType = 'string' | 'guid';

export const SCALAR_TYPES: readonly ScalarType[] = [
  'bool', 'int', 'long', 'real', 'decimal', 'string', 'datetime', 'timespan', 'guid', 'dynamic',
];

/** True for the types held in a `NumericColumn`. */
export function isNumericType(t: ScalarType): t is NumericType {
  return t !== 'string' && t !== 'guid' && t !== 'dynamic';
}

/** Parses a Kusto type name (`real`, `double`, `int64`, `boolean`, ...) into a ScalarType, or undefined. */
export function parseScalarType(name: string): ScalarType | undefined {
  switch (name.toLowerCase()) {
    case 'bool': case 'boolean': return 'bool';
    case 'int': case 'int32': return 'int';
    case 'long': case 'int64': return 'long';
    case 'real': case 'double': return 'real';
    case 'decimal': return 'decimal';
    case 'string': return 'string';
    case 'datetime': case 'date': return 'datetime';
    case 'timespan': case 'time': return 'timespan';
    case 'guid': case 'uniqueid': return 'guid';
    case 'dynamic': return 'dynamic';
    default: return undefined;
  }
}

/** 100-nanosecond ticks per unit, as Kusto counts datetime and timespan. */
export const TICKS_PER_MILLISECOND = 10_000;
export const TICKS_PER_SECOND = 10_000_000;
export const TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND;
export const TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE;
export const TICKS_PER_DAY = 24 * TICKS_PER_HOUR;

/**
 * The instant datetime values count their ticks from: 2020-01-01T00:00:00Z (Unix milliseconds).
 * Why not the Unix epoch: a Float64 holds integers exactly only up to 2^53, and present-day
 * ticks since 1970 need 54 bits (exact to 2 ticks only). Counted from 2020, every datetime from
 * 1991-07 to 2048-06 is exact to the tick, and whole seconds stay exact for any year Kusto allows.
 * Only differences of stored ticks are meaningful on their own; convert through `types/datetime.ts`.
 */
export const DATETIME_BASE_MS = 1_577_836_800_000;
/** Days from 1970-01-01 to the datetime base (2020-01-01). */
export const DATETIME_BASE_DAYS = DATETIME_BASE_MS / 86_400_000;
/** .NET ticks (since 0001-01-01, what `tolong(datetime)` returns) of the datetime base. */
export const DATETIME_BASE_DOTNET_TICKS = 637_134_336_000_000_000n;
