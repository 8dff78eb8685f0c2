/** `extend`: the input columns plus computed ones; a computed column with an existing name replaces it in place. */
import type { NamedExpr } from '../plan';
import type { Relation, RunContext } from './relation';
import { computeColumns } from './project';

/** Applies `extend` (the binder's schema then fixes the final order). */
export function applyExtend(relation: Relation, columns: readonly NamedExpr[], run: RunContext): Relation {
  const added = computeColumns(relation, columns, run);
  const addedByName = new Map(added.map((c) => [c.name, c]));
  const kept = relation.columns.map((c) => addedByName.get(c.name) ?? c);
  const existing = new Set(relation.columns.map((c) => c.name));
  const fresh = added.filter((a) => !existing.has(a.name));
  return { rowCount: relation.rowCount, columns: [...kept, ...fresh] };
}
