/**
 * The `dynamic` values of the sketch aggregates, shaped like Kusto's own but exact:
 * - `hll(x)`: `[[1024, 14], [key, ...], []]`, where the keys are the distinct non-null values'
 *   texts (Kusto keeps 64-bit hashes there; the engine keeps the values, so `dcount_hll` is the
 *   exact distinct count — which Kusto's sparse HLL also gives for small inputs);
 * - `tdigest(x[, w])`: `[[code], [value, ...], [weight, ...]]`, the distinct values ascending
 *   with their summed weights (Kusto keeps centroids; these are all the points, so percentiles
 *   are the exact nearest-rank ones). `code` is 7 for numbers, as Kusto's digests of numbers
 *   show, and the type name for `datetime` / `timespan` (values in ticks).
 * A value of another shape is not a sketch: readers answer null for it.
 */
import type { DynamicValue } from '../table/column';
import type { ScalarType } from './scalarType';

/** The header Kusto's HLL values start with (accuracy 1: 2^14 buckets). */
const HLL_HEADER: DynamicValue = [1024, 14];
/** The type code of a digest of numbers. */
const NUMBER_CODE = 7;

/** An HLL value of the distinct `keys`. */
export function hllValue(keys: Iterable<string>): DynamicValue {
  return [HLL_HEADER, [...keys].sort(), []];
}

/** The distinct keys of an HLL value, or null when `value` is not one. */
export function hllKeys(value: DynamicValue): string[] | null {
  if (!Array.isArray(value) || value.length !== 3) return null;
  const keys = value[1];
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) return null;
  return keys as string[];
}

/** A digest's points: values ascending, each with its (positive) weight, and the values' type. */
export interface DigestPoints {
  readonly type: ScalarType;
  readonly values: readonly number[];
  readonly weights: readonly number[];
}

/** Sorts and combines `(value, weight)` pairs into digest points. */
export function digestPoints(type: ScalarType, values: readonly number[], weights: readonly number[]): DigestPoints {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const outValues: number[] = [];
  const outWeights: number[] = [];
  for (const i of order) {
    const last = outValues.length - 1;
    if (last >= 0 && outValues[last] === values[i]) outWeights[last] += weights[i];
    else {
      outValues.push(values[i]);
      outWeights.push(weights[i]);
    }
  }
  return { type, values: outValues, weights: outWeights };
}

/** The `dynamic` value of a digest. */
export function digestValue(points: DigestPoints): DynamicValue {
  const code = points.type === 'datetime' || points.type === 'timespan' ? points.type : NUMBER_CODE;
  return [[code], [...points.values], [...points.weights]];
}

/** The points of a digest value, or null when `value` is not one. */
export function digestOf(value: DynamicValue): DigestPoints | null {
  if (!Array.isArray(value) || value.length !== 3) return null;
  const [header, values, weights] = value;
  if (!Array.isArray(header) || !Array.isArray(values) || !Array.isArray(weights) || values.length !== weights.length) return null;
  if (!values.every((v) => typeof v === 'number') || !weights.every((w) => typeof w === 'number')) return null;
  const code = header[0];
  const type: ScalarType = code === 'datetime' || code === 'timespan' ? code : 'real';
  return { type, values: values as number[], weights: weights as number[] };
}

/** Merges digests (of one value type; the first one's type is kept). */
export function mergeDigests(digests: readonly DigestPoints[]): DigestPoints | null {
  if (digests.length === 0) return null;
  return digestPoints(digests[0].type, digests.flatMap((d) => d.values), digests.flatMap((d) => d.weights));
}

/**
 * The nearest-rank P-th percentile of a digest's points: the smallest value whose cumulative
 * weight reaches ceil(P / 100 * W) (at least 1), W the total weight; null for no points.
 */
export function digestPercentile(points: DigestPoints, percent: number): number | null {
  const total = points.weights.reduce((a, b) => a + b, 0);
  if (points.values.length === 0 || total <= 0) return null;
  const rank = Math.max(1, Math.ceil((percent * total) / 100));
  let cumulative = 0;
  for (let i = 0; i < points.values.length; i++) {
    cumulative += points.weights[i];
    if (cumulative >= rank) return points.values[i];
  }
  return points.values[points.values.length - 1];
}

/** The rank of `value` in a digest: the total weight of the points at or below it. */
export function digestRank(points: DigestPoints, value: number): number {
  let rank = 0;
  for (let i = 0; i < points.values.length && points.values[i] <= value; i++) rank += points.weights[i];
  return rank;
}
