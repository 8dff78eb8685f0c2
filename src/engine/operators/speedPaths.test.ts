/**
 * The executor's fast paths give exactly the answers of the plain definitions:
 * top-N selection with block skipping (against a reference sort written here from Kusto's rules:
 * nulls first for asc, last for desc unless written; NaN sorts with the nulls; ties keep input
 * order), `sort | take` fusion, the per-dictionary-entry `where`, `where | count` fusion and the
 * group-by id paths (dictionary codes through a selection, fused `bin`, integer ranges, hashes).
 * Tables are large enough (> 2 blocks of 4096 rows) for the block summaries to be used, and
 * generated in time order, in reverse and shuffled.
 */
import { describe, expect, it } from 'vitest';
import type { Expr, SortKey, Tabular } from '../plan';
import type { CellValue } from '../table/rows';
import type { ColumnSchema, NumericColumn, StringColumn } from '../table/column';
import { compactStringColumn } from '../table/gather';
import { tableFromRows } from '../table/builder';
import { catalogOf } from '../table/table';
import type { Table } from '../table/table';
import { rowsOf } from '../table/rows';
import { blockStatsOf, BLOCK_ROWS } from '../table/blockStats';
import { NEVER_CANCELLED } from '../cancel';
import { TICKS_PER_HOUR } from '../types/scalarType';
import { executePlan } from './index';
import { agg, binary, call, col, key, lit, named, pipe, tableRef } from './planBuilders';
import { seededRandom as random } from '../testing/seededRandom';

const SCHEMA: ColumnSchema[] = [
  { name: 'id', type: 'long' },
  { name: 'time', type: 'datetime' },
  { name: 'ms', type: 'real' },
  { name: 'op', type: 'string' },
  { name: 'who', type: 'guid' },
];
const ROWS = 3 * BLOCK_ROWS + 123;
const BASE = 638_000_000_000_000_000 - 621_355_968_000_000_000; // a 2022 datetime in Unix ticks
const OPS = ['Pull', 'Push', 'Delete', 'pull', ''];
const GUIDS = ['00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000aa', null];

type Order = 'ascending' | 'descending' | 'shuffled';

/** Rows whose `time` follows `order` (with many ties and some nulls), `ms` with nulls and NaN. */
function makeRows(order: Order, seed: number): CellValue[][] {
  const next = random(seed);
  const times = Array.from({ length: ROWS }, (_, i) => BASE + Math.floor(i / 3) * 10_000_000);
  if (order === 'descending') times.reverse();
  if (order === 'shuffled') {
    for (let i = times.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [times[i], times[j]] = [times[j], times[i]];
    }
  }
  return times.map((time, i) => {
    const u = next();
    const ms = u < 0.02 ? null : u < 0.04 ? Number.NaN : Math.round(next() * 50) / 2;
    return [i, next() < 0.01 ? null : time, ms, OPS[Math.floor(next() * OPS.length)], GUIDS[Math.floor(next() * GUIDS.length)]];
  });
}

function tableOf(name: string, order: Order, seed: number): Table {
  return tableFromRows(name, SCHEMA, makeRows(order, seed));
}

const TABLES = { asc: tableOf('Asc', 'ascending', 1), desc: tableOf('Desc', 'descending', 2), mixed: tableOf('Mixed', 'shuffled', 3) };
const catalog = catalogOf(Object.values(TABLES));

function run(body: Tabular): CellValue[][] {
  return rowsOf(executePlan({ body }, catalog, { now: 0, cancel: NEVER_CANCELLED }).tables[0]);
}

/** Kusto's order of one key: 0 a value, 1 NaN, 2 null; nulls first: null, NaN, values; last: values, NaN, null. */
function referenceCompare(a: CellValue, b: CellValue, k: { descending: boolean; nullsFirst: boolean }): number {
  const cls = (v: CellValue): number => (v === null ? 2 : typeof v === 'number' && Number.isNaN(v) ? 1 : 0);
  const ca = cls(a);
  const cb = cls(b);
  if (ca !== 0 || cb !== 0) {
    if (ca === cb) return 0;
    return k.nullsFirst ? cb - ca : ca - cb;
  }
  const c = (a as number | string) < (b as number | string) ? -1 : (a as number | string) > (b as number | string) ? 1 : 0;
  return k.descending ? -c : c;
}

