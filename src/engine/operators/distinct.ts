/** `distinct columns`: one row per distinct combination, in order of first appearance. */
import type { NamedExpr } from '../plan';
import type { Relation, RunContext } from './relation';
import { selectPositions } from './relation';
import { applyProject } from './project';
import { groupByExprs } from './summarize';

/** Applies `distinct`: the listed columns, deduplicated (a selection of each group's first row). */
export function applyDistinct(relation: Relation, columns: readonly NamedExpr[], run: RunContext): Relation {
  const grouping = groupByExprs(relation, columns, run);
  const firstRows = relation.rowCount === 0 ? new Int32Array(0) : grouping.firstRows;
  return applyProject(selectPositions(relation, firstRows), columns, run);
}
