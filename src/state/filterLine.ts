/**
 * "Include / exclude this value" from a result cell: the KQL `where` line that keeps or drops
 * the rows holding a cell's value (a literal spelled exactly as Kusto wants it for the type),
 * and where that line goes in the editor text: at the end of the block that produced the result.
 * Pure, so it is unit-tested in Node.
 */
import type { Column, DynamicValue } from '../engine';
import type { BlockFinder } from './queryLogic';
import { splitDatetimeTicks } from './datetimeTicks';

/** One cell's value with its KQL type: numbers as stored (datetime/timespan in 100 ns ticks, bool 0/1). */
export type CellLiteral =
  | { readonly type: 'bool' | 'int' | 'long' | 'real' | 'decimal' | 'datetime' | 'timespan'; readonly value: number | null }
  | { readonly type: 'string' | 'guid'; readonly value: string | null }
  | { readonly type: 'dynamic'; readonly value: DynamicValue };

/** Whether the new line keeps (`include`) or drops (`exclude`) the rows with the value. */
export type FilterMode = 'include' | 'exclude';

const TICKS_PER_SECOND = 10_000_000;
const TICKS_PER_DAY = 86_400 * TICKS_PER_SECOND;

/** Words that cannot name a column bare (KQL keywords and operator names that parse ambiguously). */
const KEYWORDS = new Set([
  'and', 'or', 'not', 'by', 'on', 'with', 'in', 'has', 'contains', 'startswith', 'endswith', 'matches', 'between', 'let', 'set',
  'where', 'project', 'extend', 'summarize', 'sort', 'order', 'take', 'limit', 'top', 'join', 'union', 'count', 'distinct', 'render',
  'true', 'false', 'null', 'asc', 'desc', 'of', 'kind', 'like', 'to', 'step', 'from', 'as', 'print', 'range', 'datatable', 'typeof',
  'bool', 'boolean', 'int', 'long', 'real', 'double', 'decimal', 'string', 'datetime', 'date', 'timespan', 'time', 'guid', 'uniqueid', 'dynamic',
]);

/** A column name as KQL needs it: bare when it is a plain identifier, else `['name']` (escaped). */
export function quoteColumnName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !KEYWORDS.has(name.toLowerCase())) return name;
  return `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/** A KQL string literal: double quotes, with backslash, quote and control characters escaped. */
export function stringLiteral(text: string): string {
  let out = '"';
  for (const ch of text) {
    switch (ch) {
      case '\\':
        out += '\\\\';
        break;
      case '"':
        out += '\\"';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      default:
        out += ch;
    }
  }
  return `${out}"`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Datetime ticks as a KQL datetime literal with all 7 fraction digits. */
export function datetimeLiteral(ticks: number): string {
  const { date: d, subMs } = splitDatetimeTicks(ticks);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  const time = `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds(), 3)}${pad(subMs, 4)}`;
  return `datetime(${date}T${time}Z)`;
}

/** Ticks as a KQL timespan literal, `timespan([-][d.]hh:mm:ss[.fffffff])`. */
export function timespanLiteral(ticks: number): string {
  const sign = ticks < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ticks));
  const days = Math.floor(rest / TICKS_PER_DAY);
  rest -= days * TICKS_PER_DAY;
  const totalSeconds = Math.floor(rest / TICKS_PER_SECOND);
  const fraction = rest - totalSeconds * TICKS_PER_SECOND;
  const hh = Math.floor(totalSeconds / 3600);
  const mm = Math.floor((totalSeconds % 3600) / 60);
  const ss = totalSeconds % 60;
  return `timespan(${sign}${days > 0 ? `${days}.` : ''}${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}${fraction > 0 ? `.${pad(fraction, 7)}` : ''})`;
}

