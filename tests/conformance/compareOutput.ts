/**
 * Compares an engine result with an output table as Microsoft's docs print it. The docs show
 * text, so each documented cell is read back as the engine column's type: numbers within the
 * precision the page shows, datetimes and timespans as ticks, dynamic values as JSON, strings
 * exactly. Row order is compared as shown first, then (summarize output is unordered) as a multiset.
 */
import type { Column, ColumnSchema, ResultTable } from '../../src/engine';
import { cellOf } from '../../src/engine/table/rows';
import { formatValue } from '../../src/engine/types/format';
import { parseDatetimeText, parseTimespan } from '../../src/engine/types/datetime';
import type { DynamicValue } from '../../src/engine';

/** The verdict on one example. */
export type Comparison = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Whether a documented cell means "nothing shown" for a null. */
function isEmptyCell(text: string): boolean {
  return text === '' || text === 'null' || text === '(null)';
}

/** Digits after the decimal point in a number as printed. */
function decimalsShown(text: string): number {
  const m = /\.(\d+)(?:[eE][-+]?\d+)?$/.exec(text);
  return m === null ? 0 : m[1].length;
}

function numbersMatch(actual: number, text: string): boolean {
  const cleaned = text.replace(/,/g, '');
  if (/^nan$/i.test(cleaned)) return Number.isNaN(actual);
  if (/^-?(inf|infinity|∞)$/i.test(cleaned)) return !Number.isFinite(actual) && !Number.isNaN(actual) && (cleaned.startsWith('-') === actual < 0);
  const expected = Number(cleaned);
  if (cleaned === '' || Number.isNaN(expected)) return false;
  if (actual === expected) return true;
  const shown = /e/i.test(cleaned) ? 0 : decimalsShown(cleaned);
  const roundingSlack = shown > 0 ? 0.5 * 10 ** -shown + 1e-12 : 0;
  return Math.abs(actual - expected) <= Math.max(roundingSlack, 1e-9 * Math.abs(expected));
}

function dynamicEqual(a: DynamicValue | undefined, b: DynamicValue | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return numbersMatch(a, String(b));
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => dynamicEqual(v, b[i]));
  const ao = a as Record<string, DynamicValue>;
  const bo = b as Record<string, DynamicValue>;
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => k in bo && dynamicEqual(ao[k], bo[k]));
}

function parseJson(text: string): DynamicValue | undefined {
  try {
    return JSON.parse(text) as DynamicValue;
  } catch {
    return undefined;
  }
}

/**
 * A dynamic cell as JSON. Some pages print a nested object as a quoted string without escaping
 * it (parse-url-function.md: `"Query Parameters":"{"k1":"v1"}"`); that text is read with the
 * quotes around `{...}` and `[...]` dropped.
 */
function parseJsonLoose(text: string): DynamicValue | undefined {
  const strict = parseJson(text);
  if (strict !== undefined) return strict;
  const unquoted = parseJson(text.replace(/"([{[])/g, '$1').replace(/([}\]])"/g, '$1'));
  if (unquoted !== undefined) return unquoted;
  return parseJson(relaxedToJson(text));
}

/**
 * Some pages print dynamic values in Kusto's relaxed literal syntax (`{'a': 1, 'b': TRUE}`, as in
 * `dynamic(...)` literals): single-quoted strings become JSON strings, TRUE/FALSE JSON booleans.
 */
export function relaxedToJson(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return text;
      out += text.slice(i, end + 1);
      i = end;
    } else if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return text;
      out += JSON.stringify(text.slice(i + 1, end));
      i = end;
    } else {
      out += ch;
    }
  }
  return out.replace(/\b(TRUE|True)\b/g, 'true').replace(/\b(FALSE|False)\b/g, 'false');
}

