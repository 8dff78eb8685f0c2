/**
 * Statistical functions:
 * - `welch_test(mean1, variance1, count1, mean2, variance2, count2)` (welch-test-function.md):
 *   the two-sided p-value of Welch's t-test, t = (m1 - m2) / sqrt(v1/n1 + v2/n2) with the
 *   Welch–Satterthwaite degrees of freedom, p = I_{df/(df+t²)}(df/2, 1/2) (the Student t
 *   distribution's two tails through the regularized incomplete beta). Null when an argument is
 *   null; NaN when the statistic is undefined (zero variances, counts below 2).
 * - `percentrank_tdigest(digest, value)` (percentrank-tdigest-function.md): the percentage of the
 *   digest's weight at or below `value`. Our digests are exact, so this is the exact rank.
 */
import { digestOf, digestRank } from '../types/sketches';
import { betaCdf } from '../types/specialMath';
import type { ScalarKernel } from './kernel';
import { mapValues } from './vector';

/** The two-sided p-value of Welch's t-test for two samples' means, variances and counts. */
export function welchPValue(m1: number, v1: number, n1: number, m2: number, v2: number, n2: number): number {
  const a = v1 / n1;
  const b = v2 / n2;
  const spread = a + b;
  if (!(n1 > 1 && n2 > 1) || !(spread > 0)) return NaN;
  const t = (m1 - m2) / Math.sqrt(spread);
  const df = (spread * spread) / ((a * a) / (n1 - 1) + (b * b) / (n2 - 1));
  return betaCdf(df / (df + t * t), df / 2, 0.5);
}

const welchTest: ScalarKernel = (args, call, ctx) =>
  mapValues(args, call.type, ctx, (values) => {
    if (!values.every((v): v is number => typeof v === 'number')) return null;
    const [m1, v1, n1, m2, v2, n2] = values;
    return welchPValue(m1, v1, n1, m2, v2, n2);
  });

const percentrankTdigest: ScalarKernel = (args, call, ctx) =>
  mapValues(args, call.type, ctx, ([digest, value]) => {
    // Why raw numbers: a datetime/timespan value arrives as ticks, the unit the digest stores.
    const points = digestOf(digest as Parameters<typeof digestOf>[0]);
    if (points === null || typeof value !== 'number') return null;
    const total = points.weights.reduce((s, w) => s + w, 0);
    return total > 0 ? (100 * digestRank(points, value)) / total : null;
  });

/** The functions of this family by Kusto name. */
export const STATISTICS_EXTRA_FUNCTIONS: Readonly<Record<string, ScalarKernel>> = {
  welch_test: welchTest,
  percentrank_tdigest: percentrankTdigest,
};
