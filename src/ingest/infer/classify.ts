/**
 * Reading one cell: which KQL type its value looks like, and its value as a cell of a
 * given type. Cells come as CSV text or as JSON values.
 */
import type { DynamicValue } from '../../engine/table/column';
import type { ScalarType } from '../../engine/types/scalarType';
import { parseTimespan } from '../../engine/types/datetime';
import type { DateOrder } from './localeDatetime';
import { parseInferredDatetime } from './localeDatetime';

/** A raw cell: CSV text, a JSON value, or absent (`undefined`, a field a JSON object lacks). */
export type RawCell = DynamicValue | undefined;

/** The types inference can choose (never `int` or `decimal`: those only when a source declares them). */
export type InferredType = 'bool' | 'long' | 'real' | 'datetime' | 'timespan' | 'dynamic' | 'string';

/** How string values are read: `all` (CSV: any type from text) or `datetime` (JSON: only ISO/locale datetimes and timespans). */
export type StringInference = 'all' | 'datetime';

/** Options of reading cells. */
export interface ReadOptions {
  readonly dateOrder: DateOrder;
  readonly stringInference: StringInference;
}

/** True for a cell that counts as empty (null for every type but string). */
export function isEmptyCell(raw: RawCell): boolean {
  return raw === undefined || raw === null || raw === '';
}

const LONG_RE = /^[-+]?(?:0|[1-9]\d*)$/;
const REAL_RE = /^[-+]?(?:(?:0|[1-9]\d*)(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const TIMESPAN_RE = /^-?(?:\d+\.)?\d{1,2}:\d{2}:\d{2}(?:\.\d{1,7})?$/;

/** True for integer text that a long holds exactly (no leading zeros: `0726` is an id, not a number). */
function isLongText(text: string): boolean {
  return LONG_RE.test(text) && Number.isSafeInteger(Number(text));
}

function isJsonContainerText(text: string): boolean {
  const t = text.trim();
  if (!((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']')))) return false;
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === 'object' && v !== null;
  } catch {
    return false;
  }
}

/** The type a non-empty text value looks like. */
function classifyText(text: string, options: ReadOptions): InferredType {
  if (parseInferredDatetime(text, options.dateOrder) !== null) return 'datetime';
  if (TIMESPAN_RE.test(text)) return 'timespan';
  if (options.stringInference === 'datetime') return 'string';
  const lower = text.length <= 5 ? text.toLowerCase() : '';
  if (lower === 'true' || lower === 'false') return 'bool';
  if (isLongText(text)) return 'long';
  if (REAL_RE.test(text)) return 'real';
  if (isJsonContainerText(text)) return 'dynamic';
  return 'string';
}

/** The type a non-empty raw cell looks like. */
export function classifyCell(raw: DynamicValue, options: ReadOptions): InferredType {
  if (typeof raw === 'string') return classifyText(raw, options);
  if (typeof raw === 'boolean') return 'bool';
  if (typeof raw === 'number') return Number.isSafeInteger(raw) ? 'long' : 'real';
  return 'dynamic';
}

/**
 * The type that holds values of both types: `long` + `real` = `real`; with JSON input
 * (`stringInference: 'datetime'`) `dynamic` holds anything; otherwise `string`.
 */
export function unifyTypes(a: InferredType, b: InferredType, stringInference: StringInference): InferredType {
  if (a === b) return a;
  if ((a === 'long' && b === 'real') || (a === 'real' && b === 'long')) return 'real';
  if (stringInference === 'datetime' && (a === 'dynamic' || b === 'dynamic')) return 'dynamic';
  return 'string';
}

/** A cell's original text: strings as they are, other JSON values as JSON. */
export function cellText(raw: RawCell): string {
  if (raw === undefined || raw === null) return '';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return JSON.stringify(raw);
}

/** A value a column builder appends (numbers for numeric types, text, JSON) or `undefined` when `raw` does not fit `type`. */
export type Converted = number | string | DynamicValue | undefined;

/**
 * `raw` (not empty) as a value of `type`, or `undefined` when it is not one.
 * `int`/`long` accept integers only (text `1.5` is not a long), `bool` accepts `true`/`false`
 * (any case) and JSON 0/1, `dynamic` parses JSON text (CSV) and keeps other text as a string.
 */
export function convertCell(raw: DynamicValue, type: ScalarType, options: ReadOptions): Converted {
  switch (type) {
    case 'string':
      return cellText(raw);
    case 'guid':
      return cellText(raw).toLowerCase();
    case 'bool':
      if (typeof raw === 'boolean') return raw ? 1 : 0;
      if (raw === 0 || raw === 1) return raw;
      if (typeof raw === 'string') {
        const t = raw.trim().toLowerCase();
        if (t === 'true') return 1;
        if (t === 'false') return 0;
      }
      return undefined;
    case 'int':
    case 'long':
      if (typeof raw === 'number') return Number.isInteger(raw) ? raw : undefined;
      if (typeof raw === 'string') {
        const t = raw.trim();
        return /^[-+]?\d+$/.test(t) ? Number(t) : undefined;
      }
      return undefined;
    case 'real':
    case 'decimal':
      if (typeof raw === 'number') return raw;
      if (typeof raw === 'string') {
        const t = raw.trim();
        if (REAL_RE.test(t) || /^[-+]?\d+$/.test(t)) return Number(t);
        if (t === 'NaN') return Number.NaN;
        if (t === 'Infinity' || t === '+Infinity') return Number.POSITIVE_INFINITY;
        if (t === '-Infinity') return Number.NEGATIVE_INFINITY;
      }
      return undefined;
    case 'datetime':
      return typeof raw === 'string' ? parseInferredDatetime(raw, options.dateOrder) ?? undefined : undefined;
    case 'timespan':
      return typeof raw === 'string' ? parseTimespan(raw) ?? undefined : undefined;
    case 'dynamic':
      if (typeof raw !== 'string' || options.stringInference === 'datetime') return raw;
      if (isJsonContainerText(raw)) return JSON.parse(raw.trim()) as DynamicValue;
      return raw;
    default: {
      const never: never = type;
      return never;
    }
  }
}
