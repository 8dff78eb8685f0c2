/**
 * Scalar functions over the sketch values of `aggregates/sketches.ts`: `dcount_hll(h)`,
 * `hll_merge(h1, h2, ...)`, `merge_tdigest(t1, ...)` (also `tdigest_merge`),
 * `percentile_tdigest(t, p[, typeof(T)])`, `percentiles_array_tdigest(t, p1, ...)` and
 * `rank_tdigest(t, v)`. A value that is not a sketch gives null.
 */
import type { DynamicValue } from '../table/column';
import { formatDatetime, formatTimespan } from '../types/datetime';
import {
  type DigestPoints, digestOf, digestPercentile, digestRank, digestValue, hllKeys, hllValue, mergeDigests,
} from '../types/sketches';
import type { ScalarKernel } from './kernel';
import { mapDynamic } from './dynamicAccess';

/** A digest's value as a `dynamic` element (datetimes and timespans as text, as Kusto shows them). */
function asDynamic(points: DigestPoints, v: number): DynamicValue {
  if (points.type === 'datetime') return formatDatetime(v);
  if (points.type === 'timespan') return formatTimespan(v);
  return v;
}

const hllMerge: ScalarKernel = (args, call, ctx) =>
  mapDynamic(args, call.type, ctx, (values) => {
    const keys = new Set<string>();
    for (const v of values) for (const key of hllKeys(v) ?? []) keys.add(key);
    return hllValue(keys);
  });

const mergeTdigest: ScalarKernel = (args, call, ctx) =>
  mapDynamic(args, call.type, ctx, (values) => {
    const digests = values.map(digestOf).filter((d): d is DigestPoints => d !== null);
    const merged = mergeDigests(digests);
    return merged === null ? null : digestValue(merged);
  });

const percentileTdigest: ScalarKernel = (args, call, ctx) =>
  // The optional third argument is `typeof(T)`, already the call's type (lowered to a placeholder).
  mapDynamic(args.slice(0, 2), call.type, ctx, ([digest, percent]) => {
    const points = digestOf(digest);
    if (points === null || typeof percent !== 'number') return null;
    const v = digestPercentile(points, percent);
    if (v === null) return null;
    return call.type === 'dynamic' ? asDynamic(points, v) : v;
  });

const percentilesArrayTdigest: ScalarKernel = (args, call, ctx) =>
  mapDynamic(args, call.type, ctx, ([digest, ...percents]) => {
    const points = digestOf(digest);
    const list = percents.length === 1 && Array.isArray(percents[0]) ? percents[0] : percents;
    if (points === null) return null;
    return list.map((p) => {
      const v = typeof p === 'number' ? digestPercentile(points, p) : null;
      return v === null ? null : asDynamic(points, v);
    });
  });

const rankTdigest: ScalarKernel = (args, call, ctx) =>
  mapDynamic(args, call.type, ctx, ([digest, value]) => {
    const points = digestOf(digest);
    return points === null || typeof value !== 'number' ? null : digestRank(points, value);
  });

/** The sketch functions by Kusto name. */
export const SKETCH_FUNCTIONS: Readonly<Record<string, ScalarKernel>> = {
  dcount_hll: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([h]) => hllKeys(h)?.length ?? null),
  hll_merge: hllMerge,
  merge_tdigest: mergeTdigest,
  tdigest_merge: mergeTdigest,
  percentile_tdigest: percentileTdigest,
  percentiles_array_tdigest: percentilesArrayTdigest,
  rank_tdigest: rankTdigest,
};
