/**
 * Hand-written typings for the small part of Kusto.Language (Bridge.NET build) this folder
 * uses. Why not the package's own `Kusto.Language.Bridge.d.ts`: it is 1.5 MB of global
 * declarations that would slow every type-check and leak `Kusto`/`System` globals into the
 * whole engine. Names and shapes below were checked against that file (v11.5.3).
 */

/** A .NET `IReadOnlyList<T>` as Bridge.NET exposes it. */
export interface BridgeList<T> {
  readonly Count: number;
  getItem(index: number): T;
}

/** `SeparatedElement<T>`: one element of a comma-separated list. */
export interface SeparatedElement<T> {
  readonly Element: T;
}

export interface KSymbol {
  readonly Name: string;
  readonly Kind: number;
  readonly IsError: boolean;
  readonly IsScalar: boolean;
  readonly IsTabular: boolean;
}

export interface KTypeSymbol extends KSymbol {
  /** Present on table and tuple types. */
  readonly Columns?: BridgeList<KColumnSymbol>;
}

export interface KColumnSymbol extends KSymbol {
  readonly Type: KTypeSymbol;
}

export type KTableSymbol = KTypeSymbol;

/** One parameter of a function signature. */
export interface KParameter {
  readonly Name: string;
  readonly IsTabular: boolean;
  readonly IsOptional: boolean;
  /** The default value as declared (`y:long = 2`), bound in the declaring tree. */
  readonly DefaultValue: KExpression | null;
}
export interface KSignature {
  readonly Parameters: BridgeList<KParameter>;
}
export interface KFunctionSymbol extends KSymbol {
  readonly Signatures: BridgeList<KSignature>;
}

export interface KDiagnostic {
  readonly Code: string;
  readonly Message: string;
  readonly Severity: string;
  readonly Start: number;
  readonly Length: number;
  readonly HasLocation: boolean;
}

/** Any syntax element (node or token). */
export interface KSyntaxElement {
  readonly Kind: number;
  /** The tree the element belongs to: the query's, or a function call's expansion. */
  readonly Tree: KSyntaxTree | null;
  readonly TextStart: number;
  readonly Width: number;
  readonly ChildCount: number;
  readonly IsMissing: boolean;
  GetChild(index: number): KSyntaxElement | null;
}

export interface KToken extends KSyntaxElement {
  readonly Text: string;
  readonly ValueText: string;
}

/** A syntax tree; a `FunctionCallExpansion` sits at `OffsetInOriginal` of its `Original` tree. */
export interface KSyntaxTree {
  readonly Original: KSyntaxTree | null;
  readonly OffsetInOriginal: number;
}

export interface KNode extends KSyntaxElement {
  readonly ReferencedSymbol: KSymbol | null;
  /** The body of the called user function (`f(x)`, a view `V`) bound at this call site, or null. */
  GetExpansion(): KNode | null;
  GetFirstToken(includeZeroWidthTokens?: boolean): KToken | null;
}

export interface KValueInfo {
  readonly ValueText: string | null;
  readonly RawText: string | null;
}

export interface KExpression extends KNode {
  readonly ResultType: KTypeSymbol | null;
  readonly IsLiteral: boolean;
  readonly LiteralValueInfo: KValueInfo | null;
}

