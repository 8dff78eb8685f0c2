import { describe, expect, it } from 'vitest';
import type { Expr } from '../plan';
import type { ColumnSchema } from '../table/column';
import { tableFromRows } from '../table/builder';
import { cellOf } from '../table/rows';
import type { CellValue } from '../table/rows';
import { NEVER_CANCELLED } from '../cancel';
import { EngineFailure } from '../errors';
import { parseIsoDatetime, parseTimespan } from '../types/datetime';
import { TICKS_PER_DAY, TICKS_PER_HOUR } from '../types/scalarType';
import { evaluate } from './evaluate';
import type { ColumnSource } from './evaluate';
import { SUPPORTED_SCALAR_FUNCTIONS } from './registry';
import { binary, call, col, inList, lit } from '../operators/planBuilders';
import type { ScalarType } from '../types/scalarType';

const t = (iso: string): number => {
  const ticks = parseIsoDatetime(iso);
  if (ticks === null) throw new Error(iso);
  return ticks;
};
const ts = (text: string): number => {
  const ticks = parseTimespan(text);
  if (ticks === null) throw new Error(text);
  return ticks;
};

const SCHEMA: ColumnSchema[] = [
  { name: 's', type: 'string' },
  { name: 'i', type: 'int' },
  { name: 'r', type: 'real' },
  { name: 'd', type: 'datetime' },
  { name: 'b', type: 'bool' },
];
const ROWS = [
  ['North America', 7, 2.5, t('2024-05-01T10:15:30Z'), 1],
  ['Kusto: ad67d136-c1db;KustoExplorerQueryRun', -7, null, t('2024-01-31T00:00:00Z'), 0],
  ['', null, 0, null, null],
  ['north america', 0, -1.5, t('2024-12-31T23:59:59Z'), 1],
];
const TABLE = tableFromRows('T', SCHEMA, ROWS);
const NOW_TICKS = t('2024-05-02T00:00:00Z');

function source(): ColumnSource {
  return {
    rowCount: TABLE.rowCount,
    nowTicks: NOW_TICKS,
    cancel: NEVER_CANCELLED,
    column: (name) => {
      const i = TABLE.schema.findIndex((c) => c.name === name);
      return i < 0 ? undefined : TABLE.columns[i];
    },
  };
}

/** Values of `expr` for every row of the test table (constants broadcast). */
function values(expr: Expr): CellValue[] {
  const v = evaluate(expr, source());
  return Array.from({ length: TABLE.rowCount }, (_, i) => cellOf(v, v.length === 1 ? 0 : i));
}
/** The value of a constant expression. */
function value(expr: Expr): CellValue {
  return values(expr)[0];
}
const S = col('s', 'string');
const I = col('i', 'int');
const R = col('r', 'real');
const D = col('d', 'datetime');
const str = (v: string): Expr => lit(v, 'string');
const num = (v: number, type: ScalarType = 'long'): Expr => lit(v, type);

describe('arithmetic', () => {
  it('integer division truncates; real division is IEEE; int division by zero is null', () => {
    expect(value(binary('/', num(7), num(2), 'long'))).toBe(3);
    expect(value(binary('/', num(-7), num(2), 'long'))).toBe(-3);
    expect(value(binary('/', num(7, 'real'), num(2), 'real'))).toBe(3.5);
    expect(value(binary('/', num(1, 'real'), num(0, 'real'), 'real'))).toBe(Infinity);
    expect(value(binary('/', num(1), num(0), 'long'))).toBeNull();
  });
  it('modulo is never negative (Kusto)', () => {
    expect([14 % 12, -14, 14, -14].map((a, k) => value(binary('%', num(k === 0 ? 14 : a), num(k === 2 || k === 3 ? -12 : 12), 'long')))).toEqual([2, 10, 2, 10]);
  });
  it('null is sticky', () => {
    expect(values(binary('+', I, num(10), 'long'))).toEqual([17, 3, null, 10]);
  });
  it('datetime and timespan arithmetic', () => {
    expect(value(binary('-', lit(t('2024-05-02T00:00:00Z'), 'datetime'), lit(t('2024-05-01T12:00:00Z'), 'datetime'), 'timespan'))).toBe(12 * TICKS_PER_HOUR);
    expect(value(binary('+', lit(t('2024-05-01T00:00:00Z'), 'datetime'), lit(ts('1d'), 'timespan'), 'datetime'))).toBe(t('2024-05-02T00:00:00Z'));
    expect(value(binary('*', lit(ts('1h'), 'timespan'), num(3), 'timespan'))).toBe(ts('3h'));
    expect(value(binary('/', lit(ts('1h'), 'timespan'), lit(ts('1m'), 'timespan'), 'real'))).toBe(60);
  });
});

