import { describe, expect, it } from 'vitest';
import type { Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import { tableFromRows } from '../table/builder';
import { catalogOf } from '../table/table';
import { rowsOf } from '../table/rows';
import { NEVER_CANCELLED } from '../cancel';
import type { CancelSignal } from '../cancel';
import { EngineFailure } from '../errors';
import { parseIsoDatetime } from '../types/datetime';
import { executePlan } from './index';
import { agg, binary, call, col, key, lit, named, pipe, tableRef, unionOf } from './planBuilders';

const T_SCHEMA: ColumnSchema[] = [
  { name: 'Time', type: 'datetime' },
  { name: 'Repo', type: 'string' },
  { name: 'Size', type: 'int' },
  { name: 'Ms', type: 'real' },
];
const t = (iso: string): number => {
  const ticks = parseIsoDatetime(iso);
  if (ticks === null) throw new Error(iso);
  return ticks;
};
const T_ROWS = [
  [t('2024-05-01T10:15:00Z'), 'alpha', 10, 1.5],
  [t('2024-05-01T10:45:00Z'), 'beta', null, 2.5],
  [t('2024-05-01T11:05:00Z'), 'alpha', 30, null],
  [t('2024-05-01T12:00:00Z'), 'gamma', 5, 4],
];
const catalog = catalogOf([
  tableFromRows('T', T_SCHEMA, T_ROWS),
  tableFromRows('U', [{ name: 'Repo', type: 'string' }, { name: 'Extra', type: 'long' }], [['delta', 7]]),
  tableFromRows('Empty', T_SCHEMA, []),
]);
const T = tableRef('T', T_SCHEMA);
const NOW = Date.UTC(2024, 4, 2);

function run(body: Tabular, cancel: CancelSignal = NEVER_CANCELLED) {
  const { tables, render } = executePlan({ body }, catalog, { now: NOW, cancel });
  expect(tables).toHaveLength(1);
  expect(tables[0].name).toBe('PrimaryResult');
  return { rows: rowsOf(tables[0]), columns: tables[0].columns, render, table: tables[0] };
}

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof EngineFailure) return e.error.code;
    throw e;
  }
  return 'no error';
}

describe('where', () => {
  it('keeps only rows where the predicate is true (null drops)', () => {
    const { rows } = run(pipe(T, { op: 'where', predicate: binary('>', col('Size', 'int'), lit(7, 'long')) }));
    expect(rows.map((r) => r[1])).toEqual(['alpha', 'alpha']);
  });
  it('applies conjunctions in turn and keeps other columns aligned', () => {
    const predicate = binary('and', binary('==', col('Repo', 'string'), lit('alpha', 'string')), binary('<', col('Ms', 'real'), lit(2, 'real')));
    const { rows } = run(pipe(T, { op: 'where', predicate }));
    expect(rows).toEqual([[t('2024-05-01T10:15:00Z'), 'alpha', 10, 1.5]]);
  });
  it('chains selections (where after where after sort)', () => {
    const sorted = pipe(T, { op: 'sort', by: [key(col('Time', 'datetime'), true)] });
    const w1 = pipe(sorted, { op: 'where', predicate: binary('!=', col('Repo', 'string'), lit('beta', 'string')) });
    const w2 = pipe(w1, { op: 'where', predicate: binary('>=', col('Size', 'int'), lit(10, 'long')) });
    expect(run(w2).rows.map((r) => r[2])).toEqual([30, 10]);
  });
  it('works on an empty table', () => {
    const { rows, columns } = run(pipe(tableRef('Empty', T_SCHEMA), { op: 'where', predicate: lit(true, 'bool') }));
    expect(rows).toEqual([]);
    expect(columns.map((c) => c.name)).toEqual(['Time', 'Repo', 'Size', 'Ms']);
  });
});

