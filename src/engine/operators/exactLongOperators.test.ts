/**
 * Exact 64-bit longs through the operators that order, group and match rows (sort, top,
 * summarize/distinct keys, join, lookup, make-series) and through the aggregates that read
 * them exactly (count, dcount, min, max, sum, take_any, arg_max/arg_min). Values are chosen
 * where a double cannot tell them apart: 2^53 = 9007199254740992 and 2^53 + 1 round to the same
 * double; hash("World") = 1846988464401551951 (hash-function.md).
 */
import { describe, expect, it } from 'vitest';
import { runQuery } from '../index';
import { catalogOf } from '../table/table';
import { formatValue } from '../types/format';

const catalog = catalogOf([]);

/** Six rows: k "a".."f" with h = 2^53 + 1, 2^53, hash("World"), -(2^53 + 1), null, 2^53 + 1. */
const T = `let T = union
  (print k = "a", h = 9007199254740993),
  (print k = "b", h = 9007199254740992),
  (print k = "c", h = hash("World")),
  (print k = "d", h = -9007199254740993),
  (print k = "e", h = long(null)),
  (print k = "f", h = 9007199254740993);
`;

/** The first result table's cells as Kusto prints them (every digit of a long). */
function texts(text: string): string[][] {
  const outcome = runQuery(text, catalog, { now: Date.UTC(2024, 0, 15, 12) });
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  const [table] = outcome.tables;
  return Array.from({ length: table.rowCount }, (_, r) => table.data.map((c) => formatValue(c, r)));
}

function errorOf(text: string): string {
  const outcome = runQuery(text, catalog, { now: Date.UTC(2024, 0, 15, 12) });
  if (outcome.ok) throw new Error(`expected an error for ${text}`);
  return `${outcome.error.code}: ${outcome.error.message}`;
}

const column = (rows: string[][], i = 0): string[] => rows.map((r) => r[i]);

describe('sort and top over exact longs', () => {
  it('sorts by the exact values, nulls first ascending and last descending', () => {
    expect(column(texts(`${T}T | order by h asc, k asc | project k`))).toEqual(['e', 'd', 'b', 'a', 'f', 'c']);
    expect(column(texts(`${T}T | order by h desc, k asc | project k`))).toEqual(['c', 'a', 'f', 'b', 'd', 'e']);
    expect(column(texts(`${T}T | order by h asc nulls last, k desc | project k`))).toEqual(['d', 'b', 'f', 'a', 'c', 'e']);
    // The second key decides only between exactly equal values.
    expect(texts(`${T}T | where k in ("b", "a") | order by h desc, k desc | project k, h`)).toEqual([
      ['a', '9007199254740993'],
      ['b', '9007199254740992'],
    ]);
  });

  it('takes the top rows by the exact values', () => {
    expect(texts(`${T}T | where k != "f" | top 2 by h desc nulls last | project k, h`)).toEqual([
      ['c', '1846988464401551951'],
      ['a', '9007199254740993'],
    ]);
    expect(texts(`${T}T | top 2 by h asc nulls last | project k, h`)).toEqual([
      ['d', '-9007199254740993'],
      ['b', '9007199254740992'],
    ]);
  });

  it('does not take equal doubles for equal values in the heap and block paths', () => {
    // 10000 rows of 2^53 but the last, 2^53 + 1: every row has the same double. Each answer must
    // be the last row (the larger value), never the first of the equal doubles.
    const many = 'range i from 1 to 10000 step 1 | extend h = 9007199254740992 + i / 10000';
    expect(texts(`${many} | top 1 by h desc | project i, h`)).toEqual([['10000', '9007199254740993']]);
    expect(texts(`${many} | sort by h desc | take 1 | project i, h`)).toEqual([['10000', '9007199254740993']]);
    expect(texts(`${many} | top 1 by -h asc | project i`)).toEqual([['10000']]);
    expect(texts('range i from 1 to 5 step 1 | extend h = 9007199254740993 - i / 5 | top 1 by h asc | project i, h')).toEqual([['5', '9007199254740992']]);
  });
});

