/**
 * Period detection for `series_periods_detect`, `series_periods_validate` and the automatic
 * period of `series_seasonal` / `series_decompose*`.
 *
 * The pages (series-periods-detect-function.md, series-periods-validate-function.md) fix the
 * contract but not the algorithm: periods are in bins, at least 4 and at most half the series
 * length; scores are between 0 and 1; detect returns `num_periods` periods ordered by score
 * (0 where nothing more was found); validate returns a score per given period (0 outside the
 * bounds). The scoring here is our own, stated so it can be checked:
 *
 * 1. Missing elements (null, non-numeric, NaN) are filled linearly; the least-squares line is
 *    removed, so a trend does not read as a long period.
 * 2. The score of a period p is the autocorrelation of that series at lag p, the lag sum over
 *    its n − p products so long lags are not penalised (between two integer lags it is
 *    interpolated linearly), clamped to [0, 1]; it is 0 when it does not exceed the white-noise
 *    band 1.96/√n (not significant).
 * 3. Detect keeps the lags where that autocorrelation is a significant local maximum, drops a lag
 *    that is a multiple of a shorter significant peak scoring at most `HARMONIC_TOLERANCE`
 *    less (a period repeats at each of its multiples, so the multiple adds nothing; a period
 *    below 4 bins explaining it means "too short to detect"), and orders the rest by score.
 *
 * So the periods found agree with the pages' examples (14 and nothing else for the traffic
 * series; 6, 5 and none for series-seasonal-function.md's three series), but the scores are not
 * Kusto's (the page shows 0.84 for the period 14 where this gives 0.98).
 */
import type { DynamicValue } from '../table/column';
import { elementNumber } from './series';

/** The shortest period the pages let the algorithm find, in bins. */
export const MIN_DETECTABLE_PERIOD = 4;

/** How much lower a multiple's score may be than its divisor's for the multiple to count as a harmonic. */
const HARMONIC_TOLERANCE = 0.05;

/** The score above which `series_seasonal` accepts an automatically detected period (its page). */
export const SEASONAL_DETECTION_THRESHOLD = 0.7;

/** Periods and their scores, position by position. */
export interface PeriodScores {
  readonly periods: number[];
  readonly scores: number[];
}

/** The elements as numbers with missing ones filled linearly (edges take the nearest value); null with no number at all. */
export function filledNumbers(series: readonly DynamicValue[]): number[] | null {
  const values = series.map((v) => {
    const x = elementNumber(v);
    return x === null || !Number.isFinite(x) ? null : x;
  });
  const present = values.flatMap((v, i) => (v === null ? [] : [i]));
  if (present.length === 0) return null;
  const out = new Array<number>(values.length);
  for (let i = 0; i < present[0]; i++) out[i] = values[present[0]] as number;
  for (let p = 0; p < present.length; p++) {
    const from = present[p];
    const a = values[from] as number;
    out[from] = a;
    const to = p + 1 < present.length ? present[p + 1] : values.length;
    const b = p + 1 < present.length ? (values[to] as number) : a;
    for (let i = from + 1; i < to; i++) out[i] = a + ((b - a) * (i - from)) / (to - from);
  }
  return out;
}

/** The values minus their least-squares line over positions 0..n-1. */
export function detrended(values: readonly number[]): number[] {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  values.forEach((y, i) => {
    sxy += (i - meanX) * (y - meanY);
    sxx += (i - meanX) ** 2;
  });
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return values.map((y, i) => y - (meanY + slope * (i - meanX)));
}

/** Autocorrelation at every integer lag 0..n-1 of a zero-mean series, each lag averaged over its own products. */
export function autocorrelations(centered: readonly number[]): number[] {
  const n = centered.length;
  const variance = centered.reduce((s, v) => s + v * v, 0) / n;
  const out = new Array<number>(n).fill(0);
  if (variance === 0) return out;
  for (let lag = 0; lag < n; lag++) {
    let sum = 0;
    for (let t = 0; t + lag < n; t++) sum += centered[t] * centered[t + lag];
    out[lag] = sum / (n - lag) / variance;
  }
  return out;
}