describe('comparison and logic', () => {
  it('compares numbers of different types by value', () => {
    expect(values(binary('>', I, lit(2.5, 'real')))).toEqual([true, false, null, false]);
    expect(value(binary('==', num(2), lit(2.0, 'real')))).toBe(true);
  });
  it('follows the null rules of == and !=', () => {
    expect(values(binary('==', I, num(7)))).toEqual([true, false, false, false]);
    expect(values(binary('!=', I, num(7)))).toEqual([false, true, true, true]);
    expect(value(binary('==', lit(null, 'int'), lit(null, 'int')))).toBeNull();
  });
  it('string == is case-sensitive, =~ is not', () => {
    expect(values(binary('==', S, str('north america')))).toEqual([false, false, false, true]);
    expect(values(binary('=~', S, str('NORTH AMERICA')))).toEqual([true, false, false, true]);
    expect(values(binary('!~', S, str('NORTH AMERICA')))).toEqual([false, true, true, false]);
  });
  it('and/or are three-valued', () => {
    const bNull = lit(null, 'bool');
    expect(value(binary('and', lit(false, 'bool'), bNull))).toBe(false);
    expect(value(binary('and', lit(true, 'bool'), bNull))).toBeNull();
    expect(value(binary('or', lit(true, 'bool'), bNull))).toBe(true);
    expect(value(binary('or', lit(false, 'bool'), bNull))).toBeNull();
    expect(values(call('not', 'bool', col('b', 'bool')))).toEqual([false, true, null, false]);
  });
  it('in, !in, in~ and between', () => {
    expect(values(inList(S, [str('North America'), str('x')]))).toEqual([true, false, false, false]);
    expect(values(inList(S, [str('NORTH america')], { caseInsensitive: true }))).toEqual([true, false, false, true]);
    expect(values(inList(I, [num(7), num(0)], { negated: true }))).toEqual([false, true, true, false]);
    expect(values(inList(I, [lit([7, -7], 'dynamic')]))).toEqual([true, true, false, false]);
    const between = (low: Expr, high: Expr): Expr => ({ kind: 'between', negated: false, operand: D, low, high, type: 'bool', span: { start: 0, length: 0 } });
    expect(values(between(lit(t('2024-05-01T00:00:00Z'), 'datetime'), lit(ts('1d'), 'timespan')))).toEqual([true, false, null, false]);
  });
});

describe('string operators', () => {
  it('contains is case-insensitive, contains_cs is not', () => {
    expect(values(binary('contains', S, str('AMERICA')))).toEqual([true, false, false, true]);
    expect(values(binary('contains_cs', S, str('America')))).toEqual([true, false, false, false]);
    expect(values(binary('!contains', S, str('america')))).toEqual([false, true, true, false]);
  });
  it('has matches whole terms only', () => {
    expect(values(binary('has', S, str('america')))).toEqual([true, false, false, true]);
    expect(values(binary('has', S, str('meri')))).toEqual([false, false, false, false]);
    expect(values(binary('has', S, str('c1db')))).toEqual([false, true, false, false]);
    expect(values(binary('has', S, str('kustoexplorerqueryrun')))).toEqual([false, true, false, false]);
    expect(values(binary('has_cs', S, str('north')))).toEqual([false, false, false, true]);
    expect(values(binary('!has', S, str('north')))).toEqual([false, true, true, false]);
    expect(values(binary('has', S, str('ad67d136-c1db')))).toEqual([false, true, false, false]);
  });
  it('hasprefix / hassuffix anchor one end of a term', () => {
    expect(values(binary('hasprefix', S, str('amer')))).toEqual([true, false, false, true]);
    expect(values(binary('hasprefix', S, str('meri')))).toEqual([false, false, false, false]);
    expect(values(binary('hassuffix', S, str('rica')))).toEqual([true, false, false, true]);
  });
  it('startswith / endswith and their _cs forms', () => {
    expect(values(binary('startswith', S, str('NORTH')))).toEqual([true, false, false, true]);
    expect(values(binary('startswith_cs', S, str('North')))).toEqual([true, false, false, false]);
    expect(values(binary('endswith', S, str('RUN')))).toEqual([false, true, false, false]);
    expect(values(binary('!endswith_cs', S, str('america')))).toEqual([true, true, true, false]);
  });
  it('matches regex', () => {
    expect(values(binary('matches regex', S, str('^[Nn]orth\\s')))).toEqual([true, false, false, true]);
  });
  it('non-string operands are searched as text', () => {
    expect(values(binary('contains', I, str('-7')))).toEqual([false, true, false, false]);
  });
});

