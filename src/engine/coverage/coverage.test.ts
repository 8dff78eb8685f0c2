import { describe, expect, it } from 'vitest';
import { SUPPORTED_AGGREGATES } from '../aggregates/registry';
import { SUPPORTED_SCALAR_FUNCTIONS } from '../functions/registry';
import { SUPPORTED_QUERY_OPERATORS } from '../syntax/supportedOperators';
import { SUPPORTED_EVALUATE_PLUGINS } from '../syntax/lowerEvaluate';
import { knownKustoNames } from '../syntax/kustoSymbols';
import { catalogOf, runQuery } from '../index';
import { buildCoverage, engineOnlyNames, implementedFunctions, renderCoverageMarkdown } from './coverage';

const known = knownKustoNames();
const implemented = {
  operators: SUPPORTED_QUERY_OPERATORS, functions: SUPPORTED_SCALAR_FUNCTIONS, aggregates: SUPPORTED_AGGREGATES, plugins: SUPPORTED_EVALUATE_PLUGINS,
};
const rows = buildCoverage(known, implemented);

describe('KQL coverage table', () => {
  it('reads Kusto.Language\'s names', () => {
    expect(known.operators).toEqual(expect.arrayContaining(['where', 'project-away', 'mv-expand', 'make-series', 'summarize']));
    expect(known.functions).toEqual(expect.arrayContaining(['strlen', 'geo_distance_2points', 'series_fir']));
    expect(known.aggregates).toEqual(expect.arrayContaining(['arg_max', 'tdigest']));
    expect(known.plugins).toEqual(expect.arrayContaining(['bag_unpack']));
  });

  it('marks exactly the registry names as implemented', () => {
    for (const r of rows) {
      const registry = r.kind === 'operator' ? implemented.operators : r.kind === 'function' ? implementedFunctions(implemented.functions) : r.kind === 'aggregate' ? implemented.aggregates : implemented.plugins;
      expect({ name: r.name, implemented: r.implemented }).toEqual({ name: r.name, implemented: registry.has(r.name) });
      expect(r.implemented ? r.reason === '' : r.reason !== '').toBe(true);
    }
    const implementedAggregates = rows.filter((r) => r.kind === 'aggregate' && r.implemented).length;
    expect(implementedAggregates).toBe([...SUPPORTED_AGGREGATES].filter((n) => known.aggregates.includes(n)).length);
  });

  it('gives reasons by family', () => {
    const row = (kind: string, name: string) => rows.find((r) => r.kind === kind && r.name === name);
    expect(row('function', 'geo_distance_2points')).toMatchObject({ family: 'geo', implemented: false, reason: 'geospatial — last, per the issue' });
    expect(row('operator', 'make-graph')).toMatchObject({ implemented: false, reason: 'graph semantics: not planned yet' });
    expect(row('operator', 'make-series')).toMatchObject({ implemented: true });
    expect(row('plugin', 'bag_unpack')).toMatchObject({ implemented: true, reason: '' });
    expect(row('plugin', 'basket')).toMatchObject({ implemented: false });
    expect(row('plugin', 'http_request')?.reason).toContain('outside the page');
    expect(row('operator', 'evaluate')).toMatchObject({ implemented: true });
    expect(row('aggregate', 'arg_max')).toMatchObject({ implemented: true, reason: '' });
    expect(row('function', 'row_number')).toMatchObject({ family: 'window', implemented: true });
  });

  it('renders deterministic Markdown with totals', () => {
    const md = renderCoverageMarkdown(rows, engineOnlyNames(known, implemented));
    expect(renderCoverageMarkdown(buildCoverage(known, implemented), engineOnlyNames(known, implemented))).toBe(md);
    const done = rows.filter((r) => r.implemented).length;
    expect(md).toContain(`**Overall: ${done} / ${rows.length} implemented.**`);
    expect(md).toContain('| operator |'.replace('operator', 'tabular operators'));
    expect(md).not.toContain('$take_any_row');
  });
});

