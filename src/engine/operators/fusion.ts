/**
 * Pairs of adjacent operators that run as one step, because the pair has a cheaper way to the
 * same answer than running its operators one after the other:
 * - `sort by k | take N` is `top N by k` (a top-N selection instead of a full sort);
 * - `where p | count` counts the matching rows without building their selection.
 * The answers are exactly those of the unfused operators (same rows, same order).
 */
import type { Operator, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { Relation, RunContext } from './relation';
import { selectPositions } from './relation';
import { rowCountArgument } from './take';
import { topPositions } from './topN';
import { countWhere } from './where';
import { applyCount } from './count';

/** A fused pair: run `input`, then `apply` instead of the two operators. */
export interface FusedPipe {
  /** The tabular expression under both operators. */
  readonly input: Tabular;
  apply(relation: Relation, run: RunContext): Relation;
}

/** The fused form of `inner | outer` over `input`, or null when the pair has none. */
function fusePair(inner: Operator, outer: Operator, schema: readonly ColumnSchema[]): ((relation: Relation, run: RunContext) => Relation) | null {
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
  return null;
}

/** When `node` is `input | inner | outer` with a fusable pair, the fused step; else null. */
export function fusedPipe(node: Tabular & { readonly kind: 'pipe' }): FusedPipe | null {
  const inner = node.input;
  if (inner.kind !== 'pipe') return null;
  const apply = fusePair(inner.operator, node.operator, node.schema);
  return apply === null ? null : { input: inner.input, apply };
}
