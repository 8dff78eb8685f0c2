import { describe, expect, it } from 'vitest';
import type { ColumnSchema } from '../engine/table/column';
import { tableFromRows } from '../engine/table/builder';
import { rowsOf } from '../engine/table/rows';
import { appendTables, concatTables } from './index';

const schemaA: ColumnSchema[] = [
  { name: 'Name', type: 'string' },
  { name: 'Size', type: 'int' },
  { name: 'Id', type: 'guid' },
  { name: 'Bag', type: 'dynamic' },
];

describe('appendTables', () => {
  it('appends rows, merging string dictionaries and keeping nulls', () => {
    const a = tableFromRows('T', schemaA, [
      ['x', 1, 'aaaaaaaa-0000-0000-0000-000000000000', { k: 1 }],
      ['y', null, null, null],
    ]);
    const b = tableFromRows('T', schemaA, [
      ['y', 3, null, [1, 2]],
      ['z', 4, 'bbbbbbbb-0000-0000-0000-000000000000', 'text'],
    ]);
    const merged = appendTables(a, b);
    expect(merged.name).toBe('T');
    expect(merged.rowCount).toBe(4);
    expect(merged.schema).toEqual(schemaA);
    expect(rowsOf(merged)).toEqual([
      ['x', 1, 'aaaaaaaa-0000-0000-0000-000000000000', { k: 1 }],
      ['y', null, null, null],
      ['y', 3, null, [1, 2]],
      ['z', 4, 'bbbbbbbb-0000-0000-0000-000000000000', 'text'],
    ]);
    const names = merged.columns[0];
    if (names.kind !== 'string') throw new Error('expected a string column');
    expect([...names.dict].sort()).toEqual(['x', 'y', 'z']);
  });

  it('unions differing schemas, filling missing columns with the type null', () => {
    const a = tableFromRows('T', [{ name: 'Name', type: 'string' }, { name: 'Size', type: 'int' }], [['a', 1]]);
    const b = tableFromRows('T', [{ name: 'When', type: 'datetime' }, { name: 'Name', type: 'string' }, { name: 'Id', type: 'guid' }], [[5, 'b', null]]);
    const merged = appendTables(a, b);
    expect(merged.schema.map((c) => `${c.name}:${c.type}`)).toEqual(['Name:string', 'Size:int', 'When:datetime', 'Id:guid']);
    expect(rowsOf(merged)).toEqual([
      ['a', 1, null, null],
      ['b', null, 5, null],
    ]);
  });

  it('converts values when a column type differs, keeping the first table type', () => {
    const a = tableFromRows('T', [{ name: 'DurationMs', type: 'string' }], [['12']]);
    const b = tableFromRows('T', [{ name: 'DurationMs', type: 'long' }], [[40], [null]]);
    expect(rowsOf(appendTables(a, b))).toEqual([['12'], ['40'], ['']]);
  });

  it('leaves its inputs untouched and shares no buffers with them', () => {
    const a = tableFromRows('T', schemaA, [['x', 1, null, null]]);
    const b = tableFromRows('T', schemaA, [['y', 2, null, null]]);
    const before = [rowsOf(a), rowsOf(b)];
    const merged = appendTables(a, b);
    expect([rowsOf(a), rowsOf(b)]).toEqual(before);
    const size = merged.columns[1];
    const sizeA = a.columns[1];
    if (size.kind !== 'number' || sizeA.kind !== 'number') throw new Error('expected numeric columns');
    expect(size.data.buffer).not.toBe(sizeA.data.buffer);
  });

  it('refuses tables of different names', () => {
    const a = tableFromRows('A', schemaA, []);
    const b = tableFromRows('B', schemaA, []);
    expect(() => appendTables(a, b)).toThrow(/cannot append table B to table A/);
  });

  it('concatenates many tables at once', () => {
    const parts = [1, 2, 3].map((n) => tableFromRows('T', [{ name: 'N', type: 'long' }], [[n], [n * 10]]));
    expect(rowsOf(concatTables(parts)).flat()).toEqual([1, 10, 2, 20, 3, 30]);
  });
});
