/**
 * `union` parameters (union-operator.md): `kind=outer` (the default), `withsource=Column` (each
 * leg gets a first column with its source's name: the table, `let` or view name the leg reads,
 * or the name its last `as` gives it; for `(T | where ...)` the `T` at its start) and
 * `isfuzzy=true` (legs naming nothing known are left out, as the binder's warning says; at least
 * one must remain).
 * `hint.*` parameters are execution hints and ignored.
 */
import type { Tabular } from '../plan';
import type { KExpression, KUnionOperator } from './kustoTypes';
import { type LoweringContext, failUnsupported, isNode, listItems, schemaOf, separatedItems, spanOf } from './nodes';

/** What a `union`'s parameters ask for. */
export interface UnionOptions {
  /** `withsource=` / `source=`: the name of the source column, or null. */
  readonly withSource: string | null;
  readonly fuzzy: boolean;
}

/** Reads and checks a `union`'s parameters (anything else is `E_UNSUPPORTED`). */
export function unionOptions(union: KUnionOperator): UnionOptions {
  let withSource: string | null = null;
  let fuzzy = false;
  for (const parameter of listItems(union.Parameters)) {
    const name = parameter.Name.SimpleName.toLowerCase();
    const value = parameter.Expression.GetFirstToken()?.Text ?? '';
    if (name.startsWith('hint.')) continue;
    // Why `kind=inner` stays unsupported: the binder (Kusto.Language 11.5.3) still lists every
    // leg's columns for it, so the result would have the outer schema.
    if (name === 'kind' && value === 'outer') continue;
    if (name === 'withsource' || name === 'source') withSource = value;
    else if (name === 'isfuzzy' && (value === 'true' || value === 'false')) fuzzy = value === 'true';
    else failUnsupported(value === '' ? name : `${name}=${value}`, parameter);
  }
  return { withSource, fuzzy };
}

/** The name `withsource` reports for a leg: the table, `let` or view name it reads from. */
function sourceNameOf(expr: KExpression): string | null {
  if (isNode(expr, 'ParenthesizedExpression')) return sourceNameOf(expr.Expression);
  if (isNode(expr, 'PipeExpression')) {
    // `(range ... | as T1)`: the name the leg gives itself.
    return isNode(expr.Operator, 'AsOperator') ? expr.Operator.Name.SimpleName : sourceNameOf(expr.Expression);
  }
  if (isNode(expr, 'NameReference')) return expr.SimpleName;
  if (isNode(expr, 'FunctionCallExpression')) return expr.Name.SimpleName;
  return null;
}

/** True for a leg `isfuzzy=true` leaves out: a name that refers to nothing known. */
function isUnresolved(expr: KExpression): boolean {
  if (isNode(expr, 'ParenthesizedExpression')) return isUnresolved(expr.Expression);
  if (isNode(expr, 'PipeExpression')) return isUnresolved(expr.Expression);
  return isNode(expr, 'NameReference') && expr.ReferencedSymbol === null;
}

/** `leg` with the `withsource` column (a constant string) added. */
export function withSourceColumn(leg: Tabular, column: string, legExpr: KExpression): Tabular {
  const name = sourceNameOf(legExpr);
  if (name === null) return failUnsupported('withsource with this union leg', legExpr);
  const span = spanOf(legExpr);
  return {
    kind: 'pipe', input: leg, span, schema: [{ name: column, type: 'string' }, ...leg.schema.filter((c) => c.name !== column)],
    operator: { op: 'extend', columns: [{ name: column, expr: { kind: 'literal', type: 'string', value: name, span } }] },
  };
}

/** The lowered legs of `union` (after its parameters), with `withsource`/`isfuzzy` applied. */
export function lowerUnionLegs(
  ctx: LoweringContext, union: KUnionOperator, lowerTabular: (ctx: LoweringContext, expr: KExpression) => Tabular,
): Tabular[] {
  const options = unionOptions(union);
  const legs = separatedItems(union.Expressions).filter((leg) => !(options.fuzzy && isUnresolved(leg)));
  if (legs.length === 0) return failUnsupported('union isfuzzy=true without any known leg', union);
  return legs.map((leg) => {
    const lowered = lowerTabular(ctx, leg);
    return options.withSource === null ? lowered : withSourceColumn(lowered, options.withSource, leg);
  });
}

/**
 * `T | union withsource=C U, ...`: the piped input is a leg too, so it needs the source column;
 * null when the union has no `withsource` (the plain piped `union` operator handles it).
 */
export function lowerPipedUnionWithSource(
  ctx: LoweringContext, pipe: KExpression & { readonly Expression: KExpression }, union: KUnionOperator, input: Tabular,
  lowerTabular: (ctx: LoweringContext, expr: KExpression) => Tabular,
): Tabular | null {
  const options = unionOptions(union);
  if (options.withSource === null) return null;
  const first = withSourceColumn(input, options.withSource, pipe.Expression);
  return { kind: 'union', inputs: [first, ...lowerUnionLegs(ctx, union, lowerTabular)], schema: schemaOf(pipe), span: spanOf(union) };
}
