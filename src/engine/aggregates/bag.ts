/**
 * `make_bag(x [, maxSize])` and `make_bag_if(x, p [, maxSize])` (docs: make-bag-aggfunction,
 * make-bag-if-aggfunction): the union of the property bags of the group. Values that are not
 * property bags (null, arrays, scalars) are ignored; when two bags hold the same key, the first
 * one in input order is kept. At most `maxSize` keys (default 1048576). A group without bags
 * gives an empty bag.
 */
import type { Column, DynamicValue } from '../table/column';
import { POLL_MASK, at, pollCancel } from '../functions/vector';
import type { Aggregate } from './protocol';

const DEFAULT_MAX_KEYS = 1_048_576;

/** Per group: the merged bag (keys in first-seen order). */
export interface BagState {
  readonly bags: Map<string, DynamicValue>[];
  maxKeys: number;
}

function isBag(v: unknown): v is Record<string, DynamicValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Row `i` of a dynamic column as a property bag, or null when it is not one. */
function bagAt(column: Column, i: number): Record<string, DynamicValue> | null {
  const v = at(column, i);
  if (isBag(v)) return v;
  return null;
}

function addBag(bag: Map<string, DynamicValue>, from: Iterable<[string, DynamicValue]>, maxKeys: number): void {
  for (const [key, value] of from) {
    if (bag.size >= maxKeys) return;
    if (!bag.has(key)) bag.set(key, value);
  }
}

function makeBag(hasPredicate: boolean): Aggregate<BagState> {
  return {
    init: (groupCount) => ({ bags: Array.from({ length: groupCount }, () => new Map<string, DynamicValue>()), maxKeys: DEFAULT_MAX_KEYS }),
    add(state, groupIds, rowCount, args, cancel) {
      const value = args[0];
      const predicate = hasPredicate ? args[1] : undefined;
      const limit = hasPredicate ? args[2] : args[1];
      if (limit !== undefined) {
        const n = Number(at(limit, 0));
        if (Number.isFinite(n) && n > 0) state.maxKeys = n;
      }
      for (let i = 0; i < rowCount; i++) {
        if ((i & POLL_MASK) === 0) pollCancel(cancel);
        if (predicate !== undefined && at(predicate, i) !== true) continue;
        const bag = bagAt(value, i);
        if (bag !== null) addBag(state.bags[groupIds[i]], Object.entries(bag), state.maxKeys);
      }
    },
    merge(into, from) {
      from.bags.forEach((bag, g) => addBag(into.bags[g], bag, into.maxKeys));
    },
    result(state, groupCount) {
      const values: DynamicValue[] = state.bags.slice(0, groupCount).map((bag) => Object.fromEntries(bag));
      return { kind: 'dynamic', type: 'dynamic', values, length: groupCount };
    },
  };
}

/** `make_bag(x [, maxSize])`. */
export const makeBagAggregate = makeBag(false);
/** `make_bag_if(x, p [, maxSize])`. */
export const makeBagIfAggregate = makeBag(true);
