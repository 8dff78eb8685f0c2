/**
 * Hand-written typings for the Kusto.Language nodes of `declare pattern` statements (names checked
 * against `Kusto.Language.Bridge.d.ts` v11.5.3), plus class tests for them and for the binder's
 * `PatternSymbol`. A file of its own so the shared `kustoTypes.ts` stays untouched.
 *
 * How the binder (11.5.3) sees patterns: `declare pattern P = (a:string)[p:string] { ... };` binds
 * the statement's name to a `VariableSymbol` whose type is a `PatternSymbol`; the declaration node's
 * `ResultType` is that same `PatternSymbol` object. An invocation `P("x").y` is a `PathExpression`
 * whose `Expression` is a `FunctionCallExpression` referencing the `PatternSymbol`; the call's type
 * is a group of one variable per matching path, the path expression's type the matched body's table.
 * An invocation without a path (`P("x")`, for a pattern declared without one) is the call alone,
 * typed as the body's table. Matching compares the literal values as strings, exactly.
 */
import { kustoLanguage } from './kustoLibrary';
import type { BridgeList, KExpression, KExpressionList, KFunctionBody, KNameDeclaration, KNode, KSymbol, SeparatedElement } from './kustoTypes';

/** An expression with its literal value as the binder computed it (a string for string literals). */
export interface KLiteralValued extends KExpression {
  readonly LiteralValue: unknown;
}

/** `.["path"]` in one definition of a pattern. */
export interface KPatternPathValue extends KNode {
  readonly Value: KLiteralValued;
}

/** One definition: `("a", "b").["path"] = { body };`. */
export interface KPatternMatch extends KNode {
  readonly ParameterValues: KExpressionList & { readonly Expressions: BridgeList<SeparatedElement<KLiteralValued>> };
  /** Null when the pattern has no path parameter. */
  readonly PathValue: KPatternPathValue | null;
  readonly Body: KFunctionBody;
}

/** `= (name:type, ...)[path:type] { definitions }`. */
export interface KPatternDeclaration extends KExpression {
  readonly Patterns: BridgeList<KPatternMatch>;
}

/** `declare pattern Name [= declaration];` */
export interface KPatternStatement extends KNode {
  readonly Name: KNameDeclaration;
  /** Null for an empty pattern (`declare pattern Name;`). */
  readonly Pattern: KPatternDeclaration | null;
}

/** The node classes above by their `Kusto.Language.Syntax` class name. */
export interface KPatternClasses {
  PatternStatement: KPatternStatement;
  PatternDeclaration: KPatternDeclaration;
  PatternMatch: KPatternMatch;
}

/** True when `node` is an instance of the `Kusto.Language.Syntax` class `name` (one of the classes above). */
export function isPatternNode<N extends keyof KPatternClasses>(node: unknown, name: N): node is KPatternClasses[N] {
  const classes = kustoLanguage().Syntax as unknown as Record<string, abstract new () => unknown>;
  return node instanceof classes[name];
}

/** True when `symbol` is the binder's `PatternSymbol` (what a pattern invocation's name refers to). */
export function isPatternSymbol(symbol: KSymbol | null): boolean {
  const classes = kustoLanguage().Symbols as unknown as Record<string, abstract new () => unknown>;
  return symbol !== null && symbol instanceof classes.PatternSymbol;
}

/** The binder's value of a literal, as the string it compares when matching a pattern (`""` when not a literal). */
export function literalText(expr: KExpression): string {
  const value = (expr as KLiteralValued).LiteralValue;
  return value === null || value === undefined ? '' : String(value);
}
