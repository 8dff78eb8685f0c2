/**
 * `evaluate narrow()` (narrow-plugin.md): every cell of the input becomes one row
 * `Row` (the input row number, from 0), `Column` (the column's name), `Value` (the cell as
 * `tostring` gives it), row by row and, within a row, in column order.
 */
import type { StringColumn } from '../table/column';
import { asText } from '../functions/textVector';
import { POLL_MASK, pollCancel } from '../functions/vector';
import type { Relation, RunContext } from './relation';
import { readColumn } from './relation';

/** Applies `narrow`; the output columns are named `Row`, `Column` and `Value`. */
export function applyNarrow(relation: Relation, run: RunContext): Relation {
  const width = relation.columns.length;
  const count = relation.rowCount * width;
  const ctx = { rowCount: relation.rowCount, nowTicks: run.nowTicks, cancel: run.cancel };
  const texts = relation.columns.map((c) => asText(readColumn(c), ctx));
  // One dictionary for all values: the columns' dictionaries concatenated (duplicates are harmless here).
  const offsets: number[] = [];
  const dict: string[] = [];
  for (const t of texts) {
    offsets.push(dict.length);
    dict.push(...t.dict);
  }
  const rows = new Float64Array(count);
  const names = new Int32Array(count);
  const values = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < relation.rowCount; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(run.cancel);
    for (let j = 0; j < width; j++) {
      rows[k] = i;
      names[k] = j;
      values[k] = offsets[j] + texts[j].codes[i];
      k++;
    }
  }
  const column: StringColumn = { kind: 'string', type: 'string', codes: names, dict: relation.columns.map((c) => c.name), length: count };
  const value: StringColumn = { kind: 'string', type: 'string', codes: values, dict, length: count };
  return {
    rowCount: count,
    columns: [
      { name: 'Row', data: { kind: 'number', type: 'long', data: rows, nulls: null, length: count }, rows: null },
      { name: 'Column', data: column, rows: null },
      { name: 'Value', data: value, rows: null },
    ],
  };
}
