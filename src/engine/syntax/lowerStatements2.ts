/**
 * Statements other than `let` and queries:
 * - `set option [= value];` (set-statement.md): accepted and ignored only for the documented
 *   request properties that cannot change a query's result here (truncation limits, timeouts,
 *   memory limits, cache and execution hints — this engine never truncates a result silently and
 *   has no server); `query_bin_auto_size` and `query_bin_auto_at` are kept for `bin_auto()`; any
 *   other option, such as `query_now`, changes results and stays `E_UNSUPPORTED`.
 * - `declare query_parameters(name:type = default, ...);` (query-parameters-statement.md): every
 *   parameter is bound to its default value (the page has no way to pass parameter values); a
 *   parameter without a default is `E_UNSUPPORTED`.
 * - `declare pattern` (pattern-statement.md): see `patternDeclarations.ts` and `lowerPattern.ts`.
 */
import type { KExpression, KNameDeclaration, KNode, KStatement } from './kustoTypes';
import type { BridgeList, SeparatedElement } from './kustoTypes';
import { isOperators2Node } from './kustoOperators2Types';
import { isPatternNode } from './kustoPatternTypes';
import { declarePattern } from './patternDeclarations';
import { type LoweringContext, failUnsupported, separatedItems } from './nodes';

interface KSetOptionStatement extends KNode {
  readonly Name: KNameDeclaration;
  readonly ValueClause: (KNode & { readonly Expression: KExpression | null }) | null;
}

/** Options that change results and that the lowering applies (`bin_auto()` reads them; see `lowerBinAuto.ts`). */
const APPLIED_OPTIONS: ReadonlySet<string> = new Set(['query_bin_auto_size', 'query_bin_auto_at']);
interface KFunctionParameter extends KNode {
  readonly NameAndType: KNode & { readonly Name: KNameDeclaration };
  readonly DefaultValue: (KNode & { readonly Value: KExpression }) | null;
}
interface KQueryParametersStatement extends KNode {
  readonly Parameters: BridgeList<SeparatedElement<KFunctionParameter>>;
}

/** Request properties that only limit, time or tune execution: ignoring them cannot change a result here. */
const HARMLESS_OPTIONS: ReadonlySet<string> = new Set([
  'notruncation', 'truncationmaxrecords', 'truncationmaxsize', 'servertimeout', 'norequesttimeout',
  'maxmemoryconsumptionperiterator', 'max_memory_consumption_per_query_per_node', 'maxoutputcolumns',
  'query_results_cache_max_age', 'query_results_cache_force_refresh', 'query_results_cache_per_shard',
  'deferpartialqueryfailures', 'request_readonly', 'request_app_name', 'request_user', 'request_description',
  'query_fanout_nodes_percent', 'query_fanout_threads_percent', 'query_max_entities_in_union',
]);

/**
 * Handles `set` and `declare query_parameters` statements; returns false for any other
 * statement (the caller reports it).
 */
export function declareOtherStatement(ctx: LoweringContext, statement: KStatement): boolean {
  if (isOperators2Node(statement, 'SetOptionStatement')) {
    const set = statement as KSetOptionStatement;
    const name = set.Name.SimpleName;
    const value = set.ValueClause?.Expression ?? null;
    if (APPLIED_OPTIONS.has(name.toLowerCase()) && value !== null) {
      ctx.lets.options.set(name.toLowerCase(), ctx.lets.lower.scalar(ctx, value));
      return true;
    }
    if (!HARMLESS_OPTIONS.has(name.toLowerCase()) && !name.toLowerCase().startsWith('hint.')) failUnsupported(`set ${name}`, set.Name);
    return true;
  }
  if (isOperators2Node(statement, 'QueryParametersStatement')) {
    for (const parameter of separatedItems((statement as KQueryParametersStatement).Parameters)) {
      const declaration = parameter.NameAndType.Name;
      const symbol = declaration.ReferencedSymbol;
      if (parameter.DefaultValue === null || symbol === null) failUnsupported('query parameter without a default value', declaration);
      ctx.lets.symbols.set(symbol, { kind: 'let', name: declaration.SimpleName, node: parameter.DefaultValue.Value, ctx });
    }
    return true;
  }
  if (isPatternNode(statement, 'PatternStatement')) {
    declarePattern(ctx, statement);
    return true;
  }
  return false;
}
