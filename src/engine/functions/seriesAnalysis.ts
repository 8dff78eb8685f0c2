/**
 * Series analysis functions, each as its page in `data-explorer/kusto/query/` defines it:
 * series_fir, series_iir, series_fit_line_dynamic, series_pearson_correlation,
 * series_cosine_similarity, series_dot_product, series_magnitude, series_seasonal (with a
 * given or detected period) and the element-wise
 * trigonometric functions. A series argument that is not an array gives null.
 */
import type { DynamicValue } from '../table/column';
import type { ScalarKernel } from './kernel';
import { mapDynamic } from './dynamicAccess';
import { elementNumber, numberElement } from './series';
import { SEASONAL_DETECTION_THRESHOLD, dominantPeriod } from './seriesPeriods';

/** The elements as numbers, or null when one of them is not numeric. */
function numbersOf(series: readonly DynamicValue[]): number[] | null {
  const out = new Array<number>(series.length);
  for (let i = 0; i < series.length; i++) {
    const x = elementNumber(series[i]);
    if (x === null) return null;
    out[i] = x;
  }
  return out;
}

/**
 * `series_fir(series, filter, normalize, center)`: y[i] = Σ filter[j]·x[i - j + shift] with
 * values outside the series taken as 0; `shift` is floor((k - 1) / 2) when centered, else 0.
 * Normalizing divides by the sum of the coefficients; it defaults to true unless a coefficient
 * is negative, and normalizing a filter with negative coefficients gives null.
 */
export function fir(series: readonly DynamicValue[], filter: readonly DynamicValue[], normalize: boolean | null, center: boolean): DynamicValue {
  const x = series.map(elementNumber);
  const f = numbersOf(filter);
  if (f === null || f.length === 0) return null;
  const negative = f.some((c) => c < 0);
  const norm = normalize ?? !negative;
  if (norm && negative) return null;
  const total = norm ? f.reduce((a, b) => a + b, 0) : 1;
  const shift = center ? Math.floor((f.length - 1) / 2) : 0;
  return x.map((_, i) => {
    let sum = 0;
    for (let j = 0; j < f.length; j++) {
      const k = i - j + shift;
      if (k < 0 || k >= x.length) continue;
      const v = x[k];
      if (v === null) return null;
      sum += f[j] * v;
    }
    return numberElement(sum / total);
  });
}

/** `series_iir(series, numerators b, denominators a)`: y[i] = (Σ b[j]·x[i-j] − Σ_{j≥1} a[j]·y[i-j]) / a[0]. */
export function iir(series: readonly DynamicValue[], numerators: readonly DynamicValue[], denominators: readonly DynamicValue[]): DynamicValue {
  const x = numbersOf(series);
  const b = numbersOf(numerators);
  const a = numbersOf(denominators);
  if (x === null || b === null || a === null || a.length === 0 || a[0] === 0) return null;
  const y = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) {
    let sum = 0;
    for (let j = 0; j < b.length && j <= i; j++) sum += b[j] * x[i - j];
    for (let j = 1; j < a.length && j <= i; j++) sum -= a[j] * y[i - j];
    y[i] = sum / a[0];
  }
  return y.map(numberElement);
}

/**
 * `series_fit_line_dynamic(series)`: least squares over x = 1..n. `variance` is the sample
 * variance of the series, `rvariance` the residuals' sum of squares over n − 1, `rsquare`
 * 1 − residual/total sum of squares (the page's example gives these definitions' values).
 */
export function fitLine(series: readonly DynamicValue[]): DynamicValue {
  const y = numbersOf(series);
  if (y === null || y.length === 0) return null;
  const n = y.length;
  const meanX = (n + 1) / 2;
  const meanY = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i + 1 - meanX) * (y[i] - meanY);
    sxx += (i + 1 - meanX) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const interception = meanY - slope * meanX;
  const lineFit = y.map((_, i) => interception + slope * (i + 1));
  const total = y.reduce((s, v) => s + (v - meanY) ** 2, 0);
  const residual = y.reduce((s, v, i) => s + (v - lineFit[i]) ** 2, 0);
  const denominator = n > 1 ? n - 1 : 1;
  return {
    rsquare: numberElement(total === 0 ? 1 : 1 - residual / total),
    slope, variance: total / denominator, rvariance: residual / denominator, interception,
    line_fit: lineFit.map(numberElement),
  };
}

