/**
 * Sketch aggregates with exact states (see `types/sketches.ts` for the values they produce):
 * `hll(x[, accuracy])`, `hll_if(x, p[, accuracy])`, `hll_merge(h)` keep the set of distinct
 * values, so `dcount_hll` is exact; `tdigest(x[, w])` and `tdigest_merge(t)` keep every distinct
 * value with its weight, so `percentile_tdigest` gives the exact nearest-rank percentile. Kusto's
 * sketches are estimates for large inputs and exact for small ones; the engine's answers are
 * always the exact ones. The accuracy argument changes nothing here.
 */
import type { Column, DynamicValue } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import { type DigestPoints, digestOf, digestPoints, digestValue, hllKeys, hllValue } from '../types/sketches';
import { POLL_MASK, at, pollCancel, writerFor } from '../functions/vector';
import { toDynamicValue } from './collect';
import type { Aggregate } from './protocol';
import { numberOrNullExceptNaN } from './argReaders';

/** Per-group distinct value keys. */
export interface HllState {
  readonly sets: Set<string>[];
}

function passes(predicate: Column | undefined, i: number): boolean {
  return predicate === undefined || at(predicate, i) === true;
}

function dynamicAt(column: Column, i: number): DynamicValue {
  return toDynamicValue(column, i);
}

function hllAggregate(kind: 'values' | 'values_if' | 'merge'): Aggregate<HllState> {
  return {
    init: (groupCount) => ({ sets: Array.from({ length: groupCount }, () => new Set<string>()) }),
    add(state, groupIds, rowCount, args, cancel) {
      const [value, predicate] = args;
      for (let i = 0; i < rowCount; i++) {
        if ((i & POLL_MASK) === 0) pollCancel(cancel);
        if (kind === 'values_if' && !passes(predicate, i)) continue;
        const v = dynamicAt(value, i);
        if (v === null) continue;
        const set = state.sets[groupIds[i]];
        if (kind === 'merge') {
          for (const key of hllKeys(v) ?? []) set.add(key);
        } else {
          set.add(JSON.stringify(v));
        }
      }
    },
    merge(into, from) {
      from.sets.forEach((set, g) => {
        for (const key of set) into.sets[g].add(key);
      });
    },
    result(state, groupCount, type) {
      const out = writerFor(type, groupCount);
      // A group without a value gives null, as Kusto's hll of an empty input (summarize-operator.md).
      for (let g = 0; g < groupCount; g++) out.set(g, state.sets[g].size === 0 ? null : hllValue(state.sets[g]));
      return out.finish();
    },
  };
}

/** `hll(x[, accuracy])`. */
export const hllAggregateOfValues = hllAggregate('values');
/** `hll_if(x, p[, accuracy])`. */
export const hllIfAggregate = hllAggregate('values_if');
/** `hll_merge(h)`. */
export const hllMergeAggregate = hllAggregate('merge');

/** Per-group (value, weight) pairs and the values' type. */
export interface DigestState {
  readonly values: number[][];
  readonly weights: number[][];
  type: ScalarType | null;
}

function digestAggregate(merging: boolean): Aggregate<DigestState> {
  const addPoints = (state: DigestState, g: number, points: DigestPoints): void => {
    state.type ??= points.type;
    state.values[g].push(...points.values);
    state.weights[g].push(...points.weights);
  };
  return {
    init: (groupCount) => ({
      values: Array.from({ length: groupCount }, (): number[] => []),
      weights: Array.from({ length: groupCount }, (): number[] => []),
      type: null,
    }),
    add(state, groupIds, rowCount, args, cancel) {
      const [value, weight] = args;
      if (!merging) state.type ??= value.type;
      for (let i = 0; i < rowCount; i++) {
        if ((i & POLL_MASK) === 0) pollCancel(cancel);
        const g = groupIds[i];
        if (merging) {
          const points = digestOf(dynamicAt(value, i));
          if (points !== null) addPoints(state, g, points);
          continue;
        }
        const v = numberOrNullExceptNaN(value, i);
        const w = weight === undefined ? 1 : numberOrNullExceptNaN(weight, i);
        if (v === null || w === null || w <= 0) continue;
        state.values[g].push(v);
        state.weights[g].push(w);
      }
    },
    merge(into, from) {
      into.type ??= from.type;
      from.values.forEach((values, g) => addPoints(into, g, { type: from.type ?? 'real', values, weights: from.weights[g] }));
    },
    result(state, groupCount, type) {
      const out = writerFor(type, groupCount);
      for (let g = 0; g < groupCount; g++) {
        // A group without a value gives null, as Kusto's tdigest of an empty input (summarize-operator.md).
        const points = digestPoints(state.type ?? 'real', state.values[g], state.weights[g]);
        out.set(g, points.values.length === 0 ? null : digestValue(points));
      }
      return out.finish();
    },
  };
}

/** `tdigest(x[, w])`. */
export const tdigestAggregate = digestAggregate(false);
/** `tdigest_merge(t)` (also `merge_tdigests`). */
export const tdigestMergeAggregate = digestAggregate(true);
