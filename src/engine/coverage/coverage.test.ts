import { describe, expect, it } from 'vitest';
import { SUPPORTED_AGGREGATES } from '../aggregates/registry';
import { SUPPORTED_SCALAR_FUNCTIONS } from '../functions/registry';
import { SUPPORTED_QUERY_OPERATORS } from '../syntax/supportedOperators';
import { knownKustoNames } from '../syntax/kustoSymbols';
import { buildCoverage, engineOnlyNames, renderCoverageMarkdown } from './coverage';

const known = knownKustoNames();
const implemented = { operators: SUPPORTED_QUERY_OPERATORS, functions: SUPPORTED_SCALAR_FUNCTIONS, aggregates: SUPPORTED_AGGREGATES };
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
      const registry = r.kind === 'operator' ? implemented.operators : r.kind === 'function' ? implemented.functions : r.kind === 'aggregate' ? implemented.aggregates : new Set<string>();
      expect({ name: r.name, implemented: r.implemented }).toEqual({ name: r.name, implemented: registry.has(r.name) });
      expect(r.implemented ? r.reason === '' : r.reason !== '').toBe(true);
    }
    const implementedAggregates = rows.filter((r) => r.kind === 'aggregate' && r.implemented).length;
    expect(implementedAggregates).toBe([...SUPPORTED_AGGREGATES].filter((n) => known.aggregates.includes(n)).length);
  });

  it('gives reasons by family', () => {
    const row = (kind: string, name: string) => rows.find((r) => r.kind === kind && r.name === name);
    expect(row('function', 'geo_distance_2points')).toMatchObject({ family: 'geo', implemented: false, reason: 'geospatial — last, per the issue' });
    expect(row('operator', 'fork')).toMatchObject({ implemented: false, reason: 'several results from one input: not yet' });
    expect(row('operator', 'make-series')).toMatchObject({ implemented: true });
    expect(row('plugin', 'bag_unpack')).toMatchObject({ implemented: false, reason: 'plugin' });
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
