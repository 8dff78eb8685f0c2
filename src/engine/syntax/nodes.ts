/**
 * Small helpers over Kusto.Language syntax nodes: class tests, list iteration, spans,
 * result types and the errors the lowering throws.
 */
import type { ColumnSchema } from '../table/column';
import type { Expr } from '../plan';
import type { ScalarType } from '../types/scalarType';
import { parseScalarType } from '../types/scalarType';
import type { SourceSpan } from '../errors';
import { EngineFailure, analysisError, internalError, unsupported } from '../errors';
import { kustoLanguage } from './kustoLibrary';
import type { LetScope } from './letScope';
import type {
  BridgeList, KExpression, KGlobalState, KNode, KNodeClasses, KSymbol, KSyntaxElement, KToken, KTypeSymbol,
  SeparatedElement,
} from './kustoTypes';

/** What the lowering functions share for one query. */
export interface LoweringContext {
  /** The binder's global state the query was analyzed with (to ask "is this an aggregate?"). */
  readonly globals: KGlobalState;
  /** The query text (offsets in spans point into it). */
  readonly text: string;
  /** `let` names, function parameters and `toscalar` sub-queries in scope (see `letScope.ts`). */
  readonly lets: LetScope;
  /**
   * Set only while lowering a `summarize` expression over aggregates (`100.0 * countif(x) / count()`):
   * turns an aggregate call into a reference to its hidden aggregated column (`lowerAggregateExpressions.ts`).
   */
  readonly aggregateReference?: (call: KExpression) => Expr;
  /** The input columns of the operator being lowered, where it has one row scope (`pack_all()` reads them). */
  readonly rowColumns?: readonly ColumnSchema[];
}

/** True when `node` is an instance of the `Kusto.Language.Syntax` class `name`. */
export function isNode<N extends keyof KNodeClasses>(node: unknown, name: N): node is KNodeClasses[N] {
  return node instanceof (kustoLanguage().Syntax[name] as unknown as abstract new () => unknown);
}

/** True when `symbol` is a column symbol. */
export function isColumnSymbol(symbol: KSymbol | null): boolean {
  return symbol !== null && symbol instanceof (kustoLanguage().Symbols.ColumnSymbol as unknown as abstract new () => unknown);
}

/** True when `symbol` is a table symbol. */
export function isTableSymbol(symbol: KSymbol | null): boolean {
  return symbol !== null && symbol instanceof (kustoLanguage().Symbols.TableSymbol as unknown as abstract new () => unknown);
}

/** True when `symbol` is a variable: a `let` name, an `as` name, or a parameter inside an expanded function body. */
export function isVariableSymbol(symbol: KSymbol | null): boolean {
  return symbol !== null && symbol instanceof (kustoLanguage().Symbols.VariableSymbol as unknown as abstract new () => unknown);
}

/** True when `symbol` is a function symbol (scalar function or aggregate). */
export function isFunctionSymbol(symbol: KSymbol | null): boolean {
  return symbol !== null && symbol instanceof (kustoLanguage().Symbols.FunctionSymbol as unknown as abstract new () => unknown);
}

/** The items of a Bridge.NET list as an array. */
export function listItems<T>(list: BridgeList<T> | null | undefined): T[] {
  const items: T[] = [];
  if (list === null || list === undefined) return items;
  for (let i = 0; i < list.Count; i++) items.push(list.getItem(i));
  return items;
}

/** The elements of a comma-separated list. */
export function separatedItems<T>(list: BridgeList<SeparatedElement<T>> | null | undefined): T[] {
  return listItems(list).map((e) => e.Element);
}

/**
 * How far an element's tree sits into the query text: 0 for the query's own tree; for the body
 * of a user function expanded at a call site (`FunctionCallExpansion`), where that body starts
 * in the query, so errors inside functions point at the user's text.
 */
function treeOffset(element: KSyntaxElement): number {
  let offset = 0;
  for (let tree = element.Tree; tree !== null && tree.Original !== null && tree.Original !== tree; tree = tree.Original) {
    offset += tree.OffsetInOriginal;
  }
  return offset;
}

/** The source span of a node or token (without leading trivia: `TextStart` skips it). */
export function spanOf(element: KSyntaxElement): SourceSpan {
  return { start: element.TextStart + treeOffset(element), length: element.Width };
}

let kindNames: Map<number, string> | null = null;

/** The `SyntaxKind` name of an element (`PipeExpression`, `ContainsExpression`, ...). */
export function kindName(element: KSyntaxElement): string {
  if (kindNames === null) {
    // Why: Bridge.NET enums map names to numbers only; build the reverse map once.
    kindNames = new Map();
    for (const [name, value] of Object.entries(kustoLanguage().Syntax.SyntaxKind)) {
      if (typeof value === 'number') kindNames.set(value, name);
    }
  }
  return kindNames.get(element.Kind) ?? String(element.Kind);
}

/** Throws `E_UNSUPPORTED` ("not supported yet: <name>") at `element`. */
export function failUnsupported(name: string, element: KSyntaxElement): never {
  throw new EngineFailure(unsupported(name, spanOf(element)));
}

/** Throws `E_INTERNAL` at `element`: the tree has a shape the lowering did not expect. */
export function failInternal(message: string, element: KSyntaxElement): never {
  throw new EngineFailure(internalError(message, spanOf(element)));
}

/** Maps a Kusto type symbol to a scalar type, or undefined for tables, tuples, unknown and error types. */
export function scalarTypeOfSymbol(type: KTypeSymbol | null): ScalarType | undefined {
  if (type === null || !type.IsScalar || type.IsError) return undefined;
  return parseScalarType(type.Name);
}

/** The scalar result type of an expression; an analysis error if the binder could not type it. */
export function scalarTypeOf(expr: KExpression): ScalarType {
  const type = scalarTypeOfSymbol(expr.ResultType);
  if (type === undefined) {
    const name = expr.ResultType?.Name ?? 'unknown';
    throw new EngineFailure(analysisError(`The expression has no known scalar type (${name})`, spanOf(expr)));
  }
  return type;
}

/** The output columns of a tabular expression, as the binder computed them. */
export function schemaOf(expr: KExpression): ColumnSchema[] {
  const type = expr.ResultType;
  if (type === null || type.IsError || !type.IsTabular || type.Columns === undefined) {
    throw new EngineFailure(analysisError('The expression is not a table', spanOf(expr)));
  }
  return listItems(type.Columns).map((column) => {
    const scalar = scalarTypeOfSymbol(column.Type);
    if (scalar === undefined) {
      throw new EngineFailure(analysisError(`Column '${column.Name}' has no known type (${column.Type.Name})`, spanOf(expr)));
    }
    return { name: column.Name, type: scalar };
  });
}

/** The first token of a node: the keyword of an operator or statement (`join`, `let`, ...). */
export function keywordOf(node: KNode): KToken {
  const token = node.GetFirstToken();
  if (token === null) return failInternal('a node without tokens', node);
  return token;
}
