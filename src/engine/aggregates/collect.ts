/** take_any/any, make_list, make_set (and their `_if` forms): values gathered per group. */
import type { Column, DynamicValue } from '../table/column';
import { cellOf } from '../table/rows';
import { formatDatetime, formatTimespan } from '../types/datetime';
import { POLL_MASK, at, pollCancel } from '../functions/vector';
import type { Aggregate } from './protocol';
import { cellKeepingExact, resultKeepingExact } from './exactLongAggregates';

/** A cell as a JSON value inside `dynamic` (datetimes and timespans as their text, as Kusto does). */
export function toDynamicValue(column: Column, i: number): DynamicValue {
  const r = column.length === 1 ? 0 : i;
  const v = cellOf(column, r);
  if (typeof v === 'number' && column.type === 'datetime') return formatDatetime(v);
  if (typeof v === 'number' && column.type === 'timespan') return formatTimespan(v);
  return v;
}

function passes(predicate: Column | undefined, i: number): boolean {
  if (predicate === undefined) return true;
  const v = at(predicate, i);
  return v === true;
}

/** `take_any(x)`: one (the first seen) non-null value of the group. */
export const takeAnyAggregate: Aggregate<{ values: (DynamicValue | bigint | undefined)[]; column: Column | null }> = {
  init: (groupCount) => ({ values: new Array<DynamicValue | bigint | undefined>(groupCount).fill(undefined), column: null }),
  add(state, groupIds, rowCount, args, cancel) {
    const value = args[0];
    for (let i = 0; i < rowCount; i++) {
      if ((i & POLL_MASK) === 0) pollCancel(cancel);
      const g = groupIds[i];
      if (state.values[g] !== undefined && state.values[g] !== null) continue;
      // Exact longs (beyond ±2^53) are kept as bigints.
      const v = cellKeepingExact(value, i);
      if (v === '' && state.values[g] !== undefined) continue;
      state.values[g] = v;
    }
  },
  merge(into, from) {
    from.values.forEach((v, g) => {
      if (into.values[g] === undefined || into.values[g] === null) into.values[g] = v;
    });
  },
  result(state, groupCount, type) {
    return resultKeepingExact(state.values, groupCount, type);
  },
};

/** State of make_list / make_set: per-group values, plus per-group seen keys for sets. */
interface CollectState {
  readonly lists: DynamicValue[][];
  readonly seen: Set<string>[] | null;
}

function collect(distinct: boolean, hasPredicate: boolean, keepNulls = false): Aggregate<CollectState> {
  return {
    init: (groupCount) => ({
      lists: Array.from({ length: groupCount }, () => []),
      seen: distinct ? Array.from({ length: groupCount }, () => new Set<string>()) : null,
    }),
    add(state, groupIds, rowCount, args, cancel) {
      const value = args[0];
      const predicate = hasPredicate ? args[1] : undefined;
      const limitArg = hasPredicate ? args[2] : args[1];
      const limit = limitArg === undefined ? 1_048_576 : Number(at(limitArg, 0) ?? 1_048_576);
      for (let i = 0; i < rowCount; i++) {
        if ((i & POLL_MASK) === 0) pollCancel(cancel);
        if (!passes(predicate, i)) continue;
        const v = toDynamicValue(value, i);
        if (v === null && !keepNulls) continue;
        const g = groupIds[i];
        const list = state.lists[g];
        if (list.length >= limit) continue;
        if (state.seen === null) {
          list.push(v);
          continue;
        }
        // make_set over an array takes the array's elements (make-set-aggregation-function.md,
        // "Set from array column"); make_list keeps each array whole.
        for (const item of Array.isArray(v) ? v : [v]) {
          if (item === null || list.length >= limit) continue;
          const key = JSON.stringify(item);
          if (state.seen[g].has(key)) continue;
          state.seen[g].add(key);
          list.push(item);
        }
      }
    },
    merge(into, from) {
      from.lists.forEach((list, g) => {
        for (const v of list) {
          if (into.seen !== null) {
            const key = JSON.stringify(v);
            if (into.seen[g].has(key)) continue;
            into.seen[g].add(key);
          }
          into.lists[g].push(v);
        }
      });
    },
    result(state, groupCount) {
      return { kind: 'dynamic', type: 'dynamic', values: state.lists.slice(0, groupCount), length: groupCount };
    },
  };
}

/** `make_list(x[, max])`. */
export const makeListAggregate = collect(false, false);
/** `make_set(x[, max])`: the distinct values, an array's elements counted one by one. */
export const makeSetAggregate = collect(true, false);
/** `make_list_if(x, p[, max])`. */
export const makeListIfAggregate = collect(false, true);
/** `make_set_if(x, p[, max])`. */
export const makeSetIfAggregate = collect(true, true);
/** `make_list_with_nulls(x)`: every value of the group, nulls included (make-list-with-nulls-aggregation-function.md). */
export const makeListWithNullsAggregate = collect(false, false, true);
