/**
 * `let` statements, names bound by `let`/`as`, user function calls (`let f = (x:long) {...}`,
 * views), `materialize()` and `toscalar()`.
 *
 * A user function call is lowered from Kusto.Language's expansion of the call (the body as the
 * binder analyzed it at that call site, so tabular parameters carry the caller's real columns),
 * with each parameter bound to the lowered argument. Spans inside an expansion are mapped back to
 * the function's text in the query (`spanOf`).
 */
import type { Expr, Tabular } from '../plan';
import { TO_SCALAR_FUNCTION } from '../functions/toScalar';
import type {
  KExpression, KFunctionSymbol, KLetStatement, KMaterializeExpression, KNode, KStatement, KSymbol, KToScalarExpression,
} from './kustoTypes';
import type { Binding } from './letScope';
import { callScope } from './letScope';
import { declareOtherStatement } from './lowerStatements2';
import {
  type LoweringContext, failInternal, failUnsupported, isFunctionSymbol, isNode, isVariableSymbol, keywordOf,
  listItems, scalarTypeOf, schemaOf, separatedItems, spanOf,
} from './nodes';

/** Deeper nesting of function calls than this is treated as runaway recursion. */
const MAX_CALL_DEPTH = 64;

/** Registers a `let` statement's name (its value is lowered when first used). */
export function declareLet(ctx: LoweringContext, statement: KLetStatement): void {
  const symbol = statement.Name.ReferencedSymbol;
  if (symbol === null) return failInternal('a let without a symbol', statement);
  const name = statement.Name.SimpleName;
  const value = statement.Expression;
  if (isNode(value, 'FunctionDeclaration')) {
    const isView = (symbol as KFunctionSymbol & { readonly IsView?: boolean }).IsView === true;
    const parameterless = listItems((symbol as KFunctionSymbol).Signatures.getItem(0).Parameters).length === 0;
    ctx.lets.symbols.set(symbol, isView && parameterless ? { kind: 'function', name, view: value.Body, ctx } : { kind: 'function', name });
    return;
  }
  if (isFunctionSymbol(symbol)) return failUnsupported('let alias of a function', statement);
  ctx.lets.symbols.set(symbol, { kind: 'let', name, node: value, ctx });
}

/** Lowers the `let` statements of a query or function body; any other non-query statement is unsupported. */
export function declareStatement(ctx: LoweringContext, statement: KStatement): void {
  if (isNode(statement, 'LetStatement')) {
    declareLet(ctx, statement);
    return;
  }
  if (declareOtherStatement(ctx, statement)) return;
  const keyword = keywordOf(statement);
  failUnsupported(keyword.Text, keyword);
}

/** A tabular value referenced from several places, evaluated once per run. */
export function shareTabular(name: string, input: Tabular): Tabular {
  if (input.kind === 'shared' || input.kind === 'table') return input;
  return { kind: 'shared', name, input, schema: input.schema, span: input.span };
}

/** What a name reference means in scope, or undefined for columns, tables and built-ins. */
function bindingOf(ctx: LoweringContext, symbol: KSymbol | null): Binding | undefined {
  if (symbol === null) return undefined;
  const bound = ctx.lets.symbols.get(symbol);
  if (bound !== undefined) return bound;
  // Inside an expansion, parameters are fresh variables per call site: look them up by name.
  return isVariableSymbol(symbol) ? ctx.lets.parameters.get(symbol.Name) : undefined;
}

/** The value of a `let` binding, lowered once in the scope it was declared in. */
function letValue(binding: Binding & { kind: 'let' }): Expr | Tabular {
  if (binding.value !== undefined) return binding.value;
  const { ctx, node, name } = binding;
  const type = node.ResultType;
  let value: Expr | Tabular;
  if (type !== null && type.IsTabular) {
    const inner = isNode(node, 'MaterializeExpression') ? node.Expression : node;
    value = shareTabular(name, ctx.lets.lower.tabular(ctx, inner));
  } else {
    value = ctx.lets.lower.scalar(ctx, node);
  }
  binding.value = value;
  return value;
}

function isTabularValue(value: Expr | Tabular): value is Tabular {
  return 'schema' in value;
}

/** A name bound to a tabular value (`let T = ...`, `as T`, a tabular parameter, a view), or null. */
export function lowerTabularName(ctx: LoweringContext, ref: KNode): Tabular | null {
  const binding = bindingOf(ctx, ref.ReferencedSymbol);
  if (binding === undefined) return null;
  switch (binding.kind) {
    case 'tabular':
      return binding.tabular;
    case 'scalar':
      return null;
    case 'let': {
      const value = letValue(binding);
      return isTabularValue(value) ? value : null;
    }
    case 'function': {
      const value = lowerUserCall(ctx, ref, true);
      return value !== null && isTabularValue(value) ? value : null;
    }
    default: {
      const never: never = binding;
      return never;
    }
  }
}

/** A name bound to a scalar value (`let x = 1`, a scalar parameter), or null. */
export function lowerScalarName(ctx: LoweringContext, ref: KNode): Expr | null {
  const binding = bindingOf(ctx, ref.ReferencedSymbol);
  if (binding === undefined) return null;
  switch (binding.kind) {
    case 'scalar':
      return binding.expr;
    case 'tabular':
      return null;
    case 'let': {
      const value = letValue(binding);
      return isTabularValue(value) ? null : value;
    }
    case 'function': {
      const value = lowerUserCall(ctx, ref, false);
      return value !== null && !isTabularValue(value) ? value : null;
    }
    default: {
      const never: never = binding;
      return never;
    }
  }
}

