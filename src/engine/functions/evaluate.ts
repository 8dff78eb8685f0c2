/**
 * Evaluates a plan expression over a relation into a whole vector (never row by row with
 * per-row objects). Operators give it a `ColumnSource` that reads (and caches) input columns.
 */
import type { Expr } from '../plan';
import type { Column } from '../table/column';
import { retypeColumn } from '../table/gather';
import { EngineFailure, internalError, unsupported } from '../errors';
import type { EvalContext } from './vector';
import { constantOf } from './vector';
import { evalArithmetic, evalNegate } from './arithmetic';
import { evalBetween, evalComparison, evalIn } from './comparison';
import { evalLogic } from './logic';
import { evalStringOp } from './stringPredicates';
import { SCALAR_FUNCTIONS } from './registry';
import { EXACT_LONG_FUNCTIONS, EXACT_LONG_KERNELS } from './exactLongFunctions';
import { hasExactValues, longColumnOf } from '../table/exactLong';

/** Binary operators whose kernels read exact 64-bit longs (see arithmetic.ts, comparison.ts). */
const EXACT_BINARY_OPS: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=']);

/** What an expression can read: the relation's columns by name, plus the evaluation context. */
export interface ColumnSource extends EvalContext {
  /** The column `name` as a vector of `rowCount` rows; undefined when there is no such column. */
  column(name: string): Column | undefined;
}

/**
 * Evaluates `expr` into a vector of `source.rowCount` rows (or 1 row for a constant). A result
 * of exact 64-bit longs (values beyond ±2^53, see `NumericColumn.exact`) is refused with
 * "not supported yet": the operators that call this read values as doubles. `project`, `extend`
 * and `print`, which only store the vector, call `evaluateKeepingExact`.
 */
export function evaluate(expr: Expr, source: ColumnSource): Column {
  const result = evaluateKeepingExact(expr, source);
  if (hasExactValues(result)) throw new EngineFailure(unsupported('this use of long values beyond ±2^53', expr.span));
  return result;
}

/** `evaluate` that may return a column of exact 64-bit longs. */
export function evaluateKeepingExact(expr: Expr, source: ColumnSource): Column {
  const result = evaluateRaw(expr, source);
  const typed = result.type === expr.type ? result : retypeColumn(result, expr.type);
  if (typed === null) {
    throw new EngineFailure(internalError(`expression gave ${result.type}, binder expected ${expr.type}`, expr.span));
  }
  // Computed longs only (a full scan per column reference would cost every query; ingest types
  // integers beyond 2^53 as real when it infers a column, infer/classify.ts).
  if (typed.type === 'long' && expr.kind !== 'column' && expr.kind !== 'literal' && !hasExactValues(typed)) requireSafeLongs(typed, expr);
  return typed;
}

/**
 * The safety net of exact longs: a kernel that computes in doubles and produced a long beyond
 * ±2^53 has rounded it; that answer is refused rather than shown (kernels that compute such
 * values exactly return an `exact` column instead).
 */
function requireSafeLongs(column: Column, expr: Expr): void {
  if (column.kind !== 'number') return;
  const { data, nulls } = column;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!(v <= Number.MAX_SAFE_INTEGER && v >= -Number.MAX_SAFE_INTEGER) && !Number.isNaN(v) && (nulls === null || nulls[i] === 0)) {
      const what = expr.kind === 'call' ? `${expr.name}() giving a long beyond ±2^53` : 'a long beyond ±2^53 from this expression';
      throw new EngineFailure(unsupported(what, expr.span));
    }
  }
}

function evaluateRaw(expr: Expr, source: ColumnSource): Column {
  switch (expr.kind) {
    case 'literal':
      return typeof expr.value === 'bigint' ? longColumnOf(BigInt64Array.of(expr.value), null) : constantOf(expr.type, expr.value);
    case 'column': {
      const column = source.column(expr.name);
      if (column === undefined) throw new EngineFailure(internalError(`unknown column '${expr.name}'`, expr.span));
      return column;
    }
    case 'unary':
      return evalNegate(expr.op, evaluateKeepingExact(expr.operand, source), expr.type, source);
    case 'binary': {
      const left = evaluateKeepingExact(expr.left, source);
      const right = evaluateKeepingExact(expr.right, source);
      if (!EXACT_BINARY_OPS.has(expr.op) && (hasExactValues(left) || hasExactValues(right))) {
        throw new EngineFailure(unsupported(`${expr.op} over long values beyond ±2^53`, expr.span));
      }
      const op = expr.op;
      switch (op) {
        case '+': case '-': case '*': case '/': case '%':
          return evalArithmetic(op, left, right, expr.type, source);
        case '==': case '!=': case '<': case '<=': case '>': case '>=':
          return evalComparison(op, left, right, source);
        case 'and': case 'or':
          return evalLogic(op, left, right, source);
        case '=~': case '!~':
        case 'contains': case '!contains': case 'contains_cs': case '!contains_cs':
        case 'has': case '!has': case 'has_cs': case '!has_cs':
        case 'startswith': case '!startswith': case 'startswith_cs': case '!startswith_cs':
        case 'endswith': case '!endswith': case 'endswith_cs': case '!endswith_cs':
        case 'hasprefix': case '!hasprefix': case 'hassuffix': case '!hassuffix':
        case 'matches regex':
          return evalStringOp(op, left, right, source, expr.span);
        default: {
          const never: never = op;
          return never;
        }
      }
    }
    case 'in':
      return evalIn(evaluate(expr.operand, source), expr.values.map((v) => evaluate(v, source)), expr.negated, expr.caseInsensitive, source);
    case 'between':
      return evalBetween(evaluate(expr.operand, source), evaluate(expr.low, source), evaluate(expr.high, source), expr.negated, source);
    case 'call': {
      const kernel = SCALAR_FUNCTIONS.get(expr.name);
      if (kernel === undefined) throw new EngineFailure(unsupported(`function ${expr.name}()`, expr.span));
      const args = expr.args.map((a) => evaluateKeepingExact(a, source));
      if (args.some(hasExactValues)) {
        const exactKernel = expr.type === 'long' ? EXACT_LONG_KERNELS.get(expr.name) : undefined;
        if (exactKernel !== undefined) return exactKernel(args, expr, source);
        if (!EXACT_LONG_FUNCTIONS.has(expr.name)) throw new EngineFailure(unsupported(`${expr.name}() of long values beyond ±2^53`, expr.span));
      }
      return kernel(args, expr, source);
    }
    default: {
      const never: never = expr;
      return never;
    }
  }
}
