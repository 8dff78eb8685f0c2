/**
 * Compares a query's outcome with a golden case's expectation and, when they differ, writes a
 * message that says exactly where: which case, which table, row and column, expected vs actual,
 * and the query's own error when it failed. Returns null when everything matches.
 */
import type { QueryOutcome, ResultTable, ScalarType } from '../../src/engine';
import { rowsOf } from '../../src/engine';
import type { CellValue } from '../../src/engine/table/rows';
import { formatDatetime, formatTimespan, parseIsoDatetime, parseTimespan } from '../../src/engine/types/datetime';
import type { ExpectedError, ExpectedTable, GoldenCase, GoldenCell, GoldenColumn } from './format';

/** Relative tolerance for reals that are not written as exact integers. */
export const REAL_RELATIVE_TOLERANCE = 1e-9;
/**
 * datetime and timespan values match to the tick: the engine counts datetime ticks from 2020, so
 * every datetime from 1991 to 2048 is exact (docs/architecture.md, storage). Kept as a named
 * constant so that a case outside that window can be recognised as such.
 */
export const TICK_TOLERANCE = 0;
/** Tables longer than this are cut in failure messages. */
const MAX_ROWS_SHOWN = 40;

/** An actual cell as read from a result column; `bigint` for an exact 64-bit long (`NumericColumn.exact`). */
type ActualCell = CellValue | bigint;

/** The result's rows, exact longs as `bigint` (compared exactly, never through a rounded double). */
function actualRows(table: ResultTable): ActualCell[][] {
  return rowsOf(table).map((row, r) =>
    row.map((cell, c) => {
      const column = table.data[c];
      return cell !== null && column.kind === 'number' && column.exact !== undefined ? column.exact[r] : cell;
    }),
  );
}

function numbersMatch(expected: number, actual: number): boolean {
  if (Number.isInteger(expected)) return expected === actual;
  const scale = Math.max(Math.abs(expected), Math.abs(actual));
  return Math.abs(expected - actual) <= REAL_RELATIVE_TOLERANCE * scale;
}

function specialNumber(text: string): number | undefined {
  if (text === 'NaN') return Number.NaN;
  if (text === 'Infinity') return Number.POSITIVE_INFINITY;
  if (text === '-Infinity') return Number.NEGATIVE_INFINITY;
  return undefined;
}

function numericMatch(expected: number | string, actual: ActualCell): boolean {
  if (typeof actual !== 'number' && typeof actual !== 'bigint') return false;
  if (typeof expected === 'string') {
    const special = specialNumber(expected);
    if (special !== undefined) return typeof actual === 'number' && (Number.isNaN(special) ? Number.isNaN(actual) : actual === special);
    // An exact integer beyond 2^53: compare exactly, never through a rounded double.
    if (typeof actual === 'bigint') return actual === BigInt(expected);
    return Number.isInteger(actual) && BigInt(actual) === BigInt(expected);
  }
  if (typeof actual === 'bigint') return Number.isInteger(expected) && BigInt(expected) === actual;
  return numbersMatch(expected, actual);
}

function dynamicMatch(expected: GoldenCell, actual: unknown): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (typeof expected === 'number') return typeof actual === 'number' && numbersMatch(expected, actual);
  if (typeof expected !== 'object') return expected === actual;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => dynamicMatch(e, actual[i]));
  }
  if (typeof actual !== 'object' || Array.isArray(actual)) return false;
  const actualBag = actual as Record<string, unknown>;
  const keys = Object.keys(expected);
  return keys.length === Object.keys(actualBag).length && keys.every((k) => k in actualBag && dynamicMatch(expected[k], actualBag[k]));
}

