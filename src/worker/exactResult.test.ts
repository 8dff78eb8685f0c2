/** Results holding exact 64-bit longs keep every digit in exports, searches and grid sorting. */
import { describe, expect, it } from 'vitest';
import { runQuery } from '../engine';
import type { ResultTable } from '../engine';
import { catalogOf } from '../engine/table/table';
import { exportResult } from './resultExport';
import { viewPositions } from './resultView';

function result(text: string): ResultTable {
  const outcome = runQuery(text, catalogOf([]), { now: Date.UTC(2024, 0, 15) });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.tables[0];
}

const table = result('union (print h = 9007199254740993, k = 1), (print h = 9007199254740992, k = 2), (print h = hash("World"), k = 3)');

describe('a result of exact longs', () => {
  it('exports CSV and JSON with all digits', async () => {
    const csv = await exportResult(table, null, 'csv').text();
    expect(csv.split('\r\n').slice(0, 4)).toEqual(['h,k', '9007199254740993,1', '9007199254740992,2', '1846988464401551951,3']);
    const json = await exportResult(table, null, 'json').text();
    expect(json).toContain('"h":9007199254740993,"k":1');
    expect(json).toContain('"h":1846988464401551951,"k":3');
  });

  it('sorts and searches the grid by the exact values', () => {
    expect(Array.from(viewPositions(table, { sort: { column: 0, descending: false }, search: '' }) ?? [])).toEqual([1, 0, 2]);
    expect(Array.from(viewPositions(table, { sort: null, search: '740993' }) ?? [])).toEqual([0]);
  });
});