/** `series_pearson_correlation(a, b)`: null for different lengths or a non-numeric element. */
export function pearson(first: readonly DynamicValue[], second: readonly DynamicValue[]): number | null {
  const x = numbersOf(first);
  const y = numbersOf(second);
  if (x === null || y === null || x.length !== y.length || x.length === 0) return null;
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Pairs of numeric elements over the shorter length (a scalar is broadcast); non-numeric pairs are skipped. */
function numericPairs(a: DynamicValue, b: DynamicValue): [number, number][] | null {
  if (!Array.isArray(a) && !Array.isArray(b)) return null;
  const length = Math.min(Array.isArray(a) ? a.length : Infinity, Array.isArray(b) ? b.length : Infinity);
  if (length === 0) return null;
  const pairs: [number, number][] = [];
  for (let i = 0; i < length; i++) {
    const x = elementNumber(Array.isArray(a) ? a[i] : a);
    const y = elementNumber(Array.isArray(b) ? b[i] : b);
    if (x !== null && y !== null) pairs.push([x, y]);
  }
  return pairs;
}

/** `series_dot_product(a, b)`: Σ a[i]·b[i] over the shorter length; empty input gives null. */
export function dotProduct(a: DynamicValue, b: DynamicValue): number | null {
  const pairs = numericPairs(a, b);
  return pairs === null ? null : pairs.reduce((s, [x, y]) => s + x * y, 0);
}

/** `series_cosine_similarity(a, b [, |a| [, |b|]])`. */
export function cosineSimilarity(a: DynamicValue, b: DynamicValue, magnitudeA: number | null, magnitudeB: number | null): number | null {
  const pairs = numericPairs(a, b);
  if (pairs === null || !Array.isArray(a) || !Array.isArray(b)) return null;
  const dot = pairs.reduce((s, [x, y]) => s + x * y, 0);
  const ma = magnitudeA ?? Math.sqrt(pairs.reduce((s, [x]) => s + x * x, 0));
  const mb = magnitudeB ?? Math.sqrt(pairs.reduce((s, [, y]) => s + y * y, 0));
  return dot / (ma * mb);
}

/**
 * `series_seasonal(series, period)` for a given period: element i is the median of the numeric
 * elements at the same position within the period (i mod period), as series-seasonal-function.md
 * defines it.
 */
export function seasonal(series: readonly DynamicValue[], period: number): DynamicValue[] {
  const medians: number[] = [];
  for (let phase = 0; phase < period; phase++) {
    const values: number[] = [];
    for (let i = phase; i < series.length; i += period) {
      const x = elementNumber(series[i]);
      if (x !== null && !Number.isNaN(x)) values.push(x);
    }
    values.sort((a, b) => a - b);
    const mid = values.length >> 1;
    medians.push(values.length === 0 ? 0 : values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2);
  }
  return series.map((_, i) => numberElement(medians[i % period]));
}

/**
 * `series_seasonal(series [, period])` for one row: -1 (the default) detects the period
 * (`seriesPeriods.ts`, score threshold 0.7) and gives zeros when none is found; a positive period
 * is used as given (a fraction is truncated, as an `int` argument); any other value gives zeros.
 */
export function seasonalWithPeriod(series: readonly DynamicValue[], period: number | null): DynamicValue[] {
  const given = period === null || Number.isNaN(period) ? 0 : Math.trunc(period);
  const chosen = given === -1 ? dominantPeriod(series, SEASONAL_DETECTION_THRESHOLD) : given;
  return chosen > 0 ? seasonal(series, chosen) : series.map(() => 0);
}

/** `series_magnitude(series)`: √Σ x², numeric elements only. */
export function magnitude(series: readonly DynamicValue[]): number {
  let sum = 0;
  for (const v of series) {
    const x = elementNumber(v);
    if (x !== null) sum += x * x;
  }
  return Math.sqrt(sum);
}

function elementWise(op: (x: number) => number): ScalarKernel {
  return (args, call, ctx) => mapDynamic(args, call.type, ctx, ([s]) => {
    if (!Array.isArray(s)) return null;
    return s.map((v) => {
      const x = elementNumber(v);
      return x === null ? null : numberElement(op(x));
    });
  });
}

const optionalNumber = (v: DynamicValue | undefined): number | null => (v === undefined ? null : elementNumber(v));

/** The series analysis family, by Kusto name. */
export const SERIES_ANALYSIS_FUNCTIONS: Readonly<Record<string, ScalarKernel>> = {
  series_fir: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([s, f, normalize, center]) =>
    (Array.isArray(s) && Array.isArray(f) ? fir(s, f, typeof normalize === 'boolean' ? normalize : null, center === true) : null)),
  series_iir: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([s, b, a]) =>
    (Array.isArray(s) && Array.isArray(b) && Array.isArray(a) ? iir(s, b, a) : null)),
  series_fit_line_dynamic: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([s]) => (Array.isArray(s) ? fitLine(s) : null)),
  series_pearson_correlation: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([a, b]) =>
    (Array.isArray(a) && Array.isArray(b) ? pearson(a, b) : null)),
  series_dot_product: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([a, b]) => dotProduct(a, b)),
  series_cosine_similarity: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([a, b, ma, mb]) =>
    cosineSimilarity(a, b, optionalNumber(ma), optionalNumber(mb))),
  series_magnitude: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([s]) => (Array.isArray(s) ? magnitude(s) : null)),
  series_seasonal: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([s, period]) =>
    (Array.isArray(s) ? seasonalWithPeriod(s, period === undefined ? -1 : elementNumber(period)) : null)),
  series_sin: elementWise(Math.sin),
  series_cos: elementWise(Math.cos),
  series_tan: elementWise(Math.tan),
  series_asin: elementWise(Math.asin),
  series_acos: elementWise(Math.acos),
  series_atan: elementWise(Math.atan),
};
