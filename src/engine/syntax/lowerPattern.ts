/**
 * Pattern invocations (pattern-statement.md): `P("a").b`, `P("a").["b"]`, and `P("a")` for a
 * pattern declared without a path. The definition is chosen as the binder chooses it (literal
 * argument values and the path compared as strings, exactly; see `kustoPatternTypes.ts`), and its
 * body is lowered once in the scope of the `declare pattern` statement, then shared by every
 * invocation of that definition (evaluated once per run).
 */
import type { Tabular } from '../plan';
import type { KExpression, KNode } from './kustoTypes';
import { type KPatternMatch, isPatternSymbol, literalText } from './kustoPatternTypes';
import type { PatternBinding } from './letScope';
import { callScope } from './letScope';
import { declareStatement, shareTabular } from './lowerLet';
import { type LoweringContext, failUnsupported, isNode, listItems, separatedItems } from './nodes';

/** The invoked pattern call and the path value written after it (null when there is none). */
function invocationOf(expr: KExpression): { call: KNode; path: string | null } | null {
  if (isNode(expr, 'PathExpression') && isNode(expr.Expression, 'FunctionCallExpression') && isNode(expr.Selector, 'NameReference')) {
    return isPatternSymbol(expr.Expression.ReferencedSymbol) ? { call: expr.Expression, path: expr.Selector.SimpleName } : null;
  }
  if (isNode(expr, 'FunctionCallExpression') && isPatternSymbol(expr.ReferencedSymbol)) return { call: expr, path: null };
  return null;
}

/** Does `match` define the invocation with these argument values and this path? */
function matches(match: KPatternMatch, args: readonly string[], path: string | null): boolean {
  const values = separatedItems(match.ParameterValues.Expressions).map(literalText);
  if (values.length !== args.length || values.some((v, i) => v !== args[i])) return false;
  const matchPath = match.PathValue === null ? null : literalText(match.PathValue.Value);
  return matchPath === path;
}

/** The body of one definition, lowered once in the declaration's scope. */
function lowerDefinition(binding: PatternBinding, index: number, match: KPatternMatch): Tabular {
  const done = binding.lowered.get(index);
  if (done !== undefined) return done;
  const declared = binding.ctx;
  const inner: LoweringContext = { ...declared, lets: callScope(declared.lets, new Map()) };
  for (const statement of separatedItems(match.Body.Statements)) declareStatement(inner, statement);
  const result = match.Body.Expression;
  if (result.ResultType === null || !result.ResultType.IsTabular) return failUnsupported('pattern definition that is not tabular', match.Body);
  const lowered = shareTabular(binding.name, inner.lets.lower.tabular(inner, result));
  binding.lowered.set(index, lowered);
  return lowered;
}

/**
 * Lowers `expr` when it invokes a declared pattern; null when it is no pattern invocation. An
 * invocation that matches several definitions (the same values defined twice), or that leaves out
 * the path of a pattern declared with one (the binder types it as a group of tables), is `E_UNSUPPORTED`.
 */
export function lowerPatternInvocation(ctx: LoweringContext, expr: KExpression): Tabular | null {
  const invocation = invocationOf(expr);
  if (invocation === null) return null;
  const { call, path } = invocation;
  if (!isNode(call, 'FunctionCallExpression')) return null;
  const symbol = call.ReferencedSymbol;
  const binding = symbol === null ? undefined : ctx.lets.patterns.get(symbol);
  if (binding === undefined) return failUnsupported(`pattern ${call.Name.SimpleName}`, call.Name);
  const args = separatedItems(call.ArgumentList.Expressions).map(literalText);
  const definitions = listItems(binding.declaration.Patterns);
  const found = definitions.flatMap((match, index) => (matches(match, args, path) ? [{ match, index }] : []));
  if (found.length === 0 && path === null) return failUnsupported('pattern invocation without a path', expr);
  if (found.length !== 1) return failUnsupported(`pattern invocation matching ${found.length} definitions`, expr);
  return lowerDefinition(binding, found[0].index, found[0].match);
}