describe('string functions', () => {
  it('strlen, tolower, toupper, substring, strcat, reverse', () => {
    expect(values(call('strlen', 'long', S))).toEqual([13, 42, 0, 13]);
    expect(value(call('toupper', 'string', str('aBc')))).toBe('ABC');
    expect(value(call('tolower', 'string', str('aBc')))).toBe('abc');
    expect(value(call('substring', 'string', str('123456'), num(1), num(2)))).toBe('23');
    expect(value(call('substring', 'string', str('123456'), num(2)))).toBe('3456');
    expect(values(call('strcat', 'string', str('<'), I, str('>')))).toEqual(['<7>', '<-7>', '<>', '<0>']);
    expect(value(call('reverse', 'string', str('abc')))).toBe('cba');
  });
  it('split, extract, replace_string, indexof, trim, countof', () => {
    expect(value(call('split', 'dynamic', str('a,b,c'), str(',')))).toEqual(['a', 'b', 'c']);
    expect(value(call('split', 'dynamic', str('a,b,c'), str(','), num(1)))).toEqual(['b']);
    expect(value(call('extract', 'string', str('id=(\\d+)'), num(1), str('x id=42 y')))).toBe('42');
    expect(value(call('extract', 'string', str('id=(\\d+)'), num(1), str('none')))).toBe('');
    expect(value(call('replace_string', 'string', str('a.b.c'), str('.'), str('/')))).toBe('a/b/c');
    expect(value(call('indexof', 'long', str('abcabc'), str('c')))).toBe(2);
    expect(value(call('indexof', 'long', str('abc'), str('z')))).toBe(-1);
    expect(value(call('trim', 'string', str('-+'), str('--ab--')))).toBe('ab');
    expect(value(call('trim_start', 'string', str('-'), str('--ab--')))).toBe('ab--');
    expect(value(call('countof', 'long', str('aaa'), str('a')))).toBe(3);
  });
});

describe('conditional functions', () => {
  it('iff treats a null condition as false', () => {
    expect(values(call('iff', 'string', col('b', 'bool'), str('yes'), str('no')))).toEqual(['yes', 'no', 'no', 'yes']);
  });
  it('case picks the first true branch', () => {
    const expr = call('case', 'string', binary('>', I, num(5)), str('big'), binary('<', I, num(0)), str('neg'), str('other'));
    expect(values(expr)).toEqual(['big', 'neg', 'other', 'other']);
  });
  it('coalesce, isnull, isnotnull, isempty, isnotempty', () => {
    expect(values(call('coalesce', 'real', R, num(9, 'real')))).toEqual([2.5, 9, 0, -1.5]);
    expect(values(call('isnull', 'bool', I))).toEqual([false, false, true, false]);
    expect(values(call('isnotnull', 'bool', R))).toEqual([true, false, true, true]);
    expect(values(call('isempty', 'bool', S))).toEqual([false, false, true, false]);
    expect(values(call('isnull', 'bool', S))).toEqual([false, false, false, false]);
    expect(values(call('isnotempty', 'bool', S))).toEqual([true, true, false, true]);
    expect(value(call('max_of', 'long', num(3), lit(null, 'long'), num(8)))).toBe(8);
    expect(value(call('min_of', 'long', num(3), num(-1)))).toBe(-1);
  });
});

