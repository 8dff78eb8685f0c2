/**
 * Hand-written typings for the Kusto.Language syntax nodes of `make-series`, `top-nested`,
 * `search`, `evaluate`, `parse-kv` and `mv-apply` (names checked against `Kusto.Language.Bridge.d.ts`
 * v11.5.3), plus a class test for them. Why a file of its own: `kustoTypes.ts` is being
 * extended by others; these nodes are only read by this folder's series/nesting lowerings.
 */
import { kustoLanguage } from './kustoLibrary';
import type {
  BridgeList, KExpression, KExpressionList, KFunctionCallExpression, KNamedParameter, KNode, KQueryOperator, KToken,
  SeparatedElement,
} from './kustoTypes';

export interface KDefaultExpressionClause extends KNode {
  readonly Expression: KExpression;
}
export interface KMakeSeriesExpression extends KExpression {
  readonly Expression: KExpression;
  readonly DefaultExpression: KDefaultExpressionClause | null;
}
export interface KMakeSeriesOnClause extends KNode {
  readonly Expression: KExpression;
}
export interface KMakeSeriesExpressionClause extends KNode {
  readonly Expression: KExpression;
}
export interface KMakeSeriesFromToStepClause extends KNode {
  readonly MakeSeriesFromClause: KMakeSeriesExpressionClause | null;
  readonly MakeSeriesToClause: KMakeSeriesExpressionClause | null;
  readonly MakeSeriesStepClause: KMakeSeriesExpressionClause | null;
}
export interface KMakeSeriesInRangeClause extends KNode {
  readonly Arguments: KExpressionList;
}
export interface KMakeSeriesByClause extends KNode {
  readonly Expressions: BridgeList<SeparatedElement<KExpression>>;
}
export interface KMakeSeriesOperator extends KQueryOperator {
  readonly MakeSeriesKeyword: KToken;
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Aggregates: BridgeList<SeparatedElement<KMakeSeriesExpression>>;
  readonly OnClause: KMakeSeriesOnClause;
  readonly RangeClause: KNode | null;
  readonly ByClause: KMakeSeriesByClause | null;
}
export interface KTopNestedWithOthersClause extends KNode {
  readonly Expression: KExpression;
}
export interface KTopNestedClause extends KNode {
  readonly TopNestedKeyword: KToken;
  readonly Expression: KExpression | null;
  readonly OfExpression: KExpression;
  readonly WithOthersClause: KTopNestedWithOthersClause | null;
  readonly ByExpression: KExpression;
}
export interface KTopNestedOperator extends KQueryOperator {
  readonly Clauses: BridgeList<SeparatedElement<KTopNestedClause>>;
}
export interface KFindInClause extends KNode {
  readonly Expressions: BridgeList<SeparatedElement<KExpression>>;
}
export interface KSearchOperator extends KQueryOperator {
  readonly SearchKeyword: KToken;
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly DataScope: KNode | null;
  readonly InClause: KFindInClause | null;
  readonly Condition: KExpression;
}
export interface KEvaluateOperator extends KQueryOperator {
  readonly EvaluateKeyword: KToken;
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly FunctionCall: KFunctionCallExpression;
  /** `: (col:type, ...)` after the call; the binder's output schema reflects it. */
  readonly Schema: KNode | null;
}

export interface KParseKvOperator extends KQueryOperator {
  readonly Expression: KExpression;
  /** `as (key:type, ...)`. */
  readonly Keys: { readonly Columns: BridgeList<SeparatedElement<{ readonly Name: { readonly SimpleName: string } }>> };
  readonly WithClause: (KNode & { readonly Properties: BridgeList<SeparatedElement<KNamedParameter>> }) | null;
}

export interface KMvApplyOperator extends KQueryOperator {
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Expressions: BridgeList<SeparatedElement<KExpression & { readonly Expression: KExpression; readonly ToTypeOf: KNode | null }>>;
  readonly RowLimitClause: (KNode & { readonly RowLimit: KExpression }) | null;
  readonly ContextIdClause: KNode | null;
  readonly Subquery: KNode & { readonly Expression: KExpression };
}

/** The series/nesting node classes by their `Kusto.Language.Syntax` class name. */
export interface KSeriesNodeClasses {
  MakeSeriesOperator: KMakeSeriesOperator;
  MakeSeriesFromToStepClause: KMakeSeriesFromToStepClause;
  MakeSeriesInRangeClause: KMakeSeriesInRangeClause;
  TopNestedOperator: KTopNestedOperator;
  SearchOperator: KSearchOperator;
  EvaluateOperator: KEvaluateOperator;
  ParseKvOperator: KParseKvOperator;
  MvApplyOperator: KMvApplyOperator;
  QueryOperator: KQueryOperator;
}

/** True when `node` is an instance of the `Kusto.Language.Syntax` class `name` (one of the classes above). */
export function isSeriesNode<N extends keyof KSeriesNodeClasses>(node: unknown, name: N): node is KSeriesNodeClasses[N] {
  const classes = kustoLanguage().Syntax as unknown as Record<string, abstract new () => unknown>;
  return node instanceof classes[name];
}
