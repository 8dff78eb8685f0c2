/**
 * `series_outliers` and the decomposition family (`series_decompose`,
 * `series_decompose_anomalies`, `series_decompose_forecast`) as their pages describe them:
 *
 * - decomposition (series-decompose-function.md, "Component execution order"): the seasonal
 *   component is the median of the learning points in the same phase (period given, or detected
 *   with `seriesPeriods.ts` at the seasonality threshold, or none); the trend is extracted from
 *   the deseasonalised learning points (`avg`: their mean, `linefit`: their least-squares line,
 *   extended over the test points, `none`: 0); baseline = seasonal + trend; residual = x − baseline.
 *   The last `test_points` are left out of the learning.
 * - `series_outliers` (series-outliers-function.md): Tukey's fences. The score of a value above
 *   the upper percentile is its distance from it in inter-percentile ranges, below the lower one
 *   the negative distance, 0 in between and for nulls and the ignore value. Percentiles are
 *   interpolated linearly between ranks; the page does not say how Kusto computes them, nor
 *   whether `ctukey` rescales its wider 10–90 range, so scores near a threshold may differ.
 * - anomalies (series-decompose-anomalies-function.md, "The algorithm"): decompose, score the
 *   residual with series_outliers, flag +1/−1 beyond ±threshold.
 *
 * Exact where the period is given; with automatic detection the period is ours (see
 * `seriesPeriods.ts`).
 */
import type { DynamicValue } from '../table/column';
import type { ScalarKernel } from './kernel';
import { mapDynamic } from './dynamicAccess';
import { elementNumber, numberElement } from './series';
import { dominantPeriod, filledNumbers } from './seriesPeriods';

/** The default seasonality score threshold of the decomposition pages. */
const DEFAULT_SEASONALITY_THRESHOLD = 0.6;

type TrendKind = 'avg' | 'linefit' | 'none';

/** The four components, each as long as the series. */
export interface Decomposition {
  readonly baseline: number[];
  readonly seasonal: number[];
  readonly trend: number[];
  readonly residual: number[];
}