/** True when the actual cell matches the expected cell of a column of `type`. */
export function cellMatches(type: ScalarType, expected: GoldenCell, actual: ActualCell): boolean {
  if (type === 'dynamic') return dynamicMatch(expected, actual);
  if (expected === null || actual === null) return expected === actual;
  switch (type) {
    case 'bool':
      return expected === actual;
    case 'int':
    case 'long':
    case 'real':
    case 'decimal':
      return (typeof expected === 'number' || typeof expected === 'string') && numericMatch(expected, actual);
    case 'string':
      return expected === actual;
    case 'guid':
      return typeof expected === 'string' && typeof actual === 'string' && expected.toLowerCase() === actual.toLowerCase();
    case 'datetime':
    case 'timespan': {
      if (typeof expected !== 'string' || typeof actual !== 'number') return false;
      const ticks = type === 'datetime' ? parseIsoDatetime(expected) : parseTimespan(expected);
      return ticks !== null && Math.abs(ticks - actual) <= TICK_TOLERANCE;
    }
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** An actual cell written in the golden notation (so a failure shows what to paste). */
export function goldenNotation(type: ScalarType, value: ActualCell): GoldenCell {
  if (value === null) return null;
  if (typeof value === 'bigint') return value >= -(2n ** 53n) && value <= 2n ** 53n ? Number(value) : value.toString();
  if (type === 'datetime' && typeof value === 'number') {
    return formatDatetime(value).replace(/(\.\d*?)0+Z$/, '$1Z').replace(/\.Z$/, 'Z');
  }
  if (type === 'timespan' && typeof value === 'number') return formatTimespan(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    if (Number.isInteger(value) && Math.abs(value) > 2 ** 53) return BigInt(value).toString();
  }
  return value as GoldenCell;
}

function headerText(columns: readonly GoldenColumn[]): string {
  return columns.map((c) => `${/^[A-Za-z_][A-Za-z_0-9]*$/.test(c.name) ? c.name : `['${c.name.replace(/'/g, "\\'")}']`}:${c.type}`).join(', ');
}

function rowText(row: readonly GoldenCell[]): string {
  return JSON.stringify(row);
}

function tableText(columns: readonly GoldenColumn[], rows: readonly (readonly GoldenCell[])[]): string {
  const shown = rows.slice(0, MAX_ROWS_SHOWN).map(rowText);
  if (rows.length > MAX_ROWS_SHOWN) shown.push(`... ${rows.length - MAX_ROWS_SHOWN} more rows`);
  return [headerText(columns), ...shown].map((l) => `    ${l}`).join('\n');
}

/** An actual result table in the golden notation: its header columns and rows. */
export function actualInGoldenNotation(table: ResultTable): { columns: GoldenColumn[]; rows: GoldenCell[][] } {
  const columns = table.columns.map((c) => ({ name: c.name, type: c.type }));
  const rows = actualRows(table).map((row) => row.map((v, i) => goldenNotation(columns[i].type, v)));
  return { columns, rows };
}

/** 1-based line and column of UTF-16 `offset` in `text`. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

function describeCell(type: ScalarType, value: GoldenCell): string {
  const text = JSON.stringify(value);
  return type === 'string' && value === '' ? `${text} (Kusto strings are never null: an empty string stands for null)` : text;
}

/** Differences of one expected table from one actual table; empty when they match. */
export function compareTable(expected: ExpectedTable, actual: ResultTable, label: string): string[] {
  const { columns, rows } = actualInGoldenNotation(actual);
  const problems: string[] = [];
  const nameTypeDiffers =
    columns.length !== expected.columns.length ||
    expected.columns.some((c, i) => c.name !== columns[i].name || c.type !== columns[i].type);
  if (nameTypeDiffers) {
    const detail = expected.columns
      .map((c, i) => (columns[i] === undefined ? `column ${i + 1}: expected ${c.name}:${c.type}, actual none` : c.name !== columns[i].name || c.type !== columns[i].type ? `column ${i + 1}: expected ${c.name}:${c.type}, actual ${columns[i].name}:${columns[i].type}` : ''))
      .filter((d) => d !== '');
    if (columns.length > expected.columns.length) detail.push(`extra actual columns: ${headerText(columns.slice(expected.columns.length))}`);
    problems.push(`${label}: the columns differ (${detail.join('; ')})`);
    return problems;
  }
  const rawRows = actualRows(actual);
  const rowMatches = (e: readonly GoldenCell[], r: number): boolean => e.every((cell, c) => cellMatches(columns[c].type, cell, rawRows[r][c]));
  if (expected.ordered) {
    const n = Math.max(expected.rows.length, rows.length);
    for (let r = 0; r < n; r++) {
      const e = expected.rows[r];
      if (e === undefined) {
        problems.push(`${label}: ${rows.length} rows, expected ${expected.rows.length}; first extra row ${r + 1}: ${rowText(rows[r])}`);
        break;
      }
      if (r >= rows.length) {
        problems.push(`${label}: ${rows.length} rows, expected ${expected.rows.length}; first missing row ${r + 1}: ${rowText(e)}`);
        break;
      }
      const c = e.findIndex((cell, i) => !cellMatches(columns[i].type, cell, rawRows[r][i]));
      if (c >= 0) {
        const col = columns[c];
        problems.push(`${label}, row ${r + 1}, column "${col.name}" (${col.type}): expected ${describeCell(col.type, e[c])}, actual ${describeCell(col.type, rows[r][c])}`);
        break;
      }
    }
    return problems;
  }
  // Unordered: match rows as a multiset (each actual row is used once).
  const used = new Array<boolean>(rows.length).fill(false);
  const missing: string[] = [];
  expected.rows.forEach((e) => {
    const r = used.findIndex((u, i) => !u && rowMatches(e, i));
    if (r < 0) missing.push(rowText(e));
    else used[r] = true;
  });
  const extra = rows.filter((_, i) => !used[i]).map(rowText);
  if (missing.length > 0 || extra.length > 0) {
    problems.push(
      `${label} (unordered): ${rows.length} rows, expected ${expected.rows.length}` +
        (missing.length > 0 ? `\n  expected rows not found: ${missing.join(' ')}` : '') +
        (extra.length > 0 ? `\n  actual rows not expected: ${extra.join(' ')}` : ''),
    );
  }
  return problems;
}

function errorText(query: string, outcome: QueryOutcome): string {
  if (outcome.ok) return 'none';
  const { code, message, span } = outcome.error;
  const where = span === null ? 'no position' : `at ${lineColumnOf(query, span.start).line}:${lineColumnOf(query, span.start).column}`;
  return `${code} ${where}: ${message}`;
}

function compareError(c: GoldenCase, expected: ExpectedError, outcome: QueryOutcome): string[] {
  const wanted = `${expected.code}${expected.at === null ? '' : ` at ${expected.at.line}:${expected.at.column}`}`;
  if (outcome.ok) return [`expected error ${wanted}, but the query succeeded with ${outcome.tables.length} table(s)`];
  const { code, span } = outcome.error;
  if (code !== expected.code) return [`expected error ${wanted}, got ${errorText(c.query, outcome)}`];
  if (expected.at === null) return [];
  if (span === null) return [`expected error ${wanted}, got it without a position: ${errorText(c.query, outcome)}`];
  const at = lineColumnOf(c.query, span.start);
  if (at.line !== expected.at.line || at.column !== expected.at.column) return [`expected error ${wanted}, got ${errorText(c.query, outcome)}`];
  return [];
}

/**
 * Checks `outcome` against case `c`. Returns null when it matches, else a failure message
 * naming the case (`file:line › title`), its notes, the query, every difference found, and the
 * expected and actual tables in the golden notation.
 */
export function checkCase(c: GoldenCase, outcome: QueryOutcome): string | null {
  const problems: string[] = [];
  const first = c.expected[0];
  if (first !== undefined && first.kind === 'error') {
    problems.push(...compareError(c, first, outcome));
  } else if (!outcome.ok) {
    problems.push(`the query failed: ${errorText(c.query, outcome)}`);
  } else {
    if (outcome.tables.length !== c.expected.length) {
      problems.push(`expected ${c.expected.length} result table(s), got ${outcome.tables.length}`);
    }
    c.expected.forEach((e, i) => {
      const actual = outcome.tables[i];
      if (e.kind !== 'table' || actual === undefined) return;
      problems.push(...compareTable(e, actual, `table ${i + 1} (section at line ${e.line})`));
    });
  }
  if (problems.length === 0) return null;
  const parts = [`${c.file}:${c.line} › ${c.title}`];
  if (c.notes.length > 0) parts.push(`notes:\n${c.notes.map((n) => `    # ${n}`).join('\n')}`);
  parts.push(`query:\n${c.query.split('\n').map((l) => `    ${l}`).join('\n')}`);
  parts.push(...problems);
  c.expected.forEach((e, i) => {
    if (e.kind === 'table') parts.push(`expected table ${i + 1} (${e.ordered ? 'ordered' : 'unordered'}):\n${tableText(e.columns, e.rows)}`);
  });
  if (outcome.ok) {
    outcome.tables.forEach((t, i) => {
      const { columns, rows } = actualInGoldenNotation(t);
      parts.push(`actual table ${i + 1}:\n${tableText(columns, rows)}`);
    });
  }
  return parts.join('\n');
}
