/**
 * `percentilew(x, w, p)`, `percentilesw(x, w, p1, ...)` and `percentilesw_array(x, w, p1, ...)` /
 * `percentilesw_array(x, w, dynamic([...]))` (percentilesw-aggregation-function.md): percentiles
 * where each value counts `w` times, "as if it was repeated w times in the input".
 *
 * Definition: the exact nearest-rank percentile of that repeated population (as `percentile.ts`
 * computes it for unweighted values): with W the sum of the weights, the P-th percentile is the
 * smallest value whose cumulative weight reaches rank ceil(P / 100 * W) (rank at least 1).
 * Kusto estimates it with a t-digest; for small inputs its answers are these exact ones (the
 * docs' example gives 20, 20, 40 for 50, 75, 99.9). Rows with a null value or a null, zero or
 * negative weight are ignored; a group without such rows gives null.
 *
 * `percentilesw(x, w, a, b)` is lowered to one `percentilew` call per output column.
 */
import type { Column } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import { isNumericType } from '../types/scalarType';
import { formatDatetime, formatTimespan } from '../types/datetime';
import { EngineFailure, runtimeError } from '../errors';
import { POLL_MASK, pollCancel, writerFor } from '../functions/vector';
import type { Aggregate } from './protocol';
import { numberOrNullExceptNaN } from './argReaders';

/** Every (group, value, weight) kept, and what was asked. */
export interface WeightedPercentileState {
  readonly groups: number[];
  readonly values: number[];
  readonly weights: number[];
  percents: number[] | null;
  valueType: ScalarType | null;
}

function checkPercent(p: unknown): number {
  if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 100) {
    throw new EngineFailure(runtimeError(`percentile must be a number between 0 and 100, got ${String(p)}`));
  }
  return p;
}

/** The constant percentiles after the value and the weight: numbers, or one dynamic array. */
function readPercents(args: readonly Column[]): number[] {
  const percents: number[] = [];
  for (const arg of args.slice(2)) {
    if (arg.kind === 'number') percents.push(checkPercent(arg.nulls !== null && arg.nulls[0] === 1 ? null : arg.data[0]));
    else if (arg.kind === 'dynamic' && Array.isArray(arg.values[0])) percents.push(...arg.values[0].map(checkPercent));
    else throw new EngineFailure(runtimeError('percentilew: the percentile must be a number'));
  }
  if (percents.length === 0) throw new EngineFailure(runtimeError('percentilew: no percentile given'));
  return percents;
}

/**
 * The weighted nearest-rank percentiles of one group's `(value, weight)` pairs (weights > 0),
 * or null when there are none.
 */
export function weightedPercentiles(values: readonly number[], weights: readonly number[], percents: readonly number[]): number[] | null {
  if (values.length === 0) return null;
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const total = weights.reduce((a, b) => a + b, 0);
  return percents.map((p) => {
    const rank = Math.max(1, Math.ceil((p * total) / 100));
    let cumulative = 0;
    for (const i of order) {
      cumulative += weights[i];
      if (cumulative >= rank) return values[i];
    }
    return values[order[order.length - 1]];
  });
}

/** The pairs of every group: `byGroup[g]` lists positions into the state. */
function groupsOf(state: WeightedPercentileState, groupCount: number): number[][] {
  const byGroup = Array.from({ length: groupCount }, (): number[] => []);
  state.groups.forEach((g, i) => byGroup[g].push(i));
  return byGroup;
}

function percentilesOfGroup(state: WeightedPercentileState, positions: readonly number[]): number[] | null {
  return weightedPercentiles(positions.map((i) => state.values[i]), positions.map((i) => state.weights[i]), state.percents ?? [50]);
}

function weighted(asArray: boolean): Aggregate<WeightedPercentileState> {
  return {
    init: () => ({ groups: [], values: [], weights: [], percents: null, valueType: null }),
    add(state, groupIds, rowCount, args, cancel) {
      state.percents ??= readPercents(args);
      const [value, weight] = args;
      if (value.kind !== 'number') throw new EngineFailure(runtimeError(`percentilew of ${value.type} is not supported`));
      state.valueType ??= value.type;
      for (let i = 0; i < rowCount; i++) {
        if ((i & POLL_MASK) === 0) pollCancel(cancel);
        const v = numberOrNullExceptNaN(value, i);
        const w = numberOrNullExceptNaN(weight, i);
        if (v === null || w === null || w <= 0) continue;
        state.groups.push(groupIds[i]);
        state.values.push(v);
        state.weights.push(w);
      }
    },
    merge(into, from) {
      into.percents ??= from.percents;
      into.valueType ??= from.valueType;
      into.groups.push(...from.groups);
      into.values.push(...from.values);
      into.weights.push(...from.weights);
    },
    result(state, groupCount, type) {
      if (asArray === isNumericType(type)) throw new TypeError(`percentilew: result type ${type}`);
      const out = writerFor(type, groupCount);
      groupsOf(state, groupCount).forEach((positions, g) => {
        const found = percentilesOfGroup(state, positions);
        if (found === null) out.set(g, null);
        else if (!asArray) out.set(g, found[0]);
        else out.set(g, found.map((v) => (state.valueType === 'datetime' ? formatDatetime(v) : state.valueType === 'timespan' ? formatTimespan(v) : v)));
      });
      return out.finish();
    },
  };
}

/** `percentilew(x, w, p)` (and `percentilesw`, one call per column). */
export const weightedPercentileAggregate = weighted(false);
/** `percentilesw_array(x, w, p1, ...)`: one dynamic array per group. */
export const weightedPercentilesArrayAggregate = weighted(true);
