/**
 * `toscalar(T)` at run time. The lowering turns it into a call of the internal `$toscalar`
 * kernel whose argument is the sub-query's id in the plan's `scalars`; the executor installs a
 * resolver for the run (`withScalarResolver`) that executes the sub-query once and hands back
 * its first cell.
 *
 * Why a run-scoped slot rather than a field of the evaluation context: the sub-query must be
 * executed by the operators layer, which this layer may not import, and threading a callback
 * through every `EvalContext` built by the operators would touch every one of them. The engine
 * runs one query at a time, synchronously, so a slot set around the run is unambiguous.
 */
import type { Column } from '../table/column';
import { EngineFailure, internalError } from '../errors';
import type { SourceSpan } from '../errors';
import type { ScalarKernel } from './kernel';

/** The internal function name of `toscalar` in plans (not a Kusto name: `$` cannot start one). */
export const TO_SCALAR_FUNCTION = '$toscalar';

/** Gives the value (a one-row column) of the plan's `toscalar` sub-query `id`. */
export type ScalarResolver = (id: number, span: SourceSpan) => Column;

let active: ScalarResolver | null = null;

/** Runs `fn` with `resolver` answering `$toscalar` calls (restores the previous one after). */
export function withScalarResolver<T>(resolver: ScalarResolver, fn: () => T): T {
  const previous = active;
  active = resolver;
  try {
    return fn();
  } finally {
    active = previous;
  }
}

const toScalarKernel: ScalarKernel = (args, call) => {
  const id = args[0];
  if (active === null || id === undefined || id.kind !== 'number') {
    throw new EngineFailure(internalError('toscalar evaluated outside a query run', call.span));
  }
  return active(id.data[0], call.span);
};

/** The kernels of this family, by plan name. */
export const TO_SCALAR_FUNCTIONS: Readonly<Record<string, ScalarKernel>> = {
  [TO_SCALAR_FUNCTION]: toScalarKernel,
};
