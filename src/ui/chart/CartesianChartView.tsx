/**
 * Draws cartesian chart data with recharts: time/line charts as lines, area charts,
 * column charts (vertical bars), bar charts (horizontal bars) and scatter charts.
 * The container is `role="img"` with a label naming the chart and its series; each
 * series' group carries the `chart-series` class so tests can count what is drawn.
 */
import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Area, AreaChart, Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer,
  Scatter, ScatterChart, Tooltip, XAxis, YAxis,
} from 'recharts';
import type { CartesianChartData, ChartRow, ChartSeries } from './chartData';
import { ChartLegend } from './ChartLegend';
import { seriesClassName, seriesColor } from './palette';
import { createTimeTickFormatter, formatTooltipTime, timeTicks, timeTickUnit } from './timeAxis';

/** A series' points are marked with dots only when there are few enough to tell apart. */
const MAX_POINTS_WITH_DOTS = 60;
const AXIS_TICK_STYLE = { fontSize: 11, fill: '#555' };

/** The legend text of a series; an empty series value gets a visible placeholder. */
export function seriesLabel(series: ChartSeries, emptyText: string): string {
  return series.name === '' ? emptyText : series.name;
}

interface XAxisFormat {
  /** Tick label of an x value. */
  readonly tick: (value: unknown) => string;
  /** Tooltip heading of an x value. */
  readonly tooltip: (value: unknown) => string;
  /** Fixed tick positions on a numeric time axis, else undefined. */
  readonly ticks: number[] | undefined;
  readonly domain: [number, number] | undefined;
}