export interface KNameReference extends KExpression {
  readonly SimpleName: string;
}
export interface KNameDeclaration extends KNode {
  readonly SimpleName: string;
}
export interface KBinaryExpression extends KExpression {
  readonly Left: KExpression;
  readonly Operator: KToken;
  readonly Right: KExpression;
}
export interface KExpressionList extends KNode {
  readonly Expressions: BridgeList<SeparatedElement<KExpression>>;
}
export interface KInExpression extends KExpression {
  readonly Left: KExpression;
  readonly Operator: KToken;
  readonly Right: KExpressionList;
}
export interface KExpressionCouple extends KNode {
  readonly First: KExpression;
  readonly Second: KExpression;
}
export interface KBetweenExpression extends KExpression {
  readonly Left: KExpression;
  readonly Operator: KToken;
  readonly Right: KExpressionCouple;
}
export interface KFunctionCallExpression extends KExpression {
  readonly Name: KNameReference;
  readonly ArgumentList: KExpressionList;
}
export interface KPrefixUnaryExpression extends KExpression {
  readonly Operator: KToken;
  readonly Expression: KExpression;
}
export interface KParenthesizedExpression extends KExpression {
  readonly Expression: KExpression;
}
export interface KSimpleNamedExpression extends KExpression {
  readonly Name: KNameDeclaration;
  readonly Expression: KExpression;
}
export interface KOrderingNullsClause extends KNode {
  readonly FirstOrLastKeyword: KToken;
}
export interface KOrderingClause extends KNode {
  readonly AscOrDescKeyword: KToken | null;
  readonly NullsClause: KOrderingNullsClause | null;
}
export interface KOrderedExpression extends KExpression {
  readonly Expression: KExpression;
  readonly Ordering: KOrderingClause | null;
}
export interface KNamedParameter extends KNode {
  readonly Name: KNameDeclaration;
  readonly Expression: KExpression;
}
export interface KNameReferenceList extends KExpression {
  readonly Names: BridgeList<SeparatedElement<KNameReference>>;
}

/** A query operator after a `|` (or `union` at the start of a query). */
export type KQueryOperator = KExpression;

