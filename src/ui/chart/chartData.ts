/**
 * Turns a columnar result table plus a `render` request into chart data, following
 * Kusto's render data model (render-operator.md): one x column, y columns (numeric),
 * and series columns whose combined per-record values define one series each. Long
 * data is pivoted to wide rows keyed by x: `{ x, s0, s1, ... }`, one key per series.
 *
 * Pure: no React, no DOM, so it is unit-tested in Node.
 */
import type { Column, ColumnSchema, RenderSpec, ResultTable, ScalarType } from '../../engine';
import { createCellFormatter, type CellFormatter } from '../results/formatCell';

/** The visualizations the chart panel draws. */
export type ChartKind = 'timechart' | 'linechart' | 'areachart' | 'columnchart' | 'barchart' | 'scatterchart' | 'piechart';

/** Every chart kind, in the order a chart-type picker shows them. */
export const CHART_KINDS: readonly ChartKind[] = ['timechart', 'linechart', 'areachart', 'columnchart', 'barchart', 'scatterchart', 'piechart'];

/** How series are stacked: not at all, on top of each other, or stretched to 100 %. */
export type StackMode = 'none' | 'stacked' | 'stacked100';

/** The data type of the x values: datetimes are milliseconds since the epoch in `rows`. */
export type XValueType = 'datetime' | 'number' | 'text';

/** One drawn series: its data key in `rows`, its legend name, the y column it plots. */
export interface ChartSeries {
  readonly key: string;
  readonly name: string;
  readonly yColumn: string;
  /** The combined values of the series columns, or null when there are no series columns. */
  readonly seriesValue: string | null;
  /** How many non-null points the series has (few points are drawn with dots, so they show). */
  readonly pointCount: number;
}

/** One pivoted row: `x` plus one value per series key (absent or null when missing). */
export type ChartRow = { readonly x: number | string } & Record<string, number | string | null>;

/** Chart data for every cartesian chart kind. */
export interface CartesianChartData {
  readonly kind: Exclude<ChartKind, 'piechart'>;
  readonly xKey: 'x';
  readonly xColumn: string;
  readonly xType: XValueType;
  readonly series: readonly ChartSeries[];
  readonly rows: readonly ChartRow[];
  readonly stack: StackMode;
  readonly title: string | null;
  readonly xTitle: string | null;
  readonly yTitle: string | null;
  readonly showLegend: boolean;
  /** Series dropped past `MAX_SERIES`. */
  readonly droppedSeries: number;
  /** Distinct x values dropped past `MAX_X_VALUES`. */
  readonly droppedPoints: number;
}

/** One slice of a pie chart. */
export interface PieSlice {
  readonly key: string;
  readonly name: string;
  readonly value: number;
}

/** Chart data for `piechart`: labels from the first text column, values summed per label. */
export interface PieChartData {
  readonly kind: 'piechart';
  readonly labelColumn: string;
  readonly valueColumn: string;
  readonly slices: readonly PieSlice[];
  readonly title: string | null;
  readonly showLegend: boolean;
  readonly droppedSeries: number;
}

export type ChartData = CartesianChartData | PieChartData;

/** Why a result cannot be drawn as asked; the UI turns each into a message. */
export type ChartProblem =
  | { readonly reason: 'unsupported'; readonly visualization: string }
  | { readonly reason: 'noRows' }
  | { readonly reason: 'needsDatetimeColumn' }
  | { readonly reason: 'needsNumericColumn' }
  | { readonly reason: 'needsLabelColumn' }
  | { readonly reason: 'unknownColumn'; readonly column: string };

export type ChartDerivation = { readonly ok: true; readonly chart: ChartData } | { readonly ok: false; readonly problem: ChartProblem };

/** At most this many series are drawn (more would be unreadable and slow in SVG). */
export const MAX_SERIES = 50;
/** At most this many distinct x values are drawn. */
export const MAX_X_VALUES = 5_000;

const TICKS_PER_MILLISECOND = 10_000;

/** The chart kind of a `render` visualization name, with its implied stacking; null if not a chart we draw. */
export function chartKindOf(visualization: string): { kind: ChartKind; stack: StackMode } | null {
  const name = visualization.toLowerCase();
  if (name === 'stackedareachart') return { kind: 'areachart', stack: 'stacked' };
  return (CHART_KINDS as readonly string[]).includes(name) ? { kind: name as ChartKind, stack: 'none' } : null;
}

/** True for the types Kusto plots on a y axis. */
export function isYType(type: ScalarType): boolean {
  return type === 'int' || type === 'long' || type === 'real' || type === 'decimal';
}

/** True for the types whose values name series (the "non-numeric" columns). */
function isSeriesType(type: ScalarType): boolean {
  return type === 'string' || type === 'guid' || type === 'bool';
}

