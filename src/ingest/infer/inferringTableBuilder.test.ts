import { describe, expect, it } from 'vitest';
import { rowObjects } from '../testHelpers';
import { InferringTableBuilder } from './inferringTableBuilder';
import { ticksFromMs } from '../../engine/types/datetime';

const ticks = (iso: string) => ticksFromMs(Date.parse(iso));
const types = (b: { schema: readonly { name: string; type: string }[] }) => Object.fromEntries(b.schema.map((c) => [c.name, c.type]));

describe('InferringTableBuilder: inference from text (CSV)', () => {
  it('infers bool, long, real, datetime, timespan, dynamic and string; empty is null', () => {
    const b = new InferringTableBuilder('T');
    b.setColumns(['b', 'l', 'r', 'd', 'ts', 'dyn', 's', 'g', 'none']);
    b.addCells(['true', '42', '1.5', '2024-05-01T10:00:00Z', '1.02:03:04', '{"a":1}', 'x', '0F8FAD5B-D9CB-469F-A165-70867728950E', '']);
    b.addCells(['False', '-7', '2', '5/1/2024, 1:00:00 PM', '00:00:01.5', '[1,2]', '12', 'abc', '']);
    b.addCells(['', '', '', '', '', '', '', '', '']);
    const t = b.finish();
    expect(types(t)).toEqual({ b: 'bool', l: 'long', r: 'real', d: 'datetime', ts: 'timespan', dyn: 'dynamic', s: 'string', g: 'string', none: 'string' });
    expect(rowObjects(t)).toEqual([
      { b: true, l: 42, r: 1.5, d: ticks('2024-05-01T10:00:00Z'), ts: (26 * 3600 + 184) * 1e7, dyn: { a: 1 }, s: 'x', g: '0F8FAD5B-D9CB-469F-A165-70867728950E', none: '' },
      { b: false, l: -7, r: 2, d: ticks('2024-05-01T13:00:00Z'), ts: 1.5e7, dyn: [1, 2], s: '12', g: 'abc', none: '' },
      { b: null, l: null, r: null, d: null, ts: null, dyn: null, s: '', g: '', none: '' },
    ]);
    expect(b.warnings).toEqual([]);
  });

  it('keeps numbers with leading zeros (ids) as strings', () => {
    const b = new InferringTableBuilder('T');
    b.setColumns(['account']);
    b.addCells(['072643944673']);
    b.addCells(['123']);
    const t = b.finish();
    expect(t.schema[0].type).toBe('string');
    expect(rowObjects(t).map((r) => r.account)).toEqual(['072643944673', '123']);
  });

  it('turns a column to string on a late contradicting value, keeping every original text', () => {
    const b = new InferringTableBuilder('T', { sampleSize: 3 });
    b.setColumns(['n', 'when']);
    const texts = ['1', '0', '-5', '', '1e3', '7'];
    texts.forEach((t, i) => b.addCells([t, i === 4 ? 'soon' : `${i + 1}/2/2024, 9:00:00 AM`], i + 2));
    b.addCells(['abc', ''], 8);
    const t = b.finish();
    expect(types(t)).toEqual({ n: 'string', when: 'string' });
    expect(rowObjects(t).map((r) => r.n)).toEqual([...texts, 'abc']);
    expect(rowObjects(t).map((r) => r.when)).toEqual(['1/2/2024, 9:00:00 AM', '2/2/2024, 9:00:00 AM', '3/2/2024, 9:00:00 AM', '4/2/2024, 9:00:00 AM', 'soon', '6/2/2024, 9:00:00 AM', '']);
    expect(b.warnings).toEqual([
      "column n: value '1e3' in line 6 is not a long; loaded as real",
      "column when: value 'soon' in line 6 is not a datetime; loaded as string",
      "column n: value 'abc' in line 8 is not a real; loaded as string",
    ]);
  });

  it('widens long to real without a change of values', () => {
    const b = new InferringTableBuilder('T', { sampleSize: 2 });
    b.setColumns(['x']);
    ['1', '2', '', '2.25'].forEach((v) => b.addCells([v]));
    const t = b.finish();
    expect(t.schema[0].type).toBe('real');
    expect(rowObjects(t).map((r) => r.x)).toEqual([1, 2, null, 2.25]);
    expect(b.warnings).toEqual(["column x: value '2.25' in row 4 is not a long; loaded as real"]);
  });

  it('names the row with thousands separators', () => {
    const b = new InferringTableBuilder('T', { sampleSize: 1 });
    b.setColumns(['x']);
    for (let i = 0; i < 1203; i++) b.addCells([String(i)]);
    b.addCells(['abc']);
    b.finish();
    expect(b.warnings).toEqual(["column x: value 'abc' in row 1,204 is not a long; loaded as string"]);
  });

  it('decides with the dmy order when told', () => {
    const b = new InferringTableBuilder('T', { dateOrder: 'dmy' });
    b.setColumns(['t']);
    b.addCells(['03/04/2025, 09:45:54.000']);
    expect(rowObjects(b.finish())).toEqual([{ t: ticks('2025-04-03T09:45:54Z') }]);
  });

  it('decides a mostly empty column before the end of the file', () => {
    const b = new InferringTableBuilder('T', { sampleSize: 2 });
    b.setColumns(['x']);
    b.addCells(['5']);
    for (let i = 0; i < 20; i++) b.addCells(['']);
    expect(b.typeOf('x')).toBe('long');
  });
});

