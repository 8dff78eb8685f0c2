/** `project`: computed columns are evaluated as whole vectors; plain column references pass through without copies. */
import type { NamedExpr } from '../plan';
import type { Column } from '../table/column';
import { evaluate } from '../functions/evaluate';
import type { ColumnSource } from '../functions/evaluate';
import { pollCancel } from '../functions/vector';
import type { RelColumn, Relation, RunContext } from './relation';
import { columnSource, denseColumn, readColumn } from './relation';

/**
 * Evaluates `columns` in order over `relation`; a later expression may use an earlier one's name
 * (`extend a = x * 2, b = a + 1`). Returns the new relation columns in the order given.
 */
export function computeColumns(relation: Relation, columns: readonly NamedExpr[], run: RunContext): RelColumn[] {
  const produced = new Map<string, RelColumn>();
  const read = new Map<string, Column>();
  const base = columnSource(relation, run);
  // Later expressions see the columns produced so far, shadowing the input's.
  const source: ColumnSource = {
    ...base,
    column(name) {
      const own = produced.get(name);
      if (own === undefined) return base.column(name);
      let column = read.get(name);
      if (column === undefined) {
        column = readColumn(own);
        read.set(name, column);
      }
      return column;
    },
  };
  const input = new Map(relation.columns.map((c) => [c.name, c]));
  const out: RelColumn[] = [];
  for (const { name, expr } of columns) {
    pollCancel(run.cancel);
    const passThrough = expr.kind === 'column' ? produced.get(expr.name) ?? input.get(expr.name) : undefined;
    let column: RelColumn;
    if (passThrough !== undefined && passThrough.data.type === expr.type) {
      column = { name, data: passThrough.data, rows: passThrough.rows };
    } else {
      column = denseColumn(name, evaluate(expr, source), relation.rowCount);
    }
    produced.set(name, column);
    read.delete(name);
    out.push(column);
  }
  return out;
}

/** `project`: exactly the listed columns, in order. */
export function applyProject(relation: Relation, columns: readonly NamedExpr[], run: RunContext): Relation {
  return { rowCount: relation.rowCount, columns: computeColumns(relation, columns, run) };
}
