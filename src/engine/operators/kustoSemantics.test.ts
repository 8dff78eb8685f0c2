/**
 * Kusto semantics audit, end to end through `runQuery`: each case cites the rule it checks
 * (Microsoft's KQL docs, or a value measured on Kusto where the docs are silent).
 * Expected values are worked out by hand from the rows below.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogOf, rowsOf, runQuery, tableFromRows, warmUp } from '../index';
import { parseIsoDatetime } from '../types/datetime';
import { TICKS_PER_DAY, TICKS_PER_HOUR } from '../types/scalarType';

const t = (iso: string): number => {
  const ticks = parseIsoDatetime(iso);
  if (ticks === null) throw new Error(iso);
  return ticks;
};

const catalog = catalogOf([
  tableFromRows('T', [
    { name: 'i', type: 'int' }, { name: 'r', type: 'real' }, { name: 's', type: 'string' },
    { name: 'd', type: 'datetime' }, { name: 'b', type: 'bool' },
  ], [
    [1, 1.5, 'abc', t('2024-05-01T10:15:00Z'), 1],
    [null, null, '', null, null],
    [-7, -2.5, 'Hello World', t('2024-05-06T00:00:00Z'), 0],
  ]),
  tableFromRows('Empty', [{ name: 'x', type: 'long' }, { name: 's', type: 'string' }], []),
]);

function rows(text: string) {
  const outcome = runQuery(text, catalog, { now: Date.UTC(2024, 4, 2) });
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return rowsOf(outcome.tables[0]);
}
/** The single column of a query's result as a list. */
function column(text: string) {
  return rows(text).map((r) => r[0]);
}

beforeAll(() => warmUp(), 60_000);

describe('names in project and extend mean the input columns (the binder resolves them so)', () => {
  it('a later project expression reads the input column, not an earlier output of the same name', () => {
    // `bin(d, 1d)` is named d by the binder; the next `bin(d, 1h)` still bins the input's d.
    expect(rows('T | project bin(d, 1d), bin(d, 1h) | take 1')).toEqual([[t('2024-05-01T00:00:00Z'), t('2024-05-01T10:00:00Z')]]);
    expect(rows('T | project bin(r, 2), bin(r, 0.5)')).toEqual([[0, 1.5], [null, null], [-4, -2.5]]);
    // The binder types e as datetime: it is the input's d.
    expect(rows('T | project d = 1, e = d | take 1')).toEqual([[1, t('2024-05-01T10:15:00Z')]]);
  });
  it('extend replacing a column: later expressions of the same extend still see the input value', () => {
    expect(rows('T | extend i = i + 1, j = i * 10 | project i, j')).toEqual([[2, 10], [null, null], [-6, -70]]);
  });
});

describe('bin() (docs: bin-function)', () => {
  it('follows the documented examples', () => {
    expect(column('T | take 1 | project bin(4.5, 1)')).toEqual([4]);
    expect(column('T | take 1 | project bin(time(16d), 7d)')).toEqual([14 * TICKS_PER_DAY]);
    expect(column('T | take 1 | project bin(datetime(1970-05-11 13:45:07), 1d)')).toEqual([t('1970-05-11T00:00:00Z')]);
  });
  it('rounds down (towards -inf) for negative numbers, reals and timespans', () => {
    expect(column('T | project bin(i, 5)')).toEqual([0, null, -10]);
    expect(column('T | take 1 | project bin(-5ticks, 1h)')).toEqual([-TICKS_PER_HOUR]);
  });
  it('a zero, negative or null bin size gives null', () => {
    expect(rows('T | take 1 | project bin(7, 0), bin(7, -2), bin(7, long(null))')).toEqual([[null, null, null]]);
  });
  it('7d bins of datetimes start on Mondays (ticks counted from 0001-01-01); floor() is bin()', () => {
    // 2024-05-01 is a Wednesday: its week starts Monday 2024-04-29.
    expect(column('T | project bin(d, 7d)')).toEqual([t('2024-04-29T00:00:00Z'), null, t('2024-05-06T00:00:00Z')]);
    expect(column('T | project floor(d, 7d)')).toEqual(column('T | project bin(d, 7d)'));
  });
});