describe('project and extend', () => {
  it('projects, renames and computes columns with the binder types', () => {
    const schema: ColumnSchema[] = [{ name: 'R', type: 'string' }, { name: 'Double', type: 'long' }];
    const plan = pipe(T, { op: 'project', columns: [named('R', col('Repo', 'string')), named('Double', binary('*', col('Size', 'int'), lit(2, 'long'), 'long'))] }, schema);
    const { rows, columns } = run(plan);
    expect(columns).toEqual(schema);
    expect(rows).toEqual([['alpha', 20], ['beta', null], ['alpha', 60], ['gamma', 10]]);
  });
  it('extend appends columns, later ones can use earlier ones, constants broadcast', () => {
    const schema = [...T_SCHEMA, { name: 'A', type: 'long' as const }, { name: 'B', type: 'long' as const }, { name: 'C', type: 'string' as const }];
    const plan = pipe(
      pipe(T, { op: 'where', predicate: binary('==', col('Repo', 'string'), lit('alpha', 'string')) }),
      { op: 'extend', columns: [named('A', binary('+', col('Size', 'int'), lit(1, 'long'), 'long')), named('B', binary('*', col('A', 'long'), lit(10, 'long'), 'long')), named('C', lit('k', 'string'))] },
      schema,
    );
    expect(run(plan).rows.map((r) => r.slice(4))).toEqual([[11, 110, 'k'], [31, 310, 'k']]);
  });
  it('extend with an existing name replaces the column in place', () => {
    const plan = pipe(T, { op: 'extend', columns: [named('Size', binary('-', col('Size', 'int'), lit(1, 'long'), 'long'))] }, [
      T_SCHEMA[0], T_SCHEMA[1], { name: 'Size', type: 'long' }, T_SCHEMA[3],
    ]);
    expect(run(plan).rows.map((r) => r[2])).toEqual([9, null, 29, 4]);
  });
});

describe('summarize', () => {
  const schema: ColumnSchema[] = [
    { name: 'Repo', type: 'string' }, { name: 'count_', type: 'long' }, { name: 'sum_Size', type: 'long' },
    { name: 'avg_Size', type: 'real' }, { name: 'min_Ms', type: 'real' }, { name: 'max_Time', type: 'datetime' },
    { name: 'dcount_Size', type: 'long' }, { name: 'countif_', type: 'long' },
  ];
  const aggregates = [
    agg('count', 'count_', 'long'),
    agg('sum', 'sum_Size', 'long', col('Size', 'int')),
    agg('avg', 'avg_Size', 'real', col('Size', 'int')),
    agg('min', 'min_Ms', 'real', col('Ms', 'real')),
    agg('max', 'max_Time', 'datetime', col('Time', 'datetime')),
    agg('dcount', 'dcount_Size', 'long', col('Size', 'int')),
    agg('countif', 'countif_', 'long', binary('>', col('Ms', 'real'), lit(2, 'real'))),
  ];
  it('groups by a string column in first-appearance order; nulls are ignored by aggregates (an all-null group: sum 0, avg NaN)', () => {
    const { rows, columns } = run(pipe(T, { op: 'summarize', aggregates, by: [named('Repo', col('Repo', 'string'))] }, schema));
    expect(columns).toEqual(schema);
    expect(rows).toEqual([
      ['alpha', 2, 40, 20, 1.5, t('2024-05-01T11:05:00Z'), 2, 0],
      ['beta', 1, 0, NaN, 2.5, t('2024-05-01T10:45:00Z'), 0, 1],
      ['gamma', 1, 5, 5, 4, t('2024-05-01T12:00:00Z'), 1, 1],
    ]);
  });
  it('groups by a computed key: bin(Time, 1h)', () => {
    const hour = 36_000_000_000;
    const plan = pipe(T, {
      op: 'summarize',
      aggregates: [agg('count', 'count_', 'long')],
      by: [named('Time', call('bin', 'datetime', col('Time', 'datetime'), lit(hour, 'timespan')))],
    }, [{ name: 'Time', type: 'datetime' }, { name: 'count_', type: 'long' }]);
    expect(run(plan).rows).toEqual([[t('2024-05-01T10:00:00Z'), 2], [t('2024-05-01T11:00:00Z'), 1], [t('2024-05-01T12:00:00Z'), 1]]);
  });
  it('groups by two keys including a numeric key with nulls', () => {
    const plan = pipe(T, {
      op: 'summarize',
      aggregates: [agg('count', 'n', 'long')],
      by: [named('Repo', col('Repo', 'string')), named('Size', col('Size', 'int'))],
    }, [{ name: 'Repo', type: 'string' }, { name: 'Size', type: 'int' }, { name: 'n', type: 'long' }]);
    expect(run(plan).rows).toEqual([['alpha', 10, 1], ['beta', null, 1], ['alpha', 30, 1], ['gamma', 5, 1]]);
  });
  it('without keys gives one row even for an empty input; with keys, none', () => {
    const empty = tableRef('Empty', T_SCHEMA);
    const noKeys = pipe(empty, { op: 'summarize', aggregates: [agg('count', 'count_', 'long'), agg('sum', 'sum_Size', 'long', col('Size', 'int'))], by: [] }, [
      { name: 'count_', type: 'long' }, { name: 'sum_Size', type: 'long' },
    ]);
    // Docs (summarize-operator, "Default values of aggregations"): sum of nothing is 0.
    expect(run(noKeys).rows).toEqual([[0, 0]]);
    const withKeys = pipe(empty, { op: 'summarize', aggregates: [agg('count', 'count_', 'long')], by: [named('Repo', col('Repo', 'string'))] }, [
      { name: 'Repo', type: 'string' }, { name: 'count_', type: 'long' },
    ]);
    expect(run(withKeys).rows).toEqual([]);
  });
  it('reports an unknown aggregate as not supported', () => {
    const plan = pipe(T, { op: 'summarize', aggregates: [agg('no_such_aggregate', 'p', 'real', col('Ms', 'real'))], by: [] }, [{ name: 'p', type: 'real' }]);
    expect(errorCode(() => run(plan))).toBe('E_UNSUPPORTED');
  });
});

