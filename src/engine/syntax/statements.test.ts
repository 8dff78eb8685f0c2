import { describe, expect, it } from 'vitest';
import type { Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import { tableFromRows } from '../table/builder';
import { catalogOf } from '../table/table';
import { rowsOf } from '../table/rows';
import { runQuery } from '../index';
import type { QuerySuccess } from '../result';
import { lowerQuery } from './index';
import { SUPPORTED_QUERY_OPERATORS } from './supportedOperators';

const SCHEMA: ColumnSchema[] = [
  { name: 'Name', type: 'string' },
  { name: 'Size', type: 'long' },
];
const catalog = catalogOf([tableFromRows('T', SCHEMA, [['a', 1], ['b', 2], ['c', 3]])]);

function ok(text: string): QuerySuccess {
  const outcome = runQuery(text, catalog, { now: Date.UTC(2024, 0, 1) });
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome;
}

function errorOf(text: string): { code: string; at: string } {
  const outcome = runQuery(text, catalog, { now: 0 });
  if (outcome.ok) throw new Error('expected an error');
  const span = outcome.error.span;
  return { code: outcome.error.code, at: span === null ? '' : text.slice(span.start, span.start + span.length) };
}

describe('batches', () => {
  it('names a single result PrimaryResult and batch results Table_<i>', () => {
    expect(ok('T | count').tables.map((t) => t.name)).toEqual(['PrimaryResult']);
    expect(ok('T | count; print x = 1; T | take 1').tables.map((t) => t.name)).toEqual(['Table_0', 'Table_1', 'Table_2']);
  });

  it('names a result after a final as', () => {
    expect(ok('T | count | as Total; T | take 1').tables.map((t) => t.name)).toEqual(['Total', 'Table_1']);
    expect(ok('T | count | as Total').tables.map((t) => t.name)).toEqual(['Total']);
  });

  it('keeps each statement\'s rows and the render of the last statement that renders', () => {
    const result = ok('T | summarize n = count() by Name | render columnchart; T | take 2 | render piechart; print x = 1');
    expect(result.tables.map((t) => t.rowCount)).toEqual([3, 2, 1]);
    expect(result.render?.visualization).toBe('piechart');
  });
});

describe('let values in the plan', () => {
  it('reuses one shared node for every reference of a tabular let', () => {
    const plan = lowerQuery('let X = T | where Size > 1; X | union X', catalog);
    const body = plan.body;
    if (body.kind !== 'pipe' || body.operator.op !== 'union') throw new Error(`unexpected plan ${body.kind}`);
    const left: Tabular = body.input;
    const right: Tabular = body.operator.others[0];
    expect(left.kind).toBe('shared');
    expect(right).toBe(left);
  });

  it('lists each toscalar sub-query once with its id', () => {
    const plan = lowerQuery('let m = toscalar(T | summarize max(Size)); T | where Size == m or Size == m - 1', catalog);
    expect(plan.scalars?.map((s) => s.id)).toEqual([0]);
  });

  it('evaluates toscalar in a predicate', () => {
    expect(rowsOf(ok('T | where Size == toscalar(T | summarize max(Size)) | project Name').tables[0])).toEqual([['c']]);
  });
});

describe('user functions', () => {
  it('expands a function at each call with its own arguments', () => {
    const rows = rowsOf(ok('let f = (x:long, y:long = 100) { x * y }; T | project a = f(Size), b = f(Size, 2)').tables[0]);
    expect(rows).toEqual([[100, 2], [200, 4], [300, 6]]);
  });

  it('passes a table to a tabular parameter, keeping its columns', () => {
    const table = ok('let big = (R:(Size:long)) { R | where Size >= 2 }; big(T)').tables[0];
    expect(table.columns.map((c) => c.name)).toEqual(['Name', 'Size']);
    expect(rowsOf(table)).toEqual([['b', 2], ['c', 3]]);
  });

  it('points an unsupported construct inside a function at the function text', () => {
    const text = 'let f = (R:(Name:string)) { R | reduce by Name }; f(T)';
    expect(errorOf(text)).toEqual({ code: 'E_UNSUPPORTED', at: 'reduce' });
  });

  it('still reports statements it cannot run', () => {
    expect(errorOf('set query_now = datetime(2020-01-01); T')).toEqual({ code: 'E_UNSUPPORTED', at: 'query_now' });
    expect(errorOf('let x = 1;').code).toBe('E_ANALYSIS');
  });
});

describe('SUPPORTED_QUERY_OPERATORS', () => {
  const samples: Record<string, string> = {
    print: 'print 1', range: 'range x from 1 to 2 step 1', datatable: 'datatable(a:long)[1]', union: 'union T, T',
    where: 'T | where Size > 1', filter: 'T | filter Size > 1', project: 'T | project Name', extend: 'T | extend z = 1',
    'project-away': 'T | project-away Name', 'project-keep': 'T | project-keep Name', 'project-rename': 'T | project-rename N = Name',
    'project-reorder': 'T | project-reorder Size', serialize: 'T | serialize', as: 'T | as X', getschema: 'T | getschema',
    summarize: 'T | summarize count()', count: 'T | count', distinct: 'T | distinct Name', top: 'T | top 1 by Size',
    take: 'T | take 1', limit: 'T | limit 1', sort: 'T | sort by Size', order: 'T | order by Size',
    join: 'T | join (T) on Name', render: 'T | render table', invoke: 'let f = (R:(*)) { R | take 1 }; T | invoke f()',
    'mv-expand': 'T | extend d = dynamic([1, 2]) | mv-expand d',
  };

  it.each(Object.entries(samples))('%s is listed and runs', (keyword, sample) => {
    expect(SUPPORTED_QUERY_OPERATORS.has(keyword)).toBe(true);
    expect(ok(sample).tables.length).toBe(1);
  });
});