describe('functions resolved while lowering in the coverage table', () => {
  const row = (name: string) => rows.find((r) => r.kind === 'function' && r.name === name);
  /** Each such function, called as its docs page shows; it must run, so "implemented" is true. */
  const RUNS: Readonly<Record<string, string>> = {
    series_stats: 'print series_stats(dynamic([1, 2, 3]))',
    series_fit_line: 'print series_fit_line(dynamic([1, 2, 3]))',
    series_decompose: 'print series_decompose(dynamic([1, 2, 3, 4, 5, 6, 7, 8]))',
    series_periods_detect: 'print series_periods_detect(dynamic([1, 2, 1, 2, 1, 2, 1, 2]), 0, 4, 1)',
    pack_all: 'datatable(a: long) [1] | project pack_all()',
    column_ifexists: 'datatable(a: long) [1] | project column_ifexists("a", 0)',
    columnifexists: 'datatable(a: long) [1] | project columnifexists("b", 0)',
    notempty: 'print notempty("x")',
    replace: 'print replace("a", "b", "abc")',
    row_rank: 'datatable(a: long) [1, 1] | serialize r = row_rank(a)',
    assert: 'print assert(true, "never")',
  };

  it('counts them as implemented, and each runs', () => {
    for (const [name, text] of Object.entries(RUNS)) {
      expect({ name, implemented: row(name)?.implemented }).toEqual({ name, implemented: true });
      const outcome = runQuery(text, catalogOf([]), { now: 0 });
      expect({ name, ok: outcome.ok }).toEqual({ name, ok: true });
    }
  });

  it('files column_ifexists with the column functions, not with cluster metadata', () => {
    expect(row('column_ifexists')).toMatchObject({ family: 'columns' });
    expect(row('columnifexists')).toMatchObject({ family: 'columns' });
  });
});

describe('evaluate plugins in the coverage table', () => {
  const pluginRows = rows.filter((r) => r.kind === 'plugin');

  it('reports the plugins the engine runs', () => {
    const implementedPlugins = pluginRows.filter((r) => r.implemented).map((r) => r.name).sort();
    expect(implementedPlugins).toEqual([
      'active_users_count', 'activity_counts_metrics', 'bag_unpack', 'dcount_intersect', 'ipv4_lookup',
      'narrow', 'pivot', 'rolling_percentile', 'rows_near', 'sliding_window_counts',
    ]);
  });

  const ACTIVITY = 'datatable(id: string, t: datetime) ["a", datetime(2024-01-01), "b", datetime(2024-01-02)]';
  /** One query per plugin the engine is expected to run (shaped after each plugin's docs page). */
  const RUNS: Readonly<Record<string, string>> = {
    bag_unpack: 'datatable(d: dynamic) [dynamic({"a": 1})] | evaluate bag_unpack(d)',
    narrow: 'datatable(x: long) [1] | evaluate narrow()',
    ipv4_lookup: 'let R = datatable(net: string, name: string) ["10.0.0.0/8", "private"];\ndatatable(ip: string) ["10.1.2.3"] | evaluate ipv4_lookup(R, ip, net)',
    pivot: 'datatable(k: string, v: long) ["a", 1] | evaluate pivot(k)',
    rows_near: 'datatable(x: long) [1, 2] | evaluate rows_near(x == 2, 1)',
    dcount_intersect: 'datatable(a: long, b: long) [1, 1] | summarize h1 = hll(a), h2 = hll(b) | evaluate dcount_intersect(h1, h2)',
    rolling_percentile: 'datatable(t: datetime, v: long) [datetime(2024-01-01), 1] | evaluate rolling_percentile(v, 50, t, 1d, 3)',
    sliding_window_counts: `${ACTIVITY} | evaluate sliding_window_counts(id, t, datetime(2024-01-01), datetime(2024-01-02), 1d, 1d)`,
    activity_counts_metrics: `${ACTIVITY} | evaluate activity_counts_metrics(id, t, datetime(2024-01-01), datetime(2024-01-02), 1d)`,
    active_users_count: `${ACTIVITY} | evaluate active_users_count(id, t, datetime(2024-01-01), datetime(2024-01-02), 1d, 1d, 1, 1d)`,
  };

  it('lists as implemented exactly the plugins that run', () => {
    for (const r of pluginRows.filter((x) => x.implemented)) {
      const query = RUNS[r.name];
      expect(query, r.name).toBeDefined();
      const outcome = runQuery(query, catalogOf([]), { now: 0 });
      expect({ name: r.name, ok: outcome.ok }).toEqual({ name: r.name, ok: true });
    }
    // Plugins the binder accepts without arguments reach the engine's dispatch, which refuses them.
    for (const name of ['autocluster', 'basket', 'identity']) {
      expect(pluginRows.find((r) => r.name === name)?.implemented).toBe(false);
      const outcome = runQuery(`datatable(x: long) [1] | evaluate ${name}()`, catalogOf([]), { now: 0 });
      expect(outcome.ok ? '' : outcome.error.message).toBe(`not supported yet: evaluate ${name}`);
    }
  });
});