describe('null rules (docs: null-values, logical-operators)', () => {
  it('== / != with one null are false / true, with two nulls null; < with a null is null', () => {
    expect(rows('T | where isnull(i) | project i == 1, i != 1, i == int(null), i < 5')).toEqual([[false, true, null, null]]);
  });
  it('and/or are three-valued; not(null) is null; iff with a null condition takes the else branch', () => {
    expect(rows('T | where isnull(b) | project b and false, b and true, b or true, b or false, not(b), iff(b, 1, 2)'))
      .toEqual([[false, null, true, null, null, 2]]);
  });
  it('in is an OR of ==, !in an AND of != (null operand vs a null in the list gives null)', () => {
    expect(rows('T | project i in (1, int(null)), i !in (1, int(null)), i in (1, 2), i !in (1, 2)')).toEqual([
      [true, false, true, false],
      [null, null, false, true],
      [false, true, false, true],
    ]);
  });
  it('isnull is false for strings (even empty); isempty is true for "" and null', () => {
    expect(rows('T | where isnull(i) | project isnull(s), isempty(s), isnull(i), isempty(i), isnotempty(d)')).toEqual([[false, true, true, true, false]]);
  });
  it('parse_json("") is null (docs: isnull-function table)', () => {
    expect(rows('T | take 1 | project isnull(parse_json("")), isnull(parse_json("[]"))')).toEqual([[true, false]]);
  });
});

describe('string operators (docs: datatypes-string-operators)', () => {
  it('has matches whole terms; _ delimits terms; a needle of delimiters is a substring search', () => {
    expect(column('T | project s has "hello"')).toEqual([false, false, true]);
    expect(column('T | project s has "ell"')).toEqual([false, false, false]);
    expect(column('T | project s has "ab"')).toEqual([false, false, false]);
    expect(column('T | project s has " "')).toEqual([false, false, true]);
    expect(column('T | take 1 | project "a_b" has "a"')).toEqual([true]);
    expect(column('T | take 1 | project "éa" has "a"')).toEqual([false]);
  });
  it('an empty needle matches every string', () => {
    expect(rows('T | project s has "", s contains "", s startswith ""')).toEqual([[true, true, true], [true, true, true], [true, true, true]]);
  });
  it('documented examples', () => {
    const q = 'T | take 1 | project "FabriKam" contains "BRik", "North America" !has "amer", "North America" hasprefix "ame", "North America" hassuffix "ica", "Abc" in~ ("123", "abc"), "abc" =~ "ABC", "abc" == "ABC"';
    expect(rows(q)).toEqual([[true, true, true, true, true, true, false]]);
  });
});

describe('between (docs: between-operator)', () => {
  it('is inclusive on both ends, for numbers, datetimes and a datetime .. timespan range', () => {
    expect(column('T | project i between (-7 .. 1)')).toEqual([true, null, true]);
    expect(column('T | project d between (datetime(2024-05-01 10:15) .. datetime(2024-05-06))')).toEqual([true, null, true]);
    expect(column('T | project d between (datetime(2024-05-01) .. 615m)')).toEqual([true, null, false]);
    expect(column('T | take 1 | project 1h between (1h .. 2h)')).toEqual([true]);
  });
});

describe('conversions', () => {
  it('toint truncates and is null out of the 32-bit range; tolong is null beyond 64 bits', () => {
    expect(rows('T | take 1 | project toint(2.3), toint(-2.7), toint("123"), toint(3000000000), tolong(1e19), tolong("abc")'))
      .toEqual([[2, -2, 123, null, null, null]]);
  });
  it('tobool and tostring follow the docs', () => {
    expect(rows('T | take 1 | project tobool("true"), tobool("false"), tobool(1), tobool(123), tostring(123), tostring(int(null))'))
      .toEqual([[true, false, true, true, '123', '']]);
  });
  it('tostring prints datetimes, timespans and bools as Kusto does', () => {
    expect(rows('T | take 1 | project tostring(d), tostring(1d + 2h), tostring(-5ticks), tostring(b)'))
      .toEqual([['2024-05-01T10:15:00.0000000Z', '1.02:00:00', '-00:00:00.0000005', 'true']]);
  });
  it('tostring prints reals in .NET notation: fixed for exponents -4..14, else d.dddE+XX', () => {
    expect(rows('T | take 1 | project tostring(1.0), tostring(1.5), tostring(0.0001), tostring(1e-5), tostring(1e15), tostring(123456789012345.0), tostring(-2.5e-7), tostring(real(nan)), tostring(1 / 0.0)'))
      .toEqual([['1', '1.5', '0.0001', '1E-05', '1E+15', '123456789012345', '-2.5E-07', 'NaN', 'Infinity']]);
  });
  it('todatetime reads the formats Kusto reads, month first; anything else is null', () => {
    const q = 'T | take 1 | project todatetime("2015-12-31 23:59:59.9"), todatetime("12-02-2022"), todatetime("13-01-2022"), todatetime("2/3/2022"), todatetime("2022/12/02"), todatetime("20221202"), todatetime("2 Dec 2022"), todatetime("Dec 2, 2022"), todatetime("x12-02-2022")';
    const dec2 = t('2022-12-02T00:00:00Z');
    expect(rows(q)).toEqual([[t('2015-12-31T23:59:59.9Z'), dec2, null, t('2022-02-03T00:00:00Z'), dec2, dec2, dec2, dec2, null]]);
  });
  it('todatetime reads the RFC 822 / RFC 850 forms of the docs, with or without weekday and zone', () => {
    const q = 'T | take 1 | project todatetime("Sat, 8 Nov 14 15:05:02 GMT"), todatetime("8 Nov 14 15:05"), todatetime("Saturday, 08-Nov-14 15:05:02 GMT"), todatetime("08-Nov-14 15:05"), todatetime("2014-11-08 15:05 GMT")';
    expect(rows(q)).toEqual([[t('2014-11-08T15:05:02Z'), t('2014-11-08T15:05:00Z'), t('2014-11-08T15:05:02Z'), t('2014-11-08T15:05:00Z'), t('2014-11-08T15:05:00Z')]]);
  });
  it('a datetime literal reads the same forms as todatetime', () => {
    expect(rows("T | take 1 | project datetime('12-02-2022') == todatetime('12-02-2022')")).toEqual([[true]]);
  });
});

