/** `project`: computed columns are evaluated as whole vectors; plain column references pass through without copies. */
import type { NamedExpr } from '../plan';
import { evaluateKeepingExact } from '../functions/evaluate';
import type { ColumnSource } from '../functions/evaluate';
import { pollCancel } from '../functions/vector';
import type { RelColumn, Relation, RunContext } from './relation';
import { columnSource, denseColumn, readColumn } from './relation';

/**
 * Evaluates `columns` over `relation`. A name means the input's column whenever the input has
 * one, as the binder resolves it: `project d = 1, e = d` and `extend d = 1, e = d` give e the
 * input's d. Only a name the input lacks can mean a column computed earlier in the same list
 * (hand-built plans; the binder rejects `extend a = 1, b = a`). Returns the new columns in order.
 */
export function computeColumns(relation: Relation, columns: readonly NamedExpr[], run: RunContext): RelColumn[] {
  const input = new Map(relation.columns.map((c) => [c.name, c]));
  const produced = new Map<string, RelColumn>();
  const base = columnSource(relation, run);
  const source: ColumnSource = {
    ...base,
    column(name) {
      const own = input.has(name) ? undefined : produced.get(name);
      return own === undefined ? base.column(name) : readColumn(own);
    },
  };
  const out: RelColumn[] = [];
  for (const { name, expr } of columns) {
    pollCancel(run.cancel);
    const passThrough = expr.kind === 'column' ? input.get(expr.name) ?? produced.get(expr.name) : undefined;
    const column: RelColumn = passThrough !== undefined && passThrough.data.type === expr.type
      ? { name, data: passThrough.data, rows: passThrough.rows }
      : denseColumn(name, evaluateKeepingExact(expr, source), relation.rowCount);
    if (!input.has(name)) produced.set(name, column);
    out.push(column);
  }
  return out;
}

/** `project`: exactly the listed columns, in order. */
export function applyProject(relation: Relation, columns: readonly NamedExpr[], run: RunContext): Relation {
  return { rowCount: relation.rowCount, columns: computeColumns(relation, columns, run) };
}
