/**
 * `sample N` (sample-operator.md): up to N rows chosen at random (a partial Fisher-Yates shuffle of
 * the row positions), kept in their input order. Kusto documents the operator as
 * non-deterministic, so each run may pick other rows. `sample-distinct` is lowered to `distinct`
 * followed by this operator.
 */
import type { Expr } from '../plan';
import type { Relation, RunContext } from './relation';
import { selectPositions } from './relation';
import { rowCountArgument } from './take';

/** Picks `count` distinct positions of `0..rowCount-1`, ascending; `random` returns values in [0, 1). */
export function samplePositions(rowCount: number, count: number, random: () => number = Math.random): Int32Array {
  const n = Math.min(count, rowCount);
  const pool = new Int32Array(rowCount);
  for (let i = 0; i < rowCount; i++) pool[i] = i;
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (rowCount - i));
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, n).sort();
}

/** Applies `sample`. */
export function applySample(relation: Relation, count: Expr, run: RunContext): Relation {
  const n = rowCountArgument(count, relation, run);
  if (n >= relation.rowCount) return relation;
  return selectPositions(relation, samplePositions(relation.rowCount, n));
}
