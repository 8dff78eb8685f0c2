/**
 * Turns a columnar result table plus a chart config (from a `render` request and the
 * panel's controls) into chart data, following Kusto's render data model
 * (render-operator.md): one x column, y columns (numeric), and series columns whose
 * combined per-record values define one series each. Long data is pivoted to wide rows
 * keyed by x: `{ x, s0, s1, ... }`, one key per series.
 *
 * Pure: no React, no DOM, so it is unit-tested in Node.
 */
import type { Column, ColumnSchema, RenderSpec, ResultTable, ScalarType } from '../../engine';
import { createCellFormatter, type CellFormatter } from '../results/formatCell';
import { msOfDatetimeTicks } from '../../state/datetimeTicks';
import {
  configFromRender, displayOptionsFromRender, isProblem, resolveCartesianColumns, resolvePieColumns, supportsStacking, unknownColumnOf,
  type ChartConfig, type ChartDisplayOptions, type ChartKind, type ChartProblem, type StackMode,
} from './chartConfig';
import { accumulateRows } from './stacking';

export { CHART_KINDS, chartKindOf, isYType } from './chartConfig';
export type { ChartConfig, ChartKind, ChartProblem, StackMode } from './chartConfig';

/** The data type of the x values: datetimes are milliseconds since the epoch in `rows`. */
export type XValueType = 'datetime' | 'number' | 'text';

/** One drawn series: its data key in `rows`, its legend name, the y column it plots. */
export interface ChartSeries {
  readonly key: string;
  readonly name: string;
  readonly yColumn: string;
  /** The type of `yColumn` (tooltips format values as the grid does). */
  readonly yType: ScalarType;
  /** The combined values of the series columns, or null when there are no series columns. */
  readonly seriesValue: string | null;
  /** How many non-null points the series has (few points are drawn with dots, so they show). */
  readonly pointCount: number;
}

/** One pivoted row: `x` plus one value per series key (absent or null when missing). */
export type ChartRow = { readonly x: number | string } & Record<string, number | string | null>;

