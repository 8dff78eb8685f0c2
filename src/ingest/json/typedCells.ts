/**
 * Cells of typed query results (Log Analytics API, Kusto v1/v2, az CLI with a known
 * schema): a JSON value read as a column of a declared KQL type. Writers differ: numbers
 * may come as strings (`"1.286"`), booleans as `"true"`/`"True"`, dynamic values nested or
 * as JSON text, timespans as `"1.00:00:01.0010001"`.
 */
import type { DynamicValue } from '../../engine/table/column';
import type { ScalarType } from '../../engine/types/scalarType';
import { parseScalarType } from '../../engine/types/scalarType';
import { parseIsoDatetime, parseTimespan } from '../../engine/types/datetime';
import type { CellInput } from '../coerce';
import { coerceCell } from '../coerce';

/** A converted cell; `ok` is false when a value was present but could not be read as the type. */
export interface TypedCell {
  readonly cell: CellInput;
  readonly ok: boolean;
}

const NULL_CELL: TypedCell = { cell: null, ok: true };

function readReal(value: unknown): TypedCell {
  if (typeof value === 'number') return { cell: value, ok: true };
  if (typeof value === 'string') {
    const t = value.trim();
    if (t === '') return NULL_CELL;
    // Why: Kusto writes real NaN and infinities as these words.
    if (t === 'NaN') return { cell: NaN, ok: true };
    if (t === 'Infinity' || t === '+Infinity') return { cell: Infinity, ok: true };
    if (t === '-Infinity') return { cell: -Infinity, ok: true };
    const n = Number(t);
    return Number.isFinite(n) ? { cell: n, ok: true } : { cell: null, ok: false };
  }
  if (typeof value === 'boolean') return { cell: value ? 1 : 0, ok: true };
  return { cell: null, ok: false };
}

/** A dynamic cell: objects/arrays as they are, JSON text parsed, `""` as null, other text kept as a string. */
export function readDynamic(value: unknown): DynamicValue {
  if (typeof value !== 'string') return value as DynamicValue;
  const t = value.trim();
  if (t === '') return null;
  const first = t.charCodeAt(0);
  // JSON text: object, array, string, number, true/false/null.
  if (first === 0x7b || first === 0x5b || first === 0x22 || t === 'true' || t === 'false' || t === 'null' || /^-?\d/.test(t)) {
    try {
      return JSON.parse(t) as DynamicValue;
    } catch {
      return value;
    }
  }
  return value;
}

/** Reads `value` as a cell of `type`; null, undefined and (except for string) `""` are null. */
export function typedCell(value: unknown, type: ScalarType): TypedCell {
  if (value === null || value === undefined) return NULL_CELL;
  switch (type) {
    case 'string':
      return { cell: coerceCell(value, 'string'), ok: true };
    case 'dynamic':
      return { cell: readDynamic(value), ok: true };
    case 'real':
    case 'decimal':
      return readReal(value);
    case 'datetime':
      if (typeof value === 'string') {
        if (value.trim() === '') return NULL_CELL;
        const ticks = parseIsoDatetime(value);
        return { cell: ticks, ok: ticks !== null };
      }
      return { cell: null, ok: false };
    case 'timespan':
      if (typeof value === 'string') {
        if (value.trim() === '') return NULL_CELL;
        const ticks = parseTimespan(value);
        return { cell: ticks, ok: ticks !== null };
      }
      return { cell: null, ok: false };
    case 'bool':
    case 'int':
    case 'long':
    case 'guid': {
      if (typeof value === 'string' && value.trim() === '') return NULL_CELL;
      const cell = coerceCell(value, type);
      return { cell, ok: cell !== null };
    }
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** .NET type names of Kusto v1 `DataType` (and Kusto's own names) to KQL types; undefined when unknown. */
export function kqlTypeOfName(name: string): ScalarType | undefined {
  const own = parseScalarType(name);
  if (own !== undefined) return own;
  switch (name.replace(/^System\./, '').toLowerCase()) {
    case 'sbyte': // Kusto v1 writes bool columns as SByte
    case 'boolean':
      return 'bool';
    case 'byte':
    case 'int16':
    case 'uint16':
      return 'int';
    case 'uint32':
    case 'uint64':
      return 'long';
    case 'single':
    case 'float':
      return 'real';
    case 'object':
    case 'jobject':
    case 'jarray':
    case 'jtoken':
      return 'dynamic';
    case 'sqldecimal':
      return 'decimal';
    default:
      return undefined;
  }
}