describe('grouping keys of exact longs', () => {
  it('summarizes by the exact values and keeps them in the key column', () => {
    expect(texts(`${T}T | summarize n = count(), ks = make_list(k) by h | order by h asc`)).toEqual([
      ['', '1', '["e"]'],
      ['-9007199254740993', '1', '["d"]'],
      ['9007199254740992', '1', '["b"]'],
      ['9007199254740993', '2', '["a","f"]'],
      ['1846988464401551951', '1', '["c"]'],
    ]);
    // A computed key, two keys, and a key that only passes through exact arithmetic.
    expect(texts(`${T}T | where isnotnull(h) | summarize n = count() by g = h + 1, p = h > 0 | order by g asc`)).toEqual([
      ['-9007199254740992', 'false', '1'],
      ['9007199254740993', 'true', '1'],
      ['9007199254740994', 'true', '2'],
      ['1846988464401551952', 'true', '1'],
    ]);
  });

  it('distinct and count per key tell 2^53 from 2^53 + 1', () => {
    expect(texts(`${T}T | distinct h | order by h desc`)).toEqual([
      ['1846988464401551951'], ['9007199254740993'], ['9007199254740992'], ['-9007199254740993'], [''],
    ]);
    expect(texts(`${T}T | summarize count() by h | count`)).toEqual([['5']]);
    expect(texts('range i from 1 to 100000 step 1 | summarize by h = 9007199254740992 + i % 3 | order by h asc')).toEqual([
      ['9007199254740992'], ['9007199254740993'], ['9007199254740994'],
    ]);
  });

  it('refuses bin() of exact longs rather than bucketing rounded values', () => {
    expect(errorOf(`${T}T | summarize count() by bin(h, 10)`)).toBe('E_UNSUPPORTED: not supported yet: bin() of long values beyond ±2^53');
  });

  it('make-series splits series by an exact long key', () => {
    expect(texts(`${T}T | where isnotnull(h) | extend t = datetime(2024-01-01)
      | make-series n = count() default = 0 on t from datetime(2024-01-01) to datetime(2024-01-02) step 1d by h | order by h asc | project h, n`)).toEqual([
      ['-9007199254740993', '[1]'],
      ['9007199254740992', '[1]'],
      ['9007199254740993', '[2]'],
      ['1846988464401551951', '[1]'],
    ]);
  });
});

describe('join and lookup on exact longs', () => {
  it('matches only exactly equal keys; null keys never match', () => {
    expect(texts(`${T}T | join kind=inner (T | project h, k2 = k) on h | order by k asc, k2 asc | project k, k2, h1`)).toEqual([
      ['a', 'a', '9007199254740993'],
      ['a', 'f', '9007199254740993'],
      ['b', 'b', '9007199254740992'],
      ['c', 'c', '1846988464401551951'],
      ['d', 'd', '-9007199254740993'],
      ['f', 'a', '9007199254740993'],
      ['f', 'f', '9007199254740993'],
    ]);
    expect(texts(`${T}T | join kind=leftanti (print h = 9007199254740993) on h | order by k asc | project k`)).toEqual([['b'], ['c'], ['d'], ['e']]);
  });

  it('keeps exact values on the null-padded side of outer joins and lookup', () => {
    expect(texts(`union (print h = 9007199254740992), (print h = 9007199254740993)
      | join kind=leftouter (print h = 9007199254740993, v = "x") on h | order by h asc`)).toEqual([
      ['9007199254740992', '', ''],
      ['9007199254740993', '9007199254740993', 'x'],
    ]);
    expect(texts(`union (print h = 9007199254740992, a = 1), (print h = 9007199254740993, a = 2)
      | lookup (print h = 9007199254740993, v = "x") on h | order by a asc`)).toEqual([
      ['9007199254740992', '1', ''],
      ['9007199254740993', '2', 'x'],
    ]);
  });
});

