/**
 * Hand-written typings for the Kusto.Language syntax nodes of `parse`, `parse-where`, `lookup`
 * and the statements `set` and `declare query_parameters` (names checked against
 * `Kusto.Language.Bridge.d.ts` v11.5.3), plus a class test for them. A file of its own so the
 * shared `kustoTypes.ts` stays untouched.
 */
import { kustoLanguage } from './kustoLibrary';
import type { BridgeList, KExpression, KNameDeclaration, KNamedParameter, KNode, KQueryOperator, SeparatedElement } from './kustoTypes';

/** `parse` and `parse-where`: `[kind=...] [flags=...] Expression with Patterns`. */
export interface KParseOperator extends KQueryOperator {
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Expression: KExpression;
  /** `*`, string literals, `Name` and `Name: type`, in the order written. */
  readonly Patterns: BridgeList<KNode>;
}

/** `Name: type` inside a `parse` pattern. */
export interface KNameAndTypeDeclaration extends KExpression {
  readonly Name: KNameDeclaration;
  readonly Type: KNode;
}

/** `lookup [kind=...] (Right) on conditions`. */
export interface KLookupOperator extends KQueryOperator {
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Expression: KExpression;
  readonly LookupClause: KNode & { readonly Expressions?: BridgeList<SeparatedElement<KExpression>> };
}

/** The node classes above by their `Kusto.Language.Syntax` class name. */
export interface KOperators2Classes {
  ParseOperator: KParseOperator;
  ParseWhereOperator: KParseOperator;
  NameAndTypeDeclaration: KNameAndTypeDeclaration;
  StarExpression: KExpression;
  LookupOperator: KLookupOperator;
  SetOptionStatement: KNode;
  QueryParametersStatement: KNode;
}

/** True when `node` is an instance of the `Kusto.Language.Syntax` class `name` (one of the classes above). */
export function isOperators2Node<N extends keyof KOperators2Classes>(node: unknown, name: N): node is KOperators2Classes[N] {
  const classes = kustoLanguage().Syntax as unknown as Record<string, abstract new () => unknown>;
  return node instanceof classes[name];
}
