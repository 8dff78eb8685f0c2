/**
 * Draws cartesian chart data with recharts: time/line charts as lines, area charts,
 * column charts (vertical bars), bar charts (horizontal bars) and scatter charts.
 * The container is `role="img"` with a label naming the chart and its shown series; each
 * series' group carries the `chart-series` class so tests can count what is drawn.
 * Axis, grid and tooltip colours come from the theme's CSS tokens (chart.css).
 */
import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Area, AreaChart, Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer,
  Scatter, ScatterChart, Tooltip, XAxis, YAxis,
} from 'recharts';
import type { ResolvedTheme } from '../theme/themePreference';
import { createCellFormatter, formatDatetimeTicks } from '../results/formatCell';
import { datetimeTicksOfMs } from '../../state/datetimeTicks';
import type { CartesianChartData, ChartRow, ChartSeries } from './chartData';
import { ChartLegend } from './ChartLegend';
import { seriesClassName, seriesColor } from './palette';
import { normalizeStacked100, rawValueKey } from './stacking';
import { createTimeTickFormatter, timeTicks, timeTickUnit } from './timeAxis';

/** A series' points are marked with dots only when there are few enough to tell apart. */
const MAX_POINTS_WITH_DOTS = 60;
const AXIS_TICK_STYLE = { fontSize: 11 };
const TOOLTIP_STYLE = { background: 'var(--chart-tooltip-bg)', borderColor: 'var(--chart-tooltip-border)', color: 'var(--text)', fontSize: 12 };

/** The legend text of a series; an empty series value gets a visible placeholder. */
export function seriesLabel(series: ChartSeries, emptyText: string): string {
  return series.name === '' ? emptyText : series.name;
}

/** Props of `CartesianChartView`. */
export interface CartesianChartViewProps {
  readonly chart: CartesianChartData;
  readonly theme: ResolvedTheme;
  /** Keys of the series the user hid from the legend. */
  readonly hidden: ReadonlySet<string>;
  readonly onToggleSeries: (key: string) => void;
}