describe('aggregates over exact longs', () => {
  it('counts, sums and finds extremes exactly', () => {
    expect(texts(`${T}T | summarize n = count(), c = countif(h > 9007199254740992), d = dcount(h), mn = min(h), mx = max(h), s = sum(h), si = sumif(h, h > 0)`)).toEqual([
      ['6', '3', '4', '-9007199254740993', '1846988464401551951', '1865002862911033936', '1874010062165774929'],
    ]);
    expect(texts(`${T}T | summarize mn = minif(h, h > 9007199254740992), mx = maxif(h, h < 1000000000000000000), d = dcountif(h, k != "f")`)).toEqual([
      ['9007199254740993', '9007199254740993', '4'],
    ]);
  });

  it('aggregates per group, with empty and all-null groups', () => {
    expect(texts(`${T}T | summarize s = sum(h), mn = min(h), mx = max(h), d = dcount(h), a = take_any(h) by big = h > 0 or isnull(h) | order by big asc`)).toEqual([
      ['false', '-9007199254740993', '-9007199254740993', '-9007199254740993', '1', '-9007199254740993'],
      ['true', '1874010062165774929', '9007199254740992', '1846988464401551951', '3', '9007199254740993'],
    ]);
    expect(texts(`${T}T | where k == "e" | summarize s = sum(h), mn = min(h), a = take_any(h)`)).toEqual([['0', '', '']]);
    expect(texts(`${T}T | where false | summarize s = sum(h), mx = max(h)`)).toEqual([['0', '']]);
  });

  it('arg_max / arg_min pick rows by exact keys and carry exact values', () => {
    expect(texts(`${T}T | summarize arg_max(h, k)`)).toEqual([['1846988464401551951', 'c']]);
    expect(texts(`${T}T | summarize arg_min(h, k)`)).toEqual([['-9007199254740993', 'd']]);
    // 2^53 + 1 beats 2^53 even though their doubles are equal, whichever comes first.
    expect(texts(`${T}T | where k in ("b", "f") | summarize arg_max(h, k)`)).toEqual([['9007199254740993', 'f']]);
    expect(texts(`${T}T | where k in ("a", "b") | order by k asc | summarize arg_min(h, k)`)).toEqual([['9007199254740992', 'b']]);
    // The carried column keeps every digit.
    expect(texts(`${T}T | summarize arg_max(k, h), take_any(k, h)`)).toEqual([['f', '9007199254740993', 'a', '9007199254740993']]);
  });

  it('sum wraps at 64 bits like .NET unchecked arithmetic', () => {
    expect(texts('union (print a = 9223372036854775807), (print a = 1) | summarize s = sum(a)')).toEqual([['-9223372036854775808']]);
  });

  it('sums ordinary longs exactly when the total or a partial total leaves ±2^53', () => {
    expect(texts('range i from 1 to 3 step 1 | extend v = 4503599627370497 | summarize s = sum(v)')).toEqual([['13510798882111491']]);
    // In doubles 9007199254740991 + 2 rounds to 2^53 and the total ends at 1; exactly it is 2.
    expect(texts('union (print v = 9007199254740991, o = 1), (print v = 2, o = 2), (print v = -9007199254740991, o = 3) | order by o asc | summarize s = sum(v)')).toEqual([['2']]);
    expect(texts('range i from 1 to 4 step 1 | extend v = 4503599627370497 | summarize s = sumif(v, i > 1) by odd = i % 2 | order by odd asc')).toEqual([
      ['0', '9007199254740994'],
      ['1', '4503599627370497'],
    ]);
    // Ordinary totals stay plain numbers.
    expect(texts('range i from 1 to 4 step 1 | summarize s = sum(i), t = sum(toint(i))')).toEqual([['10', '10']]);
  });

  it('refuses the aggregates that would read rounded values, at the argument', () => {
    expect(errorOf(`${T}T | summarize avg(h)`)).toBe('E_UNSUPPORTED: not supported yet: avg() of long values beyond ±2^53');
    expect(errorOf(`${T}T | summarize percentile(h, 50)`)).toBe('E_UNSUPPORTED: not supported yet: percentile() of long values beyond ±2^53');
    expect(errorOf(`${T}T | summarize make_set(h)`)).toBe('E_UNSUPPORTED: not supported yet: make_set() of long values beyond ±2^53');
    expect(errorOf(`${T}T | summarize stdev(h)`)).toBe('E_UNSUPPORTED: not supported yet: stdev() of long values beyond ±2^53');
  });
});
