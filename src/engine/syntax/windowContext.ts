/**
 * Window functions (`row_number`, `prev`, `next`, `row_cumsum`, `row_rank_*`) need a serialized
 * row set (docs: windowsfunctions, "Serialized row set"). Kusto.Language does not check this,
 * so the lowering does: `range`, `sort`/`order`, `top`, `serialize` (and `top-hitters`,
 * `getschema`) serialize; `where`, `project*`, `extend`, `take`/`limit`, `mv-expand`, `parse`,
 * `as` and `render` keep it; every other operator or source (a table, `union`, `summarize`,
 * `join`, ...) does not. Calls in an unserialized context are an analysis error at the call.
 */
import { EngineFailure, analysisError } from '../errors';
import { WINDOW_FUNCTION_NAMES } from '../functions/window';
import type { KExpression, KSyntaxElement } from './kustoTypes';
import { isNode, kindName, spanOf } from './nodes';

const SERIALIZING = new Set(['SortOperator', 'TopOperator', 'SerializeOperator', 'RangeOperator', 'TopHittersOperator', 'GetSchemaOperator']);
const PRESERVING = new Set([
  'FilterOperator', 'ProjectOperator', 'ProjectAwayOperator', 'ProjectKeepOperator', 'ProjectRenameOperator', 'ProjectReorderOperator',
  'ExtendOperator', 'TakeOperator', 'MvExpandOperator', 'ParseOperator', 'ParseWhereOperator', 'AsOperator', 'RenderOperator',
]);

/** True when the rows of tabular expression `expr` are serialized. */
function isSerialized(expr: KExpression): boolean {
  if (isNode(expr, 'ParenthesizedExpression')) return isSerialized(expr.Expression);
  if (isNode(expr, 'PipeExpression')) {
    const kind = kindName(expr.Operator);
    if (SERIALIZING.has(kind)) return true;
    return PRESERVING.has(kind) && isSerialized(expr.Expression);
  }
  return SERIALIZING.has(kindName(expr));
}

/** The first window-function call inside `element` (not descending into nested tabular pipes). */
function findWindowCall(element: KSyntaxElement): { readonly name: string; readonly at: KSyntaxElement } | null {
  if (isNode(element, 'FunctionCallExpression') && WINDOW_FUNCTION_NAMES.has(element.Name.SimpleName)) return { name: element.Name.SimpleName, at: element.Name };
  if (isNode(element, 'PipeExpression')) return null;
  for (let i = 0; i < element.ChildCount; i++) {
    const child = element.GetChild(i);
    const found = child === null ? null : findWindowCall(child);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Throws `E_ANALYSIS` when the operator of `pipe` (`input | operator`) calls a window function
 * while `input` is not serialized (`serialize` itself serializes its own input first).
 */
export function checkWindowContext(pipe: KExpression): void {
  if (!isNode(pipe, 'PipeExpression')) return;
  const call = findWindowCall(pipe.Operator);
  if (call === null) return;
  if (kindName(pipe.Operator) === 'SerializeOperator' || isSerialized(pipe.Expression)) return;
  throw new EngineFailure(analysisError(
    `Function '${call.name}' cannot be invoked here: the row set is not serialized (add 'serialize' or 'sort' before it)`,
    spanOf(call.at),
  ));
}