/**
 * Argument expressions of a call by parameter name (positional, or `name = value`); positional
 * arguments start at parameter `first` (1 for `T | invoke f(...)`, whose T is the first).
 */
function argumentsByName(call: KNode, parameterNames: readonly string[], first: number): Map<string, KExpression> {
  const args = new Map<string, KExpression>();
  if (!isNode(call, 'FunctionCallExpression')) return args;
  separatedItems(call.ArgumentList.Expressions).forEach((arg, i) => {
    if (isNode(arg, 'SimpleNamedExpression')) args.set(arg.Name.SimpleName, arg.Expression);
    else if (first + i < parameterNames.length) args.set(parameterNames[first + i], arg);
  });
  return args;
}

/**
 * Lowers a call of a user function (`f(1)`, `g(T)`, a view `V`) from its expansion, or returns
 * null when `call` does not refer to a user function. `tabular` says which kind of value the
 * caller needs; `piped` is the input of `piped | invoke f(...)`, bound to the first parameter.
 */
export function lowerUserCall(ctx: LoweringContext, call: KNode, tabular: boolean, piped?: Tabular): Expr | Tabular | null {
  const symbol = call.ReferencedSymbol;
  const binding = bindingOf(ctx, symbol);
  if (symbol === null || binding === undefined || binding.kind !== 'function') return null;
  if (ctx.lets.depth >= MAX_CALL_DEPTH) return failUnsupported(`recursive call of ${binding.name}`, call);
  const body = call.GetExpansion();
  if (body === null || !isNode(body, 'FunctionBody')) return failUnsupported(binding.name, call);
  const signature = (symbol as KFunctionSymbol).Signatures.getItem(0);
  const parameters = listItems(signature.Parameters);
  const args = argumentsByName(call, parameters.map((p) => p.Name), piped === undefined ? 0 : 1);
  const frame = new Map<string, Binding>();
  if (piped !== undefined) {
    const first = parameters.shift();
    if (first === undefined || !first.IsTabular) return failUnsupported(`invoke of ${binding.name}`, call);
    frame.set(first.Name, { kind: 'tabular', tabular: shareTabular(first.Name, piped) });
  }
  for (const parameter of parameters) {
    const arg = args.get(parameter.Name) ?? parameter.DefaultValue;
    if (arg === null) return failInternal(`no value for parameter ${parameter.Name}`, call);
    frame.set(parameter.Name, parameter.IsTabular
      ? { kind: 'tabular', tabular: shareTabular(parameter.Name, ctx.lets.lower.tabular(ctx, arg)) }
      : { kind: 'scalar', expr: ctx.lets.lower.scalar(ctx, arg) });
  }
  const inner: LoweringContext = { ...ctx, lets: callScope(ctx.lets, frame) };
  for (const statement of separatedItems(body.Statements)) declareStatement(inner, statement);
  const result = body.Expression;
  const type = result.ResultType;
  if (tabular !== (type !== null && type.IsTabular)) return null;
  return tabular ? inner.lets.lower.tabular(inner, result) : inner.lets.lower.scalar(inner, result);
}

/**
 * The `let` views (`let V = view () { ... }`) in scope, in declaration order, each lowered from
 * its declaration's body in the scope it was declared in: what `search` reads besides the
 * database's tables (let-statement.md).
 */
export function lowerLetViews(ctx: LoweringContext): { readonly name: string; readonly body: Tabular }[] {
  const views: { name: string; body: Tabular }[] = [];
  for (const binding of ctx.lets.symbols.values()) {
    if (binding.kind !== 'function' || binding.view === undefined || binding.ctx === undefined) continue;
    const declared = binding.ctx;
    const inner: LoweringContext = { ...declared, lets: callScope(declared.lets, new Map()) };
    for (const statement of separatedItems(binding.view.Statements)) declareStatement(inner, statement);
    const result = binding.view.Expression;
    if (result.ResultType === null || !result.ResultType.IsTabular) continue;
    views.push({ name: binding.name, body: inner.lets.lower.tabular(inner, result) });
  }
  return views;
}

/** `materialize(T)`: T, evaluated once however often it is referenced. */
export function lowerMaterialize(ctx: LoweringContext, expr: KMaterializeExpression): Tabular {
  return shareTabular('materialize', ctx.lets.lower.tabular(ctx, expr.Expression));
}

/**
 * `toscalar(T)`: the first column of T's first row (null when T is empty), as a call of the
 * internal `$toscalar` kernel whose argument is the sub-query's id in the plan's `scalars`.
 */
export function lowerToScalar(ctx: LoweringContext, expr: KToScalarExpression): Expr {
  // `toscalar(2)`: the argument is already a scalar (toscalar-function.md allows any expression).
  if (expr.Expression.ResultType !== null && expr.Expression.ResultType.IsScalar) return ctx.lets.lower.scalar(ctx, expr.Expression);
  const input = ctx.lets.lower.tabular(ctx, expr.Expression);
  if (schemaOf(expr.Expression).length === 0) return failUnsupported('toscalar of a table without columns', expr);
  const id = ctx.lets.scalars.length;
  ctx.lets.scalars.push({ id, input });
  const span = spanOf(expr);
  return { kind: 'call', name: TO_SCALAR_FUNCTION, args: [{ kind: 'literal', type: 'long', value: id, span }], type: scalarTypeOf(expr), span };
}
