/**
 * What to chart: the chart kind, stacking and the x / y / series columns, read from a
 * query's `render` (render-operator.md) and changed by the chart panel's controls, plus
 * the default column inference Kusto's user agents apply when the query leaves them out.
 * Pure: no React, no DOM, so it is unit-tested in Node.
 */
import type { ColumnSchema, RenderSpec, ScalarType } from '../../engine';

/** The visualizations the chart panel draws. */
export type ChartKind = 'timechart' | 'linechart' | 'areachart' | 'columnchart' | 'barchart' | 'scatterchart' | 'piechart';

/** Every chart kind, in the order a chart-type picker shows them. */
export const CHART_KINDS: readonly ChartKind[] = ['timechart', 'linechart', 'areachart', 'columnchart', 'barchart', 'scatterchart', 'piechart'];

/** How series are stacked: not at all, on top of each other, or stretched to 100 %. */
export type StackMode = 'none' | 'stacked' | 'stacked100';

/** Every stack mode, in the order the picker shows them. */
export const STACK_MODES: readonly StackMode[] = ['none', 'stacked', 'stacked100'];

/**
 * The chart to draw. A null column choice means "infer it as Kusto's user agents do";
 * an empty `seriesColumns` list means "no series columns" (one series per y column).
 */
export interface ChartConfig {
  readonly kind: ChartKind;
  readonly stack: StackMode;
  readonly xColumn: string | null;
  readonly yColumns: readonly string[] | null;
  readonly seriesColumns: readonly string[] | null;
}

/** The user's changes on top of the query's `render`; absent fields keep the query's choice. */
export type ChartOverrides = Partial<ChartConfig>;

/** Presentation properties of `render` that the controls do not change. */
export interface ChartDisplayOptions {
  readonly title: string | null;
  readonly xTitle: string | null;
  readonly yTitle: string | null;
  readonly showLegend: boolean;
  readonly yMin: number | null;
  readonly yMax: number | null;
  /** `accumulate=true`: each point is the running total of its series. */
  readonly accumulate: boolean;
}

type PropertyValue = RenderSpec['properties'][string];

/** The chart kind of a `render` visualization name, with its implied stacking; null if not a chart we draw. */
export function chartKindOf(visualization: string): { kind: ChartKind; stack: StackMode } | null {
  const name = visualization.toLowerCase();
  if (name === 'stackedareachart') return { kind: 'areachart', stack: 'stacked' };
  return (CHART_KINDS as readonly string[]).includes(name) ? { kind: name as ChartKind, stack: 'none' } : null;
}

/** True for the kinds whose `kind` property stacks series (render-operator.md). */
export function supportsStacking(kind: ChartKind): boolean {
  return kind === 'areachart' || kind === 'columnchart' || kind === 'barchart';
}

/** True for the types Kusto plots on a y axis. */
export function isYType(type: ScalarType): boolean {
  return type === 'int' || type === 'long' || type === 'real' || type === 'decimal';
}

/** True for the types whose values name series (the "non-numeric" columns). */
export function isSeriesType(type: ScalarType): boolean {
  return type === 'string' || type === 'guid' || type === 'bool';
}

/** A property naming columns, as a list (`a, b` text or a name list). */
export function listProperty(value: PropertyValue | undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
  if (typeof value === 'string') return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
  return [];
}

