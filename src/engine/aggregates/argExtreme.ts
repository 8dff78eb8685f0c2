/**
 * `arg_max(x, v1, v2, ...)` / `arg_min(...)` (docs: arg-max-aggfunction, arg-min-aggfunction):
 * per group, the row where `x` is largest (smallest) and the values of `v1, v2, ...` on that row.
 * The lowering splits one call into one column each: args `[x]` give the extreme value of `x`
 * itself, args `[x, v]` give `v` on the chosen row. Every column picks the same row: rows where
 * `x` is null (or NaN, or an empty string) lose to any other row, and on ties the first row in
 * input order wins. A group where every `x` is null takes the other columns from its first row
 * (docs: arg-max-aggregation-function, "null handling": `Banana | | Yellow`).
 * Exact 64-bit longs (`NumericColumn.exact`) are compared and carried by their exact values.
 */
import type { Column } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import type { Scalar } from '../functions/vector';
import { POLL_MASK, pollCancel } from '../functions/vector';
import type { Aggregate } from './protocol';
import { exactNumberKey } from '../table/exactLong';
import { cellKeepingExact, resultKeepingExact } from './exactLongAggregates';

/** Per group: the extreme key so far and the value picked on its row (`undefined`: no row yet). */
export interface ArgExtremeState {
  readonly best: (number | bigint | string | null)[];
  /** Exact longs beyond ±2^53 are kept as bigints. */
  readonly picked: (Scalar | bigint)[];
  /** 0: no row yet; 1: a row with a non-null key; 2 (`NULL_KEY_ONLY`): only rows with null keys so far. */
  readonly seen: Uint8Array;
}

/** `ArgExtremeState.seen` of a group whose rows so far all had a null key. */
const NULL_KEY_ONLY = 2;

/** The comparable key of row `i` of `x`, or null when the row does not take part. */
function keyAt(x: Column, i: number): number | bigint | string | null {
  const r = x.length === 1 ? 0 : i;
  switch (x.kind) {
    case 'number':
      if (x.exact !== undefined) return exactNumberKey(x, r) ?? null;
      if (x.nulls !== null && x.nulls[r] === 1) return null;
      return Number.isNaN(x.data[r]) ? null : x.data[r];
    case 'string': {
      const code = x.codes[r];
      return code < 0 || x.dict[code] === '' ? null : x.dict[code];
    }
    case 'dynamic': {
      const v = x.values[r];
      return typeof v === 'number' && !Number.isNaN(v) ? v : typeof v === 'string' && v !== '' ? v : null;
    }
    default: {
      const never: never = x;
      return never;
    }
  }
}

function better(sign: 1 | -1, candidate: number | bigint | string, current: number | bigint | string): boolean {
  // Numbers and bigints (exact longs) compare by value; strings only with strings.
  if ((typeof candidate === 'string') !== (typeof current === 'string')) return false;
  return sign > 0 ? candidate > current : candidate < current;
}

function argExtreme(sign: 1 | -1): Aggregate<ArgExtremeState> {
  return {
    init: (groupCount) => ({
      best: new Array<number | bigint | string | null>(groupCount).fill(null),
      picked: new Array<Scalar | bigint>(groupCount).fill(null),
      seen: new Uint8Array(groupCount),
    }),
    add(state, groupIds, rowCount, args, cancel) {
      const [x, value] = args;
      for (let i = 0; i < rowCount; i++) {
        if ((i & POLL_MASK) === 0) pollCancel(cancel);
        const key = keyAt(x, i);
        const g = groupIds[i];
        if (key === null) {
          if (state.seen[g] === 0) {
            state.seen[g] = NULL_KEY_ONLY;
            state.picked[g] = cellKeepingExact(value ?? x, i);
          }
          continue;
        }
        const current = state.best[g];
        if (state.seen[g] === 1 && current !== null && !better(sign, key, current)) continue;
        state.seen[g] = 1;
        state.best[g] = key;
        state.picked[g] = cellKeepingExact(value ?? x, i);
      }
    },
    merge(into, from) {
      for (let g = 0; g < into.best.length; g++) {
        const candidate = from.best[g];
        if (from.seen[g] === NULL_KEY_ONLY && into.seen[g] === 0) {
          into.seen[g] = NULL_KEY_ONLY;
          into.picked[g] = from.picked[g];
        }
        if (from.seen[g] !== 1 || candidate === null) continue;
        const current = into.best[g];
        if (into.seen[g] === 1 && current !== null && !better(sign, candidate, current)) continue;
        into.seen[g] = 1;
        into.best[g] = candidate;
        into.picked[g] = from.picked[g];
      }
    },
    result(state, groupCount, type: ScalarType) {
      const values = state.picked.slice(0, groupCount).map((v, g) => (state.seen[g] !== 0 ? v : null));
      return resultKeepingExact(values, groupCount, type);
    },
  };
}

/** `arg_max(x, ...)`, one output column per call (see the file comment). */
export const argMaxAggregate = argExtreme(1);
/** `arg_min(x, ...)`, one output column per call (see the file comment). */
export const argMinAggregate = argExtreme(-1);
