import { describe, expect, it } from 'vitest';
import type { ColumnSchema, RenderSpec } from '../../engine';
import {
  applyOverrides, configFromRender, displayOptionsFromRender, isProblem, resolveCartesianColumns, resolvePieColumns,
  unappliedProperties, type ChartConfig,
} from './chartConfig';

function render(visualization: string, properties: RenderSpec['properties'] = {}): RenderSpec {
  return { visualization, properties };
}

const columns: ColumnSchema[] = [
  { name: 'Repo', type: 'string' },
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Op', type: 'string' },
  { name: 'pulls', type: 'long' },
  { name: 'bytes', type: 'real' },
];

function names(config: ChartConfig): { x: string; y: string[]; series: string[] } {
  const r = resolveCartesianColumns(config, columns);
  if (isProblem(r)) throw new Error(r.reason);
  return { x: columns[r.x].name, y: r.y.map((i) => columns[i].name), series: r.series.map((i) => columns[i].name) };
}

describe('configFromRender', () => {
  it('reads kind, stacking and the named columns (property names in any case)', () => {
    expect(configFromRender(render('ColumnChart', { Kind: 'stacked100', xcolumn: 'Op', ycolumns: ['pulls'], series: 'Repo, TimeGenerated' }))).toEqual({
      kind: 'columnchart', stack: 'stacked100', xColumn: 'Op', yColumns: ['pulls'], seriesColumns: ['Repo', 'TimeGenerated'],
    });
  });
  it('leaves unnamed columns to inference and knows stackedareachart', () => {
    expect(configFromRender(render('stackedareachart'))).toEqual({ kind: 'areachart', stack: 'stacked', xColumn: null, yColumns: null, seriesColumns: null });
    expect(configFromRender(render('areachart', { kind: 'unstacked' }))?.stack).toBe('none');
  });
  it('is null for visualizations that are not charts we draw', () => {
    expect(configFromRender(render('table'))).toBeNull();
    expect(configFromRender(render('ladderchart'))).toBeNull();
  });
});

describe('displayOptionsFromRender', () => {
  it('reads titles, legend, ymin/ymax (numbers or numeric text) and accumulate', () => {
    expect(displayOptionsFromRender(render('timechart', { title: 'T', xtitle: 'when', ytitle: 'how many', legend: 'Hidden', ymin: 5, ymax: '120.5', accumulate: true }))).toEqual({
      title: 'T', xTitle: 'when', yTitle: 'how many', showLegend: false, yMin: 5, yMax: 120.5, accumulate: true,
    });
  });
  it('defaults to no titles, a legend, automatic y range and no accumulation', () => {
    expect(displayOptionsFromRender(render('timechart', { ymin: 'abc', accumulate: 'false' }))).toEqual({
      title: null, xTitle: null, yTitle: null, showLegend: true, yMin: null, yMax: null, accumulate: false,
    });
  });
});

describe('unappliedProperties', () => {
  it('lists properties the panel does not draw, and skips defaults and applied ones', () => {
    const spec = render('timechart', { title: 'x', ysplit: 'panels', xaxis: 'log', yaxis: 'linear', kind: 'map', legend: 'hidden', anomalycolumns: ['a'], accumulate: true });
    expect(unappliedProperties(spec)).toEqual(['ysplit=panels', 'xaxis=log', 'kind=map', 'anomalycolumns=a']);
    expect(unappliedProperties(render('linechart', { kind: 'stacked' }))).toEqual(['kind=stacked']);
    expect(unappliedProperties(render('columnchart', { kind: 'stacked100', legend: 'visible' }))).toEqual([]);
  });
});

describe('resolveCartesianColumns', () => {
  const base: ChartConfig = { kind: 'timechart', stack: 'none', xColumn: null, yColumns: null, seriesColumns: null };

  it('infers a time chart: first datetime x, text series, numeric y', () => {
    expect(names(base)).toEqual({ x: 'TimeGenerated', y: ['pulls', 'bytes'], series: ['Repo', 'Op'] });
  });
  it('infers other charts from the first column', () => {
    expect(names({ ...base, kind: 'columnchart' })).toEqual({ x: 'Repo', y: ['pulls', 'bytes'], series: ['Op'] });
  });
  it('honours picked columns: x leaves series and y, no series at all, y in the given order', () => {
    expect(names({ ...base, kind: 'barchart', xColumn: 'Op' })).toEqual({ x: 'Op', y: ['pulls', 'bytes'], series: ['Repo'] });
    expect(names({ ...base, seriesColumns: [] })).toEqual({ x: 'TimeGenerated', y: ['pulls', 'bytes'], series: [] });
    expect(names({ ...base, yColumns: ['bytes', 'Op', 'pulls'], seriesColumns: ['Repo'] })).toEqual({ x: 'TimeGenerated', y: ['bytes', 'pulls'], series: ['Repo'] });
  });
  it('says what is missing', () => {
    expect(resolveCartesianColumns({ ...base, xColumn: 'Op' }, columns)).toEqual({ reason: 'needsDatetimeColumn' });
    expect(resolveCartesianColumns(base, columns.filter((c) => c.type !== 'datetime'))).toEqual({ reason: 'needsDatetimeColumn' });
    expect(resolveCartesianColumns({ ...base, yColumns: [] }, columns)).toEqual({ reason: 'needsNumericColumn' });
    expect(resolveCartesianColumns({ ...base, kind: 'linechart' }, columns.filter((c) => c.type === 'string'))).toEqual({ reason: 'needsNumericColumn' });
  });
  it('lets overrides replace the query choices but keep the rest', () => {
    const query = configFromRender(render('columnchart', { kind: 'stacked', xcolumn: 'Op' })) as ChartConfig;
    expect(applyOverrides(query, { kind: 'areachart', seriesColumns: [] })).toEqual({ kind: 'areachart', stack: 'stacked', xColumn: 'Op', yColumns: null, seriesColumns: [] });
  });
});

describe('resolvePieColumns', () => {
  const pie: ChartConfig = { kind: 'piechart', stack: 'none', xColumn: null, yColumns: null, seriesColumns: null };
  it('labels by the first text column and sizes by the first numeric one, unless picked', () => {
    expect(resolvePieColumns(pie, columns)).toEqual({ label: 0, value: 3 });
    expect(resolvePieColumns({ ...pie, xColumn: 'Op', yColumns: ['bytes'] }, columns)).toEqual({ label: 2, value: 4 });
  });
  it('needs a label and a value column', () => {
    expect(resolvePieColumns(pie, [{ name: 'n', type: 'long' }])).toEqual({ reason: 'needsLabelColumn' });
    expect(resolvePieColumns(pie, [{ name: 's', type: 'string' }])).toEqual({ reason: 'needsNumericColumn' });
  });
});
