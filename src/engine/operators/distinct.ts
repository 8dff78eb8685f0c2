/** `distinct columns`: one row per distinct combination, in order of first appearance. */
import type { NamedExpr } from '../plan';
import { evaluate } from '../functions/evaluate';
import { broadcast } from '../functions/vector';
import type { Relation, RunContext } from './relation';
import { columnSource, selectPositions } from './relation';
import { groupRows } from './grouping';
import { applyProject } from './project';

/** Applies `distinct`: the listed columns, deduplicated (a selection of each group's first row). */
export function applyDistinct(relation: Relation, columns: readonly NamedExpr[], run: RunContext): Relation {
  const source = columnSource(relation, run);
  const keys = columns.map((c) => broadcast(evaluate(c.expr, source), relation.rowCount));
  const grouping = groupRows(keys, relation.rowCount, run.cancel);
  const firstRows = relation.rowCount === 0 ? new Int32Array(0) : grouping.firstRows;
  return applyProject(selectPositions(relation, firstRows), columns, run);
}