describe('sort, top, take', () => {
  it('sorts ascending with nulls first and descending with nulls last', () => {
    expect(run(pipe(T, { op: 'sort', by: [key(col('Size', 'int'), false)] })).rows.map((r) => r[2])).toEqual([null, 5, 10, 30]);
    expect(run(pipe(T, { op: 'sort', by: [key(col('Size', 'int'), true)] })).rows.map((r) => r[2])).toEqual([30, 10, 5, null]);
    expect(run(pipe(T, { op: 'sort', by: [key(col('Size', 'int'), true, true)] })).rows.map((r) => r[2])).toEqual([null, 30, 10, 5]);
  });
  it('sorts strings ordinally and by several keys', () => {
    const plan = pipe(T, { op: 'sort', by: [key(col('Repo', 'string'), true), key(col('Size', 'int'), false)] });
    expect(run(plan).rows.map((r) => [r[1], r[2]])).toEqual([['gamma', 5], ['beta', null], ['alpha', 10], ['alpha', 30]]);
  });
  it('top takes the first N in order; take the first N rows', () => {
    expect(run(pipe(T, { op: 'top', count: lit(2, 'long'), by: [key(col('Ms', 'real'), true)] })).rows.map((r) => r[3])).toEqual([4, 2.5]);
    expect(run(pipe(T, { op: 'take', count: lit(3, 'long') })).rows.map((r) => r[1])).toEqual(['alpha', 'beta', 'alpha']);
    expect(run(pipe(T, { op: 'take', count: lit(100, 'long') })).rows).toHaveLength(4);
    expect(run(pipe(T, { op: 'take', count: lit(0, 'long') })).rows).toEqual([]);
  });
});

