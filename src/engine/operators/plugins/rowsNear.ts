/**
 * `evaluate rows_near(condition, NumRows [, RowsAfter])` (rows-near-plugin.md): every input row
 * within `NumRows` rows before, or `RowsAfter` (default `NumRows`) rows after, a row where the
 * condition is true, in input order and each row once. A null condition is not true.
 */
import type { RowsNearOperator } from '../../plan';
import { evaluate } from '../../functions/evaluate';
import { POLL_MASK, pollCancel } from '../../functions/vector';
import { asNumeric } from '../../functions/vector';
import type { Relation, RunContext } from '../relation';
import { columnSource, selectPositions } from '../relation';
import { rowCountArgument } from '../take';

/** Applies `rows_near` as a selection of the input's rows. */
export function applyRowsNear(relation: Relation, operator: RowsNearOperator, run: RunContext): Relation {
  const before = rowCountArgument(operator.before, relation, run);
  const after = operator.after === null ? before : rowCountArgument(operator.after, relation, run);
  const n = relation.rowCount;
  const condition = asNumeric(evaluate(operator.condition, columnSource(relation, run)), 'rows_near condition');
  const broadcast = condition.length === 1 && n !== 1;
  // Marks each row as kept, walking once: `reach` is the last row the latest true condition keeps.
  const keep = new Uint8Array(n);
  let kept = 0;
  let reach = -1;
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(run.cancel);
    const row = broadcast ? 0 : i;
    const isTrue = (condition.nulls === null || condition.nulls[row] === 0) && condition.data[row] !== 0;
    if (isTrue) {
      for (let j = Math.max(0, i - before, reach + 1); j < i; j++) {
        keep[j] = 1;
        kept++;
      }
      reach = Math.max(reach, Math.min(n - 1, i + after));
    }
    if (i <= reach && keep[i] === 0) {
      keep[i] = 1;
      kept++;
    }
  }
  if (kept === n) return relation;
  const positions = new Int32Array(kept);
  let k = 0;
  for (let i = 0; i < n; i++) if (keep[i] === 1) positions[k++] = i;
  return selectPositions(relation, positions);
}
