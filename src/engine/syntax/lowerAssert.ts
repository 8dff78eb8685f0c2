/**
 * `assert(condition, message)` (assert-function.md): evaluated while the query is analyzed, before
 * anything runs, so it fails the query even where no row would reach it (`where false | where
 * assert(...)`). Both arguments must be constants (literals, `let` values, function arguments and
 * expressions over them); a false condition is a semantic error
 * `assert() has failed with message: '<message>'`, a true one lowers to the constant `true`.
 */
import type { Expr } from '../plan';
import { NEVER_CANCELLED } from '../cancel';
import { EngineFailure, analysisError } from '../errors';
import { evaluate } from '../functions/evaluate';
import type { ColumnSource } from '../functions/evaluate';
import { TO_SCALAR_FUNCTION } from '../functions/toScalar';
import { at } from '../functions/vector';
import type { KExpression, KFunctionCallExpression } from './kustoTypes';
import { type LoweringContext, failUnsupported, separatedItems, spanOf } from './nodes';

/** Functions whose value is only known when the query runs (`now()` is fixed per run, not per text). */
const RUN_TIME_FUNCTIONS: ReadonlySet<string> = new Set([TO_SCALAR_FUNCTION, 'now', 'ago', 'rand', 'new_guid']);

/** Why `expr` is not a constant the analysis can evaluate, or null when it is one. */
function nonConstantPart(expr: Expr): { readonly expr: Expr; readonly rowContext: boolean } | null {
  switch (expr.kind) {
    case 'literal':
      return null;
    case 'column':
      return { expr, rowContext: true };
    case 'unary':
      return nonConstantPart(expr.operand);
    case 'binary':
      return nonConstantPart(expr.left) ?? nonConstantPart(expr.right);
    case 'in':
      return [expr.operand, ...expr.values].reduce<ReturnType<typeof nonConstantPart>>((found, e) => found ?? nonConstantPart(e), null);
    case 'between':
      return nonConstantPart(expr.operand) ?? nonConstantPart(expr.low) ?? nonConstantPart(expr.high);
    case 'call':
      if (RUN_TIME_FUNCTIONS.has(expr.name)) return { expr, rowContext: false };
      return expr.args.reduce<ReturnType<typeof nonConstantPart>>((found, e) => found ?? nonConstantPart(e), null);
    default: {
      const never: never = expr;
      return never;
    }
  }
}

/** Evaluates a constant expression at analysis time (one row, no columns). */
function constantValue(expr: Expr, what: string, source: KExpression): ReturnType<typeof at> {
  const blocker = nonConstantPart(expr);
  if (blocker !== null && blocker.rowContext) {
    throw new EngineFailure(analysisError(`assert(): the ${what} must be a constant; it cannot read a row's columns`, blocker.expr.span));
  }
  if (blocker !== null) return failUnsupported(`assert over a value known only at run time`, source);
  // `nowTicks` is never read: calls that read it were refused above.
  const constants: ColumnSource = { rowCount: 1, nowTicks: 0, cancel: NEVER_CANCELLED, column: () => undefined };
  return at(evaluate(expr, constants), 0);
}

/**
 * Lowers `assert(condition, message)`: checks it now and gives the constant `true`, or throws
 * the semantic error Kusto raises for a false (or null) condition.
 */
export function lowerAssert(
  ctx: LoweringContext, call: KFunctionCallExpression, lowerScalar: (ctx: LoweringContext, expr: KExpression) => Expr,
): Expr {
  const [conditionArg, messageArg] = separatedItems(call.ArgumentList.Expressions);
  if (conditionArg === undefined || messageArg === undefined) return failUnsupported('assert without two arguments', call);
  const condition = constantValue(lowerScalar(ctx, conditionArg), 'condition', conditionArg);
  const message = constantValue(lowerScalar(ctx, messageArg), 'message', messageArg);
  if (condition !== true) {
    throw new EngineFailure(analysisError(`assert() has failed with message: '${String(message ?? '')}'`, spanOf(call)));
  }
  return { kind: 'literal', value: true, type: 'bool', span: spanOf(call) };
}
