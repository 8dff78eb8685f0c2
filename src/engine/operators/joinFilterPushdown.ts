/**
 * `where` after an `innerunique` join, moved below the join onto its left side when the
 * predicate reads only left columns. This is not only a speed-up: innerunique keeps one left
 * row per key, so filtering before or after the deduplication gives different rows, and Kusto
 * documents that it filters first (join-innerunique.md: with `| where value == "val1.2"` the
 * result "will never give the first result"). Left columns keep their names in the join's
 * output (right-side duplicates are the ones renamed), so a name of the left schema is a left
 * column.
 */
import type { Expr, Tabular } from '../plan';

/** Functions whose value depends on the row's position or on chance: never moved. */
const POSITIONAL = /^(row_|prev$|next$|rand$|new_guid$)/;

/** The column names `expr` reads, or null when it calls something that must not move. */
function columnsRead(expr: Expr, into: Set<string>): boolean {
  switch (expr.kind) {
    case 'literal':
      return true;
    case 'column':
      into.add(expr.name);
      return true;
    case 'unary':
      return columnsRead(expr.operand, into);
    case 'binary':
      return columnsRead(expr.left, into) && columnsRead(expr.right, into);
    case 'in':
      return columnsRead(expr.operand, into) && expr.values.every((v) => columnsRead(v, into));
    case 'between':
      return columnsRead(expr.operand, into) && columnsRead(expr.low, into) && columnsRead(expr.high, into);
    case 'call':
      return !POSITIONAL.test(expr.name) && expr.args.every((a) => columnsRead(a, into));
    default: {
      const never: never = expr;
      return never;
    }
  }
}

/**
 * For `(L | join kind=innerunique R on ...) | where p` with `p` over columns of `L` only, the
 * equivalent `(L | where p) | join kind=innerunique R on ...`; otherwise null.
 */
export function pushFilterBelowUniqueJoin(node: Tabular): Tabular | null {
  if (node.kind !== 'pipe' || node.operator.op !== 'where') return null;
  const join = node.input;
  if (join.kind !== 'pipe' || join.operator.op !== 'join' || join.operator.kind !== 'innerunique') return null;
  const read = new Set<string>();
  if (!columnsRead(node.operator.predicate, read) || read.size === 0) return null;
  const left = join.input;
  const leftNames = new Set(left.schema.map((c) => c.name));
  for (const name of read) if (!leftNames.has(name)) return null;
  const filteredLeft: Tabular = { kind: 'pipe', input: left, operator: node.operator, schema: left.schema, span: node.span };
  return { ...join, input: filteredLeft, schema: node.schema };
}