describe('conversion functions', () => {
  it('toint/tolong truncate, todouble gives null for non-numbers', () => {
    expect(value(call('toint', 'int', str('12.5')))).toBe(12);
    expect(value(call('toint', 'int', lit(2.7, 'real')))).toBe(2);
    expect(value(call('tolong', 'long', str('-42')))).toBe(-42);
    expect(value(call('todouble', 'real', str('abc')))).toBeNull();
    expect(value(call('todouble', 'real', str(' 1.5e2 ')))).toBe(150);
    expect(value(call('toint', 'int', str('')))).toBeNull();
  });
  it('tobool, todatetime, totimespan, toguid, parse_json', () => {
    expect(value(call('tobool', 'bool', str('TRUE')))).toBe(true);
    expect(value(call('tobool', 'bool', str('nope')))).toBeNull();
    expect(value(call('todatetime', 'datetime', str('2024-05-01 10:00:00')))).toBe(t('2024-05-01T10:00:00Z'));
    expect(value(call('todatetime', 'datetime', str('not a date')))).toBeNull();
    expect(value(call('totimespan', 'timespan', str('01:30:00')))).toBe(ts('90m'));
    expect(value(call('toguid', 'guid', str('{6F1D4C44-0E2A-4E8C-9E4A-1B2C3D4E5F60}')))).toBe('6f1d4c44-0e2a-4e8c-9e4a-1b2c3d4e5f60');
    expect(value(call('parse_json', 'dynamic', str('{"a":[1,2]}')))).toEqual({ a: [1, 2] });
  });
  it('tostring prints values as Kusto shows them', () => {
    expect(values(call('tostring', 'string', D))).toEqual(['2024-05-01T10:15:30.0000000Z', '2024-01-31T00:00:00.0000000Z', '', '2024-12-31T23:59:59.0000000Z']);
    expect(values(call('tostring', 'string', col('b', 'bool')))).toEqual(['true', 'false', '', 'true']);
    expect(value(call('tostring', 'string', lit(ts('1.02:03:04'), 'timespan')))).toBe('1.02:03:04');
  });
});

