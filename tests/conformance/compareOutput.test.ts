import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../../src/engine';
import type { ColumnSchema, DynamicValue, ResultTable } from '../../src/engine';
import { compareWithDocs } from './compareOutput';
import { ticksFromMs } from '../../src/engine/types/datetime';

function resultOf(columns: readonly ColumnSchema[], rows: readonly (readonly (number | string | DynamicValue | null)[])[]): ResultTable {
  const table = tableFromRows('PrimaryResult', columns, rows);
  return { name: table.name, columns: table.schema, data: table.columns, rowCount: table.rowCount };
}

describe('compareWithDocs', () => {
  const table = resultOf(
    [
      { name: 'n', type: 'long' },
      { name: 'r', type: 'real' },
      { name: 's', type: 'string' },
    ],
    [
      [1, 2.345678, 'a'],
      [2, null, ''],
    ],
  );

  it('accepts numbers shown with fewer digits and empty cells for nulls', () => {
    expect(compareWithDocs(table, ['n', 'r', 's'], [['1', '2.35', 'a'], ['2', '', '']])).toEqual({ ok: true });
  });

  it('accepts rows in another order (summarize output is unordered)', () => {
    expect(compareWithDocs(table, ['n', 'r', 's'], [['2', '', ''], ['1', '2.345678', 'a']])).toEqual({ ok: true });
  });

  it('rejects a wrong value, naming the row', () => {
    const verdict = compareWithDocs(table, ['n', 'r', 's'], [['1', '2.4', 'a'], ['2', '', '']]);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toContain('row 1');
  });

  it('rejects other column names and row counts', () => {
    expect(compareWithDocs(table, ['n', 'x', 's'], [['1', '2.35', 'a'], ['2', '', '']]).ok).toBe(false);
    expect(compareWithDocs(table, ['n', 'r', 's'], [['1', '2.35', 'a']]).ok).toBe(false);
  });

  it('reads datetimes, timespans and dynamic values as the docs print them', () => {
    const t = resultOf(
      [
        { name: 'd', type: 'datetime' },
        { name: 't', type: 'timespan' },
        { name: 'j', type: 'dynamic' },
      ],
      [[ticksFromMs(Date.UTC(2024, 0, 2, 3, 4, 5)), 90 * 60 * 10_000_000, { a: [1, 'x'] }]],
    );
    expect(compareWithDocs(t, ['d', 't', 'j'], [['2024-01-02 03:04:05.0000000', '01:30:00', '{"a": [1, "x"]}']])).toEqual({ ok: true });
    expect(compareWithDocs(t, ['d', 't', 'j'], [['2024-01-02T03:04:06Z', '01:30:00', '{"a":[1,"x"]}']]).ok).toBe(false);
  });

  it('reads a string cell as rendered markdown: no edge spaces, runs of whitespace as one space', () => {
    const t = resultOf([{ name: 's', type: 'string' }], [['  two  spaces\n and a line  ']]);
    expect(compareWithDocs(t, ['s'], [['two spaces and a line']])).toEqual({ ok: true });
    expect(compareWithDocs(t, ['s'], [['two spaces anda line']]).ok).toBe(false);
  });

  it('accepts a string printed as a JSON string literal, but not other quoting', () => {
    const t = resultOf([{ name: 's', type: 'string' }], [['abc']]);
    expect(compareWithDocs(t, ['s'], [['"abc"']])).toEqual({ ok: true });
    expect(compareWithDocs(t, ['s'], [["'abc'"]]).ok).toBe(false);
    expect(compareWithDocs(t, ['s'], [['"abd"']]).ok).toBe(false);
  });

  it('reads a nested object the page printed inside quotes', () => {
    const t = resultOf([{ name: 'j', type: 'dynamic' }], [[{ a: 'x', q: { k: 'v' } }]]);
    expect(compareWithDocs(t, ['j'], [['{"a":"x", "q":"{"k":"v"}"}']])).toEqual({ ok: true });
    expect(compareWithDocs(t, ['j'], [['{"a":"x", "q":"{"k":"w"}"}']]).ok).toBe(false);
  });

  it('compares an array printed without quotes by its bare text', () => {
    const t = resultOf([{ name: 'j', type: 'dynamic' }], [[['yes', 'no']]]);
    expect(compareWithDocs(t, ['j'], [['[yes, no]']])).toEqual({ ok: true });
    expect(compareWithDocs(t, ['j'], [['[yes, yes]']]).ok).toBe(false);
  });
});

describe('relaxedToJson', () => {
  it("reads Kusto's relaxed dynamic syntax as JSON", async () => {
    const { relaxedToJson } = await import('./compareOutput');
    expect(JSON.parse(relaxedToJson("{'a': 1,'b': '2','c': TRUE}"))).toEqual({ a: 1, b: '2', c: true });
    expect(JSON.parse(relaxedToJson(`['it"s', "x'y"]`))).toEqual(['it"s', "x'y"]);
  });
});
