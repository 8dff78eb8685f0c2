import { describe, expect, it } from 'vitest';
import { runQuery } from '../../index';
import { catalogOf } from '../../table/table';
import { rowsOf } from '../../table/rows';

const NOW = Date.UTC(2024, 0, 15, 12);

function run(text: string) {
  const outcome = runQuery(text, catalogOf([]), { now: NOW });
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  const table = outcome.tables[outcome.tables.length - 1];
  return { columns: table.columns.map((c) => `${c.name}:${c.type}`), rows: rowsOf(table) };
}

function errorOf(text: string): string {
  const outcome = runQuery(text, catalogOf([]), { now: NOW });
  return outcome.ok ? 'ok' : `${outcome.error.code}: ${outcome.error.message}`;
}

const GEO = `let Geo = datatable(network:string, country:string, ip:string)[
  "10.0.0.0/8", "A", "x",
  "10.1.0.0/16", "B", "y",
  "10.1.2.3", "C", "z",
  "not an ip", "D", "w",
  "192.168.0.0/24", "E", "v",
];`;

describe('ipv4_lookup', () => {
  it('returns every range holding the address, most specific first, and drops unmatched rows', () => {
    const result = run(`${GEO} datatable(ip:string, n:long)["10.1.2.3", 1, "10.9.9.9", 2, "8.8.8.8", 3, "", 4, "192.168.0.255", 5]
      | evaluate ipv4_lookup(Geo, ip, network)`);
    expect(result.columns).toEqual(['ip:string', 'n:long', 'network:string', 'country:string', 'ip1:string']);
    expect(result.rows).toEqual([
      ['10.1.2.3', 1, '10.1.2.3', 'C', 'z'],
      ['10.1.2.3', 1, '10.1.0.0/16', 'B', 'y'],
      ['10.1.2.3', 1, '10.0.0.0/8', 'A', 'x'],
      ['10.9.9.9', 2, '10.0.0.0/8', 'A', 'x'],
      ['192.168.0.255', 5, '192.168.0.0/24', 'E', 'v'],
    ]);
  });

  it('keeps unmatched rows with null lookup columns when return_unmatched is true', () => {
    const result = run(`${GEO} datatable(ip:string)["8.8.8.8", "10.200.0.1"] | evaluate ipv4_lookup(Geo, ip, network, return_unmatched = true)`);
    expect(result.rows).toEqual([['8.8.8.8', '', '', ''], ['10.200.0.1', '10.0.0.0/8', 'A', 'x']]);
  });

  it('requires extra keys to be equal and leaves them out of the lookup columns', () => {
    const result = run(`${GEO} datatable(ip:string, country:string)["10.1.2.3", "B", "10.1.2.3", "Q"] | evaluate ipv4_lookup(Geo, ip, network, country, true)`);
    expect(result.columns).toEqual(['ip:string', 'country:string', 'network:string', 'ip1:string']);
    expect(result.rows).toEqual([['10.1.2.3', 'B', '10.1.0.0/16', 'y'], ['10.1.2.3', 'Q', '', '']]);
  });

  it('masks a source address written with a prefix', () => {
    const result = run(`${GEO} datatable(ip:string)["10.1.2.3/16"] | evaluate ipv4_lookup(Geo, ip, network)`);
    expect(result.rows.map((r) => r[1])).toEqual(['10.1.0.0/16', '10.0.0.0/8']);
  });
});

describe('rows_near', () => {
  it('keeps rows within NumRows before and RowsAfter after a true condition, once each', () => {
    const result = run(`range x from 1 to 12 step 1 | evaluate rows_near(x == 4 or x == 6 or x == 12, 1, 2)`);
    expect(result.rows.map((r) => r[0])).toEqual([3, 4, 5, 6, 7, 8, 11, 12]);
  });

  it('treats a null condition as false and keeps nothing without a match', () => {
    expect(run(`datatable(b:bool)[bool(null), false] | evaluate rows_near(b, 5)`).rows).toEqual([]);
  });
});

