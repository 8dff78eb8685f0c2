/**
 * Pairs of adjacent operators that run as one step, because the pair has a cheaper way to the
 * same answer than running its operators one after the other:
 * - `sort by k | take N` is `top N by k` (a top-N selection instead of a full sort);
 * - `where p | count` counts the matching rows without building their selection;
 * - `join kind=innerunique|inner ... on key | summarize count() by key` counts the joined rows
 *   per key without building them (joinCount.ts; other shapes run the two operators).
 * The answers are exactly those of the unfused operators (same rows, same order).
 */
import type { Operator, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { Relation, RunContext } from './relation';
import { conformTo, selectPositions } from './relation';
import { rowCountArgument } from './take';
import { topPositions } from './topN';
import { countWhere } from './where';
import { applyCount } from './count';
import { applyJoin } from './join';
import { applySummarize } from './summarize';
import type { JoinCountShape } from './joinCount';
import { isJoinCountShape, joinCount } from './joinCount';

/** Runs a tabular subtree of the plan (the right side of a join) to its relation. */
export type ExecuteTabular = (node: Tabular) => Relation;

/** A fused pair: run `input`, then `apply` instead of the two operators. */
export interface FusedPipe {
  /** The tabular expression under both operators. */
  readonly input: Tabular;
  apply(relation: Relation, run: RunContext, execute: ExecuteTabular): Relation;
}

type FusedApply = FusedPipe['apply'];

/** The fused form of `inner | outer` over `input`, or null when the pair has none. */
function fusePair(inner: Operator, outer: Operator, innerNode: Tabular, schema: readonly ColumnSchema[]): FusedApply | null {
  if (outer.op === 'take' && inner.op === 'sort') {
    const { count } = outer;
    const keys = inner.by;
    return (relation, run) => selectPositions(relation, topPositions(relation, keys, rowCountArgument(count, relation, run), run));
  }
  if (outer.op === 'count' && inner.op === 'where') {
    const { predicate } = inner;
    return (relation, run) => {
      const rowCount = countWhere(relation, predicate, run);
      return applyCount({ rowCount, columns: [] }, schema);
    };
  }
  if (outer.op === 'summarize' && inner.op === 'join' && inner.keys.length === 1) {
    const shape: JoinCountShape = { kind: inner.kind, key: inner.keys[0], joinSchema: innerNode.schema, aggregates: outer.aggregates, by: outer.by };
    if (!isJoinCountShape(shape)) return null;
    return (left, run, execute) => {
      const right = execute(inner.right);
      const counted = joinCount(shape, left, right, run.cancel);
      if (counted !== null) return counted;
      // Not the exact shape at run time: the two operators, as the unfused pipe runs them.
      const joined = conformTo(applyJoin(left, right, inner.kind, inner.keys, innerNode.schema, run, innerNode.span), innerNode.schema, innerNode.span);
      return applySummarize(joined, outer.aggregates, outer.by, run);
    };
  }
  return null;
}

/** When `node` is `input | inner | outer` with a fusable pair, the fused step; else null. */
export function fusedPipe(node: Tabular & { readonly kind: 'pipe' }): FusedPipe | null {
  const inner = node.input;
  if (inner.kind !== 'pipe') return null;
  const apply = fusePair(inner.operator, node.operator, inner, node.schema);
  return apply === null ? null : { input: inner.input, apply };
}