/** Chart data for every cartesian chart kind. */
export interface CartesianChartData extends ChartDisplayOptions {
  readonly kind: Exclude<ChartKind, 'piechart'>;
  readonly xKey: 'x';
  readonly xColumn: string;
  readonly xType: XValueType;
  /** The Kusto type of the x column. */
  readonly xScalarType: ScalarType;
  /** The y and series columns used (after inference). */
  readonly yColumns: readonly string[];
  readonly seriesColumns: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly rows: readonly ChartRow[];
  readonly stack: StackMode;
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
export interface PieChartData extends ChartDisplayOptions {
  readonly kind: 'piechart';
  readonly labelColumn: string;
  readonly valueColumn: string;
  readonly valueType: ScalarType;
  readonly slices: readonly PieSlice[];
  readonly droppedSeries: number;
}

export type ChartData = CartesianChartData | PieChartData;

export type ChartDerivation = { readonly ok: true; readonly chart: ChartData } | { readonly ok: false; readonly problem: ChartProblem };

/** At most this many series are drawn (more would be unreadable and slow in SVG). */
export const MAX_SERIES = 50;
/** At most this many distinct x values are drawn. */
export const MAX_X_VALUES = 5_000;

function numberAt(column: Column, row: number): number | null {
  if (column.kind !== 'number') return null;
  if (column.nulls !== null && column.nulls[row] === 1) return null;
  return column.data[row];
}

/**
 * Derives chart data from `table` for a `render` request (or a chart kind the user
 * picked). `formatter` renders text x values and series names (defaults to English).
 */
export function deriveChart(table: ResultTable, spec: RenderSpec, formatter: CellFormatter = createCellFormatter('en')): ChartDerivation {
  const config = configFromRender(spec);
  if (config === null) return { ok: false, problem: { reason: 'unsupported', visualization: spec.visualization } };
  return deriveChartFromConfig(table, config, displayOptionsFromRender(spec), formatter);
}

/** Derives chart data from `table` for a resolved chart config and the render's display options. */
export function deriveChartFromConfig(
  table: ResultTable,
  config: ChartConfig,
  display: ChartDisplayOptions,
  formatter: CellFormatter = createCellFormatter('en'),
): ChartDerivation {
  if (table.rowCount === 0) return { ok: false, problem: { reason: 'noRows' } };
  const unknown = unknownColumnOf(config, table.columns);
  if (unknown !== undefined) return { ok: false, problem: { reason: 'unknownColumn', column: unknown } };
  if (config.kind === 'piechart') return derivePie(table, config, display, formatter);
  return deriveCartesian(table, { ...config, kind: config.kind }, display, formatter);
}

function xTypeOf(type: ScalarType): XValueType {
  if (type === 'datetime') return 'datetime';
  return type === 'int' || type === 'long' || type === 'real' || type === 'decimal' || type === 'timespan' ? 'number' : 'text';
}

function deriveCartesian(
  table: ResultTable,
  config: ChartConfig & { kind: Exclude<ChartKind, 'piechart'> },
  display: ChartDisplayOptions,
  formatter: CellFormatter,
): ChartDerivation {
  const columns: readonly ColumnSchema[] = table.columns;
  const resolved = resolveCartesianColumns(config, columns);
  if (isProblem(resolved)) return { ok: false, problem: resolved };
  const { x: xIndex, y: yIndexes, series: seriesIndexes } = resolved;
  const kind = config.kind;
  const xType = xTypeOf(columns[xIndex].type);

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
        s = { key: `s${series.length}`, name, yColumn, yType: columns[yIndex].type, seriesValue, pointCount: 0 };
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

  let rows = [...rowsByX.values()] as ChartRow[];
  // Kusto sorts time charts by x; numeric x axes need sorted points for lines to make sense.
  if (kind === 'timechart' || ((kind === 'linechart' || kind === 'areachart' || kind === 'scatterchart') && xType !== 'text')) {
    rows.sort((a, b) => (a.x as number) - (b.x as number));
  }
  if (display.accumulate) rows = accumulateRows(rows, series.map((s) => s.key));
  return {
    ok: true,
    chart: {
      ...display,
      kind,
      xKey: 'x',
      xColumn: columns[xIndex].name,
      xType,
      xScalarType: columns[xIndex].type,
      yColumns: yIndexes.map((i) => columns[i].name),
      seriesColumns: seriesIndexes.map((i) => columns[i].name),
      series,
      rows,
      stack: supportsStacking(kind) ? config.stack : 'none',
      droppedSeries: droppedSeriesNames.size,
      droppedPoints,
    },
  };
}

function xValueAt(column: Column, xType: XValueType, row: number, formatter: CellFormatter): number | string | null {
  switch (xType) {
    case 'datetime': {
      const ticks = numberAt(column, row);
      return ticks === null ? null : msOfDatetimeTicks(ticks);
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

function derivePie(table: ResultTable, config: ChartConfig, display: ChartDisplayOptions, formatter: CellFormatter): ChartDerivation {
  const columns = table.columns;
  const resolved = resolvePieColumns(config, columns);
  if (isProblem(resolved)) return { ok: false, problem: resolved };
  const { label: labelIndex, value: valueIndex } = resolved;

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
      ...display,
      kind: 'piechart',
      labelColumn: columns[labelIndex].name,
      valueColumn: columns[valueIndex].name,
      valueType: columns[valueIndex].type,
      slices,
      droppedSeries: all.length - slices.length,
    },
  };
}

/** The default chart for a result without a `render`: a time chart if it has a datetime column. */
export function defaultChartKind(columns: readonly ColumnSchema[]): ChartKind {
  return columns.some((c) => c.type === 'datetime') ? 'timechart' : 'columnchart';
}