/** The reference answer: every row sorted stably by the keys (column indices), first `count` kept. */
function referenceTop(rows: CellValue[][], keys: { index: number; descending: boolean; nullsFirst: boolean }[], count: number): CellValue[][] {
  const indexed = rows.map((row, position) => ({ row, position }));
  indexed.sort((x, y) => {
    for (const k of keys) {
      const c = referenceCompare(x.row[k.index], y.row[k.index], k);
      if (c !== 0) return c;
    }
    return x.position - y.position;
  });
  return indexed.slice(0, count).map((e) => e.row);
}

const SHAPES: { name: string; keys: { index: number; descending: boolean; nullsFirst: boolean }[] }[] = [
  { name: 'time desc (nulls last)', keys: [{ index: 1, descending: true, nullsFirst: false }] },
  { name: 'time asc (nulls first)', keys: [{ index: 1, descending: false, nullsFirst: true }] },
  { name: 'time desc nulls first', keys: [{ index: 1, descending: true, nullsFirst: true }] },
  { name: 'time asc nulls last', keys: [{ index: 1, descending: false, nullsFirst: false }] },
  { name: 'ms desc (NaN and null last)', keys: [{ index: 2, descending: true, nullsFirst: false }] },
  { name: 'ms asc (NaN and null first)', keys: [{ index: 2, descending: false, nullsFirst: true }] },
  { name: 'ms desc, then op asc', keys: [{ index: 2, descending: true, nullsFirst: false }, { index: 3, descending: false, nullsFirst: true }] },
  { name: 'op desc, then time asc', keys: [{ index: 3, descending: true, nullsFirst: false }, { index: 1, descending: false, nullsFirst: true }] },
];

function sortKeys(keys: { index: number; descending: boolean; nullsFirst: boolean }[]): SortKey[] {
  return keys.map((k) => key(col(SCHEMA[k.index].name, SCHEMA[k.index].type), k.descending, k.nullsFirst));
}

describe('top-N selection', () => {
  for (const [label, table] of Object.entries(TABLES)) {
    for (const shape of SHAPES) {
      it(`top N by ${shape.name} on ${label}-ordered rows equals the first N of a stable sort`, () => {
        const source = rowsOf(table);
        for (const n of [1, 7, 100, 2000]) {
          const plan = pipe(tableRef(table.name, SCHEMA), { op: 'top', count: lit(n, 'long'), by: sortKeys(shape.keys) });
          expect(run(plan)).toEqual(referenceTop(source, shape.keys, n));
        }
      });
    }
  }

  it('keeps every row (in order) when N exceeds the row count, and none for N = 0', () => {
    const shape = SHAPES[0];
    const all = pipe(tableRef('Mixed', SCHEMA), { op: 'top', count: lit(ROWS + 5, 'long'), by: sortKeys(shape.keys) });
    expect(run(all)).toEqual(referenceTop(rowsOf(TABLES.mixed), shape.keys, ROWS));
    expect(run(pipe(tableRef('Mixed', SCHEMA), { op: 'top', count: lit(0, 'long'), by: sortKeys(shape.keys) }))).toEqual([]);
  });

  it('works on a selection (top after where) and on a computed key', () => {
    const keep = binary('==', col('op', 'string'), lit('Pull', 'string'));
    const filtered = pipe(tableRef('Asc', SCHEMA), { op: 'where', predicate: keep });
    const computed = binary('*', col('ms', 'real'), lit(-1, 'real'), 'real');
    const plan = pipe(filtered, { op: 'top', count: lit(50, 'long'), by: [key(computed, true, false)] });
    const expected = referenceTop(
      rowsOf(TABLES.asc).filter((r) => r[3] === 'Pull').map((r) => [...r, r[2] === null ? null : -(r[2] as number)]),
      [{ index: 5, descending: true, nullsFirst: false }],
      50,
    ).map((r) => r.slice(0, 5));
    expect(run(plan)).toEqual(expected);
  });

  it('sort by ... | take N gives the first N rows of the full sort', () => {
    for (const shape of SHAPES) {
      const sorted = pipe(tableRef('Mixed', SCHEMA), { op: 'sort', by: sortKeys(shape.keys) });
      expect(run(pipe(sorted, { op: 'take', count: lit(33, 'long') }))).toEqual(referenceTop(rowsOf(TABLES.mixed), shape.keys, 33));
    }
  });
});

