/** `where predicate`: keeps the rows where the predicate is true (null and false drop), as a selection. */
import type { Expr } from '../plan';
import { evaluate } from '../functions/evaluate';
import { pollCancel } from '../functions/vector';
import type { Relation, RunContext } from './relation';
import { columnSource, selectPositions } from './relation';

/** Splits `a and b and c` into its conjuncts, so each narrows the rows the next one evaluates. */
function conjuncts(expr: Expr): Expr[] {
  if (expr.kind === 'binary' && expr.op === 'and') return [...conjuncts(expr.left), ...conjuncts(expr.right)];
  return [expr];
}

/** Positions (0..rowCount-1) where a bool vector is true; a constant applies to every row. */
export function truePositions(relation: Relation, predicate: Expr, run: RunContext): Int32Array {
  const vector = evaluate(predicate, columnSource(relation, run));
  const n = relation.rowCount;
  if (vector.kind !== 'number') return new Int32Array(0);
  if (vector.length === 1 && n !== 1) {
    const keep = (vector.nulls === null || vector.nulls[0] === 0) && vector.data[0] !== 0;
    return keep ? Int32Array.from({ length: n }, (_, i) => i) : new Int32Array(0);
  }
  const out = new Int32Array(n);
  let count = 0;
  const { data, nulls } = vector;
  for (let i = 0; i < n; i++) {
    if (data[i] !== 0 && (nulls === null || nulls[i] === 0)) out[count++] = i;
  }
  return out.slice(0, count);
}

/** Applies `where` and returns the narrowed relation (no data is copied). */
export function applyWhere(relation: Relation, predicate: Expr, run: RunContext): Relation {
  let current = relation;
  for (const part of conjuncts(predicate)) {
    pollCancel(run.cancel);
    if (current.rowCount === 0) break;
    current = selectPositions(current, truePositions(current, part, run));
  }
  return current;
}
