/**
 * The scalar function registry: every function the engine implements, by lower-case Kusto
 * name, merged from one table per family. A new function is one kernel plus one line in its
 * family's table; `SUPPORTED_SCALAR_FUNCTIONS` (read by the syntax lowering to report
 * "not supported yet") is derived from here.
 */
import type { ScalarKernel } from './kernel';
import { CONDITIONAL_FUNCTIONS } from './conditional';
import { CONVERSION_FUNCTIONS } from './conversion';
import { DATETIME_FUNCTIONS } from './datetime';
import { LOGIC_FUNCTIONS } from './logic';
import { MATH_FUNCTIONS } from './math';
import { STRING_FUNCTIONS } from './string';

/** Every scalar function kernel by Kusto name. */
export const SCALAR_FUNCTIONS: ReadonlyMap<string, ScalarKernel> = new Map<string, ScalarKernel>([
  ...Object.entries(LOGIC_FUNCTIONS),
  ...Object.entries(CONDITIONAL_FUNCTIONS),
  ...Object.entries(CONVERSION_FUNCTIONS),
  ...Object.entries(DATETIME_FUNCTIONS),
  ...Object.entries(MATH_FUNCTIONS),
  ...Object.entries(STRING_FUNCTIONS),
]);

/** Lower-case names of the scalar functions the engine implements. */
export const SUPPORTED_SCALAR_FUNCTIONS: ReadonlySet<string> = new Set(SCALAR_FUNCTIONS.keys());