describe('block summaries', () => {
  it('hold each block’s min and max of values, ignoring nulls and NaN, and are computed once per column', () => {
    const table = TABLES.mixed;
    for (const index of [1, 2]) {
      const column = table.columns[index] as NumericColumn;
      const stats = blockStatsOf(column);
      expect(blockStatsOf(column)).toBe(stats);
      expect(stats.blockCount).toBe(Math.ceil(ROWS / BLOCK_ROWS));
      const cells = rowsOf(table).map((r) => r[index]);
      for (let b = 0; b < stats.blockCount; b++) {
        const block = cells.slice(b * BLOCK_ROWS, (b + 1) * BLOCK_ROWS);
        const values = block.filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
        expect(stats.min[b]).toBe(Math.min(...values));
        expect(stats.max[b]).toBe(Math.max(...values));
        expect(stats.hasMissing[b]).toBe(block.some((v) => v === null || Number.isNaN(v)) ? 1 : 0);
      }
    }
  });
});

describe('where on a dictionary column, and where | count', () => {
  const cases: { name: string; predicate: Expr; test: (row: CellValue[]) => boolean }[] = [
    { name: 'op == "Pull"', predicate: binary('==', col('op', 'string'), lit('Pull', 'string')), test: (r) => r[3] === 'Pull' },
    { name: 'op =~ "pull"', predicate: binary('=~', col('op', 'string'), lit('pull', 'string')), test: (r) => (r[3] as string).toLowerCase() === 'pull' },
    { name: 'op != "Pull"', predicate: binary('!=', col('op', 'string'), lit('Pull', 'string')), test: (r) => r[3] !== 'Pull' },
    { name: 'isempty(op)', predicate: call('isempty', 'bool', col('op', 'string')), test: (r) => r[3] === '' },
    // A null guid: `==` with a value is false, `isnull` true (docs: null-values).
    { name: 'who == guid', predicate: binary('==', col('who', 'guid'), lit(GUIDS[0], 'guid')), test: (r) => r[4] === GUIDS[0] },
    { name: 'isnull(who)', predicate: call('isnull', 'bool', col('who', 'guid')), test: (r) => r[4] === null },
    { name: 'who != guid', predicate: binary('!=', col('who', 'guid'), lit(GUIDS[1], 'guid')), test: (r) => r[4] !== GUIDS[1] },
  ];
  for (const c of cases) {
    it(`${c.name}: keeps the matching rows in order, and count agrees`, () => {
      const source = rowsOf(TABLES.mixed);
      const where = pipe(tableRef('Mixed', SCHEMA), { op: 'where', predicate: c.predicate });
      const expected = source.filter(c.test);
      expect(run(where)).toEqual(expected);
      expect(run(pipe(where, { op: 'count' }, [{ name: 'Count', type: 'long' }]))).toEqual([[expected.length]]);
    });
  }

  it('reads the dictionary column through an earlier selection', () => {
    const first = pipe(tableRef('Mixed', SCHEMA), { op: 'where', predicate: binary('>', col('ms', 'real'), lit(10, 'real')) });
    const second = pipe(first, { op: 'where', predicate: binary('==', col('op', 'string'), lit('Push', 'string')) });
    const expected = rowsOf(TABLES.mixed).filter((r) => typeof r[2] === 'number' && r[2] > 10 && r[3] === 'Push');
    expect(run(second)).toEqual(expected);
    expect(run(pipe(second, { op: 'count' }, [{ name: 'Count', type: 'long' }]))).toEqual([[expected.length]]);
  });
});

/** Reference group counts: key of each row -> count, keys as JSON of the key values. */
function referenceCounts(rows: CellValue[][], keyOf: (r: CellValue[]) => CellValue[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const k = JSON.stringify(keyOf(r).map((v) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v)));
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

function countsOf(result: CellValue[][], keyCount: number): Map<string, number> {
  return new Map(result.map((r) => [JSON.stringify(r.slice(0, keyCount).map((v) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v))), r[keyCount] as number]));
}

