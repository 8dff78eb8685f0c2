/**
 * Regression series functions: `series_fit_2lines` / `series_fit_2lines_dynamic` (two segments,
 * series-fit-2lines-function.md) and `series_fit_poly` (polynomial least squares,
 * series-fit-poly-function.md). Every statistic follows `series_fit_line` (`seriesAnalysis.ts`):
 * x is the position 1..n unless given, `variance` is the sample variance of the values,
 * `rvariance` the residuals' sum of squares over n − 1, `rsquare` 1 − residual / total sum of
 * squares (1 for a constant series).
 *
 * The pages do not define the split search precisely and show no numbers, so these are choices:
 * - both lines of `series_fit_2lines` are fitted on the same x axis (positions 1..n), so
 *   `left/right_slope` and `_interception` describe y = slope·x + interception over the whole
 *   series and `line_fit` is each line evaluated at its own points;
 * - each segment has at least 2 points; `split_idx` is the zero-based index of the first point
 *   of the right segment; the best split has the smallest total residual sum of squares (the
 *   largest total r-square), the first one on ties; a series of fewer than 4 points gives null;
 * - the `_dynamic` bag uses the flat names `right_rsquare`, `left_slope`, ... that Kusto.Language
 *   declares for it (the page writes them `right.rsquare`).
 * A non-numeric element (null, text) makes the whole result null, as in `series_fit_line`.
 */
import type { DynamicValue } from '../table/column';
import type { ScalarKernel } from './kernel';
import { mapDynamic } from './dynamicAccess';
import { elementNumber, numberElement } from './series';

/** The elements as a typed array, or null when one is not numeric. */
export function numericSeries(series: readonly DynamicValue[]): Float64Array | null {
  const out = new Float64Array(series.length);
  for (let i = 0; i < series.length; i++) {
    const x = elementNumber(series[i]);
    if (x === null) return null;
    out[i] = x;
  }
  return out;
}

/** One least-squares line over y[from..to) with x = position + 1. */
interface SegmentFit {
  readonly slope: number;
  readonly interception: number;
  /** Sum of squares of the values around their mean. */
  readonly total: number;
  /** Sum of squares of the residuals. */
  readonly residual: number;
}

/** The line over y[from..to) (two passes, centred sums). */
function fitSegment(y: Float64Array, from: number, to: number): SegmentFit {
  const m = to - from;
  const meanX = (from + 1 + to) / 2;
  let meanY = 0;
  for (let i = from; i < to; i++) meanY += y[i];
  meanY /= m;
  let sxy = 0;
  let sxx = 0;
  let total = 0;
  for (let i = from; i < to; i++) {
    const dx = i + 1 - meanX;
    const dy = y[i] - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    total += dy * dy;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const interception = meanY - slope * meanX;
  let residual = 0;
  for (let i = from; i < to; i++) residual += (y[i] - (interception + slope * (i + 1))) ** 2;
  return { slope, interception, total, residual };
}

const rsquareOf = (total: number, residual: number): number => (total === 0 ? 1 : 1 - residual / total);
const overDegreesOfFreedom = (sum: number, count: number): number => sum / (count > 1 ? count - 1 : 1);

/**
 * The split of y (as index of the right segment's first point) whose two lines leave the smallest
 * total residual sum of squares. Uses prefix sums of x, y, x², xy, y² around the series' centre
 * (so one pass finds the split); the chosen segments are then refitted exactly.
 */
export function bestSplit(y: Float64Array): number {
  const n = y.length;
  const cx = (n + 1) / 2;
  let cy = 0;
  for (let i = 0; i < n; i++) cy += y[i];
  cy /= n;
  // Prefix sums (index k holds the sums over points 0..k-1), centred to limit cancellation.
  const sx = new Float64Array(n + 1);
  const sy = new Float64Array(n + 1);
  const sxx = new Float64Array(n + 1);
  const sxy = new Float64Array(n + 1);
  const syy = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const x = i + 1 - cx;
    const v = y[i] - cy;
    sx[i + 1] = sx[i] + x;
    sy[i + 1] = sy[i] + v;
    sxx[i + 1] = sxx[i] + x * x;
    sxy[i + 1] = sxy[i] + x * v;
    syy[i + 1] = syy[i] + v * v;
  }
  const residualOf = (from: number, to: number): number => {
    const m = to - from;
    const mx = (sx[to] - sx[from]) / m;
    const my = (sy[to] - sy[from]) / m;
    const vxx = sxx[to] - sxx[from] - m * mx * mx;
    const vxy = sxy[to] - sxy[from] - m * mx * my;
    const vyy = syy[to] - syy[from] - m * my * my;
    return Math.max(0, vxx === 0 ? vyy : vyy - (vxy * vxy) / vxx);
  };
  let best = 2;
  let bestResidual = Infinity;
  for (let k = 2; k <= n - 2; k++) {
    const residual = residualOf(0, k) + residualOf(k, n);
    if (residual < bestResidual) {
      bestResidual = residual;
      best = k;
    }
  }
  return best;
}

