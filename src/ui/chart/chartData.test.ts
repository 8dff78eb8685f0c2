import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../../engine/table/builder';
import { datetimeTicksOfMs } from '../../state/datetimeTicks';
import type { ColumnSchema, DynamicValue, RenderSpec, ResultTable } from '../../engine';
import { chartKindOf, defaultChartKind, deriveChart, deriveChartFromConfig, MAX_SERIES, type CartesianChartData, type ChartDerivation, type PieChartData } from './chartData';

const HOUR = 3_600_000;
const t0 = Date.UTC(2024, 4, 1);

function result(schema: ColumnSchema[], rows: (number | string | DynamicValue | null)[][]): ResultTable {
  const t = tableFromRows('PrimaryResult', schema, rows);
  return { name: t.name, columns: t.schema, data: t.columns, rowCount: t.rowCount };
}

function render(visualization: string, properties: RenderSpec['properties'] = {}): RenderSpec {
  return { visualization, properties };
}

function cartesian(d: ChartDerivation): CartesianChartData {
  if (!d.ok) throw new Error(`expected a chart, got ${d.problem.reason}`);
  if (d.chart.kind === 'piechart') throw new Error('expected a cartesian chart');
  return d.chart;
}

function pie(d: ChartDerivation): PieChartData {
  if (!d.ok || d.chart.kind !== 'piechart') throw new Error('expected a pie chart');
  return d.chart;
}

/** Reads the pivoted value of series `name` at x. */
function valueAt(chart: CartesianChartData, name: string, x: number | string): number | string | null | undefined {
  const s = chart.series.find((c) => c.name === name);
  const row = chart.rows.find((r) => r.x === x);
  return s === undefined || row === undefined ? undefined : row[s.key];
}

const timeSeries = result(
  [
    { name: 'TimeGenerated', type: 'datetime' },
    { name: 'OperationName', type: 'string' },
    { name: 'count_', type: 'long' },
  ],
  [
    [datetimeTicksOfMs(t0 + 2 * HOUR), 'Pull', 7],
    [datetimeTicksOfMs(t0), 'Pull', 5],
    [datetimeTicksOfMs(t0), 'Push', 1],
    [datetimeTicksOfMs(t0 + HOUR), 'Push', 2],
    [datetimeTicksOfMs(t0 + HOUR), 'Pull', 3],
  ],
);

describe('deriveChart: timechart', () => {
  it('pivots one series per value of the string column, keyed and sorted by time', () => {
    const chart = cartesian(deriveChart(timeSeries, render('timechart')));
    expect(chart.xColumn).toBe('TimeGenerated');
    expect(chart.xType).toBe('datetime');
    expect(chart.series.map((s) => s.name)).toEqual(['Pull', 'Push']);
    expect(chart.rows.map((r) => r.x)).toEqual([t0, t0 + HOUR, t0 + 2 * HOUR]);
    expect(valueAt(chart, 'Pull', t0)).toBe(5);
    expect(valueAt(chart, 'Push', t0 + HOUR)).toBe(2);
    expect(valueAt(chart, 'Push', t0 + 2 * HOUR)).toBeUndefined();
    expect(chart.series.every((s) => s.yColumn === 'count_')).toBe(true);
    expect(chart.series.map((s) => s.pointCount)).toEqual([3, 2]);
  });

  it('uses the first datetime column as x even when it is not first', () => {
    const t = result(
      [{ name: 'n', type: 'long' }, { name: 'at', type: 'datetime' }],
      [[4, datetimeTicksOfMs(t0 + HOUR)], [9, datetimeTicksOfMs(t0)]],
    );
    const chart = cartesian(deriveChart(t, render('timechart')));
    expect(chart.xColumn).toBe('at');
    expect(chart.series.map((s) => s.name)).toEqual(['n']);
    expect(chart.rows).toEqual([{ x: t0, s0: 9 }, { x: t0 + HOUR, s0: 4 }]);
  });

  it('makes one series per numeric column when there is no string column', () => {
    const t = result(
      [{ name: 'at', type: 'datetime' }, { name: 'avg_ms', type: 'real' }, { name: 'max_ms', type: 'real' }],
      [[datetimeTicksOfMs(t0), 1.5, 4], [datetimeTicksOfMs(t0 + HOUR), null, 8]],
    );
    const chart = cartesian(deriveChart(t, render('timechart')));
    expect(chart.series.map((s) => s.name)).toEqual(['avg_ms', 'max_ms']);
    expect(valueAt(chart, 'avg_ms', t0 + HOUR)).toBeNull();
    expect(valueAt(chart, 'max_ms', t0 + HOUR)).toBe(8);
    expect(chart.series.map((s) => s.pointCount)).toEqual([1, 2]);
  });

  it('names series value:column when several y columns meet a series column', () => {
    const t = result(
      [{ name: 'at', type: 'datetime' }, { name: 'op', type: 'string' }, { name: 'a', type: 'long' }, { name: 'b', type: 'long' }],
      [[datetimeTicksOfMs(t0), 'Pull', 1, 2], [datetimeTicksOfMs(t0), 'Push', 3, 4]],
    );
    const chart = cartesian(deriveChart(t, render('timechart')));
    expect(chart.series.map((s) => s.name)).toEqual(['Pull:a', 'Pull:b', 'Push:a', 'Push:b']);
    expect(valueAt(chart, 'Push:b', t0)).toBe(4);
  });

  it('says it needs a datetime column when there is none', () => {
    const t = result([{ name: 'op', type: 'string' }, { name: 'n', type: 'long' }], [['a', 1]]);
    expect(deriveChart(t, render('timechart'))).toEqual({ ok: false, problem: { reason: 'needsDatetimeColumn' } });
  });

  it('skips rows whose x is null', () => {
    const t = result([{ name: 'at', type: 'datetime' }, { name: 'n', type: 'long' }], [[null, 1], [datetimeTicksOfMs(t0), 2]]);
    expect(cartesian(deriveChart(t, render('timechart'))).rows).toEqual([{ x: t0, s0: 2 }]);
  });
});