describe('summarize group-by paths', () => {
  const count = agg('count', 'count_', 'long');
  // Kusto bins datetimes on .NET ticks from 0001-01-01: for 1h that is the Unix hour boundary.
  const hourOf = (v: CellValue): CellValue => (v === null ? null : Math.floor((v as number) / TICKS_PER_HOUR) * TICKS_PER_HOUR);

  it('bin(time, 1h), op on shuffled rows with null times', () => {
    const by = [named('time', call('bin', 'datetime', col('time', 'datetime'), lit(TICKS_PER_HOUR, 'timespan'))), named('op', col('op', 'string'))];
    const plan = pipe(tableRef('Mixed', SCHEMA), { op: 'summarize', aggregates: [count], by }, [{ name: 'time', type: 'datetime' }, { name: 'op', type: 'string' }, { name: 'count_', type: 'long' }]);
    const result = run(plan);
    expect(countsOf(result, 2)).toEqual(referenceCounts(rowsOf(TABLES.mixed), (r) => [hourOf(r[1]), r[3]]));
    expect(result.length).toBe(referenceCounts(rowsOf(TABLES.mixed), (r) => [hourOf(r[1]), r[3]]).size);
  });

  it('bin of a long with negative values, and a real key with NaN and null (hash path)', () => {
    const shifted = binary('-', col('id', 'long'), lit(5000, 'long'), 'long');
    const byLong = [named('b', call('bin', 'long', shifted, lit(7, 'long')))];
    const longPlan = pipe(tableRef('Desc', SCHEMA), { op: 'summarize', aggregates: [count], by: byLong }, [{ name: 'b', type: 'long' }, { name: 'count_', type: 'long' }]);
    expect(countsOf(run(longPlan), 1)).toEqual(referenceCounts(rowsOf(TABLES.desc), (r) => [Math.floor(((r[0] as number) - 5000) / 7) * 7]));
    const byReal = [named('ms', col('ms', 'real'))];
    const realPlan = pipe(tableRef('Desc', SCHEMA), { op: 'summarize', aggregates: [count], by: byReal }, [{ name: 'ms', type: 'real' }, { name: 'count_', type: 'long' }]);
    expect(countsOf(run(realPlan), 1)).toEqual(referenceCounts(rowsOf(TABLES.desc), (r) => [r[2]]));
  });

  it('string and guid keys read through a selection, groups in order of first appearance', () => {
    const filtered = pipe(tableRef('Asc', SCHEMA), { op: 'where', predicate: binary('!=', col('op', 'string'), lit('Push', 'string')) });
    const by = [named('who', col('who', 'guid')), named('op', col('op', 'string'))];
    const plan = pipe(filtered, { op: 'summarize', aggregates: [count], by }, [{ name: 'who', type: 'guid' }, { name: 'op', type: 'string' }, { name: 'count_', type: 'long' }]);
    const source = rowsOf(TABLES.asc).filter((r) => r[3] !== 'Push');
    const result = run(plan);
    const expected = referenceCounts(source, (r) => [r[4], r[3]]);
    expect(countsOf(result, 2)).toEqual(expected);
    expect(result.map((r) => JSON.stringify(r.slice(0, 2)))).toEqual([...expected.keys()]);
  });

  it('distinct over a fused bin key and an integer key', () => {
    const by = [named('h', call('bin', 'datetime', col('time', 'datetime'), lit(6 * TICKS_PER_HOUR, 'timespan')))];
    const plan = pipe(tableRef('Mixed', SCHEMA), { op: 'distinct', columns: by }, [{ name: 'h', type: 'datetime' }]);
    const sixHours = 6 * TICKS_PER_HOUR;
    const expected = [...new Set(rowsOf(TABLES.mixed).map((r) => (r[1] === null ? null : Math.floor((r[1] as number) / sixHours) * sixHours)))];
    expect(run(plan).map((r) => r[0])).toEqual(expected);
  });
});

describe('compacting a few rows of a large dictionary', () => {
  it('keeps only the used entries, in first-use order, and null guids', () => {
    const dict = Array.from({ length: 100 }, (_, i) => `entry-${i}`);
    const column: StringColumn = { kind: 'string', type: 'guid', codes: Int32Array.of(57, 3, 57, -1, 99), dict, length: 5 };
    const compact = compactStringColumn(column);
    expect(compact.dict).toEqual(['entry-57', 'entry-3', 'entry-99']);
    expect([...compact.codes]).toEqual([0, 1, 0, -1, 2]);
  });
});
