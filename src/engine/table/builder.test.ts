import { describe, expect, it } from 'vitest';
import { NumericColumnBuilder, StringColumnBuilder, TableBuilder } from './builder';
import type { StringColumn } from './column';

const decode = (column: StringColumn): (string | null)[] => Array.from(column.codes, (code) => (code < 0 ? null : column.dict[code]));

describe('StringColumnBuilder', () => {
  it('gives each distinct value one code, also for values that meet in its cache of recent values', () => {
    // Same length, same middle and last character: the values share a cache entry.
    const values = ['aXb0', 'cXd0', 'aXb0', 'eXf0', 'cXd0', '', '', 'aXb0', 'A', 'a'];
    const builder = new StringColumnBuilder('string');
    for (const v of values) builder.append(v);
    const column = builder.finish();
    expect(decode(column)).toEqual(values);
    expect(column.dict.length).toBe(new Set(values).size);
    expect(column.length).toBe(values.length);
  });

  it('round-trips many repeated and unique values past its growth and the cache size', () => {
    const values: string[] = [];
    for (let i = 0; i < 5000; i++) values.push(i % 3 === 0 ? `unique-${i}` : `common-${i % 97}`, `${i % 7}`);
    const builder = new StringColumnBuilder('string');
    for (const v of values) builder.append(v);
    const column = builder.finish();
    expect(decode(column)).toEqual(values);
    expect(new Set(column.dict).size).toBe(column.dict.length);
    expect(column.codes.length).toBe(values.length);
  });

  it('keeps null as the empty string for string and as code -1 for guid', () => {
    const text = new StringColumnBuilder('string');
    const guid = new StringColumnBuilder('guid');
    for (const v of ['x', null, '']) {
      text.append(v);
      guid.append(v);
    }
    expect(decode(text.finish())).toEqual(['x', '', '']);
    expect(decode(guid.finish())).toEqual(['x', null, '']);
  });
});

describe('reserve and finish', () => {
  it('keeps the values appended before and after a reserve, and finishes at the exact length', () => {
    const numbers = new NumericColumnBuilder('long');
    const strings = new StringColumnBuilder('string');
    for (let i = 0; i < 10; i++) {
      numbers.append(i % 4 === 0 ? null : i);
      strings.append(`s${i % 3}`);
    }
    numbers.reserve(5000);
    strings.reserve(5000);
    for (let i = 10; i < 3000; i++) {
      numbers.append(i % 4 === 0 ? null : i);
      strings.append(`s${i % 3}`);
    }
    const n = numbers.finish();
    const s = strings.finish();
    expect(n.length).toBe(3000);
    expect(n.data.length).toBe(3000);
    expect(n.nulls?.length).toBe(3000);
    expect(Array.from({ length: 3000 }, (_, i) => (n.nulls?.[i] === 1 ? null : n.data[i]))).toEqual(Array.from({ length: 3000 }, (_, i) => (i % 4 === 0 ? null : i)));
    expect(s.codes.length).toBe(3000);
    expect(decode(s)).toEqual(Array.from({ length: 3000 }, (_, i) => `s${i % 3}`));
  });

  it('does not let appends after finish change the finished column', () => {
    const builder = new NumericColumnBuilder('real');
    builder.reserve(100);
    for (let i = 0; i < 90; i++) builder.append(i);
    const column = builder.finish();
    for (let i = 0; i < 20; i++) builder.append(-1);
    expect(column.length).toBe(90);
    expect(Array.from(column.data)).toEqual(Array.from({ length: 90 }, (_, i) => i));
  });

  it('reserves every column of a table builder', () => {
    const table = new TableBuilder('T', [
      { name: 'n', type: 'long' },
      { name: 's', type: 'string' },
      { name: 'd', type: 'dynamic' },
    ]);
    table.reserve(2048);
    for (let i = 0; i < 1500; i++) {
      (table.columns[0] as NumericColumnBuilder).append(i);
      (table.columns[1] as StringColumnBuilder).append(String(i % 10));
      table.appendNull(2);
    }
    const built = table.finish();
    expect(built.rowCount).toBe(1500);
    expect(built.columns.map((c) => c.length)).toEqual([1500, 1500, 1500]);
  });
});
