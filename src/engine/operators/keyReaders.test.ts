/**
 * Chunked group-by (keyReaders.ts + `groupByReaders`) against the whole-vector path
 * (`keyIdsOf` + `groupByIds`): the same group of every row, the same group numbering and first
 * rows, on data that defeats the shortcuts: nulls, NaN, infinities, values out of time order,
 * selections, constants, empty inputs, a single row, more rows than one chunk, and key
 * products too large for the array path.
 */
import { describe, expect, it } from 'vitest';
import type { Expr } from '../plan';
import type { Column, NumericColumn, StringColumn } from '../table/column';
import { NEVER_CANCELLED } from '../cancel';
import type { Relation, RunContext } from './relation';
import { columnSource } from './relation';
import { groupByIds, groupByReaders } from './grouping';
import { keyIdsOf } from './keyIds';
import { keyReaderOf } from './keyReaders';
import { call, col, lit } from './planBuilders';
import { seededRandom as random } from '../testing/seededRandom';

const RUN: RunContext = { nowTicks: 0, cancel: NEVER_CANCELLED };
const HOUR = 36_000_000_000;

function numbers(type: NumericColumn['type'], values: readonly (number | null)[]): NumericColumn {
  const data = Float64Array.from(values, (v) => v ?? 0);
  const hasNull = values.some((v) => v === null);
  const nulls = hasNull ? Uint8Array.from(values, (v) => (v === null ? 1 : 0)) : null;
  return { kind: 'number', type, data, nulls, length: values.length };
}

function strings(type: StringColumn['type'], dict: string[], codes: readonly number[]): StringColumn {
  return { kind: 'string', type, codes: Int32Array.from(codes), dict, length: codes.length };
}

function relationOf(columns: Record<string, Column>, rows: Int32Array | null, rowCount: number): Relation {
  return { rowCount, columns: Object.entries(columns).map(([name, data]) => ({ name, data, rows })) };
}

/** Both paths' groupings of `relation` by `keys`, as plain arrays. */
function bothGroupings(relation: Relation, keys: readonly Expr[]): { chunked: unknown; whole: unknown } {
  const source = columnSource(relation, RUN);
  const chunked = groupByReaders(keys.map((k) => keyReaderOf(k, relation, source, RUN.cancel)), relation.rowCount, RUN.cancel);
  const whole = groupByIds(keys.map((k) => keyIdsOf(k, relation, source, RUN.cancel)), relation.rowCount, RUN.cancel);
  const plain = (g: typeof chunked) => ({ groupCount: g.groupCount, groupIds: [...g.groupIds], firstRows: [...g.firstRows] });
  return { chunked: plain(chunked), whole: plain(whole) };
}

const time = col('t', 'datetime');
const binHour = call('bin', 'datetime', time, lit(HOUR, 'timespan'));
const op = col('op', 'string');

function timesOf(count: number, order: 'ascending' | 'shuffled', seed: number, withNulls: boolean): (number | null)[] {
  const next = random(seed);
  const base = 1_700_000_000_000 * 10_000;
  const values: (number | null)[] = Array.from({ length: count }, (_, i) => base + Math.floor(i / 7) * 600_000_000 - (i % 3) * 17);
  if (order === 'shuffled') {
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [values[i], values[j]] = [values[j], values[i]];
    }
  }
  if (withNulls) for (let i = 0; i < values.length; i += 11) values[i] = null;
  return values;
}

describe('chunked group-by keys', () => {
  it('matches the whole-vector path for bin(time, 1h) and a dictionary key, in and out of time order, with nulls', () => {
    const n = 3 * 4096 + 77;
    const next = random(7);
    const codes = Array.from({ length: n }, () => Math.floor(next() * 4));
    for (const order of ['ascending', 'shuffled'] as const) {
      for (const withNulls of [false, true]) {
        const relation = relationOf({ t: numbers('datetime', timesOf(n, order, 3, withNulls)), op: strings('string', ['Pull', 'Push', 'Delete', ''], codes) }, null, n);
        const { chunked, whole } = bothGroupings(relation, [binHour, op]);
        expect(chunked).toEqual(whole);
        const single = bothGroupings(relation, [binHour]);
        expect(single.chunked).toEqual(single.whole);
      }
    }
  });

  it('matches through a selection (index vector) and for guid keys with nulls', () => {
    const n = 2 * 4096 + 5;
    const next = random(11);
    const guidCodes = Array.from({ length: n }, () => Math.floor(next() * 3) - 1);
    const selection = Int32Array.from({ length: 5000 }, (_, i) => (i * 7919) % n).sort();
    const relation = relationOf({
      t: numbers('datetime', timesOf(n, 'shuffled', 5, true)),
      g: strings('guid', ['00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002'], guidCodes),
    }, selection, selection.length);
    const { chunked, whole } = bothGroupings(relation, [col('g', 'guid'), binHour]);
    expect(chunked).toEqual(whole);
  });

  it('falls back exactly for NaN, infinities, wide ranges and non-key expressions', () => {
    const long = col('x', 'long');
    const bin10 = call('bin', 'long', long, lit(10, 'long'));
    for (const values of [
      [5, Number.NaN, 15, null, 5],
      [5, Number.POSITIVE_INFINITY, 15, 25],
      [0, 2 ** 40, 10, 0],
      [null, null, null],
    ]) {
      const relation = relationOf({ x: numbers('long', values) }, null, values.length);
      const { chunked, whole } = bothGroupings(relation, [bin10, long]);
      expect(chunked).toEqual(whole);
    }
  });

  it('handles empty input, one row, constants and key products beyond the array limit', () => {
    const empty = relationOf({ t: numbers('datetime', []), op: strings('string', ['a'], []) }, null, 0);
    const e = bothGroupings(empty, [binHour, op]);
    expect(e.chunked).toEqual(e.whole);
    const one = relationOf({ t: numbers('datetime', [HOUR * 5 + 1]), op: strings('string', ['a'], [0]) }, null, 1);
    const o = bothGroupings(one, [binHour, op]);
    expect(o.chunked).toEqual(o.whole);
    // Two dictionaries of 3000 entries: a product of ~9M ids, beyond the array path.
    const n = 6000;
    const dict = Array.from({ length: 3000 }, (_, i) => `v${i}`);
    const a = strings('string', dict, Array.from({ length: n }, (_, i) => i % 3000));
    const b = strings('string', dict, Array.from({ length: n }, (_, i) => (i * 7) % 3000));
    const wide = relationOf({ a, b }, null, n);
    const w = bothGroupings(wide, [col('a', 'string'), col('b', 'string')]);
    expect(w.chunked).toEqual(w.whole);
    expect((w.chunked as { groupCount: number }).groupCount).toBe(3000);
  });
});