describe('deriveChart: properties', () => {
  const wide = result(
    [
      { name: 'Repo', type: 'string' },
      { name: 'Op', type: 'string' },
      { name: 'pulls', type: 'long' },
      { name: 'bytes', type: 'real' },
    ],
    [
      ['api', 'Pull', 10, 1000],
      ['web', 'Pull', 4, 200],
      ['api', 'Push', 2, 50],
    ],
  );

  it('honours xcolumn, ycolumns and series', () => {
    const chart = cartesian(deriveChart(wide, render('columnchart', { xcolumn: 'Op', ycolumns: ['bytes'], series: ['Repo'] })));
    expect(chart.xColumn).toBe('Op');
    expect(chart.rows.map((r) => r.x)).toEqual(['Pull', 'Push']);
    expect(chart.series.map((s) => s.name)).toEqual(['api', 'web']);
    expect(valueAt(chart, 'api', 'Push')).toBe(50);
    expect(valueAt(chart, 'web', 'Pull')).toBe(200);
  });

  it('accepts comma-separated property text', () => {
    const chart = cartesian(deriveChart(wide, render('barchart', { ycolumns: 'pulls, bytes', series: 'Op' })));
    expect(chart.series.map((s) => s.name)).toEqual(['Pull:pulls', 'Pull:bytes', 'Push:pulls', 'Push:bytes']);
  });

  it('combines several series columns into one series name', () => {
    const chart = cartesian(deriveChart(wide, render('columnchart', { xcolumn: 'pulls', ycolumns: ['bytes'] })));
    expect(chart.series.map((s) => s.name)).toEqual(['api, Pull', 'web, Pull', 'api, Push']);
  });

  it('keeps category order as the rows give it for column charts', () => {
    const t = result([{ name: 'c', type: 'string' }, { name: 'n', type: 'long' }], [['zeta', 1], ['alpha', 2]]);
    expect(cartesian(deriveChart(t, render('columnchart'))).rows.map((r) => r.x)).toEqual(['zeta', 'alpha']);
  });

  it('reads stacking, title and legend', () => {
    const chart = cartesian(deriveChart(wide, render('columnchart', { kind: 'stacked', title: 'Pulls by repo', legend: 'hidden' })));
    expect(chart.stack).toBe('stacked');
    expect(chart.title).toBe('Pulls by repo');
    expect(chart.showLegend).toBe(false);
    expect(cartesian(deriveChart(wide, render('stackedareachart'))).stack).toBe('stacked');
    expect(cartesian(deriveChart(wide, render('areachart', { kind: 'stacked100' }))).stack).toBe('stacked100');
    expect(cartesian(deriveChart(wide, render('areachart'))).stack).toBe('none');
  });

  it('reports a column named in a property that the result does not have', () => {
    expect(deriveChart(wide, render('linechart', { ycolumns: ['nope'] }))).toEqual({ ok: false, problem: { reason: 'unknownColumn', column: 'nope' } });
  });

  it('needs a numeric column', () => {
    const t = result([{ name: 'a', type: 'string' }, { name: 'b', type: 'string' }], [['x', 'y']]);
    expect(deriveChart(t, render('columnchart'))).toEqual({ ok: false, problem: { reason: 'needsNumericColumn' } });
  });

  it('caps the number of series', () => {
    const rows = Array.from({ length: MAX_SERIES + 7 }, (_, i) => [datetimeTicksOfMs(t0), `op${i}`, i]);
    const chart = cartesian(deriveChart(result(timeSeries.columns as ColumnSchema[], rows), render('timechart')));
    expect(chart.series).toHaveLength(MAX_SERIES);
    expect(chart.droppedSeries).toBe(7);
  });
});

