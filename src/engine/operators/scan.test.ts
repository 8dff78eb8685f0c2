import { describe, expect, it } from 'vitest';
import type { ScanOperator, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import { tableFromRows } from '../table/builder';
import { catalogOf } from '../table/table';
import { rowsOf } from '../table/rows';
import { NEVER_CANCELLED } from '../cancel';
import { executePlan } from './index';
import { binary, col, lit, pipe, tableRef } from './planBuilders';
import { scanStateColumn } from './scan';
import { errorCode, query } from '../functions/queryTestKit';

const SCHEMA: ColumnSchema[] = [{ name: 'v', type: 'long' }];
const catalog = catalogOf([tableFromRows('T', SCHEMA, [[5], [null], [7], [1]])]);

function run(op: ScanOperator, schema: ColumnSchema[]): unknown[][] {
  const body: Tabular = pipe(tableRef('T', SCHEMA), op, schema);
  return rowsOf(executePlan({ body }, catalog, { now: 0, cancel: NEVER_CANCELLED }).tables[0]);
}

describe('scan kernel', () => {
  it('reads the previous record of a step through its state column, the default before any', () => {
    const op: ScanOperator = {
      op: 'scan', matchId: 'm',
      declared: [{ name: 'prev', type: 'long', defaultValue: lit(-1, 'long') }],
      steps: [{ name: 's', output: 'all', condition: lit(true, 'bool'), assignments: [{ name: 'prev', expr: col(scanStateColumn(0, 'v'), 'long') }] }],
    };
    // The first record sees an empty state: `s.v` is null (an input column has no default).
    expect(run(op, [...SCHEMA, { name: 'prev', type: 'long' }, { name: 'm', type: 'long' }])).toEqual([
      [5, null, 0], [null, 5, 0], [7, null, 0], [1, 7, 0],
    ]);
  });

  it('outputs nothing for a step with output=none and skips records that match no step', () => {
    const op: ScanOperator = {
      op: 'scan', matchId: null, declared: [],
      steps: [
        { name: 'big', output: 'all', condition: binary('>', col('v', 'long'), lit(4, 'long')), assignments: [] },
        { name: 'small', output: 'none', condition: binary('<', col('v', 'long'), lit(4, 'long')), assignments: [] },
      ],
    };
    expect(run(op, SCHEMA)).toEqual([[5], [7]]);
  });
});

describe('scan lowering', () => {
  it('leaves out the match id column the binder adds when the scan is the result', () => {
    const { types } = query('range x from 1 to 2 step 1 | scan with (step s: true;)');
    expect(types).toEqual(['long']);
  });

  it('keeps that column for the operators after the scan', () => {
    const { rows } = query('range x from 1 to 2 step 1 | scan with (step s: x == 1;) | extend y = x * 10');
    expect(rows).toEqual([[1, 0, 10]]);
  });

  it('rejects what it does not implement', () => {
    expect(errorCode('range x from 1 to 2 step 1 | scan with (step s output=last: true;)')).toBe('E_UNSUPPORTED');
  });
});
