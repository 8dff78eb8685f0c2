/**
 * Parser of the golden test format (`tests/golden/*.kqltest`, described in `README.md`).
 * Pure: text in, cases out. Every problem in a file throws `GoldenFormatError` naming
 * `file:line`, so a typo in a case never passes silently.
 */
import type { ScalarType } from '../../src/engine';
import { parseIsoDatetime, parseTimespan } from '../../src/engine/types/datetime';

/** The scalar types a header may name (Kusto's spelling). */
export const GOLDEN_TYPES: readonly ScalarType[] = ['bool', 'int', 'long', 'real', 'decimal', 'string', 'datetime', 'timespan', 'guid', 'dynamic'];

/** A value as written in a row: any JSON value. */
export type GoldenCell = null | boolean | number | string | GoldenCell[] | { [key: string]: GoldenCell };

/** One expected column of a result table. */
export interface GoldenColumn {
  readonly name: string;
  readonly type: ScalarType;
}

/** One expected result table (a `--- [ordered|unordered]` section). */
export interface ExpectedTable {
  readonly kind: 'table';
  readonly ordered: boolean;
  readonly columns: readonly GoldenColumn[];
  readonly rows: readonly (readonly GoldenCell[])[];
  /** 1-based line of the `---` line. */
  readonly line: number;
}

/** An expected error (a `--- error CODE [at L:C]` section). */
export interface ExpectedError {
  readonly kind: 'error';
  readonly code: string;
  /** 1-based line and column in the query text where the error span starts; null when not given. */
  readonly at: { readonly line: number; readonly column: number } | null;
  readonly line: number;
}

/** One case: a title, a query and what it must produce. */
export interface GoldenCase {
  readonly file: string;
  readonly title: string;
  /** 1-based line of the `===` line. */
  readonly line: number;
  readonly query: string;
  /** `#` comment lines written inside the case (e.g. `# KNOWN BUG: ...`), shown when it fails. */
  readonly notes: readonly string[];
  readonly expected: readonly (ExpectedTable | ExpectedError)[];
}

/** A malformed `.kqltest` file; the message starts with `file:line:`. */
export class GoldenFormatError extends Error {
  constructor(readonly file: string, readonly lineNumber: number, detail: string) {
    super(`${file}:${lineNumber}: ${detail}`);
    this.name = 'GoldenFormatError';
  }
}

const ERROR_CODE_RE = /^[A-Z][A-Z0-9_]*$/;
const IDENTIFIER_RE = /^[A-Za-z_][A-Za-z_0-9]*$/;

/** Splits a header line on top-level commas (commas inside `['...']` names do not split). */
function splitHeader(text: string, fail: (detail: string) => never): string[] {
  const parts: string[] = [];
  let current = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '[' && (text[i + 1] === "'" || text[i + 1] === '"')) {
      const quote = text[i + 1];
      const close = text.indexOf(`${quote}]`, i + 2);
      if (close < 0) fail(`unterminated column name ${text.slice(i)}`);
      current += text.slice(i, close + 2);
      i = close + 2;
      continue;
    }
    if (ch === ',') {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
    i++;
  }
  parts.push(current.trim());
  return parts;
}