describe('deriveChart: other kinds', () => {
  it('sorts numeric x for line charts', () => {
    const t = result([{ name: 'x', type: 'real' }, { name: 'y', type: 'long' }], [[3, 30], [1, 10], [2, 20]]);
    const chart = cartesian(deriveChart(t, render('linechart')));
    expect(chart.xType).toBe('number');
    expect(chart.rows.map((r) => [r.x, r.s0])).toEqual([[1, 10], [2, 20], [3, 30]]);
  });

  it('sums pie values per label and drops non-positive shares', () => {
    const t = result(
      [{ name: 'OperationName', type: 'string' }, { name: 'n', type: 'long' }],
      [['Pull', 3], ['Push', 2], ['Pull', 4], ['Delete', 0], ['Login', null]],
    );
    const chart = pie(deriveChart(t, render('piechart')));
    expect(chart.labelColumn).toBe('OperationName');
    expect(chart.valueColumn).toBe('n');
    expect(chart.slices.map((s) => [s.name, s.value])).toEqual([['Pull', 7], ['Push', 2]]);
  });

  it('asks for a label column for a pie of numbers only', () => {
    const t = result([{ name: 'a', type: 'long' }, { name: 'b', type: 'long' }], [[1, 2]]);
    expect(deriveChart(t, render('piechart'))).toEqual({ ok: false, problem: { reason: 'needsLabelColumn' } });
  });

  it('refuses visualizations it does not draw, and empty results', () => {
    expect(deriveChart(timeSeries, render('ladderchart'))).toEqual({ ok: false, problem: { reason: 'unsupported', visualization: 'ladderchart' } });
    expect(deriveChart(result(timeSeries.columns as ColumnSchema[], []), render('timechart'))).toEqual({ ok: false, problem: { reason: 'noRows' } });
  });
});

describe('chartKindOf and defaultChartKind', () => {
  it('maps visualization names', () => {
    expect(chartKindOf('TimeChart')).toEqual({ kind: 'timechart', stack: 'none' });
    expect(chartKindOf('table')).toBeNull();
    expect(chartKindOf('card')).toBeNull();
  });
  it('defaults to a time chart only with a datetime column', () => {
    expect(defaultChartKind(timeSeries.columns)).toBe('timechart');
    expect(defaultChartKind([{ name: 'a', type: 'string' }])).toBe('columnchart');
  });
});

describe('deriveChartFromConfig: the panel\'s choices', () => {
  const display = { title: null, xTitle: null, yTitle: null, showLegend: true, yMin: null, yMax: null, accumulate: false };

  it('redraws the same result as another kind with other columns, reporting what it used', () => {
    const chart = cartesian(deriveChartFromConfig(timeSeries, { kind: 'columnchart', stack: 'stacked', xColumn: 'OperationName', yColumns: null, seriesColumns: [] }, display));
    expect(chart.kind).toBe('columnchart');
    expect(chart.stack).toBe('stacked');
    expect(chart.xColumn).toBe('OperationName');
    expect(chart.yColumns).toEqual(['count_']);
    expect(chart.seriesColumns).toEqual([]);
    // No series column: one series named after the y column; a repeated x keeps its last value.
    expect(chart.series.map((s) => s.name)).toEqual(['count_']);
    expect(chart.rows).toEqual([{ x: 'Pull', s0: 3 }, { x: 'Push', s0: 2 }]);
  });

  it('stacks only the kinds that stack', () => {
    const config = { kind: 'linechart', stack: 'stacked100', xColumn: null, yColumns: null, seriesColumns: null } as const;
    expect(cartesian(deriveChartFromConfig(timeSeries, config, display)).stack).toBe('none');
    expect(cartesian(deriveChartFromConfig(timeSeries, { ...config, kind: 'areachart' }, display)).stack).toBe('stacked100');
  });

  it('accumulates each series over sorted time when asked', () => {
    const chart = cartesian(deriveChartFromConfig(timeSeries, { kind: 'timechart', stack: 'none', xColumn: null, yColumns: null, seriesColumns: null }, { ...display, accumulate: true }));
    expect(valueAt(chart, 'Pull', t0)).toBe(5);
    expect(valueAt(chart, 'Pull', t0 + HOUR)).toBe(8);
    expect(valueAt(chart, 'Pull', t0 + 2 * HOUR)).toBe(15);
    expect(valueAt(chart, 'Push', t0 + HOUR)).toBe(3);
  });

  it('reports a picked column the result lacks', () => {
    expect(deriveChartFromConfig(timeSeries, { kind: 'timechart', stack: 'none', xColumn: 'Nope', yColumns: null, seriesColumns: null }, display)).toEqual({
      ok: false, problem: { reason: 'unknownColumn', column: 'Nope' },
    });
  });

  it('carries ymin, ymax and titles through', () => {
    const chart = cartesian(deriveChart(timeSeries, render('timechart', { ymin: 1, ymax: 9, xtitle: 'When' })));
    expect([chart.yMin, chart.yMax, chart.xTitle]).toEqual([1, 9, 'When']);
  });
});
