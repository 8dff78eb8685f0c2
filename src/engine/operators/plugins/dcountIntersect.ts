/**
 * `evaluate dcount_intersect(hll_1, ..., hll_n)` (dcount-intersect-plugin.md): per input row,
 * `s<k>` is the distinct count of the intersection of the first k+1 sets. The engine's `hll`
 * values hold their distinct keys exactly (`types/sketches.ts`), so the counts are exact. A value
 * that is not an `hll` sketch makes its count and every later one null.
 */
import type { DcountIntersectOperator } from '../../plan';
import type { DynamicValue } from '../../table/column';
import { NumericColumnBuilder } from '../../table/builder';
import { evaluate } from '../../functions/evaluate';
import { POLL_MASK, at, pollCancel } from '../../functions/vector';
import { hllKeys } from '../../types/sketches';
import type { Relation, RunContext } from '../relation';
import { columnSource } from '../relation';

/** The counts of one row: |S1|, |S1 ∩ S2|, ...; null from the first argument that is not a sketch. */
function intersectionCounts(values: readonly DynamicValue[]): (number | null)[] {
  const counts: (number | null)[] = [];
  let common: Set<string> | null = null;
  for (const value of values) {
    const keys = hllKeys(value);
    if (keys === null) {
      while (counts.length < values.length) counts.push(null);
      break;
    }
    if (common === null) common = new Set(keys);
    else {
      const next = new Set<string>();
      for (const key of keys) if (common.has(key)) next.add(key);
      common = next;
    }
    counts.push(common.size);
  }
  return counts;
}

/** Applies `dcount_intersect`: the input's columns plus one `long` count column per sketch. */
export function applyDcountIntersect(relation: Relation, operator: DcountIntersectOperator, run: RunContext): Relation {
  const source = columnSource(relation, run);
  const sketches = operator.sketches.map((e) => evaluate(e, source));
  const builders = operator.names.map(() => new NumericColumnBuilder('long'));
  const n = relation.rowCount;
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(run.cancel);
    const values = sketches.map((c) => at(c, c.length === 1 ? 0 : i) as DynamicValue);
    intersectionCounts(values).forEach((count, k) => builders[k].append(count));
  }
  return {
    rowCount: n,
    columns: [...relation.columns, ...operator.names.map((name, k) => ({ name, data: builders[k].finish(), rows: null }))],
  };
}
