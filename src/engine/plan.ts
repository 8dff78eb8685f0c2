/**
 * The engine's own query plan: what `syntax/` lowers the analyzed Kusto.Language tree to,
 * and what `operators/` executes. Every tabular node carries its output schema as the
 * official binder computed it (so column names such as `count_` or `avg_DurationMs`,
 * and union's column order, come from Kusto.Language, not from us).
 */
import type { ColumnSchema, DynamicValue } from './table/column';
import type { ScalarType } from './types/scalarType';
import type { SourceSpan } from './errors';

// ---------------------------------------------------------------- scalar expressions

/** Binary operators over scalars. String operators keep Kusto's spelling. */
export type BinaryOp =
  // arithmetic
  | '+' | '-' | '*' | '/' | '%'
  // comparison
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  // logic (three-valued)
  | 'and' | 'or'
  // string comparison and search
  | '=~' | '!~'
  | 'contains' | '!contains' | 'contains_cs' | '!contains_cs'
  | 'has' | '!has' | 'has_cs' | '!has_cs'
  | 'startswith' | '!startswith' | 'startswith_cs' | '!startswith_cs'
  | 'endswith' | '!endswith' | 'endswith_cs' | '!endswith_cs'
  | 'hasprefix' | '!hasprefix' | 'hassuffix' | '!hassuffix'
  | 'matches regex';

export type UnaryOp = '-' | '+';

interface ExprBase {
  /** The result type the binder gave this expression. */
  readonly type: ScalarType;
  readonly span: SourceSpan;
}

/**
 * A literal. Numeric types hold a number (datetime: ticks since Unix epoch; timespan: ticks;
 * bool: 0/1 is NOT used here — bool literals hold true/false), string/guid hold text,
 * dynamic holds the parsed JSON value. `null` is the typed null literal.
 */
export interface LiteralExpr extends ExprBase {
  readonly kind: 'literal';
  readonly value: number | string | boolean | DynamicValue | null;
}

/** A reference to a column of the operator's input, by name. */
export interface ColumnExpr extends ExprBase {
  readonly kind: 'column';
  readonly name: string;
}

export interface UnaryExpr extends ExprBase {
  readonly kind: 'unary';
  readonly op: UnaryOp;
  readonly operand: Expr;
}

export interface BinaryExpr extends ExprBase {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

/** `x in (...)`, `x !in (...)`, `x in~ (...)`, `x !in~ (...)`. */
export interface InExpr extends ExprBase {
  readonly kind: 'in';
  readonly negated: boolean;
  readonly caseInsensitive: boolean;
  readonly operand: Expr;
  readonly values: readonly Expr[];
}

/** `x between (low .. high)` and `x !between (low .. high)`. */
export interface BetweenExpr extends ExprBase {
  readonly kind: 'between';
  readonly negated: boolean;
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
}

/** A scalar function call; `name` is Kusto's lower-case name (`ago`, `bin`, `tostring`, `not`, ...). */
export interface CallExpr extends ExprBase {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly Expr[];
}

/** A scalar expression; discriminate on `kind`. */
export type Expr = LiteralExpr | ColumnExpr | UnaryExpr | BinaryExpr | InExpr | BetweenExpr | CallExpr;

// ---------------------------------------------------------------- tabular operators

/** An output column computed from an expression (`project x = e`, `extend`, `by` keys). */
export interface NamedExpr {
  readonly name: string;
  readonly expr: Expr;
}

/** An aggregation call in `summarize`; `name` is the output column name the binder chose. */
export interface AggregateCall {
  /** Kusto's lower-case aggregate name: count, countif, dcount, sum, avg, min, max, ... */
  readonly fn: string;
  readonly args: readonly Expr[];
  readonly name: string;
  readonly type: ScalarType;
  readonly span: SourceSpan;
}

export interface SortKey {
  readonly expr: Expr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

/** `render` as written: the visualization and its `with (...)` properties. */
export interface RenderSpec {
  readonly visualization: string;
  readonly properties: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

/**
 * Join flavors as Kusto documents them (join-operator.md). The parser's aliases are folded in
 * by the lowering: `anti` and `leftantisemi` are `leftanti`, `rightantisemi` is `rightanti`.
 */
export type JoinKind =
  | 'innerunique' | 'inner' | 'leftouter' | 'rightouter' | 'fullouter'
  | 'leftsemi' | 'leftanti' | 'rightsemi' | 'rightanti';

/** One equality of a join condition: column `left` of `$left` equals column `right` of `$right`. */
export interface JoinKey {
  readonly left: string;
  readonly right: string;
}

export type Operator =
  | { readonly op: 'where'; readonly predicate: Expr }
  | { readonly op: 'project'; readonly columns: readonly NamedExpr[] }
  | { readonly op: 'extend'; readonly columns: readonly NamedExpr[] }
  | { readonly op: 'summarize'; readonly aggregates: readonly AggregateCall[]; readonly by: readonly NamedExpr[] }
  | { readonly op: 'top'; readonly count: Expr; readonly by: readonly SortKey[] }
  | { readonly op: 'take'; readonly count: Expr }
  | { readonly op: 'sort'; readonly by: readonly SortKey[] }
  | { readonly op: 'count' }
  | { readonly op: 'distinct'; readonly columns: readonly NamedExpr[] }
  /** `T | union U, V`: the pipe input comes first, then `others`. */
  | { readonly op: 'union'; readonly others: readonly Tabular[] }
  | { readonly op: 'render'; readonly spec: RenderSpec }
  /**
   * `T | join kind=K (U) on keys`: the pipe input is `$left`, `right` is `$right`; all keys must
   * be equal (null keys never match). Output columns: see `operators/join.ts`.
   */
  | { readonly op: 'join'; readonly kind: JoinKind; readonly right: Tabular; readonly keys: readonly JoinKey[] };

export type OperatorKind = Operator['op'];

interface TabularBase {
  /** Output schema as the binder computed it. */
  readonly schema: readonly ColumnSchema[];
  readonly span: SourceSpan;
}

/** A tabular expression, left-deep: `pipe(pipe(table, where), project)`. */
export type Tabular =
  | (TabularBase & { readonly kind: 'table'; readonly name: string })
  | (TabularBase & { readonly kind: 'union'; readonly inputs: readonly Tabular[] })
  | (TabularBase & { readonly kind: 'pipe'; readonly input: Tabular; readonly operator: Operator });

/** A lowered query: one tabular expression whose result is the primary result table. */
export interface QueryPlan {
  readonly body: Tabular;
}