/** A finite real as a KQL real literal (always with a decimal point or exponent). */
function realLiteral(value: number): string {
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** Compact JSON of a dynamic value as Kusto's `tostring()` gives it (a string as itself). */
function dynamicText(value: DynamicValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The predicate of a `where` line keeping (`include`) or dropping (`exclude`) rows whose `column` holds `cell`. */
export function filterPredicate(column: string, cell: CellLiteral, mode: FilterMode): string {
  const col = quoteColumnName(column);
  const eq = mode === 'include' ? '==' : '!=';
  if (cell.value === null) return mode === 'include' ? `isnull(${col})` : `isnotnull(${col})`;
  switch (cell.type) {
    case 'string':
      return `${col} ${eq} ${stringLiteral(cell.value)}`;
    case 'guid':
      return `${col} ${eq} guid(${cell.value})`;
    case 'bool':
      return `${col} ${eq} ${cell.value !== 0 ? 'true' : 'false'}`;
    case 'int':
    case 'long':
      return `${col} ${eq} ${String(cell.value)}`;
    case 'real':
    case 'decimal': {
      const v = cell.value;
      // NaN equals nothing in KQL (not even NaN): test it with isnan().
      if (Number.isNaN(v)) return mode === 'include' ? `isnan(${col})` : `not(isnan(${col}))`;
      const literal = Number.isFinite(v) ? realLiteral(v) : `real(${v > 0 ? '+inf' : '-inf'})`;
      return `${col} ${eq} ${cell.type === 'decimal' && Number.isFinite(v) ? `decimal(${literal})` : literal}`;
    }
    case 'datetime':
      return `${col} ${eq} ${datetimeLiteral(cell.value)}`;
    case 'timespan':
      return `${col} ${eq} ${timespanLiteral(cell.value)}`;
    case 'dynamic':
      return `tostring(${col}) ${eq} ${stringLiteral(dynamicText(cell.value))}`;
    default: {
      const never: never = cell;
      return never;
    }
  }
}

/** The value of row `row` of `column` as a `CellLiteral` (reads the columnar storage, no engine code). */
export function cellLiteralOf(column: Column, row: number): CellLiteral {
  switch (column.kind) {
    case 'number': {
      const value = column.nulls !== null && column.nulls[row] === 1 ? null : column.data[row];
      return { type: column.type as Extract<CellLiteral, { value: number | null }>['type'], value };
    }
    case 'string': {
      const code = column.codes[row];
      return { type: column.type, value: code < 0 ? null : column.dict[code] };
    }
    case 'dynamic':
      return { type: 'dynamic', value: column.values[row] };
    default: {
      const never: never = column;
      return never;
    }
  }
}

/**
 * The editor text with `| where <predicate>` appended as a new line at the end of the block
 * that ran `queryText`, and the caret offset at the end of that line (inside the block, so
 * running the block at the caret runs the filtered query). The block is the one under the
 * caret when its text is the run's, else the first block with the run's text; when the run's
 * block is no longer in the editor (edited since), the filtered query is added as a new block.
 */
export function withFilterLine(editorText: string, cursorOffset: number, queryText: string, blockAt: BlockFinder, predicate: string): { readonly text: string; readonly cursor: number } {
  const line = `\n| where ${predicate}`;
  const insertAfter = (end: number): { text: string; cursor: number } => ({ text: editorText.slice(0, end) + line + editorText.slice(end), cursor: end + line.length });
  const atCursor = blockAt(editorText, cursorOffset);
  if (atCursor.text === queryText) return insertAfter(atCursor.end);
  for (let from = editorText.indexOf(queryText); from >= 0; from = editorText.indexOf(queryText, from + 1)) {
    const block = blockAt(editorText, from);
    if (block.text === queryText) return insertAfter(block.end);
  }
  const separator = editorText.trim() === '' ? '' : /\n\s*\n\s*$/.test(editorText) ? '' : editorText.endsWith('\n') ? '\n' : '\n\n';
  const text = `${editorText}${separator}${queryText}${line}`;
  return { text, cursor: text.length };
}
