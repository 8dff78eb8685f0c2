import { describe, expect, it } from 'vitest';
import type { BagUnpackOperator } from '../../plan';
import { NEVER_CANCELLED } from '../../cancel';
import { tableFromRows } from '../../table/builder';
import { rowsOf } from '../../table/rows';
import { relationOfTable } from '../relation';
import { applyBagUnpack } from './bagUnpack';

const run = { nowTicks: 0, cancel: NEVER_CANCELLED };
const span = { start: 0, length: 1 };

function unpack(operator: Partial<BagUnpackOperator>) {
  const table = tableFromRows('T', [{ name: 'id', type: 'long' }, { name: 'd', type: 'dynamic' }], [
    [1, { b: 'x', a: 2, skip: 'no' }],
    [2, { B: 3, a: 4 }],
  ]);
  const relation = applyBagUnpack(relationOfTable(table), { op: 'bag-unpack', column: 'd', prefix: '', conflict: 'error', ignored: [], ...operator }, run, span);
  return {
    columns: relation.columns.map((c) => `${c.name}:${c.data.type}`),
    rows: rowsOf({ columns: relation.columns.map((c) => c.data), rowCount: relation.rowCount }),
  };
}

describe('applyBagUnpack', () => {
  it('leaves out ignored slots and orders the slot columns ordinally', () => {
    expect(unpack({ ignored: ['skip'] })).toEqual({
      columns: ['id:long', 'B:long', 'a:long', 'b:string'],
      rows: [[1, null, 2, 'x'], [2, 3, 4, '']],
    });
  });

  it('puts the prefix in front of every slot name', () => {
    expect(unpack({ prefix: 'p_', ignored: ['skip', 'B'] }).columns).toEqual(['id:long', 'p_a:long', 'p_b:string']);
  });

  it('fails on a slot named like a kept column, unless told how to resolve it', () => {
    const table = tableFromRows('T', [{ name: 'a', type: 'string' }, { name: 'd', type: 'dynamic' }], [['s', { a: 1 }]]);
    const relation = relationOfTable(table);
    const base: BagUnpackOperator = { op: 'bag-unpack', column: 'd', prefix: '', conflict: 'error', ignored: [] };
    expect(() => applyBagUnpack(relation, base, run, span)).toThrow(/duplicate/);
    const replaced = applyBagUnpack(relation, { ...base, conflict: 'replace_source' }, run, span);
    expect(replaced.columns.map((c) => `${c.name}:${c.data.type}`)).toEqual(['a:long']);
    const kept = applyBagUnpack(relation, { ...base, conflict: 'keep_source' }, run, span);
    expect(kept.columns.map((c) => `${c.name}:${c.data.type}`)).toEqual(['a:string']);
  });
});
