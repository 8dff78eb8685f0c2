/**
 * Literal expressions (`1`, `1.5`, `"x"`, `@"x\y"`, `datetime(2024-01-01)`, `1h`, `dynamic([1])`,
 * `long(null)`, ...) to `LiteralExpr`. The binder gives each literal's unescaped text
 * (`LiteralValueInfo.ValueText`); the value is parsed here with the engine's own parsers.
 */
import type { LiteralExpr } from '../plan';
import type { DynamicValue } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import { parseDatetimeText, parseTimespan } from '../types/datetime';
import type { KExpression } from './kustoTypes';
import { failUnsupported, scalarTypeOf, spanOf } from './nodes';
import { dynamicLiteralValue } from './lowerDynamicLiteral';

/** Parses a real literal's text, including Kusto's `nan`, `inf`, `+inf`, `-inf`. */
function parseReal(text: string): number | undefined {
  switch (text.toLowerCase()) {
    case 'nan': return Number.NaN;
    case 'inf': case '+inf': return Number.POSITIVE_INFINITY;
    case '-inf': return Number.NEGATIVE_INFINITY;
    default: {
      const value = Number(text);
      return Number.isNaN(value) ? undefined : value;
    }
  }
}

/** Removes the quotes of `datetime("2024-01-01 10:00")`-style interiors. */
function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}

function parseDynamic(text: string): DynamicValue | undefined {
  try {
    return JSON.parse(text) as DynamicValue;
  } catch {
    // Kusto's dynamic literals also allow single quotes, datetime(...) and other non-JSON forms.
    return undefined;
  }
}

/**
 * Forms Kusto's parser accepts inside `datetime(...)` that are not datetime text: comma-separated
 * parts `datetime(2025, 6, 14[, h, m, s])` (used by the docs) and a date written with spaces
 * around its dashes, `datetime(2017 - 08 - 01)`. Undefined for anything else.
 */
function datetimeOfLooseText(text: string): number | undefined {
  const parts = /^\s*(\d{1,4})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})(?:\s*,\s*(\d{1,2})(?:\s*,\s*(\d{1,2})(?:\s*,\s*(\d{1,2}(?:\.\d+)?))?)?)?\s*$/.exec(text);
  if (parts !== null) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0'] = parts;
    const pad = (v: string): string => v.padStart(2, '0');
    const seconds = sec.includes('.') ? `${pad(sec.split('.')[0])}.${sec.split('.')[1]}` : pad(sec);
    return parseDatetimeText(`${y.padStart(4, '0')}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${seconds}Z`) ?? undefined;
  }
  const spaced = unquote(text).replace(/\s*-\s*/g, '-');
  return spaced === unquote(text) ? undefined : parseDatetimeText(spaced) ?? undefined;
}

/** The value of a literal of `type` from its value text, or undefined when it cannot be read. */
function literalValue(type: ScalarType, text: string): Exclude<LiteralExpr['value'], bigint> | undefined {
  if (type === 'string') return text;
  if (type === 'dynamic') return parseDynamic(text);
  if (text.trim().toLowerCase() === 'null') return null;
  switch (type) {
    case 'bool': {
      const t = text.trim().toLowerCase();
      return t === 'true' ? true : t === 'false' ? false : undefined;
    }
    case 'int':
    case 'long': {
      // Beyond 2^53 a double would round: such long literals are read exactly by `exactLongLiteral`.
      const value = Number(text.trim());
      return Number.isSafeInteger(value) ? value : undefined;
    }
    case 'real':
    case 'decimal':
      return parseReal(text.trim());
    case 'datetime':
      return parseDatetimeText(unquote(text)) ?? datetimeOfLooseText(text);
    case 'timespan':
      return parseTimespan(unquote(text)) ?? undefined;
    case 'guid':
      return unquote(text).toLowerCase();
    default: {
      const never: never = type;
      return never;
    }
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A long literal beyond ±2^53 (`9223372036854775807`, `0x7fffffffffffffff`) as its exact value. */
function exactLongLiteral(text: string): bigint | undefined {
  const t = text.trim();
  if (!/^[+-]?(\d+|0x[0-9a-f]+)$/i.test(t)) return undefined;
  const negative = t.startsWith('-');
  const magnitude = BigInt(t.replace(/^[+-]/, ''));
  const value = negative ? -magnitude : magnitude;
  return value >= INT64_MIN && value <= INT64_MAX ? value : undefined;
}

/** Lowers a literal expression (`expr.IsLiteral`). Unreadable forms are `E_UNSUPPORTED`. */
export function lowerLiteral(expr: KExpression): LiteralExpr {
  const type = scalarTypeOf(expr);
  const info = expr.LiteralValueInfo;
  const text = info?.ValueText ?? null;
  const raw = info?.RawText ?? `${type} literal`;
  if (text === null) return failUnsupported(raw, expr);
  // `dynamic(...)` in Kusto's relaxed syntax (single quotes, typed literals inside) is read from its tree.
  const relaxed = type === 'dynamic' ? dynamicLiteralValue(expr, literalValue) : undefined;
  const plain = relaxed !== undefined ? relaxed : literalValue(type, text);
  const value = plain === undefined && type === 'long' ? exactLongLiteral(text) : plain;
  if (value === undefined) return failUnsupported(raw, expr);
  return { kind: 'literal', type, value, span: spanOf(expr) };
}
