import { describe, expect, it } from 'vitest';
import type { MvExpandOperator, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import { tableFromRows } from '../table/builder';
import { catalogOf } from '../table/table';
import { rowsOf } from '../table/rows';
import { NEVER_CANCELLED } from '../cancel';
import { executePlan } from './index';
import { col, lit, pipe, tableRef } from './planBuilders';

const SCHEMA: ColumnSchema[] = [
  { name: 'Id', type: 'long' },
  { name: 'Tags', type: 'dynamic' },
];
const catalog = catalogOf([
  tableFromRows('T', SCHEMA, [[1, ['a', 'b']], [2, []], [3, null], [4, { k: 'v', w: 1 }]]),
]);
const T = tableRef('T', SCHEMA);

function expand(operator: Omit<MvExpandOperator, 'op'>, schema: ColumnSchema[]): unknown[][] {
  const body: Tabular = pipe(T, { op: 'mv-expand', ...operator }, schema);
  return rowsOf(executePlan({ body }, catalog, { now: 0, cancel: NEVER_CANCELLED }).tables[0]);
}

describe('mv-expand', () => {
  it('repeats the other columns for each element and numbers the elements', () => {
    const rows = expand(
      { expansions: [{ name: 'Tags', expr: col('Tags', 'dynamic'), type: 'dynamic' }], bagAsArray: false, itemIndex: 'i', limit: null },
      [...SCHEMA, { name: 'i', type: 'long' }],
    );
    expect(rows).toEqual([[1, 'a', 0], [1, 'b', 1], [3, null, 0], [4, { k: 'v' }, 0], [4, { w: 1 }, 1]]);
  });

  it('gives bags as key-value arrays with kind=array, capped by limit', () => {
    const rows = expand(
      { expansions: [{ name: 'Tags', expr: col('Tags', 'dynamic'), type: 'dynamic' }], bagAsArray: true, itemIndex: null, limit: lit(1, 'long') },
      SCHEMA,
    );
    expect(rows).toEqual([[1, 'a'], [3, null], [4, ['k', 'v']]]);
  });

  it('casts elements to the target type, nulling the others', () => {
    const rows = expand(
      { expansions: [{ name: 'N', expr: lit([1, 'x', 2.5, true], 'dynamic'), type: 'long' }], bagAsArray: false, itemIndex: null, limit: null },
      [{ name: 'Id', type: 'long' }, { name: 'N', type: 'long' }],
    );
    expect(rows.filter((r) => r[0] === 1)).toEqual([[1, 1], [1, null], [1, null], [1, null]]);
  });
});
