/**
 * Conversion functions: tostring, toint, tolong, todouble/toreal, todecimal, tobool,
 * todatetime, totimespan, toguid, todynamic/parse_json. A value that cannot be converted
 * gives null (`todouble("abc")` is null); decimals truncate towards zero for integers.
 */
import type { Column } from '../table/column';
import type { DynamicValue } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import { DATETIME_BASE_DOTNET_TICKS } from '../types/scalarType';
import { parseDatetimeText, parseTimespan } from '../types/datetime';
import type { ScalarKernel } from './kernel';
import type { Scalar } from './vector';
import { at, mapValues } from './vector';
import { int64At, mapExactLong } from './exactLongFunctions';
import { asText } from './textVector';

/** .NET ticks (since 0001-01-01, what `tolong(datetime)` counts) of the datetime base. */
const BASE_DOTNET_TICKS = Number(DATETIME_BASE_DOTNET_TICKS);

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses decimal number text (`12`, `-1.5e3`); null for anything else. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (NUMBER_RE.test(t)) return Number(t);
  const lower = t.toLowerCase();
  if (lower === 'nan') return NaN;
  if (lower === 'infinity' || lower === '+infinity' || lower === 'inf') return Infinity;
  if (lower === '-infinity' || lower === '-inf') return -Infinity;
  return null;
}

/** A value as a number, for the numeric conversions; `sourceType` tells how to read numbers. */
function numberFrom(v: Scalar, sourceType: ScalarType): number | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return sourceType === 'datetime' ? v + BASE_DOTNET_TICKS : v;
  if (typeof v === 'string') return parseNumber(v);
  return null;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
/** 2^63: the first value beyond `long`'s range (as a double, -2^63 is exactly `long`'s minimum). */
const INT64_LIMIT = 9_223_372_036_854_775_808;

function toIntegerKernel(bits: 32 | 64): ScalarKernel {
  return (args, call, ctx) =>
    mapValues(args, call.type, ctx, ([v]) => {
      const n = numberFrom(v, args[0].type);
      if (n === null || !Number.isFinite(n)) return null;
      const t = Math.trunc(n);
      if (bits === 32 && (t < INT32_MIN || t > INT32_MAX)) return null;
      if (bits === 64 && (t < -INT64_LIMIT || t >= INT64_LIMIT)) return null;
      return t;
    });
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Whole-number text read exactly as a long (`"9223372036854775807"`); undefined when it is not one. */
function exactIntegerText(text: string): bigint | null | undefined {
  const t = text.trim();
  if (!/^[+-]?\d{16,}$/.test(t)) return undefined;
  const value = BigInt(t);
  return value >= INT64_MIN && value <= INT64_MAX ? value : null;
}

/**
 * `tolong(x)`, computed in 64-bit integers: a datetime gives its .NET ticks and long text its
 * exact value, both beyond 2^53 (the result is then an exact long column).
 */
const toLongKernel: ScalarKernel = (args, call, ctx) => {
  const [input] = args;
  const viaDoubles = toIntegerKernel(64);
  if (input.kind !== 'number' && input.kind !== 'string') return viaDoubles(args, call, ctx);
  return mapExactLong(args, ctx, (i) => {
    if (input.kind === 'number') {
      if (input.exact !== undefined) return int64At(input, i);
      const v = input.data[input.length === 1 ? 0 : i];
      if (input.type === 'datetime') return BigInt(Math.round(v)) + DATETIME_BASE_DOTNET_TICKS;
      if (!Number.isFinite(v)) return null;
      const t = Math.trunc(v);
      return t < -INT64_LIMIT || t >= INT64_LIMIT ? null : BigInt(t);
    }
    const text = at(input, i);
    if (typeof text !== 'string') return null;
    const exact = exactIntegerText(text);
    if (exact !== undefined) return exact;
    const n = parseNumber(text);
    if (n === null || !Number.isFinite(n)) return null;
    const t = Math.trunc(n);
    return t < -INT64_LIMIT || t >= INT64_LIMIT ? null : BigInt(t);
  });
};

const toReal: ScalarKernel = (args, call, ctx) => mapValues(args, call.type, ctx, ([v]) => numberFrom(v, args[0].type));

const toBool: ScalarKernel = (args, call, ctx) =>
  mapValues(args, call.type, ctx, ([v]) => {
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') {
      const t = v.trim().toLowerCase();
      return t === 'true' ? true : t === 'false' ? false : null;
    }
    return null;
  });

const toDatetime: ScalarKernel = (args, call, ctx) =>
  mapValues(args, call.type, ctx, ([v]) => {
    if (typeof v === 'number') return args[0].type === 'datetime' ? v : null;
    if (typeof v === 'string') return parseDatetimeText(v);
    return null;
  });

const toTimespan: ScalarKernel = (args, call, ctx) =>
  mapValues(args, call.type, ctx, ([v]) => {
    if (typeof v === 'number') return v;
    if (typeof v === 'string') return parseTimespan(v);
    return null;
  });

const GUID_RE = /^[{(]?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})[})]?$/i;

const toGuid: ScalarKernel = (args, call, ctx) =>
  mapValues(args, call.type, ctx, ([v]) => {
    if (typeof v !== 'string') return null;
    const m = GUID_RE.exec(v.trim());
    return m === null ? null : m.slice(1).join('-').toLowerCase();
  });

/** `tostring(x)`: the text Kusto shows for x; null gives the empty string. */
const toStringKernel: ScalarKernel = (args, _call, ctx) => asText(args[0], ctx);

/** Parses JSON text into a dynamic value; empty text is null; text that is not JSON stays a dynamic string. */
export function parseDynamic(text: string): DynamicValue {
  // Docs (isnull-function): `isnull(parse_json(""))` is true.
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as DynamicValue;
  } catch {
    return text;
  }
}

const toDynamic: ScalarKernel = (args, call, ctx) => {
  const column: Column = args[0];
  return mapValues(args, call.type, ctx, ([v]) => {
    if (typeof v === 'string' && column.kind === 'string' && column.type === 'string') return parseDynamic(v);
    return v as DynamicValue;
  });
};

/** Conversion functions by Kusto name. */
export const CONVERSION_FUNCTIONS: Record<string, ScalarKernel> = {
  tostring: toStringKernel,
  toint: toIntegerKernel(32),
  tolong: toLongKernel,
  todouble: toReal,
  toreal: toReal,
  todecimal: toReal,
  tobool: toBool,
  toboolean: toBool,
  todatetime: toDatetime,
  totimespan: toTimespan,
  toguid: toGuid,
  todynamic: toDynamic,
  parse_json: toDynamic,
};
