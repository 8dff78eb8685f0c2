import { describe, expect, test } from 'vitest';
import type { Operator, QueryPlan, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import { tableFromRows } from '../table/builder';
import { catalogOf } from '../table/table';
import { lowerQuery } from './index';

const T: ColumnSchema[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'DurationMs', type: 'string' },
  { name: 'Size', type: 'int' },
  { name: 'Name', type: 'string' },
  { name: 'Bytes', type: 'long' },
];
const U: ColumnSchema[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Other', type: 'string' },
];
const catalog = catalogOf([tableFromRows('T', T, []), tableFromRows('U', U, [])]);

function names(schema: readonly ColumnSchema[]): string[] {
  return schema.map((c) => `${c.name}:${c.type}`);
}

/** The operators of a left-deep pipe, source first. */
function operatorsOf(body: Tabular): Operator[] {
  return body.kind === 'pipe' ? [...operatorsOf(body.input), body.operator] : [];
}

function lastOperator(plan: QueryPlan): Operator {
  if (plan.body.kind !== 'pipe') throw new Error(`expected a pipe, got ${plan.body.kind}`);
  return plan.body.operator;
}

describe('tabular lowering', () => {
  test('a table reference carries the table schema', () => {
    const plan = lowerQuery('T', catalog);
    expect(plan.body).toMatchObject({ kind: 'table', name: 'T', span: { start: 0, length: 1 } });
    expect(plan.body.schema).toEqual(T);
  });

  test('summarize with count, avg and a bin() key gets Kusto names', () => {
    const plan = lowerQuery('T | summarize count(), avg(todouble(DurationMs)) by bin(TimeGenerated, 1h)', catalog);
    expect(names(plan.body.schema)).toEqual(['TimeGenerated:datetime', 'count_:long', 'avg_DurationMs:real']);
    const op = lastOperator(plan);
    if (op.op !== 'summarize') throw new Error(op.op);
    expect(op.by.map((k) => k.name)).toEqual(['TimeGenerated']);
    expect(op.by[0].expr).toMatchObject({ kind: 'call', name: 'bin', type: 'datetime' });
    expect(op.aggregates.map((a) => [a.fn, a.name, a.type])).toEqual([['count', 'count_', 'long'], ['avg', 'avg_DurationMs', 'real']]);
    expect(op.aggregates[1].args[0]).toMatchObject({ kind: 'call', name: 'todouble', args: [{ kind: 'column', name: 'DurationMs' }] });
  });

  test('summarize: every supported aggregate, named aggregates and several keys', () => {
    const plan = lowerQuery(
      'T | summarize n = count(), countif(Size > 1), dcount(Name), sum(Bytes), min(Size), max(TimeGenerated), avg(Size) by Name, k = Size % 2',
      catalog,
    );
    expect(names(plan.body.schema)).toEqual([
      'Name:string', 'k:long', 'n:long', 'countif_:long', 'dcount_Name:long', 'sum_Bytes:long', 'min_Size:int',
      'max_TimeGenerated:datetime', 'avg_Size:real',
    ]);
    const op = lastOperator(plan);
    if (op.op !== 'summarize') throw new Error(op.op);
    expect(op.aggregates.map((a) => a.fn)).toEqual(['count', 'countif', 'dcount', 'sum', 'min', 'max', 'avg']);
    expect(op.by.map((b) => b.name)).toEqual(['Name', 'k']);
    expect(op.by[1].expr).toMatchObject({ kind: 'binary', op: '%' });
  });

  test('summarize without aggregates is a distinct over the keys', () => {
    const op = lastOperator(lowerQuery('T | summarize by Name', catalog));
    expect(op).toMatchObject({ op: 'summarize', aggregates: [], by: [{ name: 'Name' }] });
  });

  test('where keeps the predicate', () => {
    const op = lastOperator(lowerQuery('T | where Size > 3', catalog));
    expect(op).toMatchObject({ op: 'where', predicate: { kind: 'binary', op: '>', left: { kind: 'column', name: 'Size' }, right: { kind: 'literal', value: 3 } } });
  });

  test('project names: plain columns, x = e, and binder names for unnamed expressions', () => {
    const plan = lowerQuery('T | project Name, x = Size + 1, Size * 2, strlen(Name), tostring(Bytes)', catalog);
    expect(names(plan.body.schema)).toEqual(['Name:string', 'x:long', 'Column1:long', 'strlen_Name:long', 'Bytes:string']);
    const op = lastOperator(plan);
    if (op.op !== 'project') throw new Error(op.op);
    expect(op.columns.map((c) => c.name)).toEqual(['Name', 'x', 'Column1', 'strlen_Name', 'Bytes']);
    expect(op.columns[0].expr).toMatchObject({ kind: 'column', name: 'Name' });
    expect(op.columns[4].expr).toMatchObject({ kind: 'call', name: 'tostring' });
  });

  test('extend appends new columns and replaces existing ones in place', () => {
    const plan = lowerQuery('T | extend a = Size + 1, Size = Size * 2, Bytes * 3, tostring(Bytes)', catalog);
    expect(names(plan.body.schema)).toEqual([
      'TimeGenerated:datetime', 'DurationMs:string', 'Size:long', 'Name:string', 'Bytes:string', 'a:long', 'Column1:long',
    ]);
    const op = lastOperator(plan);
    if (op.op !== 'extend') throw new Error(op.op);
    expect(op.columns.map((c) => c.name)).toEqual(['a', 'Size', 'Column1', 'Bytes']);
  });

  test('top N by e with ordering and nulls placement', () => {
    expect(lastOperator(lowerQuery('T | top 5 by Size', catalog))).toMatchObject({
      op: 'top', count: { kind: 'literal', value: 5 }, by: [{ descending: true, nullsFirst: false, expr: { name: 'Size' } }],
    });
    expect(lastOperator(lowerQuery('T | top 5 by Size asc', catalog))).toMatchObject({ by: [{ descending: false, nullsFirst: true }] });
    expect(lastOperator(lowerQuery('T | top 5 by Size desc nulls first', catalog))).toMatchObject({ by: [{ descending: true, nullsFirst: true }] });
    expect(lastOperator(lowerQuery('T | top 5 by Size asc nulls last', catalog))).toMatchObject({ by: [{ descending: false, nullsFirst: false }] });
  });

  test('sort/order by: default desc with nulls last, several keys', () => {
    const op = lastOperator(lowerQuery('T | order by Size, Name asc, Bytes desc nulls first', catalog));
    expect(op).toMatchObject({
      op: 'sort',
      by: [
        { descending: true, nullsFirst: false, expr: { name: 'Size' } },
        { descending: false, nullsFirst: true, expr: { name: 'Name' } },
        { descending: true, nullsFirst: true, expr: { name: 'Bytes' } },
      ],
    });
    expect(lastOperator(lowerQuery('T | sort by Size asc', catalog))).toMatchObject({ op: 'sort', by: [{ descending: false }] });
  });

  test('take and limit', () => {
    expect(lastOperator(lowerQuery('T | take 10', catalog))).toMatchObject({ op: 'take', count: { kind: 'literal', value: 10, type: 'long' } });
    expect(lastOperator(lowerQuery('T | limit 3', catalog))).toMatchObject({ op: 'take', count: { value: 3 } });
  });

  test('count gives the Count column', () => {
    const plan = lowerQuery('T | count', catalog);
    expect(lastOperator(plan)).toEqual({ op: 'count' });
    expect(names(plan.body.schema)).toEqual(['Count:long']);
  });

  test('distinct columns and distinct *', () => {
    const plan = lowerQuery('T | distinct Name, Size', catalog);
    expect(names(plan.body.schema)).toEqual(['Name:string', 'Size:int']);
    expect(lastOperator(plan)).toMatchObject({ op: 'distinct', columns: [{ name: 'Name' }, { name: 'Size' }] });
    const star = lastOperator(lowerQuery('T | distinct *', catalog));
    if (star.op !== 'distinct') throw new Error(star.op);
    expect(star.columns.map((c) => c.name)).toEqual(T.map((c) => c.name));
    expect(star.columns.map((c) => c.expr.kind)).toEqual(T.map(() => 'column'));
    expect(star.columns.map((c) => c.expr.type)).toEqual(T.map((c) => c.type));
  });

  test('union as a source and as a pipe operator; Kusto orders the union columns', () => {
    const source = lowerQuery('union T, U', catalog);
    expect(source.body.kind).toBe('union');
    if (source.body.kind !== 'union') throw new Error();
    expect(source.body.inputs.map((i) => (i.kind === 'table' ? i.name : i.kind))).toEqual(['T', 'U']);
    expect(names(source.body.schema)).toEqual([
      'TimeGenerated:datetime', 'DurationMs:string', 'Size:int', 'Name:string', 'Bytes:long', 'Other:string',
    ]);
    const piped = lowerQuery('T | union kind=outer (U | where Other == "x"), U', catalog);
    const op = lastOperator(piped);
    if (op.op !== 'union') throw new Error(op.op);
    expect(op.others.map((o) => o.kind)).toEqual(['pipe', 'table']);
    expect(names(piped.body.schema)).toEqual(names(source.body.schema));
  });

  test('render keeps the visualization and every property', () => {
    const op = lastOperator(lowerQuery(
      'T | summarize count() by bin(TimeGenerated, 1h), Name | render timechart with (title="Pulls", ycolumns=count_, series=Name, legend=hidden, ymin=1.5, accumulate=true, kind=stacked)',
      catalog,
    ));
    expect(op).toEqual({
      op: 'render',
      spec: {
        visualization: 'timechart',
        properties: { title: 'Pulls', ycolumns: ['count_'], series: ['Name'], legend: 'hidden', ymin: 1.5, accumulate: true, kind: 'stacked' },
      },
    });
    const two = lastOperator(lowerQuery('T | render columnchart with (ycolumns = Size, Bytes, xcolumn = Name)', catalog));
    expect(two).toEqual({ op: 'render', spec: { visualization: 'columnchart', properties: { ycolumns: ['Size', 'Bytes'], xcolumn: 'Name' } } });
    expect(lastOperator(lowerQuery('T | render table', catalog))).toEqual({ op: 'render', spec: { visualization: 'table', properties: {} } });
  });

  test('a pipe chain is left-deep and each node has the binder schema', () => {
    const plan = lowerQuery('T | where Size > 1 | project Name, Size | take 5', catalog);
    expect(operatorsOf(plan.body).map((o) => o.op)).toEqual(['where', 'project', 'take']);
    expect(names(plan.body.schema)).toEqual(['Name:string', 'Size:int']);
    if (plan.body.kind !== 'pipe') throw new Error();
    expect(plan.body.span).toEqual({ start: 'T | where Size > 1 | project Name, Size | '.length, length: 'take 5'.length });
  });

  test('parenthesized tabular expressions and comments are transparent', () => {
    const plan = lowerQuery('// leading comment\n(T | where Size > 1) // trailing\n| count', catalog);
    expect(operatorsOf(plan.body).map((o) => o.op)).toEqual(['where', 'count']);
  });
});