export interface KPipeExpression extends KExpression {
  readonly Expression: KExpression;
  readonly Operator: KQueryOperator;
}
export interface KFilterOperator extends KQueryOperator {
  readonly Keyword: KToken;
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Condition: KExpression;
}
export interface KProjectOperator extends KQueryOperator {
  readonly ProjectKeyword: KToken;
  readonly Expressions: BridgeList<SeparatedElement<KExpression>>;
}
export interface KExtendOperator extends KQueryOperator {
  readonly ExtendKeyword: KToken;
  readonly Expressions: BridgeList<SeparatedElement<KExpression>>;
}
export interface KSummarizeByClause extends KNode {
  readonly Expressions: BridgeList<SeparatedElement<KExpression>>;
  /** `by x bin = 1h`: an implicit `bin()` over the keys. */
  readonly BinClause: KNode | null;
}
export interface KSummarizeOperator extends KQueryOperator {
  readonly SummarizeKeyword: KToken;
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Aggregates: BridgeList<SeparatedElement<KExpression>>;
  readonly ByClause: KSummarizeByClause | null;
}
export interface KTopOperator extends KQueryOperator {
  readonly TopKeyword: KToken;
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Expression: KExpression;
  readonly ByExpression: KExpression;
}
export interface KTakeOperator extends KQueryOperator {
  readonly Keyword: KToken;
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Expression: KExpression;
}
export interface KSortOperator extends KQueryOperator {
  readonly Keyword: KToken;
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Expressions: BridgeList<SeparatedElement<KExpression>>;
}
export interface KCountOperator extends KQueryOperator {
  readonly CountKeyword: KToken;
  readonly AsIdentifier: KNode | null;
}
export interface KDistinctOperator extends KQueryOperator {
  readonly DistinctKeyword: KToken;
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Expressions: BridgeList<SeparatedElement<KExpression>>;
}
export interface KUnionOperator extends KQueryOperator {
  readonly UnionKeyword: KToken;
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Expressions: BridgeList<SeparatedElement<KExpression>>;
}
export interface KRenderWithClause extends KNode {
  readonly Properties: BridgeList<SeparatedElement<KNamedParameter>>;
}
export interface KRenderOperator extends KQueryOperator {
  readonly RenderKeyword: KToken;
  readonly ChartType: KToken;
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly WithClause: KRenderWithClause | null;
}
/** `on ...` or `where ...` after a join's right side. */
export type KJoinConditionClause = KNode;
export interface KJoinOnClause extends KJoinConditionClause {
  readonly OnKeyword: KToken;
  readonly Expressions: BridgeList<SeparatedElement<KExpression>>;
}
export interface KJoinOperator extends KQueryOperator {
  readonly JoinKeyword: KToken;
  readonly Parameters: BridgeList<KNamedParameter>;
  /** The right side (`$right`): a table name, a parenthesized tabular expression, ... */
  readonly Expression: KExpression;
  /** `on ...` (a `JoinOnClause`) or `where ...` (a `JoinWhereClause`). */
  readonly ConditionClause: KJoinConditionClause;
}
/** `$left.Column` in a join condition: `Expression` is `$left`, `Selector` the column. */
export interface KPathExpression extends KExpression {
  readonly Expression: KExpression;
  readonly Selector: KExpression;
}
/** `(a, b) = f(...)`: several names for an expression with several result columns. */
export interface KCompoundNamedExpression extends KExpression {
  readonly Expression: KExpression;
}
export interface KPrintOperator extends KQueryOperator {
  readonly Expressions: BridgeList<SeparatedElement<KExpression>>;
}
export interface KRangeOperator extends KQueryOperator {
  readonly From: KExpression;
  readonly To: KExpression;
  readonly Step: KExpression;
}
export interface KDataTableExpression extends KExpression {
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Values: BridgeList<SeparatedElement<KExpression>>;
}
/** `project-away`, `project-keep`, `project-rename`, `project-reorder`: a list of names, patterns or `a = b`. */
export interface KProjectColumnsOperator extends KQueryOperator {
  readonly Expressions: BridgeList<SeparatedElement<KExpression>>;
}
export interface KSerializeOperator extends KQueryOperator {
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Expressions: BridgeList<SeparatedElement<KExpression>>;
}
export interface KAsOperator extends KQueryOperator {
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Name: KNameDeclaration;
}
export interface KGetSchemaOperator extends KQueryOperator {
  readonly KindParameter: KNamedParameter | null;
}
export interface KToScalarExpression extends KExpression {
  readonly KindParameter: KNamedParameter | null;
  readonly Expression: KExpression;
}
export interface KMaterializeExpression extends KExpression {
  readonly Expression: KExpression;
}
export interface KInvokeOperator extends KQueryOperator {
  readonly Function: KExpression;
}
export interface KFunctionBody extends KNode {
  readonly Statements: BridgeList<SeparatedElement<KStatement>>;
  readonly Expression: KExpression;
}
export interface KFunctionDeclaration extends KExpression {
  readonly Body: KFunctionBody;
}

export interface KMvExpandExpression extends KExpression {
  readonly Expression: KExpression;
  /** `to typeof(t)`, or null. */
  readonly ToTypeOf: KNode | null;
}
export interface KMvExpandRowLimitClause extends KNode {
  readonly RowLimit: KExpression;
}
export interface KMvExpandOperator extends KQueryOperator {
  readonly Parameters: BridgeList<KNamedParameter>;
  readonly Expressions: BridgeList<SeparatedElement<KMvExpandExpression>>;
  readonly RowLimitClause: KMvExpandRowLimitClause | null;
}

export type KStatement = KNode;
export interface KLetStatement extends KStatement {
  readonly Name: KNameDeclaration;
  readonly Expression: KExpression;
}
export interface KExpressionStatement extends KStatement {
  readonly Expression: KExpression;
}
export interface KQueryBlock extends KNode {
  readonly Statements: BridgeList<SeparatedElement<KStatement>>;
}