describe('arithmetic (docs: numerical-operators, datetime-timespan-arithmetic)', () => {
  it('integer division truncates; modulo is never negative', () => {
    expect(rows('T | take 1 | project 1 / 2, 1.0 / 2, 7 / -2, 14 % 12, -14 % 12, 14 % -12, -14 % -12')).toEqual([[0, 0.5, -3, 2, 10, 2, 10]]);
  });
  it('timespan / timespan is real; number * timespan is a timespan; datetime - datetime a timespan', () => {
    expect(rows('T | take 1 | project 1d / 5h, 1h / 1s, 1.5 * 1h, (d - datetime(2024-05-01)) / 1m')).toEqual([[4.8, 3600, 1.5 * TICKS_PER_HOUR, 615]]);
  });
  it('now() and ago() are fixed by the run options', () => {
    expect(rows('T | take 1 | project now(), ago(1d), now() - ago(1h)')).toEqual([[t('2024-05-02T00:00:00Z'), t('2024-05-01T00:00:00Z'), TICKS_PER_HOUR]]);
  });
});

describe('summarize defaults (docs: summarize-operator, "Default values of aggregations")', () => {
  it('without keys over an empty input: one row; count/dcount/sum 0, avg NaN, min/max null, make_list []', () => {
    expect(rows('Empty | summarize count(), countif(x > 0), dcount(x), sum(x), sumif(x, x > 0), avg(x), min(x), max(x), make_list(x), make_set(x)'))
      .toEqual([[0, 0, 0, 0, 0, NaN, null, null, [], []]]);
  });
  it('with keys over an empty input: no rows; summarize by alone gives the distinct keys', () => {
    expect(rows('Empty | summarize count() by s')).toEqual([]);
    expect(rows('T | summarize by b')).toEqual([[true], [null], [false]]);
  });
  it('a group whose values are all null: sum 0, avg NaN, min/max null, count counts the rows', () => {
    expect(rows('T | where isnull(i) | summarize count(), sum(i), avg(r), min(i), max(d), dcount(i)')).toEqual([[1, 0, NaN, null, null, 0]]);
  });
  it('result types: sum of int is long, avg real, count long, min/max keep the type', () => {
    const outcome = runQuery('T | summarize count(), sum(i), avg(i), min(i), max(d), min(s)', catalog, { now: 0 });
    expect(outcome.ok && outcome.tables[0].columns.map((c) => c.type)).toEqual(['long', 'long', 'real', 'int', 'datetime', 'string']);
    expect(rows('T | summarize count(), sum(i), avg(i), min(i), max(d), min(s)')).toEqual([[3, -6, -3, -7, t('2024-05-06T00:00:00Z'), 'Hello World']]);
  });
});

describe('sort and top (docs: sort-operator, top-operator)', () => {
  const withNaN = 'T | project r | union (T | take 2 | project r = real(nan))';
  it('NaN is grouped with nulls: nulls first puts null, NaN, then values; nulls last values, NaN, null', () => {
    expect(column(`${withNaN} | sort by r asc nulls last`)).toEqual([-2.5, 1.5, NaN, NaN, null]);
    expect(column(`${withNaN} | sort by r desc nulls first`)).toEqual([null, NaN, NaN, 1.5, -2.5]);
    expect(column(`${withNaN} | sort by r asc`)).toEqual([null, NaN, NaN, -2.5, 1.5]);
    expect(column(`${withNaN} | sort by r`)).toEqual([1.5, -2.5, NaN, NaN, null]);
  });
  it('top defaults to desc with nulls last; asc puts nulls first', () => {
    expect(column('T | top 2 by i | project i')).toEqual([1, -7]);
    expect(column('T | top 2 by i asc | project i')).toEqual([null, -7]);
  });
  it('take 0 gives no rows; take more than the rows gives every row; count of nothing is 0', () => {
    expect(rows('T | take 0')).toEqual([]);
    expect(rows('T | take 100 | count')).toEqual([[3]]);
    expect(rows('Empty | count')).toEqual([[0]]);
  });
});
