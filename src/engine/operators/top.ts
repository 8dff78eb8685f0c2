/** `top N by keys`: the first N rows in sorted order (desc by default — resolved in the plan), by top-N selection. */
import type { Expr, SortKey } from '../plan';
import type { Relation, RunContext } from './relation';
import { selectPositions } from './relation';
import { rowCountArgument } from './take';
import { topPositions } from './topN';

/** Applies `top`. */
export function applyTop(relation: Relation, count: Expr, keys: readonly SortKey[], run: RunContext): Relation {
  const n = rowCountArgument(count, relation, run);
  return selectPositions(relation, topPositions(relation, keys, n, run));
}