describe('datetime functions', () => {
  const dt = (iso: string): Expr => lit(t(iso), 'datetime');
  it('bin floors numbers, timespans and datetimes; bad sizes give null', () => {
    expect(value(call('bin', 'real', lit(4.5, 'real'), num(1)))).toBe(4);
    expect(value(call('bin', 'long', num(-3), num(2)))).toBe(-4);
    expect(value(call('bin', 'timespan', lit(ts('16d'), 'timespan'), lit(ts('7d'), 'timespan')))).toBe(ts('14d'));
    expect(value(call('bin', 'datetime', dt('1970-05-11T13:45:07Z'), lit(ts('1d'), 'timespan')))).toBe(t('1970-05-11T00:00:00Z'));
    expect(value(call('bin', 'datetime', dt('2024-05-01T10:59:59.9Z'), lit(ts('1h'), 'timespan')))).toBe(t('2024-05-01T10:00:00Z'));
    expect(value(call('bin', 'datetime', dt('2024-05-01T10:17:00Z'), lit(ts('15m'), 'timespan')))).toBe(t('2024-05-01T10:15:00Z'));
    expect(value(call('bin', 'long', num(5), num(-1)))).toBeNull();
    expect(value(call('bin', 'long', num(5), num(0)))).toBeNull();
  });
  it('bin(t, 7d) aligns weeks to Mondays, as Kusto does (ticks from 0001-01-01)', () => {
    // 2024-05-01 is a Wednesday; the Monday before is 2024-04-29.
    expect(value(call('bin', 'datetime', dt('2024-05-01T10:00:00Z'), lit(ts('7d'), 'timespan')))).toBe(t('2024-04-29T00:00:00Z'));
    expect(value(call('bin', 'datetime', dt('2024-04-29T00:00:00Z'), lit(ts('7d'), 'timespan')))).toBe(t('2024-04-29T00:00:00Z'));
  });
  it('now and ago use the query time', () => {
    expect(value(call('now', 'datetime'))).toBe(NOW_TICKS);
    expect(value(call('ago', 'datetime', lit(ts('1h'), 'timespan')))).toBe(t('2024-05-01T23:00:00Z'));
  });
  it('startof/endof and calendar parts', () => {
    expect(value(call('startofday', 'datetime', dt('2024-05-01T10:15:30Z')))).toBe(t('2024-05-01T00:00:00Z'));
    expect(value(call('startofweek', 'datetime', dt('2024-05-01T10:15:30Z')))).toBe(t('2024-04-28T00:00:00Z'));
    expect(value(call('startofmonth', 'datetime', dt('2024-05-17T10:15:30Z')))).toBe(t('2024-05-01T00:00:00Z'));
    expect(value(call('startofyear', 'datetime', dt('2024-05-17T10:15:30Z')))).toBe(t('2024-01-01T00:00:00Z'));
    expect(value(call('endofday', 'datetime', dt('2024-05-01T10:15:30Z')))).toBe(t('2024-05-02T00:00:00Z') - 1);
    expect(value(call('dayofweek', 'timespan', dt('2024-05-01T10:15:30Z')))).toBe(3 * TICKS_PER_DAY);
    expect(value(call('hourofday', 'int', dt('2024-05-01T10:15:30Z')))).toBe(10);
    expect(value(call('getmonth', 'int', dt('2024-05-01T10:15:30Z')))).toBe(5);
    expect(value(call('dayofyear', 'int', dt('2024-02-01T00:00:00Z')))).toBe(32);
    expect(value(call('datetime_part', 'int', str('Minute'), dt('2024-05-01T10:15:30Z')))).toBe(15);
    expect(value(call('weekofyear', 'int', dt('2024-12-30T00:00:00Z')))).toBe(1);
  });
  it('datetime_add clamps month ends; datetime_diff counts boundaries', () => {
    expect(value(call('datetime_add', 'datetime', str('month'), num(1), dt('2024-01-31T08:00:00Z')))).toBe(t('2024-02-29T08:00:00Z'));
    expect(value(call('datetime_add', 'datetime', str('hour'), num(-2), dt('2024-01-31T08:00:00Z')))).toBe(t('2024-01-31T06:00:00Z'));
    expect(value(call('datetime_diff', 'long', str('day'), dt('2024-05-02T00:00:01Z'), dt('2024-05-01T23:59:59Z')))).toBe(1);
    expect(value(call('datetime_diff', 'long', str('year'), dt('2025-01-01T00:00:00Z'), dt('2024-12-31T00:00:00Z')))).toBe(1);
    expect(value(call('datetime_diff', 'long', str('month'), dt('2024-01-01T00:00:00Z'), dt('2024-03-01T00:00:00Z')))).toBe(-2);
  });
  it('format_datetime and unixtime conversions', () => {
    expect(value(call('format_datetime', 'string', dt('2024-05-01T13:02:11.4567Z'), str('yyyy-MM-dd HH:mm:ss.fff')))).toBe('2024-05-01 13:02:11.456');
    expect(value(call('format_datetime', 'string', dt('2024-05-01T13:02:11Z'), str('M/d/yy h:mm tt')))).toBe('5/1/24 1:02 PM');
    expect(value(call('unixtime_seconds_todatetime', 'datetime', num(1714521600)))).toBe(t('2024-05-01T00:00:00Z'));
  });
});

describe('math functions', () => {
  it('round, abs, ceiling, pow, log10, sqrt', () => {
    expect(value(call('round', 'real', lit(2.345, 'real'), num(2)))).toBe(2.35);
    expect(value(call('round', 'real', lit(-2.5, 'real')))).toBe(-3);
    expect(values(call('abs', 'long', I))).toEqual([7, 7, null, 0]);
    expect(value(call('ceiling', 'real', lit(1.2, 'real')))).toBe(2);
    expect(value(call('pow', 'real', num(2, 'real'), num(10, 'real')))).toBe(1024);
    expect(value(call('log10', 'real', num(1000, 'real')))).toBeCloseTo(3, 12);
    expect(value(call('sqrt', 'real', num(-1, 'real')))).toBeNaN();
  });
});

describe('registry', () => {
  it('lists the implemented functions under their Kusto names', () => {
    for (const name of ['iff', 'bin', 'ago', 'tostring', 'strcat', 'not', 'round']) expect(SUPPORTED_SCALAR_FUNCTIONS.has(name)).toBe(true);
    expect(SUPPORTED_SCALAR_FUNCTIONS.has('percentile')).toBe(false);
  });
  it('a runtime problem inside a kernel is a structured error', () => {
    let code = '';
    try {
      values(binary('matches regex', S, str('(')));
    } catch (e) {
      code = e instanceof EngineFailure ? e.error.code : String(e);
    }
    expect(code).toBe('E_RUNTIME');
  });
});
