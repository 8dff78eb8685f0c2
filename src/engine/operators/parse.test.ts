import { describe, expect, it } from 'vitest';
import type { ParseOperator, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import { tableFromRows } from '../table/builder';
import { catalogOf } from '../table/table';
import { rowsOf } from '../table/rows';
import { NEVER_CANCELLED } from '../cancel';
import { executePlan } from './index';
import { col, lit, pipe, tableRef } from './planBuilders';

const SCHEMA: ColumnSchema[] = [
  { name: 'Id', type: 'long' },
  { name: 'Msg', type: 'string' },
];
const catalog = catalogOf([
  tableFromRows('T', SCHEMA, [[1, 'k=10 v=a'], [2, 'k=x v=b'], [3, 'nothing'], [4, 'k=10 v=a'], [5, '']]),
]);
const T = tableRef('T', SCHEMA);

/** `k=<n:long> v=<s:string>` as the lowering builds it (named groups, anchored). */
function parseOp(overrides: Partial<ParseOperator> = {}): ParseOperator {
  return {
    op: 'parse',
    text: col('Msg', 'string'),
    regex: { source: '^k=(?<p0>-?\\d+|.*?) v=(?<p1>.*)', flags: 's' },
    captures: [{ name: 'n', type: 'long', group: 'p0' }, { name: 's', type: 'string', group: 'p1' }],
    relaxed: false,
    dropUnparsed: false,
    ...overrides,
  };
}

const OUT: ColumnSchema[] = [...SCHEMA, { name: 'n', type: 'long' }, { name: 's', type: 'string' }];

function run(body: Tabular): unknown[][] {
  return rowsOf(executePlan({ body }, catalog, { now: 0, cancel: NEVER_CANCELLED }).tables[0]);
}

describe('parse', () => {
  it('converts captures; a capture of the wrong type nulls the whole row in strict mode', () => {
    expect(run(pipe(T, parseOp(), OUT))).toEqual([
      [1, 'k=10 v=a', 10, 'a'],
      [2, 'k=x v=b', null, ''],
      [3, 'nothing', null, ''],
      [4, 'k=10 v=a', 10, 'a'],
      [5, '', null, ''],
    ]);
  });

  it('nulls only the failing capture in relaxed mode', () => {
    expect(run(pipe(T, parseOp({ relaxed: true }), OUT)).map((r) => r.slice(2))).toEqual([
      [10, 'a'], [null, 'b'], [null, ''], [10, 'a'], [null, ''],
    ]);
  });

  it('drops unparsed rows for parse-where, keeping the order of the rest', () => {
    expect(run(pipe(T, parseOp({ dropUnparsed: true }), OUT)).map((r) => r[0])).toEqual([1, 4]);
    expect(run(pipe(T, parseOp({ dropUnparsed: true, relaxed: true }), OUT)).map((r) => r[0])).toEqual([1, 2, 4]);
  });

  it('parses a constant text once for every row', () => {
    const op = parseOp({ text: lit('k=7 v=z', 'string') });
    expect(run(pipe(T, op, OUT)).map((r) => r.slice(2))).toEqual(Array.from({ length: 5 }, () => [7, 'z']));
  });

  it('replaces an input column of the same name', () => {
    const op = parseOp({ captures: [{ name: 'Msg', type: 'string', group: 'p1' }] });
    expect(run(pipe(T, op, SCHEMA)).map((r) => r[1])).toEqual(['a', 'b', '', 'a', '']);
  });

  it('keeps working after a filter (the text is read through the selection)', () => {
    const filtered = pipe(T, { op: 'where', predicate: { kind: 'binary', op: '>', left: col('Id', 'long'), right: lit(2, 'long'), type: 'bool', span: { start: 0, length: 0 } } });
    expect(run(pipe(filtered, parseOp(), OUT)).map((r) => [r[0], r[2]])).toEqual([[3, null], [4, 10], [5, null]]);
  });

  it('reports an invalid regular expression as a runtime error', () => {
    const op = parseOp({ regex: { source: '(', flags: '' } });
    expect(() => run(pipe(T, op, OUT))).toThrow(/invalid regular expression/);
  });
});
