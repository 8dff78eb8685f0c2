/**
 * Scalar expressions of the analyzed tree to the plan's `Expr`. Anything valid that the plan
 * cannot express, or a function the engine does not implement, is `E_UNSUPPORTED` at the
 * construct, so no plan ever computes a silently different answer.
 */
import type { BinaryOp, Expr, UnaryOp } from '../plan';
import { SUPPORTED_SCALAR_FUNCTIONS } from '../functions/registry';
import { TYPE_ARGUMENT_FUNCTIONS } from '../functions/parsers';
import type { KExpression, KFunctionCallExpression } from './kustoTypes';
import { lowerLiteral } from './lowerLiteral';
import { lowerDynamicAccess } from './lowerDynamic';
import { lowerArraySortElement } from './lowerArraySortColumns';
import { lowerPackAll } from './lowerPackAll';
import { lowerHasAny } from './lowerHasAny';
import { lowerAssert } from './lowerAssert';
import { lowerBinAuto } from './lowerBinAuto';
import { COLUMN_IF_EXISTS_FUNCTIONS, lowerColumnIfExists } from './lowerColumnIfExists';
import { lowerAliasCall } from './functionAliases';
import { hasStarArgument, lowerEstimateDataSize } from './lowerDataSize';
import { lowerScanStateReference } from './scanScope';
import { lowerScalarName, lowerToScalar, lowerUserCall } from './lowerLet';
import {
  type LoweringContext, failUnsupported, isColumnSymbol, isFunctionSymbol, isNode, keywordOf, kindName,
  scalarTypeOf, scalarTypeOfSymbol, separatedItems, spanOf,
} from './nodes';

/** Kusto's binary operator spellings that the plan has, by their token text. */
const BINARY_OPS: ReadonlyMap<string, BinaryOp> = new Map<string, BinaryOp>(
  ([
    '+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', '=~', '!~',
    'contains', '!contains', 'contains_cs', '!contains_cs', 'has', '!has', 'has_cs', '!has_cs',
    'startswith', '!startswith', 'startswith_cs', '!startswith_cs',
    'endswith', '!endswith', 'endswith_cs', '!endswith_cs',
    'hasprefix', '!hasprefix', 'hassuffix', '!hassuffix', 'matches regex',
  ] as const).map((op): [string, BinaryOp] => [op, op]).concat([['<>', '!=']]),
);

