/**
 * How `parse` turns a captured text into a value of its column's type: the same readings as the
 * conversion functions (`tolong`, `todatetime`, ... of `functions/conversion.ts`), returning
 * undefined when the text is not a value of that type (so the caller can tell "failed" from a
 * converted null).
 */
import type { ScalarType } from '../types/scalarType';
import type { Scalar } from '../functions/vector';
import { parseDynamic, parseNumber } from '../functions/conversion';
import { parseDatetimeText, parseTimespan } from '../types/datetime';

const INT32_LIMIT = 2_147_483_648;
const INT64_LIMIT = 9_223_372_036_854_775_808;
const GUID_RE = /^[{(]?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})[})]?$/i;

function integer(text: string, limit: number): number | undefined {
  const n = parseNumber(text);
  if (n === null || !Number.isFinite(n)) return undefined;
  const t = Math.trunc(n);
  return t < -limit || t >= limit ? undefined : t;
}

/** `text` as a value of `type`, or undefined when it does not convert. */
export function convertCapture(type: ScalarType, text: string): Scalar | undefined {
  switch (type) {
    case 'string':
      return text;
    case 'int':
      return integer(text, INT32_LIMIT);
    case 'long':
      return integer(text, INT64_LIMIT);
    case 'real':
    case 'decimal':
      return parseNumber(text) ?? undefined;
    case 'bool': {
      const t = text.trim().toLowerCase();
      return t === 'true' ? true : t === 'false' ? false : undefined;
    }
    case 'datetime':
      return parseDatetimeText(text) ?? undefined;
    case 'timespan':
      return parseTimespan(text) ?? undefined;
    case 'guid': {
      const m = GUID_RE.exec(text.trim());
      return m === null ? undefined : m.slice(1).join('-').toLowerCase();
    }
    case 'dynamic':
      return parseDynamic(text);
    default: {
      const never: never = type;
      return never;
    }
  }
}
