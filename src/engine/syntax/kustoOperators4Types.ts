/**
 * Hand-written typings for the Kusto.Language syntax nodes of `find`, `fork`, `facet` and
 * `top-hitters` (names checked against `Kusto.Language.Bridge.d.ts` v11.5.3), plus a class test
 * for them. A file of its own so the shared `kustoTypes.ts` stays untouched.
 */
import { kustoLanguage } from './kustoLibrary';
import type { BridgeList, KExpression, KNameDeclaration, KNamedParameter, KNode, KQueryOperator, KToken, SeparatedElement } from './kustoTypes';

/** `top-hitters N of Value [by Sum]`. */
export interface KTopHittersOperator extends KQueryOperator {
  readonly TopHittersKeyword: KToken;
  readonly Expression: KExpression;
  readonly OfExpression: KExpression;
  readonly ByClause: (KNode & { readonly Expression: KExpression }) | null;
}

/** One `[name=](subquery)` of `fork`. */
export interface KForkExpression extends KExpression {
  readonly NameEquals: (KNode & { readonly Name: KNameDeclaration }) | null;
  readonly Expression: KExpression;
}

/** `fork (subquery) [name=](subquery) ...`. */
export interface KForkOperator extends KQueryOperator {
  readonly ForkKeyword: KToken;
  readonly Expressions: BridgeList<KForkExpression>;
}

/** `facet by Column, ... [with (pipe) | with operator]`. */
export interface KFacetOperator extends KQueryOperator {
  readonly FacetKeyword: KToken;
  readonly Expressions: BridgeList<SeparatedElement<KExpression>>;
  /** `FacetWithExpressionClause` (`Expression`) or `FacetWithOperatorClause` (`Operator`). */
  readonly WithClause: (KNode & { readonly Expression?: KExpression; readonly Operator?: KQueryOperator }) | null;
}

/** `find [withsource=N] [in (T, ...)] where predicate [project-smart | project c[:type], ...]`. */
export interface KFindOperator extends KQueryOperator {
  readonly FindKeyword: KToken;
  readonly DataScope: KNode | null;
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly InClause: (KNode & { readonly Expressions: BridgeList<SeparatedElement<KExpression>> }) | null;
  readonly Condition: KExpression;
  /** `project c, ...` or `project-smart` (then without columns). */
  readonly Project: (KNode & { readonly ProjectKeyword: KToken; readonly Columns: BridgeList<SeparatedElement<KExpression>> | null }) | null;
  readonly ProjectAway: (KNode & { readonly ProjectKeyword: KToken }) | null;
}

/** The node classes above by their `Kusto.Language.Syntax` class name. */
export interface KOperators4Classes {
  TopHittersOperator: KTopHittersOperator;
  ForkOperator: KForkOperator;
  FacetOperator: KFacetOperator;
  FindOperator: KFindOperator;
  FacetWithExpressionClause: KNode & { readonly Expression: KExpression };
  FacetWithOperatorClause: KNode & { readonly Operator: KQueryOperator };
}

/** True when `node` is an instance of the `Kusto.Language.Syntax` class `name` (one of the classes above). */
export function isOperators4Node<N extends keyof KOperators4Classes>(node: unknown, name: N): node is KOperators4Classes[N] {
  const classes = kustoLanguage().Syntax as unknown as Record<string, abstract new () => unknown>;
  return node instanceof classes[name];
}
