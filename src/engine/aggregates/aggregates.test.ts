import { describe, expect, it } from 'vitest';
import type { Column } from '../table/column';
import { tableFromRows } from '../table/builder';
import { rowsOf } from '../table/rows';
import { NEVER_CANCELLED } from '../cancel';
import { AGGREGATES, SUPPORTED_AGGREGATES } from './registry';
import type { ScalarType } from '../types/scalarType';
import { gatherColumn } from '../table/gather';

const values = tableFromRows('V', [
  { name: 'n', type: 'long' },
  { name: 's', type: 'string' },
  { name: 'p', type: 'bool' },
], [
  [5, 'b', 1],
  [null, 'a', 0],
  [3, 'b', 1],
  [10, '', null],
  [3, 'c', 1],
]);
const [N, S, P] = values.columns;
const groups = Int32Array.from([0, 1, 0, 1, 1]);

function runAggregate(name: string, args: Column[], groupIds = groups, groupCount = 2, type: ScalarType = 'long') {
  const impl = AGGREGATES.get(name);
  if (impl === undefined) throw new Error(name);
  const state: unknown = impl.init(groupCount);
  impl.add(state, groupIds, groupIds.length, args, NEVER_CANCELLED);
  return rowsOf({ columns: [impl.result(state, groupCount, type)], rowCount: groupCount }).map((r) => r[0]);
}

describe('aggregates', () => {
  it('count, countif', () => {
    expect(runAggregate('count', [])).toEqual([2, 3]);
    expect(runAggregate('countif', [P])).toEqual([2, 1]);
  });
  it('sum/avg/min/max ignore nulls; an all-null group gives sum 0, avg NaN, min/max null', () => {
    expect(runAggregate('sum', [N])).toEqual([8, 13]);
    expect(runAggregate('avg', [N], groups, 2, 'real')).toEqual([4, 6.5]);
    expect(runAggregate('min', [N])).toEqual([3, 3]);
    expect(runAggregate('max', [N])).toEqual([5, 10]);
    const allNullInGroup1 = Int32Array.from([0, 1, 0, 0, 0]);
    expect(runAggregate('sum', [N], allNullInGroup1)).toEqual([21, 0]);
    expect(runAggregate('avg', [N], allNullInGroup1, 2, 'real')).toEqual([5.25, NaN]);
    expect(runAggregate('max', [N], allNullInGroup1)).toEqual([10, null]);
    expect(runAggregate('sumif', [N, P])).toEqual([8, 3]);
  });
  it('min/max on strings are ordinal and skip empty strings', () => {
    expect(runAggregate('min', [S], groups, 2, 'string')).toEqual(['b', 'a']);
    expect(runAggregate('max', [S], groups, 2, 'string')).toEqual(['b', 'c']);
  });
  it('dcount is exact, ignores nulls and counts the empty string as a value', () => {
    expect(runAggregate('dcount', [N])).toEqual([2, 2]);
    expect(runAggregate('dcount', [S])).toEqual([1, 3]);
    expect(runAggregate('dcountif', [N, P])).toEqual([2, 1]);
  });
  it('make_list, make_set, take_any', () => {
    expect(runAggregate('make_list', [N], groups, 2, 'dynamic')).toEqual([[5, 3], [10, 3]]);
    expect(runAggregate('make_set', [S], groups, 2, 'dynamic')).toEqual([['b'], ['a', '', 'c']]);
    expect(runAggregate('take_any', [S], groups, 2, 'string')).toEqual(['b', 'a']);
  });
  it('merging two partial states equals adding every row to one state', () => {
    for (const name of ['count', 'sum', 'avg', 'min', 'max', 'dcount', 'make_set']) {
      const impl = AGGREGATES.get(name)!;
      const args = name === 'count' ? [] : [name === 'make_set' || name === 'dcount' ? S : N];
      const whole: unknown = impl.init(2);
      impl.add(whole, groups, 5, args, NEVER_CANCELLED);
      // Two halves: rows 0..2 and rows 3..4 (arguments sliced the same way).
      const slice = (c: Column, from: number, to: number): Column => {
        const rows = Int32Array.from({ length: to - from }, (_, i) => from + i);
        return rowsToColumn(c, rows);
      };
      const a: unknown = impl.init(2);
      impl.add(a, groups.slice(0, 3), 3, args.map((c) => slice(c, 0, 3)), NEVER_CANCELLED);
      const b: unknown = impl.init(2);
      impl.add(b, groups.slice(3), 2, args.map((c) => slice(c, 3, 5)), NEVER_CANCELLED);
      impl.merge(a, b);
      const type = name === 'avg' ? 'real' : name === 'make_set' ? 'dynamic' : 'long';
      expect(rowsOf({ columns: [impl.result(a, 2, type)], rowCount: 2 }), name).toEqual(rowsOf({ columns: [impl.result(whole, 2, type)], rowCount: 2 }));
    }
  });
  it('the supported set is derived from the registry', () => {
    expect([...SUPPORTED_AGGREGATES].sort()).toEqual([...AGGREGATES.keys()].sort());
    expect(SUPPORTED_AGGREGATES.has('count')).toBe(true);
  });
});

function rowsToColumn(c: Column, rows: Int32Array): Column {
  return gatherColumn(c, rows);
}
