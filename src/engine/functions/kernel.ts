/** The shape of a scalar function: one kernel over already evaluated argument vectors. */
import type { Column } from '../table/column';
import type { CallExpr } from '../plan';
import type { EvalContext } from './vector';

/**
 * A scalar function kernel. `args` are vectors (length = row count, or 1 for constants);
 * `call` gives the binder's result type (`call.type`) and the span for errors.
 * Returns a vector of `call.type` (length 1 when every argument is constant).
 */
export type ScalarKernel = (args: readonly Column[], call: CallExpr, ctx: EvalContext) => Column;
