/** `take N` / `limit N`: the first N rows (no order implied), as a selection. */
import type { Expr } from '../plan';
import { EngineFailure, runtimeError } from '../errors';
import { evaluate } from '../functions/evaluate';
import { at } from '../functions/vector';
import type { Relation, RunContext } from './relation';
import { columnSource, firstPositions, selectPositions } from './relation';

/** Evaluates a row-count argument (`take 10`, `top 5 by ...`) to a non-negative integer. */
export function rowCountArgument(expr: Expr, relation: Relation, run: RunContext): number {
  const value = at(evaluate(expr, { ...columnSource(relation, run), rowCount: 1 }), 0);
  if (typeof value !== 'number' || Number.isNaN(value)) throw new EngineFailure(runtimeError('the row count must be a number', expr.span));
  return Math.max(0, Math.trunc(value));
}

/** Applies `take`. */
export function applyTake(relation: Relation, count: Expr, run: RunContext): Relation {
  const n = rowCountArgument(count, relation, run);
  if (n >= relation.rowCount) return relation;
  return selectPositions(relation, firstPositions(n));
}
