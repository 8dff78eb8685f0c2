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
