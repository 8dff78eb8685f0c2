import { describe, expect, it } from 'vitest';
import { runQuery } from '../index';
import { tableFromRows } from '../table/builder';
import { catalogOf } from '../table/table';
import { rowsOf } from '../table/rows';
import type { ColumnSchema } from '../table/column';

// The two tables of find-operator.md's "Examples of find output results".
const S1 = 'acbd207d-51aa-4df7-bfa7-be70eb68f04e';
const E1: ColumnSchema[] = [
  { name: 'Session_Id', type: 'string' }, { name: 'Level', type: 'string' }, { name: 'EventText', type: 'string' }, { name: 'Version', type: 'string' },
];
const E2: ColumnSchema[] = [
  { name: 'Session_Id', type: 'string' }, { name: 'Level', type: 'string' }, { name: 'EventText', type: 'string' }, { name: 'EventName', type: 'string' },
];
const catalog = catalogOf([
  tableFromRows('EventsTable1', E1, [
    [S1, 'Information', 'Some Text1', 'v1.0.0'],
    [S1, 'Error', 'Some Text2', 'v1.0.0'],
    ['28b8e46e-3c31-43cf-83cb-48921c3986fc', 'Error', 'Some Text3', 'v1.0.1'],
    ['8f057b11-3281-45c3-a856-05ebb18a3c59', 'Information', 'Some Text4', 'v1.1.0'],
  ]),
  tableFromRows('EventsTable2', E2, [
    ['f7d5f95f-f580-4ea6-830b-5776c8d64fdd', 'Information', 'Some Other Text1', 'Event1'],
    [S1, 'Information', 'Some Other Text2', 'Event2'],
    [S1, 'Error', 'Some Other Text3', 'Event3'],
    ['15eaeab5-8576-4b58-8fc6-478f75d8fee4', 'Error', 'Some Other Text4', 'Event4'],
  ]),
  tableFromRows('Nums', [{ name: 'ProcessId', type: 'long' }, { name: 'Note', type: 'string' }], [[1001, 'a'], [7, 'Some'], [null, 'b']]),
]);

interface Table { name: string; columns: string[]; rows: unknown[][] }

function run(text: string): Table[] {
  const outcome = runQuery(text, catalog, { now: Date.UTC(2024, 0, 1) });
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => `${c.name}:${c.type}`), rows: rowsOf(t) }));
}

function errorOf(text: string): string {
  const outcome = runQuery(text, catalog, { now: 0 });
  return outcome.ok ? 'ok' : `${outcome.error.code}: ${outcome.error.message}`;
}

describe('find', () => {
  it('project-smart: predicate and common columns, the rest packed into pack_ (the page\'s example)', () => {
    const [table] = run(`find Session_Id == '${S1}'`);
    expect(table.columns).toEqual(['source_:string', 'Session_Id:string', 'Level:string', 'EventText:string', 'pack_:dynamic']);
    expect(table.rows).toEqual([
      ['EventsTable1', S1, 'Information', 'Some Text1', { Version: 'v1.0.0' }],
      ['EventsTable1', S1, 'Error', 'Some Text2', { Version: 'v1.0.0' }],
      ['EventsTable2', S1, 'Information', 'Some Other Text2', { EventName: 'Event2' }],
      ['EventsTable2', S1, 'Error', 'Some Other Text3', { EventName: 'Event3' }],
    ]);
  });

  it('project: listed columns only, null where a source lacks one; each source filtered by the columns it has', () => {
    const [table] = run(`find Version == 'v1.0.0' or EventName == 'Event1' project Session_Id, EventText, Version, EventName`);
    expect(table.columns).toEqual(['source_:string', 'Session_Id:string', 'EventText:string', 'Version:string', 'EventName:string']);
    expect(table.rows).toEqual([
      ['EventsTable1', S1, 'Some Text1', 'v1.0.0', ''],
      ['EventsTable1', S1, 'Some Text2', 'v1.0.0', ''],
      ['EventsTable2', 'f7d5f95f-f580-4ea6-830b-5776c8d64fdd', 'Some Other Text1', '', 'Event1'],
    ]);
  });

  it('withsource names the source column; in (...) limits the sources; project c:type converts', () => {
    const [table] = run(`find withsource=From in (Nums, EventsTable1) where ProcessId > 5 project ProcessId:string, Level`);
    expect(table.columns).toEqual(['From:string', 'ProcessId:string', 'Level:string']);
    // EventsTable1 has no column the predicate names: left out.
    expect(table.rows).toEqual([['Nums', '1001', ''], ['Nums', '7', '']]);
  });

  it('a bare term searches every column of every source, through tostring() for non-strings', () => {
    const [table] = run(`find in (Nums, EventsTable2) where "some" project-smart`);
    expect(table.columns.at(0)).toBe('source_:string');
    expect(table.rows.map((r) => r[0])).toEqual(['Nums', 'EventsTable2', 'EventsTable2', 'EventsTable2', 'EventsTable2']);
    const [numbers] = run(`find in (Nums) where * has "1001"`);
    expect(numbers.rows).toEqual([['Nums', 1001, 'a']]);
  });

  it('pack_ keeps null values, and a source with no predicate column is read when the predicate names none', () => {
    const [table] = run(`find in (Nums, EventsTable1) where * has "b"`);
    expect(table.columns).toEqual(['source_:string', 'pack_:dynamic']);
    expect(table.rows).toEqual([['Nums', { ProcessId: null, Note: 'b' }]]);
  });

  it('a wildcard in (...) reads every matching table; an empty match gives no rows', () => {
    const [table] = run(`find in (Events*) where Level == 'Error' and * has "Text3"`);
    expect(table.rows.map((r) => [r[0], r[3]])).toEqual([['EventsTable1', 'Some Text3'], ['EventsTable2', 'Some Other Text3']]);
    expect(run(`find in (EventsTable1) where Level == 'Nothing'`)[0].rows).toEqual([]);
  });
});