/** Options of a decomposition; `seasonality` -1 detects the period, 0 skips the component. */
export interface DecomposeOptions {
  readonly seasonality: number;
  readonly trend: TrendKind;
  readonly testPoints: number;
  readonly threshold: number;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/** The seasonal component: per phase, the median of the learning points in that phase. */
function seasonalComponent(x: readonly number[], learn: number, period: number): number[] {
  if (period <= 0) return x.map(() => 0);
  const medians = Array.from({ length: period }, (_, phase) => {
    const values: number[] = [];
    for (let i = phase; i < learn; i += period) values.push(x[i]);
    return median(values);
  });
  return x.map((_, i) => medians[i % period]);
}

/** The trend of the deseasonalised series, learnt on its first `learn` points. */
function trendComponent(deseasonal: readonly number[], learn: number, kind: TrendKind): number[] {
  switch (kind) {
    case 'none':
      return deseasonal.map(() => 0);
    case 'avg': {
      const mean = learn === 0 ? 0 : deseasonal.slice(0, learn).reduce((a, b) => a + b, 0) / learn;
      return deseasonal.map(() => mean);
    }
    case 'linefit': {
      const meanX = (learn - 1) / 2;
      const meanY = learn === 0 ? 0 : deseasonal.slice(0, learn).reduce((a, b) => a + b, 0) / learn;
      let sxy = 0;
      let sxx = 0;
      for (let i = 0; i < learn; i++) {
        sxy += (i - meanX) * (deseasonal[i] - meanY);
        sxx += (i - meanX) ** 2;
      }
      const slope = sxx === 0 ? 0 : sxy / sxx;
      return deseasonal.map((_, i) => meanY + slope * (i - meanX));
    }
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** `series_decompose`'s components, or null when the series has no number. */
export function decompose(series: readonly DynamicValue[], options: DecomposeOptions): Decomposition | null {
  const x = filledNumbers(series);
  if (x === null) return null;
  const learn = Math.max(0, Math.min(x.length, x.length - Math.trunc(options.testPoints)));
  const period = options.seasonality < 0 ? dominantPeriod(series.slice(0, learn), options.threshold) : Math.trunc(options.seasonality);
  const seasonal = seasonalComponent(x, learn, period);
  const trend = trendComponent(x.map((v, i) => v - seasonal[i]), learn, options.trend);
  const baseline = seasonal.map((s, i) => s + trend[i]);
  return { baseline, seasonal, trend, residual: x.map((v, i) => v - baseline[i]) };
}

/** A percentile (0–100) of sorted values, interpolated linearly between ranks. */
function percentileOf(sorted: readonly number[], percent: number): number {
  const rank = (percent / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  return low + 1 < sorted.length ? sorted[low] + (sorted[low + 1] - sorted[low]) * (rank - low) : sorted[low];
}

/** `series_outliers(series, kind, ignore_val, min_percentile, max_percentile)` scores (see the module comment). */
export function outlierScores(series: readonly DynamicValue[], kind: string, ignore: number | null, minPercentile: number, maxPercentile: number): number[] | null {
  let low: number;
  let high: number;
  if (kind === 'tukey') [low, high] = [25, 75];
  else if (kind === 'ctukey' && minPercentile >= 2 && maxPercentile <= 98 && minPercentile < maxPercentile) [low, high] = [minPercentile, maxPercentile];
  else return null;
  const values = series.map((v) => {
    const x = elementNumber(v);
    return x === null || Number.isNaN(x) || x === ignore ? null : x;
  });
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return values.map(() => 0);
  const lower = percentileOf(sorted, low);
  const upper = percentileOf(sorted, high);
  const range = upper - lower;
  return values.map((x) => {
    if (x === null || range === 0) return 0;
    if (x > upper) return (x - upper) / range;
    if (x < lower) return (x - lower) / range;
    return 0;
  });
}

const numberOr = (v: DynamicValue | undefined, fallback: number): number => {
  const x = v === undefined ? null : elementNumber(v);
  return x === null || Number.isNaN(x) ? fallback : x;
};

function trendOf(v: DynamicValue | undefined): TrendKind | null {
  const text = v === undefined || v === null ? 'avg' : v;
  return text === 'avg' || text === 'linefit' || text === 'none' ? text : null;
}

const asArray = (values: readonly number[]): DynamicValue[] => values.map(numberElement);

function componentsOf(d: Decomposition | null): { [column: string]: DynamicValue } | null {
  if (d === null) return null;
  return { baseline: asArray(d.baseline), seasonal: asArray(d.seasonal), trend: asArray(d.trend), residual: asArray(d.residual) };
}

/** `series_decompose(series, seasonality, trend, test_points, seasonality_threshold)` as named components. */
export function decomposeTuple(series: readonly DynamicValue[], [seasonality, trend, testPoints, threshold]: readonly DynamicValue[]): { [column: string]: DynamicValue } | null {
  const kind = trendOf(trend);
  if (kind === null) return null;
  return componentsOf(decompose(series, {
    seasonality: numberOr(seasonality, -1), trend: kind, testPoints: numberOr(testPoints, 0), threshold: numberOr(threshold, DEFAULT_SEASONALITY_THRESHOLD),
  }));
}

/** `series_decompose_forecast(series, points, seasonality, trend, seasonality_threshold)`: the decomposition learnt without the last `points`. */
export function decomposeForecastTuple(series: readonly DynamicValue[], [points, seasonality, trend, threshold]: readonly DynamicValue[]): { [column: string]: DynamicValue } | null {
  return decomposeTuple(series, [seasonality ?? null, trend ?? null, points ?? null, threshold ?? null]);
}

/** `series_decompose_anomalies(series, threshold, seasonality, trend, test_points, ad_method, seasonality_threshold)`. */
export function decomposeAnomaliesTuple(
  series: readonly DynamicValue[], [threshold, seasonality, trend, testPoints, method, seasonalityThreshold]: readonly DynamicValue[],
): { [column: string]: DynamicValue } | null {
  const kind = trendOf(trend);
  if (kind === null) return null;
  const d = decompose(series, {
    seasonality: numberOr(seasonality, -1), trend: kind, testPoints: numberOr(testPoints, 0),
    threshold: numberOr(seasonalityThreshold, DEFAULT_SEASONALITY_THRESHOLD),
  });
  if (d === null) return null;
  const scores = outlierScores(d.residual, typeof method === 'string' ? method : 'ctukey', null, 10, 90);
  if (scores === null) return null;
  const k = numberOr(threshold, 1.5);
  const flags = scores.map((s) => (s > k ? 1 : s < -k ? -1 : 0));
  return { ad_flag: flags, ad_score: asArray(scores), baseline: asArray(d.baseline) };
}

/** The single-column functions of this family, by Kusto name. */
export const SERIES_DECOMPOSE_FUNCTIONS: Readonly<Record<string, ScalarKernel>> = {
  series_outliers: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([s, kind, ignore, low, high]) => {
    if (!Array.isArray(s)) return null;
    const ignoreValue = ignore === undefined || ignore === null ? null : elementNumber(ignore);
    const scores = outlierScores(s, typeof kind === 'string' ? kind : 'ctukey', ignoreValue, numberOr(low, 10), numberOr(high, 90));
    return scores === null ? null : asArray(scores);
  }),
};