describe('InferringTableBuilder: JSON objects', () => {
  it('adds late columns with nulls before them and keeps JSON types', () => {
    const b = new InferringTableBuilder('T', { stringInference: 'datetime' });
    b.addRow({ a: 1, s: '5' });
    b.addRow({ a: 2.5, when: '2024-05-01T00:00:00Z', flag: true, bag: { k: [1] } });
    b.addRow({ s: 'x', bag: 'text' });
    const t = b.finish();
    expect(t.schema).toEqual([
      { name: 'a', type: 'real' },
      { name: 's', type: 'string' },
      { name: 'when', type: 'datetime' },
      { name: 'flag', type: 'bool' },
      { name: 'bag', type: 'dynamic' },
    ]);
    expect(rowObjects(t)).toEqual([
      { a: 1, s: '5', when: null, flag: null, bag: null },
      { a: 2.5, s: '', when: ticks('2024-05-01T00:00:00Z'), flag: true, bag: { k: [1] } },
      { a: null, s: 'x', when: null, flag: null, bag: 'text' },
    ]);
  });

  it('rebuilds JSON values as text when a column turns to string', () => {
    const b = new InferringTableBuilder('T', { stringInference: 'datetime', sampleSize: 2 });
    b.addRow({ v: true });
    b.addRow({ v: false });
    b.addRow({ v: null });
    b.addRow({ v: 'maybe' });
    const t = b.finish();
    expect(rowObjects(t).map((r) => r.v)).toEqual(['true', 'false', '', 'maybe']);
  });
});

describe('InferringTableBuilder: declared schema', () => {
  it('keeps declared columns first with their types and reports extra columns', () => {
    const b = new InferringTableBuilder('Known', {
      schema: [
        { name: 'TimeGenerated', type: 'datetime' },
        { name: 'Size', type: 'int' },
        { name: 'Note', type: 'string' },
      ],
    });
    b.setColumns(['Extra', 'Size', 'TimeGenerated']);
    b.addCells(['7', '12', '2024-01-01T00:00:00Z'], 2);
    b.addCells(['', 'big', 'nope'], 3);
    b.addCells(['', 'huge', ''], 4);
    const t = b.finish();
    expect(t.schema).toEqual([
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'Size', type: 'int' },
      { name: 'Note', type: 'string' },
      { name: 'Extra', type: 'long' },
    ]);
    expect(rowObjects(t)).toEqual([
      { TimeGenerated: ticks('2024-01-01T00:00:00Z'), Size: 12, Note: '', Extra: 7 },
      { TimeGenerated: null, Size: null, Note: '', Extra: null },
      { TimeGenerated: null, Size: null, Note: '', Extra: null },
    ]);
    expect(b.extraColumns).toEqual({ Extra: 1 });
    expect(b.warnings).toEqual([
      "column Size: value 'big' in line 3 is not a int; loaded as null",
      "column TimeGenerated: value 'nope' in line 3 is not a datetime; loaded as null",
      'column Size: 2 values were not a int and were loaded as null',
    ]);
  });
});

describe('InferringTableBuilder: bounded text memory', () => {
  it('rebuilds early cells as canonical text when the contradiction comes after keepTextRows', () => {
    const b = new InferringTableBuilder('T', { sampleSize: 1, keepTextRows: 2 });
    b.setColumns(['t', 'n']);
    b.addCells(['5/1/2024, 1:02:11 PM', '1']);
    b.addCells(['5/2/2024, 1:02:11 PM', '2']);
    b.addCells(['5/3/2024, 1:02:11 PM', '3']);
    b.addCells(['later', 'x']);
    const t = b.finish();
    expect(rowObjects(t)).toEqual([
      { t: '2024-05-01T13:02:11.0000000Z', n: '1' },
      { t: '2024-05-02T13:02:11.0000000Z', n: '2' },
      { t: '2024-05-03T13:02:11.0000000Z', n: '3' },
      { t: 'later', n: 'x' },
    ]);
  });

  it('mixes addRow columns into a positional table', () => {
    const b = new InferringTableBuilder('T');
    b.setColumns(['a']);
    b.addCells(['1']);
    b.addRow({ a: '2', extra: 'e' });
    b.addCells(['3']);
    expect(rowObjects(b.finish())).toEqual([
      { a: 1, extra: '' },
      { a: 2, extra: 'e' },
      { a: 3, extra: '' },
    ]);
  });
});