/** Text as a rendered markdown cell shows it: whitespace runs (and no-break spaces) as one space, trimmed. */
function renderedText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Whether a string value is what the docs print: exactly; as rendered markdown (a table cannot
 * show leading or trailing spaces, newlines or runs of spaces); or as a JSON string literal
 * (zlib-base64-compress-function.md prints `"eAEB..."`).
 */
function stringMatches(value: string, text: string): boolean {
  if (value === text || renderedText(value) === renderedText(text)) return true;
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') && parseJson(text) === value;
}

/**
 * Last resort for a dynamic cell that is not JSON at all: the page printed the value without
 * quotes (array-iff-function.md: `[yes, no, yes]`), so both sides are compared without quotes
 * and whitespace.
 */
function unquotedMatches(formatted: string, text: string): boolean {
  const bare = (t: string): string => t.replace(/["\s]/g, '');
  return parseJsonLoose(text) === undefined && bare(formatted) === bare(text);
}

/** Whether row `row` of `column` is what the docs print as `text`. */
export function cellMatches(schema: ColumnSchema, column: Column, row: number, text: string): boolean {
  const value = cellOf(column, row);
  if (value === null) return isEmptyCell(text);
  switch (schema.type) {
    case 'string':
      return stringMatches(String(value), text) || (value === '' && isEmptyCell(text));
    case 'guid':
      return String(value).toLowerCase() === text.toLowerCase();
    case 'bool':
      return String(value) === text.toLowerCase() || (text === '1' && value === true) || (text === '0' && value === false);
    case 'int':
    case 'long':
    case 'real':
    case 'decimal':
      return typeof value === 'number' && numbersMatch(value, text);
    case 'datetime': {
      const ticks = parseDatetimeText(text.replace(' ', 'T'));
      return ticks !== null && typeof value === 'number' && Math.abs(ticks - value) <= 4;
    }
    case 'timespan': {
      const ticks = parseTimespan(text);
      return ticks !== null && typeof value === 'number' && Math.abs(ticks - value) <= 4;
    }
    case 'dynamic': {
      const shown = parseJsonLoose(text);
      if (shown !== undefined && dynamicEqual(value as DynamicValue, shown)) return true;
      const formatted = formatValue(column, row);
      return formatted === text || unquotedMatches(formatted, text);
    }
    default: {
      const never: never = schema.type;
      return never;
    }
  }
}

function rowMatches(table: ResultTable, row: number, cells: readonly string[]): boolean {
  return table.columns.every((schema, c) => cellMatches(schema, table.data[c], row, cells[c] ?? ''));
}

/** Compares `table` with the documented `columns` and `rows`. */
export function compareWithDocs(table: ResultTable, columns: readonly string[], rows: readonly (readonly string[])[]): Comparison {
  const names = table.columns.map((c) => c.name);
  if (names.length !== columns.length || names.some((n, i) => n !== columns[i])) {
    return { ok: false, reason: `columns: expected [${columns.join(', ')}], got [${names.join(', ')}]` };
  }
  if (table.rowCount !== rows.length) return { ok: false, reason: `rows: expected ${rows.length}, got ${table.rowCount}` };
  let firstMismatch = -1;
  for (let r = 0; r < rows.length; r++) {
    if (!rowMatches(table, r, rows[r])) {
      firstMismatch = r;
      break;
    }
  }
  if (firstMismatch < 0) return { ok: true };
  // Unordered: every documented row must pair with a distinct result row.
  const used = new Uint8Array(table.rowCount);
  for (const cells of rows) {
    let found = -1;
    for (let r = 0; r < table.rowCount && found < 0; r++) if (used[r] === 0 && rowMatches(table, r, cells)) found = r;
    if (found < 0) {
      const got = table.columns.map((_, c) => formatValue(table.data[c], firstMismatch)).join(' | ');
      return { ok: false, reason: `row ${firstMismatch + 1}: expected [${rows[firstMismatch].join(' | ')}], got [${got}]` };
    }
    used[found] = 1;
  }
  return { ok: true };
}
