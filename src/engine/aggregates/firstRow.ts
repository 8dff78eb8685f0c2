/**
 * The value on the first row of each group. The lowering uses it for `take_any(a, b, ...)` and
 * `take_any(*)`, whose columns must all come from one (arbitrary) row of the group (docs:
 * take-any-aggfunction); only the one-argument `take_any(x)` prefers a non-null value.
 */
import type { Scalar } from '../functions/vector';
import { POLL_MASK, pollCancel } from '../functions/vector';
import type { Aggregate } from './protocol';
import { cellKeepingExact, resultKeepingExact } from './exactLongAggregates';

/** Per group: whether a row was seen, and its value. */
export interface FirstRowState {
  readonly seen: Uint8Array;
  /** Exact longs beyond ±2^53 are kept as bigints. */
  readonly values: (Scalar | bigint)[];
}

/** Internal name in the registry: not a Kusto function, so users cannot call it. */
export const TAKE_ANY_ROW = '$take_any_row';

/** The value on each group's first row (null for a group without rows). */
export const firstRowAggregate: Aggregate<FirstRowState> = {
  init: (groupCount) => ({ seen: new Uint8Array(groupCount), values: new Array<Scalar | bigint>(groupCount).fill(null) }),
  add(state, groupIds, rowCount, args, cancel) {
    const value = args[0];
    for (let i = 0; i < rowCount; i++) {
      if ((i & POLL_MASK) === 0) pollCancel(cancel);
      const g = groupIds[i];
      if (state.seen[g] === 1) continue;
      state.seen[g] = 1;
      state.values[g] = cellKeepingExact(value, i);
    }
  },
  merge(into, from) {
    for (let g = 0; g < into.seen.length; g++) {
      if (into.seen[g] === 0 && from.seen[g] === 1) {
        into.seen[g] = 1;
        into.values[g] = from.values[g];
      }
    }
  },
  result(state, groupCount, type) {
    return resultKeepingExact(state.values, groupCount, type);
  },
};
