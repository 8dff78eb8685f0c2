/**
 * The aggregates' fast paths against their general paths, through `runQuery`:
 * - `count()` (a tight loop) against `countif(true)` (the per-row predicate loop);
 * - `dcount(s)` of a dictionary column (a byte map of group × code pairs) against
 *   `dcountif(s, true)` (per-row sets), with null guids, empty strings, one group, many groups;
 * - `sum`/`avg` of a numeric column (tight loops) against `sumif`/`avgif(x, true)`;
 * - an argument written twice (`avg(todouble(x)), percentile(todouble(x), 50)`), evaluated once,
 *   against the same aggregates in separate queries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogOf, rowsOf, runQuery, tableFromRows, warmUp } from '../index';
import type { CellValue } from '../table/rows';
import { seededRandom as random } from '../testing/seededRandom';

const next = random(42);
const GUIDS = ['00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-00000000000b', null];
const ROWS: CellValue[][] = Array.from({ length: 5000 }, (_, i) => [
  `g${Math.floor(next() * 7)}`,
  ['alice', 'bob', '', 'carol', 'Bob'][Math.floor(next() * 5)],
  GUIDS[Math.floor(next() * 3)],
  next() < 0.1 ? 'n/a' : String(Math.floor(next() * 1000) / 10),
  i,
]);
const SCHEMA = [
  { name: 'Group', type: 'string' as const },
  { name: 'Who', type: 'string' as const },
  { name: 'Id', type: 'guid' as const },
  { name: 'Ms', type: 'string' as const },
  { name: 'Row', type: 'long' as const },
];
const catalog = catalogOf([
  tableFromRows('T', SCHEMA, ROWS),
  tableFromRows('Empty', SCHEMA, []),
]);

function rows(text: string): CellValue[][] {
  const outcome = runQuery(text, catalog, { now: Date.UTC(2024, 0, 1) });
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return rowsOf(outcome.tables[0]);
}

beforeAll(() => warmUp());

describe('aggregate fast paths', () => {
  it('count() equals countif(true), by keys, without keys, after a filter and on no rows', () => {
    for (const input of ['T', 'T | where Row % 3 == 0', 'Empty']) {
      expect(rows(`${input} | summarize count() by Group, Who | sort by Group asc, Who asc`))
        .toEqual(rows(`${input} | summarize countif(true) by Group, Who | sort by Group asc, Who asc`));
      expect(rows(`${input} | summarize count()`)).toEqual(rows(`${input} | summarize countif(true)`));
    }
    expect(rows('T | where Row < 10 | summarize count()')).toEqual([[10]]);
  });

  it('dcount of a dictionary column equals dcountif(true): nulls ignored, empty string and case kept', () => {
    for (const input of ['T', 'T | where Row % 7 != 0', 'Empty']) {
      for (const column of ['Who', 'Id']) {
        expect(rows(`${input} | summarize dcount(${column}) by Group | sort by Group asc`))
          .toEqual(rows(`${input} | summarize dcountif(${column}, true) by Group | sort by Group asc`));
        expect(rows(`${input} | summarize dcount(${column})`)).toEqual(rows(`${input} | summarize dcountif(${column}, true)`));
      }
    }
    // Who has 5 values ('' and 'Bob' included); Id 2 non-null guids.
    expect(rows('T | summarize dcount(Who), dcount(Id)')).toEqual([[5, 2]]);
    // One group per row: many groups, still exact.
    expect(rows('T | summarize d = dcount(Who) by Row | summarize max(d), min(d), count()')).toEqual([[1, 1, 5000]]);
  });

  it('sum and avg of a numeric column equal sumif/avgif(x, true): nulls skipped, NaN kept, empty groups', () => {
    for (const input of ['T', 'T | where Row % 5 == 1', 'Empty']) {
      for (const value of ['todouble(Ms)', 'Row', 'iff(Row % 97 == 0, real(nan), todouble(Ms))']) {
        expect(rows(`${input} | summarize sum(${value}), avg(${value}) by Group | sort by Group asc`))
          .toEqual(rows(`${input} | summarize sumif(${value}, true), avgif(${value}, true) by Group | sort by Group asc`));
      }
    }
    expect(rows('T | where Row < 4 | summarize sum(Row), avg(Row)')).toEqual([[6, 1.5]]);
  });

  it('an argument written twice gives the answers of each aggregate alone', () => {
    const both = rows('T | summarize avg(todouble(Ms)), percentile(todouble(Ms), 50), sum(todouble(Ms)) by Group | sort by Group asc');
    const avg = rows('T | summarize avg(todouble(Ms)) by Group | sort by Group asc');
    const percentile = rows('T | summarize percentile(todouble(Ms), 50) by Group | sort by Group asc');
    const sum = rows('T | summarize sum(todouble(Ms)) by Group | sort by Group asc');
    expect(both.map((r) => r[1])).toEqual(avg.map((r) => r[1]));
    expect(both.map((r) => r[2])).toEqual(percentile.map((r) => r[1]));
    expect(both.map((r) => r[3])).toEqual(sum.map((r) => r[1]));
    // Same text but different expressions stay apart.
    const apart = rows('T | summarize a = sum(todouble(Ms)), b = sum(todouble(Ms) * 2) | project ratio = b / a');
    expect(apart[0][0]).toBeCloseTo(2, 12);
  });
});
