/** `top N by keys`: the first N rows in sorted order (desc by default — resolved in the plan). */
import type { Expr, SortKey } from '../plan';
import type { Relation, RunContext } from './relation';
import { selectPositions } from './relation';
import { sortedPositions } from './sort';
import { rowCountArgument } from './take';

/** Applies `top`. */
export function applyTop(relation: Relation, count: Expr, keys: readonly SortKey[], run: RunContext): Relation {
  const n = rowCountArgument(count, relation, run);
  const sorted = sortedPositions(relation, keys, run);
  return selectPositions(relation, n < sorted.length ? sorted.slice(0, n) : sorted);
}
