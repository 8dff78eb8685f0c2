/** The columns a lowered expression reads (search and find decide which tables a predicate can apply to). */
import type { Expr } from '../plan';
import type { ColumnSchema } from '../table/column';

/** The columns `expr` reads, by name, added to `into` (returned). */
export function columnsRead(expr: Expr, into: Map<string, ColumnSchema>): Map<string, ColumnSchema> {
  switch (expr.kind) {
    case 'literal':
      return into;
    case 'column':
      into.set(expr.name, { name: expr.name, type: expr.type });
      return into;
    case 'unary':
      return columnsRead(expr.operand, into);
    case 'binary':
      return columnsRead(expr.right, columnsRead(expr.left, into));
    case 'in':
      [expr.operand, ...expr.values].forEach((e) => columnsRead(e, into));
      return into;
    case 'between':
      [expr.operand, expr.low, expr.high].forEach((e) => columnsRead(e, into));
      return into;
    case 'call':
      expr.args.forEach((e) => columnsRead(e, into));
      return into;
    default: {
      const never: never = expr;
      return never;
    }
  }
}
