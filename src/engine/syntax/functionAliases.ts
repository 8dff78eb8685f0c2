/**
 * Deprecated function names that Kusto.Language still binds, each the same function as the one
 * it aliases (per that function's docs page: "Deprecated aliases: ..."), and functions the
 * syntax layer resolves while lowering. The lowering rewrites an alias call into a call of the
 * function it aliases, so the plan, the kernels and the executor's per-name rules
 * (row-dependent functions, exact longs) only ever see the current name.
 */
import type { Expr } from '../plan';
import { SERIES_TUPLE_COLUMNS } from '../functions/seriesTuples';
import type { KExpression, KFunctionCallExpression } from './kustoTypes';
import { COLUMN_IF_EXISTS_FUNCTIONS } from './lowerColumnIfExists';
import { type LoweringContext, scalarTypeOf, separatedItems, spanOf } from './nodes';

/** What an alias stands for: the function's name and, when they differ, the order of its arguments. */
export interface FunctionAlias {
  /** The current name of the function. */
  readonly target: string;
  /** For each argument of the target, the index of the alias call's argument that fills it. */
  readonly argumentOrder?: readonly number[];
}

/** Deprecated aliases by name. */
export const DEPRECATED_FUNCTION_ALIASES: ReadonlyMap<string, FunctionAlias> = new Map(Object.entries({
  notempty: { target: 'isnotempty' },
  notnull: { target: 'isnotnull' },
  datepart: { target: 'datetime_part' },
  totime: { target: 'totimespan' },
  parsejson: { target: 'parse_json' },
  toobject: { target: 'todynamic' },
  // `replace(regex, rewrite, text)` is `replace_regex(text, regex, rewrite)`.
  replace: { target: 'replace_regex', argumentOrder: [2, 0, 1] },
  array_strcat: { target: 'strcat_array' },
  row_rank: { target: 'row_rank_dense' },
  to_utf8: { target: 'unicode_codepoints_from_string' },
  make_string: { target: 'unicode_codepoints_to_string' },
} satisfies Record<string, FunctionAlias>));

/** An alias call lowered as a call of the function it aliases (typed by the binder); null when `call` is no alias. */
export function lowerAliasCall(
  ctx: LoweringContext, call: KFunctionCallExpression, lowerScalar: (ctx: LoweringContext, expr: KExpression) => Expr,
): Expr | null {
  const alias = DEPRECATED_FUNCTION_ALIASES.get(call.Name.SimpleName);
  if (alias === undefined) return null;
  const lowered = separatedItems(call.ArgumentList.Expressions).map((a) => lowerScalar(ctx, a));
  const args = alias.argumentOrder === undefined ? lowered : alias.argumentOrder.map((i) => lowered[i]);
  return { kind: 'call', name: alias.target, args, type: scalarTypeOf(call), span: spanOf(call) };
}

/**
 * Names the engine implements without a kernel of that name in the function registry: the
 * aliases above, `column_ifexists`, `pack_all` (`lowerPackAll.ts`) and the multi-column series
 * functions (`lowerSeriesTuples.ts`, from `SERIES_TUPLE_COLUMNS`). The coverage table counts them.
 */
export const SYNTAX_LOWERED_FUNCTIONS: ReadonlySet<string> = new Set([
  ...DEPRECATED_FUNCTION_ALIASES.keys(),
  ...COLUMN_IF_EXISTS_FUNCTIONS,
  'pack_all',
  ...Object.keys(SERIES_TUPLE_COLUMNS),
]);
