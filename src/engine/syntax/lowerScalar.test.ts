import { describe, expect, test } from 'vitest';
import type { Expr } from '../plan';
import type { ColumnSchema } from '../table/column';
import { tableFromRows } from '../table/builder';
import { catalogOf } from '../table/table';
import { TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MINUTE, TICKS_PER_SECOND } from '../types/scalarType';
import { lowerQuery } from './index';
import { ticksFromMs } from '../types/datetime';

const T: ColumnSchema[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Name', type: 'string' },
  { name: 'Size', type: 'int' },
  { name: 'Bytes', type: 'long' },
  { name: 'Ratio', type: 'real' },
  { name: 'Props', type: 'dynamic' },
];
const catalog = catalogOf([tableFromRows('T', T, [])]);

/** Lowers `T | extend x = <expr>` and returns the expression of x. */
function scalar(text: string): Expr {
  const plan = lowerQuery(`T | extend x = ${text}`, catalog);
  if (plan.body.kind !== 'pipe' || plan.body.operator.op !== 'extend') throw new Error('expected extend');
  return plan.body.operator.columns[0].expr;
}

/** Lowers `T | where <predicate>` and returns the predicate. */
function predicate(text: string): Expr {
  const plan = lowerQuery(`T | where ${text}`, catalog);
  if (plan.body.kind !== 'pipe' || plan.body.operator.op !== 'where') throw new Error('expected where');
  return plan.body.operator.predicate;
}

describe('literals', () => {
  test.each([
    ['true', 'bool', true],
    ['false', 'bool', false],
    ['int(3)', 'int', 3],
    ['42', 'long', 42],
    ['0x10', 'long', 16],
    ['10000000000', 'long', 10000000000],
    ['1.5', 'real', 1.5],
    ['1e3', 'real', 1000],
    ['"a\\tb"', 'string', 'a\tb'],
    ["'single'", 'string', 'single'],
    ['@"C:\\temp\\x"', 'string', 'C:\\temp\\x'],
    ['datetime(2024-01-01)', 'datetime', ticksFromMs(Date.UTC(2024, 0, 1))],
    ['datetime(2024-05-01T13:02:11.5Z)', 'datetime', ticksFromMs(Date.UTC(2024, 4, 1, 13, 2, 11, 500))],
    ['1h', 'timespan', TICKS_PER_HOUR],
    ['30m', 'timespan', 30 * TICKS_PER_MINUTE],
    ['1.5h', 'timespan', 90 * TICKS_PER_MINUTE],
    ['100ms', 'timespan', TICKS_PER_SECOND / 10],
    ['timespan(1d)', 'timespan', TICKS_PER_DAY],
    ['time(1.02:03:04)', 'timespan', TICKS_PER_DAY + 2 * TICKS_PER_HOUR + 3 * TICKS_PER_MINUTE + 4 * TICKS_PER_SECOND],
    ['dynamic({"a":[1,2]})', 'dynamic', { a: [1, 2] }],
    ['dynamic(null)', 'dynamic', null],
    ['long(null)', 'long', null],
    ['real(null)', 'real', null],
    ['datetime(null)', 'datetime', null],
    ['bool(null)', 'bool', null],
    ['guid(74BE27DE-1E4E-49D9-B579-FE0B331D3642)', 'guid', '74be27de-1e4e-49d9-b579-fe0b331d3642'],
  ])('%s', (text, type, value) => {
    const expr = scalar(text);
    expect(expr).toMatchObject({ kind: 'literal', type });
    if (expr.kind !== 'literal') throw new Error();
    expect(expr.value).toEqual(value);
    expect(expr.span).toEqual({ start: 'T | extend x = '.length, length: text.length });
  });

  test('real nan and infinities', () => {
    const nan = scalar('real(nan)');
    expect(nan.kind === 'literal' && Number.isNaN(nan.value)).toBe(true);
    expect(scalar('real(+inf)')).toMatchObject({ value: Number.POSITIVE_INFINITY });
    expect(scalar('real(-inf)')).toMatchObject({ value: Number.NEGATIVE_INFINITY });
  });
});

