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

/** What an expression can read: the relation's columns by name, plus the evaluation context. */
export interface ColumnSource extends EvalContext {
  /** The column `name` as a vector of `rowCount` rows; undefined when there is no such column. */
  column(name: string): Column | undefined;
}

/** Evaluates `expr` into a vector of `source.rowCount` rows (or 1 row for a constant). */
export function evaluate(expr: Expr, source: ColumnSource): Column {
  const result = evaluateRaw(expr, source);
  if (result.type === expr.type) return result;
  const retyped = retypeColumn(result, expr.type);
  if (retyped === null) {
    throw new EngineFailure(internalError(`expression gave ${result.type}, binder expected ${expr.type}`, expr.span));
  }
  return retyped;
}

function evaluateRaw(expr: Expr, source: ColumnSource): Column {
  switch (expr.kind) {
    case 'literal':
      return constantOf(expr.type, expr.value);
    case 'column': {
      const column = source.column(expr.name);
      if (column === undefined) throw new EngineFailure(internalError(`unknown column '${expr.name}'`, expr.span));
      return column;
    }
    case 'unary':
      return evalNegate(expr.op, evaluate(expr.operand, source), expr.type, source);
    case 'binary': {
      const left = evaluate(expr.left, source);
      const right = evaluate(expr.right, source);
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
      return kernel(expr.args.map((a) => evaluate(a, source)), expr, source);
    }
    default: {
      const never: never = expr;
      return never;
    }
  }
}