/** `series_fit_2lines_dynamic(series)`: the bag of the best two-segment fit, or null (see the module comment). */
export function fitTwoLines(series: readonly DynamicValue[]): DynamicValue {
  const y = numericSeries(series);
  if (y === null || y.length < 4) return null;
  const n = y.length;
  const split = bestSplit(y);
  const left = fitSegment(y, 0, split);
  const right = fitSegment(y, split, n);
  const whole = fitSegment(y, 0, n);
  const residual = left.residual + right.residual;
  const lineFit = new Array<DynamicValue>(n);
  for (let i = 0; i < n; i++) {
    const line = i < split ? left : right;
    lineFit[i] = numberElement(line.interception + line.slope * (i + 1));
  }
  return {
    rsquare: numberElement(rsquareOf(whole.total, residual)),
    split_idx: split,
    variance: numberElement(overDegreesOfFreedom(whole.total, n)),
    rvariance: numberElement(overDegreesOfFreedom(residual, n)),
    line_fit: lineFit,
    right_rsquare: numberElement(rsquareOf(right.total, right.residual)),
    right_slope: numberElement(right.slope),
    right_interception: numberElement(right.interception),
    right_variance: numberElement(overDegreesOfFreedom(right.total, n - split)),
    right_rvariance: numberElement(overDegreesOfFreedom(right.residual, n - split)),
    left_rsquare: numberElement(rsquareOf(left.total, left.residual)),
    left_slope: numberElement(left.slope),
    left_interception: numberElement(left.interception),
    left_variance: numberElement(overDegreesOfFreedom(left.total, split)),
    left_rvariance: numberElement(overDegreesOfFreedom(left.residual, split)),
  };
}

/**
 * Least-squares coefficients c[0..d] (lowest power first) of Σ c[j]·x^j through the points, by
 * Householder QR of the Vandermonde matrix (better conditioned than the normal equations).
 * Null when the columns are linearly dependent (fewer distinct x than d + 1).
 */
export function polynomialCoefficients(x: Float64Array, y: Float64Array, degree: number): Float64Array | null {
  const n = x.length;
  const p = degree + 1;
  if (n < p) return null;
  // Column-major n×p matrix A[i + j·n] = x[i]^j, and the right-hand side b.
  const a = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    let power = 1;
    for (let j = 0; j < p; j++) {
      a[i + j * n] = power;
      power *= x[i];
    }
  }
  const b = Float64Array.from(y);
  const diagonal = new Float64Array(p);
  // Each column's own norm: a diagonal tiny against it means the column adds nothing new.
  const columnNorms = new Float64Array(p);
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) columnNorms[j] = Math.hypot(columnNorms[j], a[i + j * n]);
  for (let j = 0; j < p; j++) {
    let norm = 0;
    for (let i = j; i < n; i++) norm = Math.hypot(norm, a[i + j * n]);
    if (norm === 0) return null;
    const alpha = a[j + j * n] > 0 ? -norm : norm;
    // Householder vector v = column - alpha·e_j, stored in place of the column.
    a[j + j * n] -= alpha;
    let vv = 0;
    for (let i = j; i < n; i++) vv += a[i + j * n] ** 2;
    diagonal[j] = alpha;
    if (vv === 0) continue;
    for (let k = j + 1; k < p; k++) {
      let dot = 0;
      for (let i = j; i < n; i++) dot += a[i + j * n] * a[i + k * n];
      const f = (2 * dot) / vv;
      for (let i = j; i < n; i++) a[i + k * n] -= f * a[i + j * n];
    }
    let dot = 0;
    for (let i = j; i < n; i++) dot += a[i + j * n] * b[i];
    const f = (2 * dot) / vv;
    for (let i = j; i < n; i++) b[i] -= f * a[i + j * n];
  }
  const coefficients = new Float64Array(p);
  for (let j = p - 1; j >= 0; j--) {
    if (!(Math.abs(diagonal[j]) > columnNorms[j] * 1e-12)) return null;
    let sum = b[j];
    for (let k = j + 1; k < p; k++) sum -= a[j + k * n] * coefficients[k];
    coefficients[j] = sum / diagonal[j];
  }
  return coefficients;
}

/**
 * `series_fit_poly(y [, x [, degree]])`: the polynomial of `degree` (default 1) fitted by least
 * squares; x defaults to 1..n (also when it is not an array). Components: `rsquare`,
 * `coefficients` (highest power first), `variance`, `rvariance`, `poly_fit`. Null for a
 * non-numeric element, x of another length, a negative or fractional degree, or fewer distinct x
 * than degree + 1.
 */
export function fitPoly(series: readonly DynamicValue[], xSeries: DynamicValue, degreeValue: DynamicValue): DynamicValue {
  const y = numericSeries(series);
  const degree = degreeValue === null ? 1 : elementNumber(degreeValue);
  if (y === null || y.length === 0 || degree === null || !Number.isInteger(degree) || degree < 0) return null;
  const n = y.length;
  let x: Float64Array | null;
  if (Array.isArray(xSeries)) x = numericSeries(xSeries);
  else x = Float64Array.from({ length: n }, (_, i) => i + 1);
  if (x === null || x.length !== n) return null;
  const c = polynomialCoefficients(x, y, degree);
  if (c === null) return null;
  let meanY = 0;
  for (let i = 0; i < n; i++) meanY += y[i];
  meanY /= n;
  const fit = new Array<DynamicValue>(n);
  let total = 0;
  let residual = 0;
  for (let i = 0; i < n; i++) {
    let value = 0;
    for (let j = degree; j >= 0; j--) value = value * x[i] + c[j];
    fit[i] = numberElement(value);
    total += (y[i] - meanY) ** 2;
    residual += (y[i] - value) ** 2;
  }
  const coefficients = new Array<DynamicValue>(degree + 1);
  for (let j = 0; j <= degree; j++) coefficients[j] = numberElement(c[degree - j]);
  return {
    rsquare: numberElement(rsquareOf(total, residual)),
    coefficients,
    variance: numberElement(overDegreesOfFreedom(total, n)),
    rvariance: numberElement(overDegreesOfFreedom(residual, n)),
    poly_fit: fit,
  };
}

/** The regression functions with a plain (dynamic) result, by Kusto name. */
export const SERIES_FIT_FUNCTIONS: Readonly<Record<string, ScalarKernel>> = {
  series_fit_2lines_dynamic: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([s]) => (Array.isArray(s) ? fitTwoLines(s) : null)),
};
