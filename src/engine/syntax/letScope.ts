/**
 * What names mean while lowering one query: `let` statements, `as` names, the parameters of
 * the user function being expanded, and the `toscalar(...)` sub-queries collected so far.
 *
 * Kusto.Language has already resolved every name to a symbol. A `let` or `as` name is a
 * `VariableSymbol`/`FunctionSymbol` object that every reference shares (also inside function
 * expansions), so those are looked up by symbol identity. Parameters are fresh symbols per call
 * site, so inside an expansion they are looked up by name in the call's own frame.
 */
import type { Expr, PlanScalar, Tabular } from '../plan';
import type { KExpression, KFunctionBody, KSymbol } from './kustoTypes';
import type { KPatternDeclaration } from './kustoPatternTypes';
import type { LoweringContext } from './nodes';

/** A name's meaning. `let` values are lowered lazily (an unused `let` never fails the query) and once. */
export type Binding =
  /** `let x = <scalar or tabular expression>` (also `materialize(...)`, `view`-less values). */
  | { readonly kind: 'let'; readonly name: string; readonly node: KExpression; readonly ctx: LoweringContext; value?: Expr | Tabular }
  /**
   * `let f = (params) { body }` or `let V = view () { body }`: expanded at each call. `view` is the
   * body of a parameterless `view` (what `search` reads besides the tables), else undefined.
   */
  | { readonly kind: 'function'; readonly name: string; readonly view?: KFunctionBody; readonly ctx?: LoweringContext }
  /** A function parameter bound to the caller's argument (or to its default value). */
  | { readonly kind: 'scalar'; readonly expr: Expr }
  | { readonly kind: 'tabular'; readonly tabular: Tabular };

/**
 * A `declare pattern` statement with definitions, in the scope it was declared in. Each definition's
 * body is lowered once, on its first invocation (`lowered`, by the definition's index).
 */
export interface PatternBinding {
  readonly name: string;
  readonly declaration: KPatternDeclaration;
  readonly ctx: LoweringContext;
  readonly lowered: Map<number, Tabular>;
}

/** The lowering entry points; carried here so the let lowering needs no import cycle. */
export interface Lowerers {
  scalar(ctx: LoweringContext, expr: KExpression): Expr;
  tabular(ctx: LoweringContext, expr: KExpression): Tabular;
}

/** Names in scope; see the module comment. */
export interface LetScope {
  /** `let`/`as` names by their symbol (shared by the whole query). */
  readonly symbols: Map<KSymbol, Binding>;
  /** Parameters of the function call being expanded, by name (empty outside functions). */
  readonly parameters: ReadonlyMap<string, Binding>;
  /** `toscalar` sub-queries of the whole query, in the order met. */
  readonly scalars: PlanScalar[];
  /** How deep in nested function expansions the lowering is (guards against runaway recursion). */
  readonly depth: number;
  /**
   * Values of the `set` options that change results and that the lowering applies, by lowercase
   * name (`query_bin_auto_size`, `query_bin_auto_at` for `bin_auto()`); shared by the whole query.
   */
  readonly options: Map<string, Expr>;
  /** `declare pattern` statements by the binder's `PatternSymbol` (see `kustoPatternTypes.ts`); shared by the whole query. */
  readonly patterns: Map<KSymbol, PatternBinding>;
  readonly lower: Lowerers;
}

/** The scope of a query's top level. */
export function topLevelScope(lower: Lowerers): LetScope {
  return { symbols: new Map(), parameters: new Map(), scalars: [], depth: 0, lower, options: new Map(), patterns: new Map() };
}

/** The scope inside a function call's expansion: the query's `let` names plus the call's parameters. */
export function callScope(outer: LetScope, parameters: ReadonlyMap<string, Binding>): LetScope {
  return { ...outer, parameters, depth: outer.depth + 1 };
}
