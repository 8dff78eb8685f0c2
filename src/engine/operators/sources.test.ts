import { describe, expect, it } from 'vitest';
import type { QueryPlan, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import { catalogOf } from '../table/table';
import { rowsOf } from '../table/rows';
import { NEVER_CANCELLED } from '../cancel';
import { EngineFailure } from '../errors';
import { TICKS_PER_HOUR } from '../types/scalarType';
import { executePlan } from './index';
import { lit, named } from './planBuilders';
import { rangeLength } from './range';
import { executeStatements, sharedResult } from './statements';

const SPAN = { start: 0, length: 0 };
const catalog = catalogOf([]);

function source(source: Extract<Tabular, { kind: 'source' }>['source'], schema: ColumnSchema[]): Tabular {
  return { kind: 'source', source, schema, span: SPAN };
}

function rows(body: Tabular): unknown[][] {
  return rowsOf(executePlan({ body }, catalog, { now: 0, cancel: NEVER_CANCELLED }).tables[0]);
}

describe('print', () => {
  it('gives one row of the evaluated expressions', () => {
    const body = source({ op: 'print', columns: [named('a', lit(1, 'long')), named('b', lit('x', 'string'))] }, [
      { name: 'a', type: 'long' }, { name: 'b', type: 'string' },
    ]);
    expect(rows(body)).toEqual([[1, 'x']]);
  });
});

describe('range', () => {
  const range = (from: number, to: number, step: number, type: 'long' | 'real' | 'datetime' = 'long'): unknown[][] =>
    rows(source({ op: 'range', from: lit(from, type), to: lit(to, type), step: lit(step, type === 'datetime' ? 'timespan' : type) }, [{ name: 'x', type }]));

  it('counts up and down, inclusive of the end', () => {
    expect(range(1, 7, 3)).toEqual([[1], [4], [7]]);
    expect(range(3, -3, -3)).toEqual([[3], [0], [-3]]);
  });

  it('is empty when the step leads away from the end', () => {
    expect(range(1, 5, -1)).toEqual([]);
    expect(range(5, 1, 1)).toEqual([]);
  });

  it('steps datetimes by a timespan', () => {
    expect(range(0, 2 * TICKS_PER_HOUR, TICKS_PER_HOUR, 'datetime')).toEqual([[0], [TICKS_PER_HOUR], [2 * TICKS_PER_HOUR]]);
  });

  it('adds the step the way Kusto does for reals', () => {
    // 0.1 + 0.1 + 0.1 is 0.30000000000000004, which is past 0.3.
    expect(rangeLength(0, 0.3, 0.1, SPAN)).toBe(3);
    expect(rangeLength(0, 1, 0.25, SPAN)).toBe(5);
  });

  it('rejects a zero step and refuses more rows than it can hold', () => {
    expect(() => rangeLength(1, 2, 0, SPAN)).toThrow(EngineFailure);
    expect(() => rangeLength(0, 1e12, 1, SPAN)).toThrow(/more than/);
  });
});

describe('datatable', () => {
  it('fills typed columns row by row, nulls included', () => {
    const body = source({
      op: 'datatable',
      values: [lit(1, 'long'), lit('a', 'string'), lit(true, 'bool'), lit(null, 'long'), lit('', 'string'), lit(null, 'bool')],
    }, [{ name: 'n', type: 'long' }, { name: 's', type: 'string' }, { name: 'b', type: 'bool' }]);
    expect(rows(body)).toEqual([[1, 'a', true], [null, '', null]]);
  });

  it('stores a long value in a real column as real', () => {
    const body = source({ op: 'datatable', values: [lit(2, 'long')] }, [{ name: 'r', type: 'real' }]);
    const table = executePlan({ body }, catalog, { now: 0, cancel: NEVER_CANCELLED }).tables[0];
    expect(table.data[0].type).toBe('real');
    expect(rowsOf(table)).toEqual([[2]]);
  });
});

describe('shared nodes and statements', () => {
  it('computes a shared node once per run and again in the next run', () => {
    const node = source({ op: 'print', columns: [] }, []);
    let computed = 0;
    const plan: QueryPlan = { body: node, statements: [{ body: node, name: 'A' }, { body: node, name: 'B' }] };
    const executeOne = (): { tables: [] } => {
      sharedResult(node, () => computed++);
      sharedResult(node, () => computed++);
      return { tables: [] };
    };
    executeStatements(plan, catalog, null, executeOne);
    expect(computed).toBe(1);
    executeStatements(plan, catalog, null, executeOne);
    expect(computed).toBe(2);
  });

  it('names the result tables as the plan says', () => {
    const one = source({ op: 'print', columns: [named('a', lit(1, 'long'))] }, [{ name: 'a', type: 'long' }]);
    const result = executePlan({ body: one, statements: [{ body: one, name: 'First' }, { body: one, name: 'Second' }] }, catalog, { now: 0, cancel: NEVER_CANCELLED });
    expect(result.tables.map((t) => [t.name, t.rowCount])).toEqual([['First', 1], ['Second', 1]]);
  });
});
