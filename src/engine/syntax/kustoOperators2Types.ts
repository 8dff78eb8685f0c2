/**
 * Hand-written typings for the Kusto.Language syntax nodes of `parse`, `parse-where`, `lookup`,
 * `sample`, `sample-distinct`, `scan`, `partition` and the statements `set` and `declare query_parameters` (names checked against
 * `Kusto.Language.Bridge.d.ts` v11.5.3), plus a class test for them. A file of its own so the
 * shared `kustoTypes.ts` stays untouched.
 */
import { kustoLanguage } from './kustoLibrary';
import type {
  BridgeList, KExpression, KNameDeclaration, KNameReference, KNamedParameter, KNode, KQueryOperator, SeparatedElement,
} from './kustoTypes';

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

/** `sample N` and `sample-distinct N of Column`. */
export interface KSampleOperator extends KQueryOperator {
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Expression: KExpression;
  /** `sample-distinct` only. */
  readonly OfExpression?: KExpression;
}

/** One `step` of `scan`. */
export interface KScanStep extends KNode {
  readonly Name: KNameDeclaration;
  readonly ScanStepOutput: KNode | null;
  readonly Condition: KExpression;
  readonly ComputationClause: (KNode & { readonly Assignments: BridgeList<SeparatedElement<KNode & { readonly Name: KNameReference; readonly Expression: KExpression }>> }) | null;
}
/** `scan`'s syntax node. */
export interface KScanOperator extends KQueryOperator {
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly OrderByClause: KNode | null;
  readonly PartitionByClause: KNode | null;
  readonly DeclareClause: (KNode & {
    readonly Declarations: BridgeList<SeparatedElement<KNode & {
      readonly NameAndType: KNode & { readonly Name: KNameDeclaration };
      readonly DefaultValue: (KNode & { readonly Value: KExpression }) | null;
    }>>;
  }) | null;
  readonly Steps: BridgeList<KScanStep>;
}

/** `partition`'s syntax node. */
export interface KPartitionOperator extends KQueryOperator {
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly ByExpression: KExpression;
  readonly Operand: KNode & { readonly Subquery?: KExpression };
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
  SampleOperator: KSampleOperator;
  SampleDistinctOperator: KSampleOperator & { readonly OfExpression: KExpression };
  ScanOperator: KScanOperator;
  PartitionOperator: KPartitionOperator;
}

/** True when `node` is an instance of the `Kusto.Language.Syntax` class `name` (one of the classes above). */
export function isOperators2Node<N extends keyof KOperators2Classes>(node: unknown, name: N): node is KOperators2Classes[N] {
  const classes = kustoLanguage().Syntax as unknown as Record<string, abstract new () => unknown>;
  return node instanceof classes[name];
}