describe('dcount_intersect', () => {
  it('counts the intersections of the first k sets, per row', () => {
    const result = run(`range x from 1 to 30 step 1
      | summarize a = hll(iif(x % 2 == 0, x, 0)), b = hll(iif(x % 3 == 0, x, 0)), c = hll(iif(x % 5 == 0, x, 0))
      | evaluate dcount_intersect(a, b, c)`);
    expect(result.columns.slice(3)).toEqual(['s0:long', 's1:long', 's2:long']);
    expect(result.rows[0].slice(3)).toEqual([16, 6, 2]);
  });

  it('gives null from the first argument that is not an hll value', () => {
    const result = run(`range x from 1 to 1 step 1 | summarize a = hll(x) | extend b = dynamic([1, 2]) | evaluate dcount_intersect(a, b)`);
    expect(result.rows[0].slice(2)).toEqual([1, null]);
  });
});

describe('pivot', () => {
  const DATA = `datatable(State:string, Kind:string, Deaths:long)[
    "B", "Wind", 1, "A", "Wind", 2, "B", "Hail", 3, "B", "Wind", 4, "C", "Flood", 5]`;

  it('counts rows per key and pivot value, columns in order of first appearance', () => {
    const result = run(`${DATA} | project State, Kind | evaluate pivot(State)`);
    expect(result.columns).toEqual(['Kind:string', 'B:long', 'A:long', 'C:long']);
    expect(result.rows).toEqual([['Wind', 2, 1, 0], ['Hail', 1, 0, 0], ['Flood', 0, 0, 1]]);
  });

  it('aggregates the remaining column and leaves it out of the keys', () => {
    const result = run(`${DATA} | evaluate pivot(State, sum(Deaths))`);
    expect(result.columns).toEqual(['Kind:string', 'B:long', 'A:long', 'C:long']);
    expect(result.rows).toEqual([['Wind', 5, 2, 0], ['Hail', 3, 0, 0], ['Flood', 0, 0, 5]]);
  });

  it('uses null for an aggregate like avg without rows, and the listed keys', () => {
    const result = run(`${DATA} | evaluate pivot(Kind, avg(Deaths), State)`);
    expect(result.columns).toEqual(['State:string', 'Wind:real', 'Hail:real', 'Flood:real']);
    expect(result.rows).toEqual([['B', 2.5, 3, null], ['A', 2, null, null], ['C', null, null, 5]]);
  });

  it('takes the output schema columns by name', () => {
    const result = run(`${DATA} | project State, Kind | evaluate pivot(State) : (Kind:string, C:long, Z:long) | where Kind != "Hail"`);
    expect(result.rows).toEqual([['Wind', 0, 0], ['Flood', 1, 0]]);
  });

  it('is not supported before other operators without an output schema', () => {
    expect(errorOf(`${DATA} | evaluate pivot(State) | take 1`)).toMatch(/^E_UNSUPPORTED/);
  });
});

describe('ipv4_lookup arguments', () => {
  it('reads a bool column as the last extra key, not as return_unmatched', () => {
    const result = run(`let L = datatable(r:string, ok:bool, v:long)["10.0.0.0/8", true, 1, "10.0.0.0/8", false, 2];
      datatable(ip:string, ok:bool)["10.1.1.1", false, "11.0.0.1", true] | evaluate ipv4_lookup(L, ip, r, ok)`);
    expect(result.columns).toEqual(['ip:string', 'ok:bool', 'r:string', 'v:long']);
    expect(result.rows).toEqual([['10.1.1.1', false, '10.0.0.0/8', 2]]);
  });

  it('can be followed by other operators', () => {
    const result = run(`let L = datatable(r:string, v:long)["1.2.3.0/24", 5, "1.2.0.0/16", 7];
      datatable(ip:string)["1.2.3.4", "1.2.9.9"] | evaluate ipv4_lookup(L, ip, r) | summarize total = sum(v)`);
    expect(result.rows).toEqual([[19]]);
  });
});