/** Parses `name:type` or `['odd name']:type`. */
function parseHeaderColumn(part: string, fail: (detail: string) => never): GoldenColumn {
  const colon = part.lastIndexOf(':');
  if (colon < 0) fail(`header column "${part}" has no ":type"`);
  const rawName = part.slice(0, colon).trim();
  const typeName = part.slice(colon + 1).trim();
  const type = GOLDEN_TYPES.find((t) => t === typeName);
  if (type === undefined) fail(`unknown type "${typeName}" in header column "${part}" (one of ${GOLDEN_TYPES.join(', ')})`);
  const quoted = /^\[(['"])(.*)\1\]$/.exec(rawName);
  if (quoted !== null) return { name: quoted[2], type };
  if (!IDENTIFIER_RE.test(rawName)) fail(`column name "${rawName}" is not an identifier; write it as ['${rawName}']`);
  return { name: rawName, type };
}

/** Checks that a JSON cell can stand for a value of `type` (so typos surface as format errors). */
function checkCell(cell: GoldenCell, column: GoldenColumn, fail: (detail: string) => never): void {
  if (cell === null || column.type === 'dynamic') return;
  const bad = (what: string): never => fail(`column "${column.name}" (${column.type}): ${what}: ${JSON.stringify(cell)}`);
  switch (column.type) {
    case 'bool':
      if (typeof cell !== 'boolean') bad('expected true, false or null');
      return;
    case 'int':
    case 'long':
    case 'real':
    case 'decimal':
      if (typeof cell === 'number') return;
      if (typeof cell === 'string' && (/^-?\d+$/.test(cell) || cell === 'NaN' || cell === 'Infinity' || cell === '-Infinity')) return;
      bad('expected a JSON number, an integer string, "NaN", "Infinity" or "-Infinity"');
      return;
    case 'string':
    case 'guid':
      if (typeof cell !== 'string') bad('expected a JSON string');
      return;
    case 'datetime':
      if (typeof cell !== 'string' || !/Z$/.test(cell) || parseIsoDatetime(cell) === null) bad('expected an ISO 8601 UTC string like "2024-01-01T10:00:00Z"');
      return;
    case 'timespan':
      if (typeof cell !== 'string' || parseTimespan(cell) === null) bad('expected a timespan string like "00:00:10" or "1.02:03:04.5000000"');
      return;
    default: {
      const never: never = column.type;
      return never;
    }
  }
}

/** A section being read: its `---` line and the lines under it. */
interface OpenSection {
  readonly header: string;
  readonly line: number;
  readonly body: { readonly text: string; readonly line: number }[];
}

function parseSection(file: string, section: OpenSection): ExpectedTable | ExpectedError {
  const failAt = (line: number) => (detail: string): never => {
    throw new GoldenFormatError(file, line, detail);
  };
  const words = section.header.slice(3).trim().split(/\s+/).filter((w) => w !== '');
  if (words[0] === 'error') {
    const fail = failAt(section.line);
    if (section.body.length > 0) failAt(section.body[0].line)('an error section has no lines under it');
    const code = words[1];
    if (code === undefined || !ERROR_CODE_RE.test(code)) fail('"--- error" needs a code, e.g. "--- error E_ANALYSIS"');
    if (words.length === 2) return { kind: 'error', code, at: null, line: section.line };
    const position = words.length === 4 && words[2] === 'at' ? /^(\d+):(\d+)$/.exec(words[3]) : null;
    if (position === null) return fail('write the position as "at <line>:<column>" (1-based)');
    return { kind: 'error', code, at: { line: Number(position[1]), column: Number(position[2]) }, line: section.line };
  }
  if (words.length > 1 || (words.length === 1 && words[0] !== 'ordered' && words[0] !== 'unordered')) {
    failAt(section.line)(`unknown section "${section.header}"; use "---", "--- ordered", "--- unordered" or "--- error CODE [at L:C]"`);
  }
  const ordered = words[0] !== 'unordered';
  const [headerLine, ...rowLines] = section.body;
  if (headerLine === undefined) return failAt(section.line)('a result section needs a header line "name:type, ..."');
  const failHeader = failAt(headerLine.line);
  const columns = splitHeader(headerLine.text, failHeader).map((p) => parseHeaderColumn(p, failHeader));
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.name)) failHeader(`column "${c.name}" appears twice`);
    seen.add(c.name);
  }
  const rows = rowLines.map(({ text, line }) => {
    const fail = failAt(line);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      fail(`a row must be one JSON array: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!Array.isArray(parsed)) fail('a row must be one JSON array');
    const row = parsed as GoldenCell[];
    if (row.length !== columns.length) fail(`the row has ${row.length} values, the header ${columns.length} columns`);
    row.forEach((cell, i) => checkCell(cell, columns[i], fail));
    return row;
  });
  return { kind: 'table', ordered, columns, rows, line: section.line };
}

/**
 * Parses one `.kqltest` file. `file` is the name used in messages and test names.
 * Throws `GoldenFormatError` (with `file:line`) on any malformed input.
 */
export function parseGoldenFile(file: string, text: string): GoldenCase[] {
  const lines = text.split(/\r?\n/);
  const cases: GoldenCase[] = [];
  const titles = new Set<string>();
  let current: { title: string; line: number; query: string[]; notes: string[]; sections: OpenSection[] } | null = null;

  const close = (): void => {
    if (current === null) return;
    const c = current;
    while (c.query.length > 0 && c.query[c.query.length - 1].trim() === '') c.query.pop();
    if (c.query.length === 0) throw new GoldenFormatError(file, c.line, `case "${c.title}" has no query`);
    if (c.sections.length === 0) throw new GoldenFormatError(file, c.line, `case "${c.title}" has no "---" section saying what to expect`);
    const expected = c.sections.map((s) => parseSection(file, s));
    if (expected.some((e) => e.kind === 'error') && expected.length > 1) {
      throw new GoldenFormatError(file, c.line, `case "${c.title}": an error section must be the only section`);
    }
    cases.push({ file, title: c.title, line: c.line, query: c.query.join('\n'), notes: c.notes, expected });
    current = null;
  };

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    if (raw.startsWith('===')) {
      close();
      const title = raw.slice(3).trim();
      if (title === '') throw new GoldenFormatError(file, lineNumber, '"===" needs a title');
      if (titles.has(title)) throw new GoldenFormatError(file, lineNumber, `duplicate case title "${title}"`);
      titles.add(title);
      current = { title, line: lineNumber, query: [], notes: [], sections: [] };
      return;
    }
    if (raw.startsWith('#')) {
      if (current !== null) current.notes.push(raw.slice(1).trim());
      return;
    }
    if (current === null) {
      if (raw.trim() !== '') throw new GoldenFormatError(file, lineNumber, 'text outside a case; start a case with "=== title"');
      return;
    }
    if (raw.startsWith('---')) {
      current.sections.push({ header: raw.trim(), line: lineNumber, body: [] });
      return;
    }
    const openSection = current.sections[current.sections.length - 1];
    if (openSection === undefined) {
      if (current.query.length > 0 || raw.trim() !== '') current.query.push(raw);
      return;
    }
    if (raw.trim() !== '') openSection.body.push({ text: raw.trim(), line: lineNumber });
  });
  close();
  return cases;
}