/** The autocorrelation at a real lag, interpolated between the two integer lags around it. */
function autocorrelationAt(acf: readonly number[], lag: number): number {
  const low = Math.floor(lag);
  if (low + 1 >= acf.length) return acf[Math.min(low, acf.length - 1)];
  return acf[low] + (acf[low + 1] - acf[low]) * (lag - low);
}

/** A period's score from its autocorrelation: 0 within the white-noise band, else clamped to at most 1. */
function scoreOf(correlation: number, n: number): number {
  return correlation > 1.96 / Math.sqrt(n) ? Math.min(1, correlation) : 0;
}

/** The detrended autocorrelations of a series, or null when it has no number. */
function seriesAutocorrelations(series: readonly DynamicValue[]): number[] | null {
  const values = filledNumbers(series);
  return values === null ? null : autocorrelations(detrended(values));
}

/** `series_periods_validate(series, p1, p2, ...)`: each period with its score (0 outside [4, n/2] or when not numeric). */
export function validatePeriods(series: readonly DynamicValue[], periods: readonly (number | null)[]): PeriodScores {
  const acf = seriesAutocorrelations(series);
  const n = series.length;
  const scores = periods.map((p) => {
    if (acf === null || p === null || !Number.isFinite(p) || p < MIN_DETECTABLE_PERIOD || p > n / 2) return 0;
    return scoreOf(autocorrelationAt(acf, p), n);
  });
  return { periods: periods.map((p) => p ?? 0), scores };
}

/** True when the autocorrelation at `lag` is a significant local maximum. */
function isPeak(acf: readonly number[], lag: number, n: number): boolean {
  const next = lag + 1 < acf.length ? acf[lag + 1] : -Infinity;
  return scoreOf(acf[lag], n) > 0 && acf[lag] >= acf[lag - 1] && acf[lag] >= next;
}

/** True when a shorter significant peak dividing `lag` scores nearly as well: `lag` is its harmonic. */
function isHarmonic(acf: readonly number[], lag: number, n: number): boolean {
  for (let q = 2; q <= lag / 2; q++) {
    if (lag % q === 0 && isPeak(acf, q, n) && acf[q] >= acf[lag] - HARMONIC_TOLERANCE) return true;
  }
  return false;
}

/**
 * `series_periods_detect(series, min_period, max_period, num_periods)`: up to `count` integer
 * periods in [max(4, min), min(max, n/2)] with their scores, best first, padded with zeros.
 */
export function detectPeriods(series: readonly DynamicValue[], minPeriod: number, maxPeriod: number, count: number): PeriodScores {
  const size = Math.max(0, Math.trunc(count));
  const found: { period: number; score: number }[] = [];
  const acf = seriesAutocorrelations(series);
  const n = series.length;
  if (acf !== null) {
    const low = Math.max(MIN_DETECTABLE_PERIOD, Math.ceil(minPeriod));
    const high = Math.min(Math.floor(maxPeriod), Math.floor(n / 2));
    for (let lag = low; lag <= high; lag++) {
      if (isPeak(acf, lag, n) && !isHarmonic(acf, lag, n)) found.push({ period: lag, score: scoreOf(acf[lag], n) });
    }
  }
  found.sort((a, b) => b.score - a.score || a.period - b.period);
  const periods = new Array<number>(size).fill(0);
  const scores = new Array<number>(size).fill(0);
  found.slice(0, size).forEach((f, i) => {
    periods[i] = f.period;
    scores[i] = f.score;
  });
  return { periods, scores };
}

/** The best period of a series scoring at least `threshold` (searched in [4, n/2]), or 0 when none does. */
export function dominantPeriod(series: readonly DynamicValue[], threshold: number): number {
  const { periods, scores } = detectPeriods(series, MIN_DETECTABLE_PERIOD, series.length / 2, 1);
  return periods.length > 0 && periods[0] > 0 && scores[0] >= threshold ? periods[0] : 0;
}
