/**
 * Functions the syntax lowering turns into other plan expressions, listed here so the registry
 * (and with it the coverage report and the "not supported yet" check) knows them:
 * - `assert(condition, message)` is checked while the query is analyzed and becomes the constant
 *   `true` (`syntax/lowerAssert.ts`);
 * - `bin_auto(value)` becomes `bin`/`bin_at` with the query's `set query_bin_auto_size/at`
 *   (`syntax/lowerBinAuto.ts`).
 * No plan ever calls them, so their kernels only report that as an internal error.
 */
import { EngineFailure, internalError } from '../errors';
import type { ScalarKernel } from './kernel';

function loweredBySyntax(name: string): ScalarKernel {
  return (_args, call) => {
    throw new EngineFailure(internalError(`${name}() reached the executor; the syntax lowering rewrites it`, call.span));
  };
}

/** Functions rewritten by the syntax lowering, by Kusto name. */
export const LOWERED_CALL_FUNCTIONS: Record<string, ScalarKernel> = {
  assert: loweredBySyntax('assert'),
  bin_auto: loweredBySyntax('bin_auto'),
};