describe('count, distinct, union, render', () => {
  it('count gives one long column', () => {
    const plan = pipe(pipe(T, { op: 'where', predicate: binary('==', col('Repo', 'string'), lit('alpha', 'string')) }), { op: 'count' }, [{ name: 'Count', type: 'long' }]);
    const { rows, columns } = run(plan);
    expect(columns).toEqual([{ name: 'Count', type: 'long' }]);
    expect(rows).toEqual([[2]]);
  });
  it('distinct keeps each combination once', () => {
    const plan = pipe(T, { op: 'distinct', columns: [named('Repo', col('Repo', 'string'))] }, [{ name: 'Repo', type: 'string' }]);
    expect(run(plan).rows).toEqual([['alpha'], ['beta'], ['gamma']]);
  });
  it('union of tables with different columns fills the missing ones with nulls, rows in input order', () => {
    const schema: ColumnSchema[] = [{ name: 'Repo', type: 'string' }, { name: 'Size', type: 'int' }, { name: 'Extra', type: 'long' }];
    const left = pipe(T, { op: 'project', columns: [named('Repo', col('Repo', 'string')), named('Size', col('Size', 'int'))] }, schema.slice(0, 2));
    const plan = pipe(left, { op: 'union', others: [tableRef('U', [{ name: 'Repo', type: 'string' }, { name: 'Extra', type: 'long' }])] }, schema);
    expect(run(plan).rows).toEqual([['alpha', 10, null], ['beta', null, null], ['alpha', 30, null], ['gamma', 5, null], ['delta', null, 7]]);
    const asSource = unionOf([tableRef('U', [{ name: 'Repo', type: 'string' }, { name: 'Extra', type: 'long' }]), left], schema);
    expect(run(asSource).rows[0]).toEqual(['delta', null, 7]);
  });
  it('union names type-conflicting columns Name_type', () => {
    const other = pipe(tableRef('U', [{ name: 'Repo', type: 'string' }, { name: 'Extra', type: 'long' }]), { op: 'project', columns: [named('Size', col('Repo', 'string'))] }, [{ name: 'Size', type: 'string' }]);
    const left = pipe(T, { op: 'project', columns: [named('Size', col('Size', 'int'))] }, [{ name: 'Size', type: 'int' }]);
    const plan = pipe(left, { op: 'union', others: [other] }, [{ name: 'Size_int', type: 'int' }, { name: 'Size_string', type: 'string' }]);
    expect(run(plan).rows).toEqual([[10, ''], [null, ''], [30, ''], [5, ''], [null, 'delta']]);
  });
  it('render passes rows through and returns the spec', () => {
    const spec = { visualization: 'timechart', properties: { title: 'x' } };
    const { rows, render } = run(pipe(T, { op: 'render', spec }));
    expect(rows).toHaveLength(4);
    expect(render).toEqual(spec);
  });
});

describe('errors and cancellation', () => {
  it('a missing table is a runtime error', () => {
    expect(errorCode(() => run(tableRef('Nope', T_SCHEMA)))).toBe('E_RUNTIME');
  });
  it('an unknown function is not supported', () => {
    const plan = pipe(T, { op: 'extend', columns: [named('x', call('no_such_fn', 'long'))] }, [...T_SCHEMA, { name: 'x', type: 'long' }]);
    expect(errorCode(() => run(plan))).toBe('E_UNSUPPORTED');
  });
  it('a signal that has fired stops the run with E_CANCELLED', () => {
    expect(errorCode(() => run(T, { isCancelled: () => true }))).toBe('E_CANCELLED');
  });
  it('a signal firing mid-run stops a long loop', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [i % 1000, `k${i % 5000}`]);
    const big = catalogOf([tableFromRows('Big', [{ name: 'n', type: 'long' }, { name: 's', type: 'string' }], rows)]);
    let polls = 0;
    const cancel = { isCancelled: () => ++polls > 3 };
    const plan = pipe(tableRef('Big', [{ name: 'n', type: 'long' }, { name: 's', type: 'string' }]), {
      op: 'summarize', aggregates: [agg('dcount', 'd', 'long', col('s', 'string'))], by: [named('n', col('n', 'long'))],
    }, [{ name: 'n', type: 'long' }, { name: 'd', type: 'long' }]);
    let code = 'no error';
    try {
      executePlan({ body: plan }, big, { now: NOW, cancel });
    } catch (e) {
      code = e instanceof EngineFailure ? e.error.code : String(e);
    }
    expect(code).toBe('E_CANCELLED');
    expect(polls).toBeGreaterThan(3);
  });
});

describe('result columns', () => {
  it('string results carry only the dictionary entries they use', () => {
    const plan = pipe(T, { op: 'where', predicate: binary('==', col('Repo', 'string'), lit('gamma', 'string')) });
    const column = run(plan).table.data[1];
    expect(column.kind === 'string' ? column.dict : null).toEqual(['gamma']);
  });
});