function numericRange(values: readonly unknown[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (typeof v !== 'number') continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

function useXAxisFormat(chart: CartesianChartData, locale: string, emptyText: string): XAxisFormat {
  return useMemo(() => {
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
    const asNumber = (v: unknown): string => (typeof v === 'number' ? number.format(v) : String(v ?? ''));
    switch (chart.xType) {
      case 'datetime': {
        const [min, max] = numericRange(chart.rows.map((r) => r.x));
        const format = createTimeTickFormatter(locale, timeTickUnit(min, max));
        const asTime = (v: unknown): string => (typeof v === 'number' ? format(v) : String(v ?? ''));
        const asFullTime = (v: unknown): string => (typeof v === 'number' ? formatTooltipTime(v) : String(v ?? ''));
        return { tick: asTime, tooltip: asFullTime, ticks: timeTicks(min, max), domain: [min, max] };
      }
      case 'number':
        return { tick: asNumber, tooltip: asNumber, ticks: undefined, domain: undefined };
      case 'text': {
        const asText = (v: unknown): string => (v === '' || v === null || v === undefined ? emptyText : String(v));
        return { tick: asText, tooltip: asText, ticks: undefined, domain: undefined };
      }
      default: {
        const never: never = chart.xType;
        return never;
      }
    }
  }, [chart, locale, emptyText]);
}

/** A cartesian chart filling its parent. */
export function CartesianChartView({ chart }: { chart: CartesianChartData }): JSX.Element {
  const { t, i18n } = useTranslation('chart');
  const locale = i18n.language;
  const x = useXAxisFormat(chart, locale, t('emptyValue'));
  const labels = chart.series.map((s) => seriesLabel(s, t('emptyValue')));
  const ariaLabel = t('ariaLabel', { kind: t(`kinds.${chart.kind}`), count: chart.series.length, series: labels.join(', ') });
  const valueFormat = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }), [locale]);
  const compactFormat = useMemo(() => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2 }), [locale]);
  const percentFormat = useMemo(() => new Intl.NumberFormat(locale, { style: 'percent' }), [locale]);
  const yTick = (v: unknown): string => (typeof v !== 'number' ? String(v) : chart.stack === 'stacked100' ? percentFormat.format(v) : compactFormat.format(v));
  const tooltipValue = (v: unknown): string => (typeof v === 'number' ? valueFormat.format(v) : String(v ?? ''));
  const stackId = chart.stack === 'none' ? undefined : 'stack';
  const stackOffset = chart.stack === 'stacked100' ? 'expand' : 'none';
  const numericX = chart.xType !== 'text';
  const margin = { top: 8, right: 24, bottom: chart.xTitle === null ? 4 : 20, left: 8 };

  const xAxisLabel = chart.xTitle === null ? undefined : { value: chart.xTitle, position: 'insideBottom' as const, offset: -12, fontSize: 12 };
  const yAxisLabel = chart.yTitle === null ? undefined : { value: chart.yTitle, angle: -90, position: 'insideLeft' as const, fontSize: 12 };
  const tooltip = <Tooltip labelFormatter={(v) => x.tooltip(v)} formatter={(v) => tooltipValue(v)} isAnimationActive={false} />;
  const grid = <CartesianGrid strokeDasharray="3 3" stroke="#e4e4e4" vertical={false} />;
  const yAxis = <YAxis tick={AXIS_TICK_STYLE} tickFormatter={yTick} label={yAxisLabel} width={56} />;
  // Line-like charts put numeric and time x values on a continuous axis; bars use categories.
  const continuousXAxis = numericX ? (
    <XAxis dataKey="x" type="number" scale={chart.xType === 'datetime' ? 'time' : 'auto'} domain={x.domain ?? ['dataMin', 'dataMax']} ticks={x.ticks} tickFormatter={x.tick} tick={AXIS_TICK_STYLE} label={xAxisLabel} allowDataOverflow={false} />
  ) : (
    <XAxis dataKey="x" type="category" tickFormatter={x.tick} tick={AXIS_TICK_STYLE} label={xAxisLabel} />
  );
  const data = chart.rows as readonly ChartRow[] as ChartRow[];

  let drawn: JSX.Element;
  switch (chart.kind) {
    case 'timechart':
    case 'linechart':
      drawn = (
        <LineChart data={data} margin={margin}>
          {grid}{continuousXAxis}{yAxis}{tooltip}
          {chart.series.map((s, i) => (
            <Line key={s.key} className={seriesClassName(i)} type="linear" dataKey={s.key} name={labels[i]} stroke={seriesColor(i)} strokeWidth={1.5} dot={s.pointCount <= MAX_POINTS_WITH_DOTS ? { r: 2 } : false} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      );
      break;
    case 'areachart':
      drawn = (
        <AreaChart data={data} margin={margin} stackOffset={stackOffset}>
          {grid}{continuousXAxis}{yAxis}{tooltip}
          {chart.series.map((s, i) => (
            <Area key={s.key} className={seriesClassName(i)} type="linear" dataKey={s.key} name={labels[i]} stackId={stackId} stroke={seriesColor(i)} fill={seriesColor(i)} fillOpacity={stackId === undefined ? 0.2 : 0.55} connectNulls isAnimationActive={false} />
          ))}
        </AreaChart>
      );
      break;
    case 'columnchart':
      drawn = (
        <BarChart data={data} margin={margin} stackOffset={stackOffset}>
          {grid}
          <XAxis dataKey="x" type="category" tickFormatter={x.tick} tick={AXIS_TICK_STYLE} label={xAxisLabel} />
          {yAxis}{tooltip}
          {chart.series.map((s, i) => (
            <Bar key={s.key} className={seriesClassName(i)} dataKey={s.key} name={labels[i]} stackId={stackId} fill={seriesColor(i)} isAnimationActive={false} />
          ))}
        </BarChart>
      );
      break;
    case 'barchart':
      drawn = (
        <BarChart data={data} margin={margin} layout="vertical" stackOffset={stackOffset}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e4e4e4" horizontal={false} />
          <XAxis type="number" tick={AXIS_TICK_STYLE} tickFormatter={yTick} label={xAxisLabel} />
          <YAxis dataKey="x" type="category" tickFormatter={x.tick} tick={AXIS_TICK_STYLE} width={categoryAxisWidth(chart.rows.map((r) => x.tick(r.x)))} label={yAxisLabel} />
          {tooltip}
          {chart.series.map((s, i) => (
            <Bar key={s.key} className={seriesClassName(i)} dataKey={s.key} name={labels[i]} stackId={stackId} fill={seriesColor(i)} isAnimationActive={false} />
          ))}
        </BarChart>
      );
      break;
    case 'scatterchart':
      drawn = (
        <ScatterChart margin={margin}>
          {grid}{continuousXAxis}
          <YAxis dataKey="y" type="number" tick={AXIS_TICK_STYLE} tickFormatter={yTick} label={yAxisLabel} width={56} />
          {tooltip}
          {chart.series.map((s, i) => (
            <Scatter key={s.key} className={seriesClassName(i)} name={labels[i]} data={pointsOf(chart, s.key)} fill={seriesColor(i)} isAnimationActive={false} />
          ))}
        </ScatterChart>
      );
      break;
    default: {
      const never: never = chart.kind;
      drawn = never;
    }
  }

  return (
    <>
      <div className="chart-canvas" role="img" aria-label={ariaLabel} data-chart-kind={chart.kind} data-series-count={chart.series.length}>
        <ResponsiveContainer width="100%" height="100%" minHeight={200}>
          {drawn}
        </ResponsiveContainer>
      </div>
      {chart.showLegend && <ChartLegend labels={labels} />}
    </>
  );
}

/** The `{ x, y }` points of one series, for scatter charts (each series has its own data). */
function pointsOf(chart: CartesianChartData, key: string): { x: number | string; y: number }[] {
  const points: { x: number | string; y: number }[] = [];
  for (const row of chart.rows) {
    const y = row[key];
    if (typeof y === 'number') points.push({ x: row.x, y });
  }
  return points;
}

/** Width of a category y axis: room for its longest label, within reason. */
function categoryAxisWidth(labels: readonly string[]): number {
  const longest = labels.reduce((max, l) => Math.max(max, l.length), 0);
  return Math.min(220, Math.max(48, Math.ceil(longest * 6.5) + 12));
}
