/**
 * Self-tests of the golden runner: the format parser rejects malformed files with `file:line`,
 * and the comparator reports wrong expectations as mismatches (with row, column, expected and
 * actual) while accepting right ones. Tables here are built with the engine's own builder.
 */
import { describe, expect, it } from 'vitest';
import type { QueryOutcome, ResultTable } from '../../src/engine';
import { runQuery, tableFromRows } from '../../src/engine';
import { parseIsoDatetime } from '../../src/engine/types/datetime';
import { goldenCatalog, GOLDEN_NOW_MS } from './catalog';
import { cellMatches, checkCase, lineColumnOf } from './compare';
import type { GoldenCase } from './format';
import { GoldenFormatError, parseGoldenFile } from './format';

function only(text: string): GoldenCase {
  const cases = parseGoldenFile('self.kqltest', text);
  expect(cases).toHaveLength(1);
  return cases[0];
}

function success(...tables: ResultTable[]): QueryOutcome {
  return { ok: true, tables, stats: { elapsedMs: 0 } };
}

const kindCounts = tableFromRows('PrimaryResult', [{ name: 'Kind', type: 'string' }, { name: 'n', type: 'long' }], [['Push', 2], ['Pull', 4]]);
const asResult = (t: ReturnType<typeof tableFromRows>): ResultTable => ({ name: t.name, columns: t.schema, data: t.columns, rowCount: t.rowCount });

describe('golden format parser', () => {
  it('reads a case with a query over several lines, notes and an unordered table', () => {
    const c = only(['# file comment', '', '=== t1', '# KNOWN BUG: demo', 'Events', '| take 1', '--- unordered', "Kind:string, ['my col']:long", '["a", 1]', ''].join('\n'));
    expect(c.title).toBe('t1');
    expect(c.line).toBe(3);
    expect(c.query).toBe('Events\n| take 1');
    expect(c.notes).toEqual(['KNOWN BUG: demo']);
    expect(c.expected).toEqual([{ kind: 'table', ordered: false, columns: [{ name: 'Kind', type: 'string' }, { name: 'my col', type: 'long' }], rows: [['a', 1]], line: 7 }]);
  });

  it('reads error sections with and without a position, and several tables', () => {
    const cases = parseGoldenFile('f.kqltest', '=== a\nprint foo(1)\n--- error E_ANALYSIS at 1:7\n=== b\nx\n--- error E_RUNTIME\n=== c\nx\n---\na:int\n--- ordered\nb:int\n[1]\n');
    expect(cases.map((c) => c.expected)).toEqual([
      [{ kind: 'error', code: 'E_ANALYSIS', at: { line: 1, column: 7 }, line: 3 }],
      [{ kind: 'error', code: 'E_RUNTIME', at: null, line: 6 }],
      [{ kind: 'table', ordered: true, columns: [{ name: 'a', type: 'int' }], rows: [], line: 9 }, { kind: 'table', ordered: true, columns: [{ name: 'b', type: 'int' }], rows: [[1]], line: 11 }],
    ]);
  });

  const malformed: [string, string, RegExp][] = [
    ['unknown type', '=== a\nx\n---\na:integer\n', /^bad\.kqltest:4: unknown type "integer"/],
    ['row arity', '=== a\nx\n---\na:int, b:int\n[1]\n', /^bad\.kqltest:5: the row has 1 values, the header 2/],
    ['row not JSON', '=== a\nx\n---\na:int\n[1,\n', /^bad\.kqltest:5: a row must be one JSON array/],
    ['bad datetime', '=== a\nx\n---\nt:datetime\n["yesterday"]\n', /^bad\.kqltest:5: column "t" \(datetime\)/],
    ['no expectation', '=== a\nx\n', /^bad\.kqltest:1: case "a" has no "---" section/],
    ['no query', '=== a\n---\na:int\n', /^bad\.kqltest:1: case "a" has no query/],
    ['text before a case', 'Events\n=== a\n', /^bad\.kqltest:1: text outside a case/],
    ['duplicate title', '=== a\nx\n--- error E_X\n=== a\ny\n--- error E_X\n', /^bad\.kqltest:4: duplicate case title/],
    ['error with position typo', '=== a\nx\n--- error E_ANALYSIS 1:7\n', /^bad\.kqltest:3: write the position/],
    ['unknown section', '=== a\nx\n--- sorted\n', /^bad\.kqltest:3: unknown section/],
    ['odd column name not quoted', '=== a\nx\n---\nmy col:int\n', /^bad\.kqltest:4: column name "my col" is not an identifier/],
  ];
  for (const [what, text, message] of malformed) {
    it(`fails loudly with file:line on ${what}`, () => {
      expect(() => parseGoldenFile('bad.kqltest', text)).toThrow(GoldenFormatError);
      expect(() => parseGoldenFile('bad.kqltest', text)).toThrow(message);
    });
  }
});