describe('fork', () => {
  it('one result table per subquery over the same input, named by name=, by as, or GenericResult', () => {
    const tables = run(`EventsTable1 | where Level == 'Error' | fork (count) Texts=(project EventText) (take 1 | project Version | as Last) (project Level)`);
    expect(tables.map((t) => t.name)).toEqual(['GenericResult', 'Texts', 'Last', 'GenericResult']);
    expect(tables[0].rows).toEqual([[2]]);
    expect(tables[1].rows).toEqual([['Some Text2'], ['Some Text3']]);
    expect(tables[2].rows).toEqual([['v1.0.0']]);
    expect(tables[3].rows).toEqual([['Error'], ['Error']]);
  });

  it('is refused anywhere but as a query\'s last operator', () => {
    expect(errorOf(`let x = EventsTable1 | fork (take 1) (take 2); x`)).toMatch(/E_(UNSUPPORTED|ANALYSIS)/);
  });
});

describe('facet', () => {
  it('the with table first, then count_<column> per value of each column over the whole input', () => {
    const tables = run(`EventsTable2 | facet by Level, EventName with (where Level == 'Error' | project EventText)`);
    expect(tables.map((t) => t.name)).toEqual(['GenericResult', 'Level', 'EventName']);
    expect(tables[0].rows).toEqual([['Some Other Text3'], ['Some Other Text4']]);
    expect(tables[1].columns).toEqual(['Level:string', 'count_Level:long']);
    expect(tables[1].rows).toEqual([['Information', 2], ['Error', 2]]);
    expect(tables[2].rows).toEqual([['Event1', 1], ['Event2', 1], ['Event3', 1], ['Event4', 1]]);
  });

  it('without with: only the column tables; with a bare operator', () => {
    expect(run(`EventsTable1 | facet by Version`).map((t) => [t.name, t.rows])).toEqual([['Version', [['v1.0.0', 2], ['v1.0.1', 1], ['v1.1.0', 1]]]]);
    expect(run(`EventsTable1 | facet by Level with take 1`)[0].rows).toHaveLength(1);
  });
});

describe('top-hitters', () => {
  it('the N most frequent values, most frequent first, named approximate_count_<value>', () => {
    const [table] = run(`EventsTable1 | top-hitters 1 of Version`);
    expect(table.columns).toEqual(['Version:string', 'approximate_count_Version:long']);
    expect(table.rows).toEqual([['v1.0.0', 2]]);
  });

  it('by a summing column: the largest sums, nulls ignored', () => {
    const [table] = run(`Nums | extend k = iff(Note == 'a', 'x', 'y') | top-hitters 5 of k by ProcessId`);
    expect(table.columns).toEqual(['k:string', 'approximate_sum_ProcessId:long']);
    expect(table.rows).toEqual([['x', 1001], ['y', 7]]);
  });

  it('an empty input gives an empty table', () => {
    expect(run(`EventsTable1 | where Level == 'none' | top-hitters 3 of Level`)[0].rows).toEqual([]);
  });
});