function listProperty(value: RenderSpec['properties'][string] | undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
  if (typeof value === 'string') return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
  return [];
}

function textProperty(value: RenderSpec['properties'][string] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function stackOf(kindProperty: string | null, implied: StackMode): StackMode {
  switch ((kindProperty ?? '').toLowerCase()) {
    case 'stacked':
      return 'stacked';
    case 'stacked100':
      return 'stacked100';
    case 'default':
    case 'unstacked':
      return 'none';
    default:
      return implied;
  }
}

function numberAt(column: Column, row: number): number | null {
  if (column.kind !== 'number') return null;
  if (column.nulls !== null && column.nulls[row] === 1) return null;
  return column.data[row];
}

/**
 * Derives chart data from `table` for `spec` (a `render` request, or a chart kind the user
 * picked). `formatter` renders text x values and series names (defaults to English).
 */
export function deriveChart(table: ResultTable, spec: RenderSpec, formatter: CellFormatter = createCellFormatter('en')): ChartDerivation {
  const kindInfo = chartKindOf(spec.visualization);
  if (kindInfo === null) return { ok: false, problem: { reason: 'unsupported', visualization: spec.visualization } };
  if (table.rowCount === 0) return { ok: false, problem: { reason: 'noRows' } };

  const props = spec.properties;
  const indexOf = new Map(table.columns.map((c, i) => [c.name, i] as const));
  const named = [...(textProperty(props.xcolumn) === null ? [] : [textProperty(props.xcolumn) as string]), ...listProperty(props.ycolumns), ...listProperty(props.series)];
  const unknown = named.find((name) => !indexOf.has(name));
  if (unknown !== undefined) return { ok: false, problem: { reason: 'unknownColumn', column: unknown } };

  const common = {
    title: textProperty(props.title),
    showLegend: textProperty(props.legend)?.toLowerCase() !== 'hidden',
  };
  if (kindInfo.kind === 'piechart') return derivePie(table, props, indexOf, formatter, common);
  return deriveCartesian(table, kindInfo.kind, stackOf(textProperty(props.kind), kindInfo.stack), props, indexOf, formatter, common);
}

interface CommonProps {
  readonly title: string | null;
  readonly showLegend: boolean;
}

function pickXColumn(kind: Exclude<ChartKind, 'piechart'>, columns: readonly ColumnSchema[], xcolumn: string | null, indexOf: ReadonlyMap<string, number>): number | null {
  if (xcolumn !== null) return indexOf.get(xcolumn) ?? null;
  if (kind === 'timechart') {
    const i = columns.findIndex((c) => c.type === 'datetime');
    return i < 0 ? null : i;
  }
  return columns.length > 0 ? 0 : null;
}

function xTypeOf(type: ScalarType): XValueType {
  if (type === 'datetime') return 'datetime';
  return isYType(type) || type === 'timespan' ? 'number' : 'text';
}

function deriveCartesian(
  table: ResultTable,
  kind: Exclude<ChartKind, 'piechart'>,
  stack: StackMode,
  props: RenderSpec['properties'],
  indexOf: ReadonlyMap<string, number>,
  formatter: CellFormatter,
  common: CommonProps,
): ChartDerivation {
  const columns = table.columns;
  const xIndex = pickXColumn(kind, columns, textProperty(props.xcolumn), indexOf);
  if (xIndex === null) return { ok: false, problem: { reason: kind === 'timechart' ? 'needsDatetimeColumn' : 'needsNumericColumn' } };
  const xType = xTypeOf(columns[xIndex].type);
  if (kind === 'timechart' && xType !== 'datetime') return { ok: false, problem: { reason: 'needsDatetimeColumn' } };

  const seriesNames = listProperty(props.series);
  const seriesIndexes = seriesNames.length > 0
    ? seriesNames.map((n) => indexOf.get(n) as number)
    : columns.flatMap((c, i) => (i !== xIndex && isSeriesType(c.type) ? [i] : []));
  const yNames = listProperty(props.ycolumns);
  const yIndexes = (yNames.length > 0
    ? yNames.map((n) => indexOf.get(n) as number)
    : columns.flatMap((c, i) => (i !== xIndex && !seriesIndexes.includes(i) && isYType(c.type) ? [i] : []))
  ).filter((i) => isYType(columns[i].type));
  if (yIndexes.length === 0) return { ok: false, problem: { reason: 'needsNumericColumn' } };

  const xColumn = table.data[xIndex];
  const seriesByName = new Map<string, { -readonly [K in keyof ChartSeries]: ChartSeries[K] }>();
  const series: ChartSeries[] = [];
  const rowsByX = new Map<number | string, Record<string, number | string | null>>();
  let droppedPoints = 0;
  const droppedSeriesNames = new Set<string>();

  for (let r = 0; r < table.rowCount; r++) {
    const x = xValueAt(xColumn, xType, r, formatter);
    if (x === null) continue;
    let row = rowsByX.get(x);
    if (row === undefined) {
      if (rowsByX.size >= MAX_X_VALUES) {
        droppedPoints++;
        continue;
      }
      row = { x };
      rowsByX.set(x, row);
    }
    const seriesValue = seriesIndexes.length === 0 ? null : seriesIndexes.map((i) => formatter.format(table.data[i], r)).join(', ');
    for (const yIndex of yIndexes) {
      const yColumn = columns[yIndex].name;
      const name = seriesValue === null ? yColumn : yIndexes.length === 1 ? seriesValue : `${seriesValue}:${yColumn}`;
      let s = seriesByName.get(name);
      if (s === undefined) {
        if (series.length >= MAX_SERIES) {
          droppedSeriesNames.add(name);
          continue;
        }
        s = { key: `s${series.length}`, name, yColumn, seriesValue, pointCount: 0 };
        seriesByName.set(name, s);
        series.push(s);
      }
      // A repeated (x, series) pair keeps its last value, as a pivot must pick one.
      const y = numberAt(table.data[yIndex], r);
      if (y !== null && typeof row[s.key] !== 'number') s.pointCount++;
      else if (y === null && typeof row[s.key] === 'number') s.pointCount--;
      row[s.key] = y;
    }
  }

  const rows = [...rowsByX.values()] as ChartRow[];
  // Kusto sorts time charts by x; numeric x axes need sorted points for lines to make sense.
  if (kind === 'timechart' || ((kind === 'linechart' || kind === 'areachart' || kind === 'scatterchart') && xType !== 'text')) {
    rows.sort((a, b) => (a.x as number) - (b.x as number));
  }
  return {
    ok: true,
    chart: {
      kind,
      xKey: 'x',
      xColumn: columns[xIndex].name,
      xType,
      series,
      rows,
      stack,
      xTitle: textProperty(props.xtitle),
      yTitle: textProperty(props.ytitle),
      droppedSeries: droppedSeriesNames.size,
      droppedPoints,
      ...common,
    },
  };
}

function xValueAt(column: Column, xType: XValueType, row: number, formatter: CellFormatter): number | string | null {
  switch (xType) {
    case 'datetime': {
      const ticks = numberAt(column, row);
      return ticks === null ? null : ticks / TICKS_PER_MILLISECOND;
    }
    case 'number':
      return numberAt(column, row);
    case 'text':
      return formatter.format(column, row);
    default: {
      const never: never = xType;
      return never;
    }
  }
}

function derivePie(
  table: ResultTable,
  props: RenderSpec['properties'],
  indexOf: ReadonlyMap<string, number>,
  formatter: CellFormatter,
  common: CommonProps,
): ChartDerivation {
  const columns = table.columns;
  const xcolumn = textProperty(props.xcolumn);
  const labelIndex = xcolumn !== null
    ? (indexOf.get(xcolumn) as number)
    : columns.findIndex((c) => isSeriesType(c.type) || c.type === 'datetime');
  if (labelIndex < 0) return { ok: false, problem: { reason: 'needsLabelColumn' } };
  const yNames = listProperty(props.ycolumns);
  const valueIndex = yNames.length > 0
    ? (indexOf.get(yNames[0]) as number)
    : columns.findIndex((c, i) => i !== labelIndex && isYType(c.type));
  if (valueIndex < 0 || !isYType(columns[valueIndex].type)) return { ok: false, problem: { reason: 'needsNumericColumn' } };

  const totals = new Map<string, number>();
  for (let r = 0; r < table.rowCount; r++) {
    const value = numberAt(table.data[valueIndex], r);
    if (value === null || !(value > 0)) continue; // a pie cannot show zero, negative or NaN shares
    const label = formatter.format(table.data[labelIndex], r);
    totals.set(label, (totals.get(label) ?? 0) + value);
  }
  const all = [...totals.entries()];
  const slices = all.slice(0, MAX_SERIES).map(([name, value], i) => ({ key: `s${i}`, name, value }));
  return {
    ok: true,
    chart: {
      kind: 'piechart',
      labelColumn: columns[labelIndex].name,
      valueColumn: columns[valueIndex].name,
      slices,
      droppedSeries: all.length - slices.length,
      ...common,
    },
  };
}

/** The default chart for a result without a `render`: a time chart if it has a datetime column. */
export function defaultChartKind(columns: readonly ColumnSchema[]): ChartKind {
  return columns.some((c) => c.type === 'datetime') ? 'timechart' : 'columnchart';
}