describe('golden comparator', () => {
  it('accepts a matching table, ordered and unordered', () => {
    expect(checkCase(only('=== ok\nq\n---\nKind:string, n:long\n["Push", 2]\n["Pull", 4]\n'), success(asResult(kindCounts)))).toBeNull();
    expect(checkCase(only('=== ok\nq\n--- unordered\nKind:string, n:long\n["Pull", 4]\n["Push", 2]\n'), success(asResult(kindCounts)))).toBeNull();
  });

  it('reports a wrong cell with its row, column, expected and actual value', () => {
    const failure = checkCase(only('=== wrong count\nq\n---\nKind:string, n:long\n["Push", 2]\n["Pull", 5]\n'), success(asResult(kindCounts)));
    expect(failure).toContain('self.kqltest:1 › wrong count');
    expect(failure).toContain('table 1 (section at line 3), row 2, column "n" (long): expected 5, actual 4');
    expect(failure).toContain('["Pull",4]');
  });

  it('reports order as a mismatch in an ordered section', () => {
    const failure = checkCase(only('=== order\nq\n---\nKind:string, n:long\n["Pull", 4]\n["Push", 2]\n'), success(asResult(kindCounts)));
    expect(failure).toContain('row 1, column "Kind" (string): expected "Pull", actual "Push"');
  });

  it('reports missing and unexpected rows of an unordered section', () => {
    const failure = checkCase(only('=== multiset\nq\n--- unordered\nKind:string, n:long\n["Pull", 4]\n["Pull", 4]\n'), success(asResult(kindCounts)));
    expect(failure).toContain('expected rows not found: ["Pull",4]');
    expect(failure).toContain('actual rows not expected: ["Push",2]');
  });

  it('checks column names and types exactly', () => {
    expect(checkCase(only('=== type\nq\n---\nKind:string, n:int\n["Push", 2]\n["Pull", 4]\n'), success(asResult(kindCounts)))).toContain('column 2: expected n:int, actual n:long');
    expect(checkCase(only('=== name\nq\n---\nkind:string, n:long\n["Push", 2]\n["Pull", 4]\n'), success(asResult(kindCounts)))).toContain('column 1: expected kind:string, actual Kind:string');
    expect(checkCase(only('=== fewer\nq\n---\nKind:string\n["Push"]\n["Pull"]\n'), success(asResult(kindCounts)))).toContain('extra actual columns: n:long');
  });

  it('reports row counts and the number of result tables', () => {
    expect(checkCase(only('=== short\nq\n---\nKind:string, n:long\n["Push", 2]\n'), success(asResult(kindCounts)))).toContain('2 rows, expected 1; first extra row 2: ["Pull",4]');
    expect(checkCase(only('=== two\nq\n---\nKind:string, n:long\n["Push", 2]\n["Pull", 4]\n---\nKind:string, n:long\n'), success(asResult(kindCounts)))).toContain('expected 2 result table(s), got 1');
  });

  it('shows the query error when a table was expected, and checks expected errors', () => {
    const failed: QueryOutcome = { ok: false, error: { code: 'E_UNSUPPORTED', message: 'not supported yet: foo', span: { start: 9, length: 3 } } };
    expect(checkCase(only('=== e\nEvents\n| foo\n---\na:int\n'), failed)).toContain('the query failed: E_UNSUPPORTED at 2:3: not supported yet: foo');
    expect(checkCase(only('=== e\nEvents\n| foo\n--- error E_UNSUPPORTED at 2:3\n'), failed)).toBeNull();
    expect(checkCase(only('=== e\nEvents\n| foo\n--- error E_UNSUPPORTED at 2:4\n'), failed)).toContain('expected error E_UNSUPPORTED at 2:4, got E_UNSUPPORTED at 2:3');
    expect(checkCase(only('=== e\nEvents\n| foo\n--- error E_ANALYSIS\n'), failed)).toContain('expected error E_ANALYSIS, got E_UNSUPPORTED');
    expect(checkCase(only('=== e\nq\n--- error E_ANALYSIS\n'), success(asResult(kindCounts)))).toContain('expected error E_ANALYSIS, but the query succeeded');
  });

  it('compares cells by type: real tolerance, exact integers, ticks, guids, dynamic bags', () => {
    expect(cellMatches('real', 0.1, 0.1 + 1e-12)).toBe(true);
    expect(cellMatches('real', 0.1, 0.1 + 1e-6)).toBe(false);
    expect(cellMatches('real', 3, 2.9999999999999)).toBe(false);
    expect(cellMatches('real', 'NaN', Number.NaN)).toBe(true);
    expect(cellMatches('real', 'Infinity', Number.NEGATIVE_INFINITY)).toBe(false);
    expect(cellMatches('long', '9223372036854775807', 2 ** 63)).toBe(false);
    expect(cellMatches('long', '9007199254740993', 9007199254740993n)).toBe(true);
    expect(cellMatches('long', 1, null)).toBe(false);
    expect(cellMatches('long', null, 0)).toBe(false);
    expect(cellMatches('string', null, '')).toBe(false);
    expect(cellMatches('guid', 'AB-CD', 'ab-cd')).toBe(true);
    const ticks = parseIsoDatetime('2024-01-01T10:00:00Z') ?? 0;
    expect(cellMatches('datetime', '2024-01-01T10:00:00Z', ticks)).toBe(true);
    expect(cellMatches('datetime', '2024-01-01T10:00:00.0000001Z', ticks)).toBe(false); // exact to the tick
    expect(cellMatches('datetime', '2024-01-01T10:00:01Z', ticks)).toBe(false);
    expect(cellMatches('timespan', '00:00:10', 100_000_000)).toBe(true);
    expect(cellMatches('timespan', '-00:00:10', 100_000_000)).toBe(false);
    expect(cellMatches('dynamic', { a: 1, b: [1, 'x'] }, { b: [1, 'x'], a: 1 })).toBe(true);
    expect(cellMatches('dynamic', { a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(cellMatches('dynamic', [1, 2], [2, 1])).toBe(false);
    expect(cellMatches('bool', true, false)).toBe(false);
  });

  it('writes actual datetimes and timespans in the golden notation', () => {
    const t = tableFromRows('T', [{ name: 'When', type: 'datetime' }, { name: 'Span', type: 'timespan' }], [[parseIsoDatetime('2024-01-01T10:00:00.5Z'), -18_000_000_000]]);
    const failure = checkCase(only('=== n\nq\n---\nWhen:datetime, Span:timespan\n["2024-01-01T10:00:00Z", "00:30:00"]\n'), success(asResult(t)));
    expect(failure).toContain('["2024-01-01T10:00:00.5Z","-00:30:00"]');
  });

  it('computes 1-based line and column of an offset', () => {
    expect(lineColumnOf('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('runs a real query end to end against the golden catalog', () => {
    const c = only('=== real\nEvents | where Kind == "Delete" | project Status, SizeBytes\n---\nStatus:int, SizeBytes:long\n[202, 1]\n');
    const failure = checkCase(c, runQuery(c.query, goldenCatalog(), { now: GOLDEN_NOW_MS }));
    expect(failure).toContain('row 1, column "SizeBytes" (long): expected 1, actual 0');
  });
});
