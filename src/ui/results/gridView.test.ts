import { describe, expect, it } from 'vitest';
import type { ResultTable } from '../../engine';
import { createCellFormatter } from './formatCell';
import { exportFileName, inRange, moveItem, nextSort, rangeOf, rangeToTsv, rowToJson } from './gridView';
import { datetimeTicksOfMs } from '../../state/datetimeTicks';

const table: ResultTable = {
  name: 'PrimaryResult',
  columns: [
    { name: 'When', type: 'datetime' },
    { name: 'Name', type: 'string' },
    { name: 'Size', type: 'long' },
    { name: 'Props', type: 'dynamic' },
  ],
  data: [
    { kind: 'number', type: 'datetime', data: new Float64Array([datetimeTicksOfMs(Date.UTC(2024, 0, 1)), datetimeTicksOfMs(Date.UTC(2024, 0, 2))]), nulls: null, length: 2 },
    { kind: 'string', type: 'string', codes: new Int32Array([0, 1]), dict: ['a\tb', 'c'], length: 2 },
    { kind: 'number', type: 'long', data: new Float64Array([5, 0]), nulls: new Uint8Array([0, 1]), length: 2 },
    { kind: 'dynamic', type: 'dynamic', values: [{ k: [1, 2] }, null], length: 2 },
  ],
  rowCount: 2,
};
const formatter = createCellFormatter('en');

describe('grid view logic', () => {
  it('cycles a header through ascending, descending and off; another header starts ascending', () => {
    expect(nextSort(null, 2)).toEqual({ column: 2, descending: false });
    expect(nextSort({ column: 2, descending: false }, 2)).toEqual({ column: 2, descending: true });
    expect(nextSort({ column: 2, descending: true }, 2)).toBeNull();
    expect(nextSort({ column: 2, descending: true }, 0)).toEqual({ column: 0, descending: false });
  });

  it('moves a column and clamps the target', () => {
    expect(moveItem([0, 1, 2, 3], 0, 2)).toEqual([1, 2, 0, 3]);
    expect(moveItem([0, 1, 2, 3], 3, -5)).toEqual([3, 0, 1, 2]);
    expect(moveItem([0, 1, 2], 1, 1)).toEqual([0, 1, 2]);
  });

  it('spans a range either way', () => {
    const range = rangeOf({ row: 5, col: 1 }, { row: 2, col: 3 });
    expect(range).toEqual({ rowStart: 2, rowEnd: 5, colStart: 1, colEnd: 3 });
    expect(inRange(range, 2, 3)).toBe(true);
    expect(inRange(range, 6, 2)).toBe(false);
  });

  it('copies a range as tab-separated lines in the shown column order', () => {
    // Shown order: Size, Name, When (Props hidden).
    expect(rangeToTsv(table, [2, 1, 0], { rowStart: 0, rowEnd: 1, colStart: 0, colEnd: 2 }, formatter)).toBe(
      '5\ta b\t2024-01-01T00:00:00.000Z\n\tc\t2024-01-02T00:00:00.000Z',
    );
  });

  it('copies a row as typed JSON', () => {
    expect(JSON.parse(rowToJson(table, [0, 1, 2, 3], 0, formatter))).toEqual({ When: '2024-01-01T00:00:00.000Z', Name: 'a\tb', Size: 5, Props: { k: [1, 2] } });
    expect(JSON.parse(rowToJson(table, [2, 3], 1, formatter))).toEqual({ Size: null, Props: null });
  });

  it('names export files query-results-yyyyMMdd-HHmmss', () => {
    expect(exportFileName(new Date(2024, 2, 5, 7, 8, 9), 'csv')).toBe('query-results-20240305-070809.csv');
  });
});