/** An operator token's text, normalized (`matches  regex` -> `matches regex`). */
function binaryOperatorText(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Readable names for expression forms the plan cannot express (used in "not supported yet: ..."). */
const UNSUPPORTED_FORMS: Readonly<Record<string, string>> = {
  PathExpression: 'dynamic member access (x.y)',
  ElementExpression: 'dynamic element access (x[i])',
  ToScalarExpression: 'toscalar',
  ToTableExpression: 'totable',
  StarExpression: '*',
  CompoundNamedExpression: '(a, b) = ...',
  TypeOfLiteralExpression: 'typeof',
  BracketedExpression: '[...]',
  AtExpression: '@',
  HasAnyExpression: 'has_any',
  HasAllExpression: 'has_all',
  SearchExpression: ':',
};

/** Literal kinds that are not scalar values: bare tokens (`kind=inner`) and `typeof(...)`. */
const NON_VALUE_LITERALS: ReadonlySet<string> = new Set(['TokenLiteralExpression', 'TypeOfLiteralExpression']);

function lowerCall(ctx: LoweringContext, call: KFunctionCallExpression): Expr {
  const name = call.Name.SimpleName;
  const symbol = call.ReferencedSymbol;
  if (symbol === null || !isFunctionSymbol(symbol)) return failUnsupported(name, call.Name);
  // An aggregate here sits inside a scalar expression (`summarize count() * 2`, ...).
  if (ctx.globals.IsAggregateFunction(symbol)) {
    return ctx.aggregateReference !== undefined ? ctx.aggregateReference(call) : failUnsupported(name, call.Name);
  }
  if (name === 'pack_all' && ctx.rowColumns !== undefined) return lowerPackAll(ctx, call, ctx.rowColumns, lowerScalar);
  if (name === 'assert') return lowerAssert(ctx, call, lowerScalar);
  if (name === 'bin_auto') return lowerBinAuto(ctx, call, lowerScalar);
  if (name === 'estimate_data_size' && hasStarArgument(call)) return lowerEstimateDataSize(ctx, call, ctx.rowColumns, lowerScalar);
  if (COLUMN_IF_EXISTS_FUNCTIONS.has(name)) return lowerColumnIfExists(ctx, call, lowerScalar);
  const aliased = lowerAliasCall(ctx, call, lowerScalar);
  if (aliased !== null) return aliased;
  if (!SUPPORTED_SCALAR_FUNCTIONS.has(name)) return failUnsupported(name, call.Name);
  const args = separatedItems(call.ArgumentList.Expressions).map((arg): Expr =>
    // `extract_json(path, json, typeof(long))`: the binder already made `long` the call's type,
    // which the kernel reads; the `typeof(...)` argument itself carries nothing more.
    TYPE_ARGUMENT_FUNCTIONS.has(name) && kindName(arg) === 'TypeOfLiteralExpression'
      ? { kind: 'literal', value: null, type: 'string', span: spanOf(arg) }
      : lowerScalar(ctx, arg));
  return { kind: 'call', name, args, type: scalarTypeOf(call), span: spanOf(call) };
}

/** Lowers a scalar expression of the analyzed tree. */
export function lowerScalar(ctx: LoweringContext, expr: KExpression): Expr {
  if (isNode(expr, 'ParenthesizedExpression')) return lowerScalar(ctx, expr.Expression);
  const kind = kindName(expr);
  if (expr.IsLiteral && expr.LiteralValueInfo !== null && !NON_VALUE_LITERALS.has(kind)) return lowerLiteral(expr);
  if (isNode(expr, 'NameReference')) {
    const symbol = expr.ReferencedSymbol;
    // A `let` name or a function parameter: its lowered value.
    const bound = isColumnSymbol(symbol) ? null : lowerScalarName(ctx, expr);
    if (bound !== null) return bound;
    if (!isColumnSymbol(symbol) || symbol === null) return failUnsupported(expr.SimpleName, expr);
    return { kind: 'column', name: symbol.Name, type: scalarTypeOf(expr), span: spanOf(expr) };
  }
  if (isNode(expr, 'PrefixUnaryExpression')) {
    const op = expr.Operator.Text;
    if (op !== '-' && op !== '+') return failUnsupported(op, expr.Operator);
    const unaryOp: UnaryOp = op;
    return { kind: 'unary', op: unaryOp, operand: lowerScalar(ctx, expr.Expression), type: scalarTypeOf(expr), span: spanOf(expr) };
  }
  if (isNode(expr, 'BinaryExpression')) {
    const text = binaryOperatorText(expr.Operator.Text);
    const op = BINARY_OPS.get(text);
    if (op === undefined) return failUnsupported(text, expr.Operator);
    const left = lowerScalar(ctx, expr.Left);
    const right = lowerScalar(ctx, expr.Right);
    return { kind: 'binary', op, left, right, type: scalarTypeOf(expr), span: spanOf(expr) };
  }
  if (isNode(expr, 'InExpression')) {
    const text = binaryOperatorText(expr.Operator.Text);
    if (text !== 'in' && text !== '!in' && text !== 'in~' && text !== '!in~') return failUnsupported(text, expr.Operator);
    const items = separatedItems(expr.Right.Expressions);
    const values = items.map((item) => {
      // `x in (T | project y)` expands to many values: not in the plan. A dynamic array
      // (`x in (dynamic(["a", "b"]))`) is one value that `evalIn` flattens at run time.
      const itemType = scalarTypeOfSymbol(item.ResultType);
      if (itemType === undefined) return failUnsupported(`${text} (tabular or dynamic list)`, item);
      return lowerScalar(ctx, item);
    });
    return {
      kind: 'in', negated: text.startsWith('!'), caseInsensitive: text.endsWith('~'),
      operand: lowerScalar(ctx, expr.Left), values, type: scalarTypeOf(expr), span: spanOf(expr),
    };
  }
  if (isNode(expr, 'BetweenExpression')) {
    const text = binaryOperatorText(expr.Operator.Text);
    if (text !== 'between' && text !== '!between') return failUnsupported(text, expr.Operator);
    const low = lowerScalar(ctx, expr.Right.First);
    let high = lowerScalar(ctx, expr.Right.Second);
    if (low.type === 'datetime' && high.type === 'timespan') {
      // `t between (datetime(...) .. 1d)`: the upper bound is low + 1d; spell that out in the plan.
      high = { kind: 'binary', op: '+', left: low, right: high, type: 'datetime', span: high.span };
    }
    return {
      kind: 'between', negated: text === '!between', operand: lowerScalar(ctx, expr.Left), low, high,
      type: scalarTypeOf(expr), span: spanOf(expr),
    };
  }
  if (isNode(expr, 'FunctionCallExpression')) {
    // A user function (`let f = (x:long) {...}`): its body, expanded at this call.
    const user = lowerUserCall(ctx, expr, false);
    if (user !== null && !('schema' in user)) return user;
    return lowerCall(ctx, expr);
  }
  if (isNode(expr, 'ToScalarExpression')) return lowerToScalar(ctx, expr);
  const sortedColumn = lowerArraySortElement(ctx, expr, lowerScalar);
  if (sortedColumn !== null) return sortedColumn;
  const dynamicAccess = lowerDynamicAccess(ctx, expr, lowerScalar);
  if (dynamicAccess !== null) return dynamicAccess;
  const hasAny = lowerHasAny(ctx, expr, lowerScalar);
  if (hasAny !== null) return hasAny;
  // `step.column` inside a `scan` step (scanScope.ts).
  const scanState = lowerScanStateReference(expr);
  if (scanState !== null) return scanState;
  return failUnsupported(UNSUPPORTED_FORMS[kind] ?? keywordOf(expr).Text, expr);
}
