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
 * A literal. Numeric types hold a number (datetime: ticks since `DATETIME_BASE_MS`; timespan: ticks;
 * bool: 0/1 is NOT used here — bool literals hold true/false), string/guid hold text,
 * dynamic holds the parsed JSON value. `null` is the typed null literal.
 */
export interface LiteralExpr extends ExprBase {
  readonly kind: 'literal';
  /** A `bigint` only for a long literal beyond ±2^53 (exact 64-bit value). */
  readonly value: number | bigint | string | boolean | DynamicValue | null;
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
  | { readonly op: 'join'; readonly kind: JoinKind; readonly right: Tabular; readonly keys: readonly JoinKey[] }
  /** `make-series`, `top-nested` and `mv-apply`: see their interfaces below. */
  | MakeSeriesOperator | TopNestedOperator | MvApplyOperator
  | MvExpandOperator
  /** `parse` and `parse-where`: see `ParseOperator` below. */
  | ParseOperator
  /** `sample N`: up to N rows chosen at random, in input order (`sample-distinct` is `distinct` then `sample`). */
  | { readonly op: 'sample'; readonly count: Expr }
  /** `scan`: see `ScanOperator` below. */
  | ScanOperator
  /**
   * `partition by key (subquery)`: `subquery` runs once per distinct value of `by`, reading that
   * partition's rows as the catalog table `subtable` (as `mv-apply` does); the results are unioned.
   */
  /** `evaluate narrow()`: one row `Row, Column, Value` per input cell (see `operators/narrow.ts`). */
  | { readonly op: 'narrow' }
  /** `evaluate bag_unpack(...)` without an output schema: columns from the data (see `BagUnpackOperator`). */
  | BagUnpackOperator
  /** `evaluate ipv4_lookup / pivot / rows_near / dcount_intersect`: see their interfaces at the end of this file. */
  | Ipv4LookupOperator | PivotOperator | RowsNearOperator | DcountIntersectOperator
  /** `evaluate rolling_percentile / sliding_window_counts / activity_counts_metrics / active_users_count`: see `WindowPluginOperator`. */
  | WindowPluginOperator
  | {
    readonly op: 'partition';
    readonly by: Expr;
    readonly subtable: { readonly name: string; readonly schema: readonly ColumnSchema[] };
    readonly subquery: Tabular;
  };

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
  | (TabularBase & { readonly kind: 'pipe'; readonly input: Tabular; readonly operator: Operator })
  /** A source that reads no table: `print`, `range`, `datatable` (see `SourceSpec`). */
  | (TabularBase & { readonly kind: 'source'; readonly source: SourceSpec })
  /**
   * A tabular value referenced from several places (a `let` name, `materialize()`, `as`):
   * the same node object is reused, and the executor evaluates it once per query run.
   */
  | (TabularBase & { readonly kind: 'shared'; readonly name: string; readonly input: Tabular });

/**
 * Sources without an input table (schema and column names come from the binder):
 * - `print`: one row of `columns`;
 * - `range`: one column from `from` to `to` (inclusive) by `step`;
 * - `datatable`: `values` row by row (constant expressions, `schema.length` per row).
 */
export type SourceSpec =
  | { readonly op: 'print'; readonly columns: readonly NamedExpr[] }
  | { readonly op: 'range'; readonly from: Expr; readonly to: Expr; readonly step: Expr }
  | { readonly op: 'datatable'; readonly values: readonly Expr[] };

/** One expanded column of `mv-expand`: the output column `name` of `type` takes the elements of `expr`. */
export interface MvExpansion {
  readonly name: string;
  readonly expr: Expr;
  /** `dynamic`, or the type of `to typeof(...)` (elements of another type become null). */
  readonly type: ScalarType;
}

/**
 * `mv-expand [kind=bag|array] [with_itemindex=I] a, n = e to typeof(t), ... [limit L]`: one row
 * per element of the expanded values, in parallel (see `operators/mvExpand.ts`).
 */
export interface MvExpandOperator {
  readonly op: 'mv-expand';
  readonly expansions: readonly MvExpansion[];
  /** `kind=array`: a property bag gives `[key, value]` arrays instead of one-key bags. */
  readonly bagAsArray: boolean;
  /** The `with_itemindex` column's name, or null. */
  readonly itemIndex: string | null;
  /** At most this many rows per input row, or null for no limit. */
  readonly limit: Expr | null;
}

/** One query statement of a batch: its tabular expression and the result table's name. */
export interface PlanStatement {
  readonly body: Tabular;
  /** The result table's name (`PrimaryResult`, `Table_1`, or the name given by a final `as`). */
  readonly name: string;
}

/** A `toscalar(...)` of the query: call `$toscalar(id)` reads the first cell of `input`. */
export interface PlanScalar {
  readonly id: number;
  readonly input: Tabular;
}

/** A lowered query: one tabular expression whose result is the primary result table. */
export interface QueryPlan {
  readonly body: Tabular;
  /**
   * A batch (`let` statements, several queries, `as`, `toscalar`): every query statement in
   * order, each giving one result table. When present, `body` is the first statement's body.
   */
  readonly statements?: readonly PlanStatement[];
  /** The `toscalar(...)` sub-queries, read through calls of the internal `$toscalar` function. */
  readonly scalars?: readonly PlanScalar[];
}

// ---------------------------------------------------------------- series and nesting operators

/** One aggregation of `make-series`: the call (typed as the aggregate's own scalar type) and its `default=`. */
export interface SeriesAggregate {
  readonly call: AggregateCall;
  /** The value of bins without rows; null means Kusto's default, 0. */
  readonly defaultValue: Expr | null;
}

/**
 * `make-series aggs on axis (from a) (to b) step s | in range(a, b, s) by keys`: one row per
 * group with one dynamic array per aggregate and the axis values (see `operators/makeSeries.ts`).
 */
export interface MakeSeriesOperator {
  readonly op: 'make-series';
  readonly aggregates: readonly SeriesAggregate[];
  readonly axis: {
    readonly expr: Expr;
    /** The output column of the axis array. */
    readonly name: string;
    /** `fromTo`: `from`/`to`(exclusive)/`step`, bins by `bin_at`; `inRange`: `in range(a, b, s)`, b inclusive, bins by `bin`. */
    readonly form: 'fromTo' | 'inRange';
    readonly from: Expr | null;
    readonly to: Expr | null;
    readonly step: Expr;
  };
  readonly by: readonly NamedExpr[];
  /** `kind=nonempty`: an empty input still gives one series of defaults. */
  readonly nonEmpty: boolean;
}

/** One level of `top-nested [N] of key [with others = v] by aggregate [asc|desc]`. */
export interface TopNestedLevel {
  /** N; null keeps every value. */
  readonly count: Expr | null;
  /** The `of` expression, named as its output column. */
  readonly key: NamedExpr;
  /** `with others = v`: the key value of the row that aggregates the values beyond the top N. */
  readonly others: Expr | null;
  /** The `by` aggregation, named as its output column. */
  readonly aggregate: AggregateCall;
  readonly descending: boolean;
}

/** `top-nested` levels (see `operators/topNested.ts`). */
export interface TopNestedOperator {
  readonly op: 'top-nested';
  readonly levels: readonly TopNestedLevel[];
}

/**
 * `mv-apply items on (subquery)`: `expand` expands each row as `mv-expand` does; `subquery` runs
 * once per input row over that row's expanded rows, read as the catalog table `subtable` (a
 * name no loaded table can have). See `operators/mvApply.ts`.
 */
export interface MvApplyOperator {
  readonly op: 'mv-apply';
  readonly expand: MvExpandOperator;
  readonly subtable: { readonly name: string; readonly schema: readonly ColumnSchema[] };
  readonly subquery: Tabular;
}

// ---------------------------------------------------------------- parse

/** One column `parse` extracts: its name and type, read from the regex group `group`. */
export interface ParseCapture {
  readonly name: string;
  readonly type: ScalarType;
  /** The name of the capture group in `ParseOperator.regex`. */
  readonly group: string;
}

/**
 * `parse [kind=simple|regex|relaxed] [flags=...] text with pattern` and `parse-where` (see
 * `operators/parse.ts`): the pattern as one JavaScript regular expression with a named group per
 * extracted column, matched once per distinct text.
 */
export interface ParseOperator {
  readonly op: 'parse';
  /** The parsed text (a `string` expression; the lowering converts other types). */
  readonly text: Expr;
  /** JavaScript source and flags (the lowering translated Kusto's pattern and flags). */
  readonly regex: { readonly source: string; readonly flags: string };
  readonly captures: readonly ParseCapture[];
  /**
   * `relaxed`: a capture that does not convert to its column's type is null on its own; otherwise
   * (simple, regex) such a capture fails the whole row, and every extracted column is null.
   */
  readonly relaxed: boolean;
  /** `parse-where`: rows that do not parse are dropped. */
  readonly dropUnparsed: boolean;
}

// ---------------------------------------------------------------- scan

/** A column `scan ... declare (name: type = default)` adds to its input. */
export interface ScanDeclaredColumn {
  readonly name: string;
  readonly type: ScalarType;
  /** The value where no step assigns it; null for Kusto's default (null). */
  readonly defaultValue: Expr | null;
}

/**
 * One `step name [output=all|none]: condition [=> column = value, ...];` of `scan`. Inside its
 * condition and values, `step.column` is a column reference named by `scanStateColumn()` in
 * `operators/scan.ts`.
 */
export interface ScanStep {
  readonly name: string;
  /** `all` (default) adds every matching record to the output; `none` adds none. */
  readonly output: 'all' | 'none';
  readonly condition: Expr;
  readonly assignments: readonly NamedExpr[];
}

/** `scan [with_match_id=Id] [declare (...)] with (steps)` (scan-operator.md; see `operators/scan.ts`). */
export interface ScanOperator {
  readonly op: 'scan';
  /** The `with_match_id` column's name, or null. */
  readonly matchId: string | null;
  readonly declared: readonly ScanDeclaredColumn[];
  readonly steps: readonly ScanStep[];
}

/**
 * `evaluate bag_unpack(column [, prefix] [, columnsConflict] [, ignoredProperties])` without an
 * output schema (bag-unpack-plugin.md): the unpacked columns depend on the data, so this node's
 * `schema` lists only the input columns it keeps and the executor takes the output columns (names
 * and types) from the operator's result. Lowered only as the last operator of a query statement.
 */
export interface BagUnpackOperator {
  readonly op: 'bag-unpack';
  /** The input column holding the property bags. */
  readonly column: string;
  /** Added in front of every slot name. */
  readonly prefix: string;
  /** What a slot named like a kept input column does: fail, replace the column, or keep the column. */
  readonly conflict: 'error' | 'replace_source' | 'keep_source';
  /** Slot names never unpacked. */
  readonly ignored: readonly string[];
}

// ---------------------------------------------------------------- lookup and reshaping plugins

/**
 * `evaluate ipv4_lookup(Lookup, sourceKey, lookupKey [, extraKey ...] [, return_unmatched])`
 * (ipv4-lookup-plugin.md; see `operators/plugins/ipv4Lookup.ts`): the input's columns, then the
 * lookup table's columns other than the extra keys, named as the binder names them.
 */
export interface Ipv4LookupOperator {
  readonly op: 'ipv4-lookup';
  readonly lookup: Tabular;
  /** The input's column of IPv4 texts. */
  readonly sourceKey: string;
  /** The lookup table's column of IPv4 ranges (CIDR or single addresses). */
  readonly lookupKey: string;
  /** Columns named alike on both sides that must also be equal (as in `join`). */
  readonly extraKeys: readonly string[];
  /** Output name of every lookup column, in the lookup's order; null for an extra key (left out). */
  readonly lookupNames: readonly (string | null)[];
  /** Keep input rows without a match (lookup columns null). */
  readonly returnUnmatched: boolean;
}

/**
 * `evaluate pivot(column [, aggregate] [, keys ...]) [: schema]` (pivot-plugin.md; see
 * `operators/plugins/pivot.ts`). Its input is a `summarize` of the aggregate (the hidden column
 * `value`) by `keys` and the pivot column; this node turns the pivot values into columns. Without
 * an output schema the columns come from the data (like `BagUnpackOperator`).
 */
export interface PivotOperator {
  readonly op: 'pivot';
  readonly pivotColumn: string;
  readonly keys: readonly string[];
  /** The summarized aggregate's hidden column. */
  readonly value: string;
  /** The aggregate's name (`count`, `sum`, ...): decides the value of a key without rows for a pivot value. */
  readonly aggregate: string;
  /** True when the query gave no output schema, so the node's `schema` lists only `keys`. */
  readonly schemaFromData: boolean;
}

/** `evaluate rows_near(condition, before [, after])` (rows-near-plugin.md; see `operators/plugins/rowsNear.ts`). */
export interface RowsNearOperator {
  readonly op: 'rows-near';
  readonly condition: Expr;
  readonly before: Expr;
  /** Null: as many rows after as `before`. */
  readonly after: Expr | null;
}

/** `evaluate dcount_intersect(hll_1, ..., hll_n)` (dcount-intersect-plugin.md): adds `s0` .. `s<n-1>`. */
export interface DcountIntersectOperator {
  readonly op: 'dcount-intersect';
  readonly sketches: readonly Expr[];
  /** The output names of the counts (`s0`, `s1`, ...). */
  readonly names: readonly string[];
}

// ---------------------------------------------------------------- time-window plugins

/**
 * The arguments of one time-window plugin (its `*-plugin.md` page names them). Column arguments
 * are expressions over the input rows (the binder accepts only column names there); the others
 * are constant scalars. `rolling_percentile`'s `binnedIndex` is `bin(IndexColumn, BinSize)`.
 */
export type WindowPlugin =
  | { readonly name: 'rolling_percentile'; readonly value: Expr; readonly percent: Expr; readonly binnedIndex: Expr; readonly binSize: Expr; readonly binsPerWindow: Expr }
  | { readonly name: 'sliding_window_counts'; readonly id: Expr; readonly timeline: Expr; readonly start: Expr; readonly end: Expr; readonly lookback: Expr; readonly bin: Expr }
  | { readonly name: 'activity_counts_metrics'; readonly id: Expr; readonly timeline: Expr; readonly start: Expr; readonly end: Expr; readonly step: Expr }
  | {
    readonly name: 'active_users_count'; readonly id: Expr; readonly timeline: Expr; readonly start: Expr; readonly end: Expr;
    readonly lookback: Expr; readonly period: Expr; readonly activePeriods: Expr; readonly bin: Expr;
  };

/**
 * `evaluate <time-window plugin>(..., dim1, dim2, ...)` (see `operators/plugins/windowPlugins.ts`):
 * the output is the binder's schema, by position: the time column, the `dims`, then the plugin's values.
 */
export interface WindowPluginOperator {
  readonly op: 'window-plugin';
  readonly plugin: WindowPlugin;
  /** The columns that slice the calculation, in the output's order. */
  readonly dims: readonly Expr[];
}
