/** `print a, x = b, ...`: a one-row table of the evaluated expressions. */
import type { NamedExpr } from '../plan';
import type { Relation, RunContext } from './relation';
import { denseColumn } from './relation';
import { evaluateConstantKeepingExact } from './constantSource';

/** Executes `print`. */
export function executePrint(columns: readonly NamedExpr[], run: RunContext): Relation {
  return { rowCount: 1, columns: columns.map(({ name, expr }) => denseColumn(name, evaluateConstantKeepingExact(expr, run), 1)) };
}
