/** Evaluation of constant expressions (the arguments of `print`, `range`, `datatable`): no input columns, one row. */
import type { Expr } from '../plan';
import type { Column } from '../table/column';
import { evaluate, evaluateKeepingExact } from '../functions/evaluate';
import type { ColumnSource } from '../functions/evaluate';
import type { RunContext } from './relation';

/** A column source of one row and no columns. */
export function constantSource(run: RunContext): ColumnSource {
  return { rowCount: 1, nowTicks: run.nowTicks, cancel: run.cancel, column: () => undefined };
}

/** Evaluates a constant expression into a one-row column. */
export function evaluateConstant(expr: Expr, run: RunContext): Column {
  return evaluate(expr, constantSource(run));
}

/** `evaluateConstant` for `print`, which stores the column as it is: exact 64-bit longs are kept. */
export function evaluateConstantKeepingExact(expr: Expr, run: RunContext): Column {
  return evaluateKeepingExact(expr, constantSource(run));
}