describe('operators and calls', () => {
  test('column references carry their type', () => {
    expect(scalar('Ratio')).toEqual({ kind: 'column', name: 'Ratio', type: 'real', span: { start: 15, length: 5 } });
  });

  test('arithmetic, unary minus and parentheses', () => {
    expect(scalar('-(Size + 2) * Bytes')).toMatchObject({
      kind: 'binary', op: '*', type: 'long',
      left: { kind: 'unary', op: '-', operand: { kind: 'binary', op: '+', left: { name: 'Size' }, right: { value: 2 } } },
      right: { kind: 'column', name: 'Bytes' },
    });
    expect(scalar('Ratio / 2')).toMatchObject({ op: '/', type: 'real' });
    expect(scalar('Bytes % 3')).toMatchObject({ op: '%' });
    expect(scalar('TimeGenerated - 1h')).toMatchObject({ op: '-', type: 'datetime', right: { type: 'timespan' } });
  });

  test.each(['<', '<=', '>', '>='])('comparison %s', (op) => {
    expect(predicate(`Ratio ${op} 2.5`)).toMatchObject({ kind: 'binary', op, type: 'bool', left: { name: 'Ratio' }, right: { value: 2.5 } });
  });

  test.each([
    '==', '!=', '=~', '!~', 'contains', '!contains', 'contains_cs', '!contains_cs',
    'has', '!has', 'has_cs', '!has_cs', 'startswith', '!startswith', 'startswith_cs', '!startswith_cs',
    'endswith', '!endswith', 'endswith_cs', '!endswith_cs', 'hasprefix', '!hasprefix', 'hassuffix', '!hassuffix',
    'matches regex',
  ])('string operator %s', (op) => {
    expect(predicate(`Name ${op} "a"`)).toMatchObject({ kind: 'binary', op, type: 'bool', left: { name: 'Name' }, right: { value: 'a' } });
  });

  test('<> is lowered as !=', () => {
    expect(predicate('Size <> 2')).toMatchObject({ kind: 'binary', op: '!=' });
  });

  test('and / or keep their nesting', () => {
    expect(predicate('Size > 1 and Name == "a" or Bytes < 2')).toMatchObject({
      kind: 'binary', op: 'or', left: { op: 'and', left: { op: '>' }, right: { op: '==' } }, right: { op: '<' },
    });
  });

  test('in, !in, in~, !in~', () => {
    expect(predicate('Name in ("a", "b")')).toMatchObject({
      kind: 'in', negated: false, caseInsensitive: false, operand: { name: 'Name' }, values: [{ value: 'a' }, { value: 'b' }],
    });
    expect(predicate('Name !in ("a")')).toMatchObject({ kind: 'in', negated: true, caseInsensitive: false });
    expect(predicate('Name in~ ("a")')).toMatchObject({ kind: 'in', negated: false, caseInsensitive: true });
    expect(predicate('Name !in~ ("a")')).toMatchObject({ kind: 'in', negated: true, caseInsensitive: true });
  });

  test('between and !between', () => {
    expect(predicate('Size between (1 .. 10)')).toMatchObject({ kind: 'between', negated: false, low: { value: 1 }, high: { value: 10 } });
    // A timespan upper bound means low + span: the plan spells the addition out.
    expect(predicate('TimeGenerated !between (datetime(2024-01-01) .. 1d)')).toMatchObject({
      kind: 'between', negated: true, low: { type: 'datetime' },
      high: { kind: 'binary', op: '+', type: 'datetime', left: { type: 'datetime' }, right: { type: 'timespan', value: TICKS_PER_DAY } },
    });
  });

  test('not() and function calls keep their name and arguments', () => {
    expect(predicate('not(isempty(Name))')).toMatchObject({ kind: 'call', name: 'not', args: [{ kind: 'call', name: 'isempty' }] });
    expect(scalar('iff(Size > 1, "big", "small")')).toMatchObject({ kind: 'call', name: 'iff', type: 'string', args: [{ kind: 'binary' }, {}, {}] });
    expect(scalar('ago(1h)')).toMatchObject({ kind: 'call', name: 'ago', type: 'datetime', args: [{ value: TICKS_PER_HOUR }] });
    expect(scalar('now()')).toMatchObject({ kind: 'call', name: 'now', args: [] });
    expect(scalar('strcat(Name, "-", tostring(Size))')).toMatchObject({ kind: 'call', name: 'strcat', args: [{}, {}, { name: 'tostring' }] });
    expect(scalar('bin(TimeGenerated, 5m)')).toMatchObject({ kind: 'call', name: 'bin', args: [{ name: 'TimeGenerated' }, { value: 5 * TICKS_PER_MINUTE }] });
  });
});