/** A property as text; null when absent. */
export function textProperty(value: PropertyValue | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function numberProperty(value: PropertyValue | undefined): number | null {
  if (value === undefined || Array.isArray(value) || typeof value === 'boolean') return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isFinite(n) && String(value).trim() !== '' ? n : null;
}

function booleanProperty(value: PropertyValue | undefined): boolean {
  if (typeof value === 'boolean') return value;
  return typeof value === 'string' && value.trim().toLowerCase() === 'true';
}

/** Property names are case-insensitive in Kusto; this reads one by its lower-case name. */
function property(spec: RenderSpec, name: string): PropertyValue | undefined {
  for (const [key, value] of Object.entries(spec.properties)) if (key.toLowerCase() === name) return value;
  return undefined;
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

/** The chart config a `render` asks for; null when its visualization is not a chart we draw. */
export function configFromRender(spec: RenderSpec): ChartConfig | null {
  const kindInfo = chartKindOf(spec.visualization);
  if (kindInfo === null) return null;
  const ycolumns = listProperty(property(spec, 'ycolumns'));
  const series = listProperty(property(spec, 'series'));
  return {
    kind: kindInfo.kind,
    stack: stackOf(textProperty(property(spec, 'kind')), kindInfo.stack),
    xColumn: textProperty(property(spec, 'xcolumn')),
    yColumns: ycolumns.length > 0 ? ycolumns : null,
    seriesColumns: series.length > 0 ? series : null,
  };
}

/** The presentation properties of a `render`. */
export function displayOptionsFromRender(spec: RenderSpec): ChartDisplayOptions {
  return {
    title: textProperty(property(spec, 'title')),
    xTitle: textProperty(property(spec, 'xtitle')),
    yTitle: textProperty(property(spec, 'ytitle')),
    showLegend: textProperty(property(spec, 'legend'))?.trim().toLowerCase() !== 'hidden',
    yMin: numberProperty(property(spec, 'ymin')),
    yMax: numberProperty(property(spec, 'ymax')),
    accumulate: booleanProperty(property(spec, 'accumulate')),
  };
}

/** Property values that are the defaults, so ignoring them changes nothing. */
const DEFAULT_VALUES: Readonly<Record<string, readonly string[]>> = {
  xaxis: ['linear'],
  yaxis: ['linear'],
  ysplit: ['none'],
  legend: ['visible', 'hidden'],
  kind: ['default', 'stacked', 'stacked100', 'unstacked'],
  accumulate: ['true', 'false'],
};

const APPLIED_PROPERTIES: ReadonlySet<string> = new Set(['title', 'xtitle', 'ytitle', 'xcolumn', 'ycolumns', 'series', 'ymin', 'ymax']);

/**
 * The `render` properties the panel does not apply, as `name=value` text (e.g.
 * `ysplit=panels`, `xaxis=log`, `kind=map`), so the panel can list them instead of
 * silently ignoring them.
 */
export function unappliedProperties(spec: RenderSpec): string[] {
  const unapplied: string[] = [];
  for (const [key, value] of Object.entries(spec.properties)) {
    const name = key.toLowerCase();
    if (APPLIED_PROPERTIES.has(name)) continue;
    const text = textProperty(value) ?? '';
    // Stacking applies only to area, column and bar charts.
    const kindInfo = chartKindOf(spec.visualization);
    const stacks = text.trim().toLowerCase().startsWith('stacked');
    if (name === 'kind' && stacks && kindInfo !== null && !supportsStacking(kindInfo.kind)) {
      unapplied.push(`${key}=${text}`);
      continue;
    }
    const allowed = DEFAULT_VALUES[name];
    if (allowed !== undefined && allowed.includes(text.trim().toLowerCase())) continue;
    unapplied.push(`${key}=${text}`);
  }
  return unapplied;
}

/** The query's config with the user's overrides on top. */
export function applyOverrides(base: ChartConfig, overrides: ChartOverrides): ChartConfig {
  return { ...base, ...overrides };
}

/** The columns a cartesian chart uses, by index into the result's columns. */
export interface ResolvedColumns {
  readonly x: number;
  readonly y: readonly number[];
  readonly series: readonly number[];
}

/** Why a result cannot be drawn as asked; the UI turns each into a message naming the chart kind. */
export type ChartProblem =
  | { readonly reason: 'unsupported'; readonly visualization: string }
  | { readonly reason: 'noRows' }
  | { readonly reason: 'needsDatetimeColumn' }
  | { readonly reason: 'needsNumericColumn' }
  | { readonly reason: 'needsLabelColumn' }
  | { readonly reason: 'unknownColumn'; readonly column: string };

/** The first column name of `config` that `columns` lacks, if any. */
export function unknownColumnOf(config: ChartConfig, columns: readonly ColumnSchema[]): string | undefined {
  const names = new Set(columns.map((c) => c.name));
  const named = [...(config.xColumn === null ? [] : [config.xColumn]), ...(config.yColumns ?? []), ...(config.seriesColumns ?? [])];
  return named.find((n) => !names.has(n));
}

/**
 * Resolves the x, y and series columns of a cartesian chart. Defaults, as in
 * render-operator.md: a time chart's x is the first datetime column, other charts' the
 * first column; series are the non-numeric columns besides x; y are the numeric columns
 * that are neither x nor series. Named y columns that are not numeric are skipped.
 */
export function resolveCartesianColumns(config: ChartConfig, columns: readonly ColumnSchema[]): ResolvedColumns | ChartProblem {
  const indexOf = new Map(columns.map((c, i) => [c.name, i] as const));
  let x: number;
  if (config.xColumn !== null) x = indexOf.get(config.xColumn) ?? -1;
  else if (config.kind === 'timechart') x = columns.findIndex((c) => c.type === 'datetime');
  else x = columns.length > 0 ? 0 : -1;
  if (x < 0) return { reason: config.kind === 'timechart' ? 'needsDatetimeColumn' : 'needsNumericColumn' };
  if (config.kind === 'timechart' && columns[x].type !== 'datetime') return { reason: 'needsDatetimeColumn' };

  const series = config.seriesColumns !== null
    ? config.seriesColumns.map((n) => indexOf.get(n) ?? -1).filter((i) => i >= 0 && i !== x)
    : columns.flatMap((c, i) => (i !== x && isSeriesType(c.type) ? [i] : []));
  const y = (config.yColumns !== null
    ? config.yColumns.map((n) => indexOf.get(n) ?? -1).filter((i) => i >= 0 && i !== x && !series.includes(i))
    : columns.flatMap((c, i) => (i !== x && !series.includes(i) && isYType(c.type) ? [i] : []))
  ).filter((i) => isYType(columns[i].type));
  if (y.length === 0) return { reason: 'needsNumericColumn' };
  return { x, y, series };
}

/** The label and value columns of a pie: x (default: first text or datetime column) and the first y. */
export function resolvePieColumns(config: ChartConfig, columns: readonly ColumnSchema[]): { label: number; value: number } | ChartProblem {
  const indexOf = new Map(columns.map((c, i) => [c.name, i] as const));
  const label = config.xColumn !== null
    ? (indexOf.get(config.xColumn) ?? -1)
    : columns.findIndex((c) => isSeriesType(c.type) || c.type === 'datetime');
  if (label < 0) return { reason: 'needsLabelColumn' };
  const value = config.yColumns !== null && config.yColumns.length > 0
    ? (config.yColumns.map((n) => indexOf.get(n) ?? -1).find((i) => i >= 0 && i !== label && isYType(columns[i].type)) ?? -1)
    : columns.findIndex((c, i) => i !== label && isYType(c.type));
  if (value < 0) return { reason: 'needsNumericColumn' };
  return { label, value };
}

/** True when `value` is a problem rather than resolved columns. */
export function isProblem(value: object): value is ChartProblem {
  return 'reason' in value;
}