/** Syntax node classes used with `instanceof`, by their `Kusto.Language.Syntax` class name. */
export interface KNodeClasses {
  QueryBlock: KQueryBlock;
  ExpressionStatement: KExpressionStatement;
  PipeExpression: KPipeExpression;
  NameReference: KNameReference;
  ParenthesizedExpression: KParenthesizedExpression;
  LiteralExpression: KExpression;
  BinaryExpression: KBinaryExpression;
  InExpression: KInExpression;
  BetweenExpression: KBetweenExpression;
  FunctionCallExpression: KFunctionCallExpression;
  PrefixUnaryExpression: KPrefixUnaryExpression;
  SimpleNamedExpression: KSimpleNamedExpression;
  OrderedExpression: KOrderedExpression;
  StarExpression: KExpression;
  NameReferenceList: KNameReferenceList;
  FilterOperator: KFilterOperator;
  ProjectOperator: KProjectOperator;
  ExtendOperator: KExtendOperator;
  SummarizeOperator: KSummarizeOperator;
  TopOperator: KTopOperator;
  TakeOperator: KTakeOperator;
  SortOperator: KSortOperator;
  CountOperator: KCountOperator;
  DistinctOperator: KDistinctOperator;
  UnionOperator: KUnionOperator;
  RenderOperator: KRenderOperator;
  JoinOperator: KJoinOperator;
  JoinOnClause: KJoinOnClause;
  PathExpression: KPathExpression;
  CompoundNamedExpression: KCompoundNamedExpression;
  LetStatement: KLetStatement;
  PrintOperator: KPrintOperator;
  RangeOperator: KRangeOperator;
  DataTableExpression: KDataTableExpression;
  ProjectAwayOperator: KProjectColumnsOperator;
  ProjectKeepOperator: KProjectColumnsOperator;
  ProjectRenameOperator: KProjectColumnsOperator;
  ProjectReorderOperator: KProjectColumnsOperator;
  SerializeOperator: KSerializeOperator;
  AsOperator: KAsOperator;
  GetSchemaOperator: KGetSchemaOperator;
  ToScalarExpression: KToScalarExpression;
  MaterializeExpression: KMaterializeExpression;
  InvokeOperator: KInvokeOperator;
  MvExpandOperator: KMvExpandOperator;
  FunctionDeclaration: KFunctionDeclaration;
  FunctionBody: KFunctionBody;
}

/** A class as seen by `instanceof`: only its prototype type matters for narrowing. */
export interface BridgeClass<T> {
  readonly prototype: T;
}

export interface KGlobalState {
  WithDatabase(db: unknown): KGlobalState;
  IsAggregateFunction(fn: KSymbol): boolean;
}

export interface KKustoCode {
  readonly Syntax: KNode;
  readonly Globals: KGlobalState;
  GetDiagnostics(): BridgeList<KDiagnostic>;
}

/** The `Kusto.Language` namespace. */
export interface KustoNamespace {
  readonly KustoCode: { ParseAndAnalyze(text: string, globals: KGlobalState): KKustoCode };
  readonly GlobalState: { readonly Default: KGlobalState };
  readonly FunctionCallExpansion: BridgeClass<KSyntaxTree>;
  readonly KustoFacts: { GetExpressionResultName(expr: KExpression, defaultName: string | null): string | null };
  readonly Symbols: {
    readonly ScalarTypes: { GetSymbol(name: string): KTypeSymbol };
    readonly ColumnSymbol: BridgeClass<KColumnSymbol> & (new (name: string, type: KTypeSymbol) => KColumnSymbol);
    readonly TableSymbol: BridgeClass<KTableSymbol> & {
      readonly $ctor4: new (name: string, columns: KColumnSymbol[]) => KTableSymbol;
    };
    readonly DatabaseSymbol: { readonly ctor: new (name: string, members: KSymbol[]) => KSymbol };
    readonly FunctionSymbol: BridgeClass<KFunctionSymbol>;
    readonly VariableSymbol: BridgeClass<KSymbol>;
    readonly ParameterSymbol: BridgeClass<KSymbol>;
  };
  readonly Syntax: { readonly [N in keyof KNodeClasses]: BridgeClass<KNodeClasses[N]> } & {
    readonly SyntaxKind: Readonly<Record<string, number | unknown>>;
  };
}