interface XAxisFormat {
  readonly tick: (value: unknown) => string;
  readonly tooltip: (value: unknown) => string;
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
    const cell = createCellFormatter(locale);
    const compact = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
    switch (chart.xType) {
      case 'datetime': {
        const [min, max] = numericRange(chart.rows.map((r) => r.x));
        const format = createTimeTickFormatter(locale, timeTickUnit(min, max));
        const asTime = (v: unknown): string => (typeof v === 'number' ? format(v) : String(v ?? ''));
        // Tooltips show the instant as the grid does: ISO 8601 UTC.
        const asFullTime = (v: unknown): string => (typeof v === 'number' ? formatDatetimeTicks(datetimeTicksOfMs(v)) : String(v ?? ''));
        return { tick: asTime, tooltip: asFullTime, ticks: timeTicks(min, max), domain: [min, max] };
      }
      case 'number':
        return {
          tick: (v) => (typeof v === 'number' ? compact.format(v) : String(v ?? '')),
          tooltip: (v) => (typeof v === 'number' ? cell.formatNumber(v, chart.xScalarType) : String(v ?? '')),
          ticks: undefined,
          domain: undefined,
        };
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

/** A cartesian chart filling its parent, with its legend. */
export function CartesianChartView({ chart, theme, hidden, onToggleSeries }: CartesianChartViewProps): JSX.Element {
  const { t, i18n } = useTranslation('chart');
  const locale = i18n.language;
  const x = useXAxisFormat(chart, locale, t('emptyValue'));
  const drawn = chart.series.map((s, index) => ({ s, index, label: seriesLabel(s, t('emptyValue')) })).filter((d) => !hidden.has(d.s.key));
  const ariaLabel = t('ariaLabel', { kind: t(`kinds.${chart.kind}`), count: drawn.length, series: drawn.map((d) => d.label).join(', ') });
  const cell = useMemo(() => createCellFormatter(locale), [locale]);
  const compactFormat = useMemo(() => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2 }), [locale]);
  const percentFormat = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }), [locale]);
  const stacked100 = chart.stack === 'stacked100';
  const data = useMemo(
    () => (stacked100 ? normalizeStacked100(chart.rows, chart.series.filter((s) => !hidden.has(s.key)).map((s) => s.key)) : (chart.rows as ChartRow[])),
    [chart, stacked100, hidden],
  );
  const seriesByKey = new Map(chart.series.map((s) => [s.key, s] as const));

  const yTick = (v: unknown): string => (typeof v !== 'number' ? String(v) : stacked100 ? `${percentFormat.format(v)}%` : compactFormat.format(v));
  const tooltipValue = (value: unknown, key: unknown, payload: unknown): string => {
    if (typeof value !== 'number') return String(value ?? '');
    const s = seriesByKey.get(String(key));
    const asCell = (v: number): string => (s === undefined ? String(v) : cell.formatNumber(v, s.yType));
    if (!stacked100) return asCell(value);
    const raw = (payload as Record<string, unknown> | undefined)?.[rawValueKey(String(key))];
    return typeof raw === 'number' ? `${percentFormat.format(value)}% (${asCell(raw)})` : `${percentFormat.format(value)}%`;
  };
  const stackId = chart.stack === 'none' ? undefined : 'stack';
  const valueDomain: [number | 'auto', number | 'auto'] = stacked100 ? [0, 100] : [chart.yMin ?? 0, chart.yMax ?? 'auto'];
  const clipValues = !stacked100 && (chart.yMin !== null || chart.yMax !== null);
  const numericX = chart.xType !== 'text';
  const margin = { top: 8, right: 24, bottom: chart.xTitle === null ? 4 : 20, left: 8 };

  const xAxisLabel = chart.xTitle === null ? undefined : { value: chart.xTitle, position: 'insideBottom' as const, offset: -12, fontSize: 12 };
  const yAxisLabel = chart.yTitle === null ? undefined : { value: chart.yTitle, angle: -90, position: 'insideLeft' as const, fontSize: 12 };
  const tooltip = (
    <Tooltip
      labelFormatter={(v) => x.tooltip(v)}
      formatter={(value, _name, item) => tooltipValue(value, item.dataKey, item.payload)}
      contentStyle={TOOLTIP_STYLE}
      isAnimationActive={false}
    />
  );
  const grid = <CartesianGrid strokeDasharray="3 3" vertical={false} />;
  const yAxis = <YAxis tick={AXIS_TICK_STYLE} tickFormatter={yTick} label={yAxisLabel} width={56} domain={valueDomain} allowDataOverflow={clipValues} />;
  // Line-like charts put numeric and time x values on a continuous axis; bars use categories.
  const continuousXAxis = numericX ? (
    <XAxis dataKey="x" type="number" scale={chart.xType === 'datetime' ? 'time' : 'auto'} domain={x.domain ?? ['dataMin', 'dataMax']} ticks={x.ticks} tickFormatter={x.tick} tick={AXIS_TICK_STYLE} label={xAxisLabel} allowDataOverflow={false} />
  ) : (
    <XAxis dataKey="x" type="category" tickFormatter={x.tick} tick={AXIS_TICK_STYLE} label={xAxisLabel} />
  );
  const color = (index: number): string => seriesColor(index, theme);

  let drawing: JSX.Element;
  switch (chart.kind) {
    case 'timechart':
    case 'linechart':
      drawing = (
        <LineChart data={data} margin={margin}>
          {grid}{continuousXAxis}{yAxis}{tooltip}
          {drawn.map(({ s, index, label }) => (
            <Line key={s.key} className={seriesClassName(index)} type="linear" dataKey={s.key} name={label} stroke={color(index)} strokeWidth={1.5} dot={s.pointCount <= MAX_POINTS_WITH_DOTS ? { r: 2 } : false} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      );
      break;
    case 'areachart':
      drawing = (
        <AreaChart data={data} margin={margin}>
          {grid}{continuousXAxis}{yAxis}{tooltip}
          {drawn.map(({ s, index, label }) => (
            <Area key={s.key} className={seriesClassName(index)} type="linear" dataKey={s.key} name={label} stackId={stackId} stroke={color(index)} fill={color(index)} fillOpacity={stackId === undefined ? 0.2 : 0.55} connectNulls isAnimationActive={false} />
          ))}
        </AreaChart>
      );
      break;
    case 'columnchart':
      drawing = (
        <BarChart data={data} margin={margin}>
          {grid}
          <XAxis dataKey="x" type="category" tickFormatter={x.tick} tick={AXIS_TICK_STYLE} label={xAxisLabel} />
          {yAxis}{tooltip}
          {drawn.map(({ s, index, label }) => (
            <Bar key={s.key} className={seriesClassName(index)} dataKey={s.key} name={label} stackId={stackId} fill={color(index)} isAnimationActive={false} />
          ))}
        </BarChart>
      );
      break;
    case 'barchart':
      drawing = (
        <BarChart data={data} margin={margin} layout="vertical">
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={AXIS_TICK_STYLE} tickFormatter={yTick} label={xAxisLabel} domain={valueDomain} allowDataOverflow={clipValues} />
          <YAxis dataKey="x" type="category" tickFormatter={x.tick} tick={AXIS_TICK_STYLE} width={categoryAxisWidth(chart.rows.map((r) => x.tick(r.x)))} label={yAxisLabel} />
          {tooltip}
          {drawn.map(({ s, index, label }) => (
            <Bar key={s.key} className={seriesClassName(index)} dataKey={s.key} name={label} stackId={stackId} fill={color(index)} isAnimationActive={false} />
          ))}
        </BarChart>
      );
      break;
    case 'scatterchart':
      drawing = (
        <ScatterChart margin={margin}>
          {grid}{continuousXAxis}
          <YAxis dataKey="y" type="number" tick={AXIS_TICK_STYLE} tickFormatter={yTick} label={yAxisLabel} width={56} domain={valueDomain} allowDataOverflow={clipValues} />
          <Tooltip labelFormatter={(v) => x.tooltip(v)} contentStyle={TOOLTIP_STYLE} isAnimationActive={false} formatter={(value, name) => (name === 'x' ? x.tooltip(value) : typeof value === 'number' ? cell.formatNumber(value, 'real') : String(value ?? ''))} />
          {drawn.map(({ s, index, label }) => (
            <Scatter key={s.key} className={seriesClassName(index)} name={label} data={pointsOf(chart, s.key)} fill={color(index)} isAnimationActive={false} />
          ))}
        </ScatterChart>
      );
      break;
    default: {
      const never: never = chart.kind;
      drawing = never;
    }
  }

  return (
    <>
      <div className="chart-canvas" role="img" aria-label={ariaLabel} data-chart-kind={chart.kind} data-series-count={drawn.length}>
        <ResponsiveContainer width="100%" height="100%" minHeight={200}>
          {drawing}
        </ResponsiveContainer>
      </div>
      {chart.showLegend && (
        <ChartLegend
          entries={chart.series.map((s, i) => ({ key: s.key, label: seriesLabel(s, t('emptyValue')), color: color(i), hidden: hidden.has(s.key) }))}
          onToggle={onToggleSeries}
        />
      )}
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
