/**
 * `search` (search-operator.md) lowered to plan nodes the executor already has: per searched
 * table, `where <predicate> | extend $table = "<name>"`, and a `union` of those shaped by the
 * binder's schema (`$table` first). A bare string term in the predicate searches every column
 * (`*`): `"err"` is `has`, `"err*"` `hasprefix`, `"*err"` `hassuffix`, `"*err*"` `contains`,
 * `"a*b"` `matches regex @"\ba.*b\b"`; `Col:"err"` restricts the term to one column; `search *`
 * keeps every row; `kind=case_sensitive` uses the `_cs` operators. Non-string columns are
 * searched through `tostring()`. The searched sources are the database's tables and the `let`
 * views in scope, or those named by `in (...)`.
 */
import type { BinaryOp, Expr, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { SourceSpan } from '../errors';
import type { BridgeList, KExpression, KGlobalState, KNamedParameter, KTableSymbol } from './kustoTypes';
import type { KSearchOperator } from './kustoSeriesTypes';
import { lowerScalar } from './lowerScalar';
import { lowerLetViews, lowerTabularName } from './lowerLet';
import {
  type LoweringContext, failUnsupported, isFunctionSymbol, isNode, isTableSymbol, kindName, listItems, schemaOf,
  scalarTypeOfSymbol, separatedItems, spanOf,
} from './nodes';
import { columnsRead } from './exprColumns';

interface SearchScope {
  readonly caseSensitive: boolean;
  readonly columns: readonly ColumnSchema[];
}

/** Reads `kind=`: `default`/`case_insensitive` or `case_sensitive`; `hint.*` is ignored. */
function caseSensitivity(parameters: readonly KNamedParameter[]): boolean {
  let caseSensitive = false;
  for (const parameter of parameters) {
    const name = parameter.Name.SimpleName.toLowerCase();
    if (name.startsWith('hint.')) continue;
    const value = parameter.Expression.GetFirstToken()?.Text.toLowerCase() ?? '';
    if (name === 'kind' && (value === 'default' || value === 'case_insensitive')) caseSensitive = false;
    else if (name === 'kind' && value === 'case_sensitive') caseSensitive = true;
    else failUnsupported(`${name}=${value}`, parameter);
  }
  return caseSensitive;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The operator and operand of a search term (see the module comment). */
function termOperator(term: string, caseSensitive: boolean, at: KExpression): { op: BinaryOp; value: string } {
  const leading = term.startsWith('*');
  const trailing = term.length > 1 && term.endsWith('*');
  const inner = term.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  if (inner.includes('*')) {
    if (leading || trailing) return failUnsupported('search term with inner and outer *', at);
    const source = inner.split('*').map(escapeRegex).join('.*');
    return { op: 'matches regex', value: `${caseSensitive ? '' : '(?i)'}\\b${source}\\b` };
  }
  if (leading && trailing) return { op: caseSensitive ? 'contains_cs' : 'contains', value: inner };
  if (leading || trailing) {
    if (caseSensitive) return failUnsupported('case-sensitive search term with *', at);
    return { op: leading ? 'hassuffix' : 'hasprefix', value: inner };
  }
  return { op: caseSensitive ? 'has_cs' : 'has', value: inner };
}

function bool(value: boolean, span: SourceSpan): Expr {
  return { kind: 'literal', type: 'bool', value, span };
}

/** `column <op> "value"`, through `tostring()` for a non-string column. */
function columnTerm(column: ColumnSchema, op: BinaryOp, value: string, span: SourceSpan): Expr {
  const ref: Expr = { kind: 'column', name: column.name, type: column.type, span };
  const text: Expr = column.type === 'string' ? ref : { kind: 'call', name: 'tostring', args: [ref], type: 'string', span };
  return { kind: 'binary', op, left: text, right: { kind: 'literal', type: 'string', value, span }, type: 'bool', span };
}

function stringLiteral(expr: KExpression): string | null {
  if (kindName(expr) !== 'StringLiteralExpression') return null;
  return expr.LiteralValueInfo?.ValueText ?? null;
}

/** The search predicate over one table's columns. */
function lowerPredicate(ctx: LoweringContext, expr: KExpression, scope: SearchScope): Expr {
  const span = spanOf(expr);
  if (isNode(expr, 'ParenthesizedExpression')) return lowerPredicate(ctx, expr.Expression, scope);
  if (kindName(expr) === 'StarExpression') return bool(true, span);
  const term = stringLiteral(expr);
  if (term !== null) {
    const { op, value } = termOperator(term, scope.caseSensitive, expr);
    return scope.columns.reduce<Expr>((any, column) => {
      const test = columnTerm(column, op, value, span);
      return any.kind === 'literal' ? test : { kind: 'binary', op: 'or', left: any, right: test, type: 'bool', span };
    }, bool(false, span));
  }
  if (isNode(expr, 'BinaryExpression')) {
    if (kindName(expr) === 'SearchExpression') {
      const value = stringLiteral(expr.Right);
      const left = expr.Left;
      if (value === null || !isNode(left, 'NameReference')) return failUnsupported('search Column:term of this form', expr);
      const column = scope.columns.find((c) => c.name === left.SimpleName);
      // A column only other searched sources have: no row of this one matches.
      if (column === undefined) return bool(false, span);
      const { op, value: operand } = termOperator(value, scope.caseSensitive, expr.Right);
      return columnTerm(column, op, operand, span);
    }
    const op = expr.Operator.Text.toLowerCase();
    if (op === 'and' || op === 'or') {
      return { kind: 'binary', op, left: lowerPredicate(ctx, expr.Left, scope), right: lowerPredicate(ctx, expr.Right, scope), type: 'bool', span };
    }
  }
  return lowerScalar(ctx, expr);
}

/**
 * `input | where predicate`. The predicate may name a column that only other searched sources
 * have (`search Kind == "x"` over tables and views); for this source that column is null, so it
 * is added as a typed null before the filter and dropped after it.
 */
function filterWithMissingColumns(input: Tabular, predicate: Expr, span: SourceSpan): Tabular {
  const own = new Set(input.schema.map((c) => c.name));
  const missing = [...columnsRead(predicate, new Map()).values()].filter((c) => !own.has(c.name));
  if (missing.length === 0) return { kind: 'pipe', input, operator: { op: 'where', predicate }, schema: input.schema, span };
  const widened: Tabular = {
    kind: 'pipe', input, schema: [...input.schema, ...missing], span,
    operator: { op: 'extend', columns: missing.map((c) => ({ name: c.name, expr: { kind: 'literal', type: c.type, value: null, span } })) },
  };
  const filtered: Tabular = { kind: 'pipe', input: widened, operator: { op: 'where', predicate }, schema: widened.schema, span };
  return {
    kind: 'pipe', input: filtered, schema: input.schema, span,
    operator: { op: 'project', columns: input.schema.map((c) => ({ name: c.name, expr: { kind: 'column', name: c.name, type: c.type, span } })) },
  };
}

/** `where predicate | extend $table = name` over `input`. */
function searchOne(ctx: LoweringContext, operator: KSearchOperator, input: Tabular, tableName: string): Tabular {
  const scope = { caseSensitive: caseSensitivity(listItems(operator.Parameters)), columns: input.schema };
  const span = spanOf(operator);
  const predicate = lowerPredicate(ctx, operator.Condition, scope);
  const where: Tabular = filterWithMissingColumns(input, predicate, span);
  const tableColumn: ColumnSchema = { name: '$table', type: 'string' };
  return {
    kind: 'pipe', input: where, span, schema: [...input.schema.filter((c) => c.name !== '$table'), tableColumn],
    operator: { op: 'extend', columns: [{ name: '$table', expr: { kind: 'literal', type: 'string', value: tableName, span } }] },
  };
}

/** `T | search ...`: only over a table reference (Kusto names other inputs with system names). */
export function lowerSearchPipe(ctx: LoweringContext, pipe: KExpression, operator: KSearchOperator, input: Tabular): Tabular {
  if (input.kind !== 'table') return failUnsupported('search over a tabular expression other than a table', operator.SearchKeyword);
  const one = searchOne(ctx, operator, input, input.name);
  return { kind: 'union', inputs: [one], schema: schemaOf(pipe), span: spanOf(operator) };
}

/** A source `search` reads and the name its rows get in `$table`. */
interface SearchedSource {
  readonly name: string;
  readonly input: Tabular;
}

/**
 * The sources `search` reads: those of `in (...)` (tables, `let` tabular names and views), or
 * every table of the database followed by the `let` views in scope.
 */
function searchedSources(ctx: LoweringContext, operator: KSearchOperator): SearchedSource[] {
  if (operator.InClause !== null) {
    return separatedItems(operator.InClause.Expressions).map((e) => {
      if (!isNode(e, 'NameReference')) return failUnsupported('search in (...) other than names', e);
      if (isTableSymbol(e.ReferencedSymbol)) {
        return { name: e.SimpleName, input: { kind: 'table', name: e.SimpleName, schema: schemaOf(e), span: spanOf(e) } };
      }
      // A `let` view is named by its name, as in let-statement.md; a `let` tabular value is not a
      // named source there, and what Kusto puts in its `$table` is not documented.
      const bound = isFunctionSymbol(e.ReferencedSymbol) ? lowerTabularName(ctx, e) : null;
      return bound === null ? failUnsupported('search in (...) of this name', e) : { name: e.SimpleName, input: bound };
    });
  }
  const tables = databaseTables(ctx, operator).map((table) => ({ name: table.name, input: table }));
  return [...tables, ...lowerLetViews(ctx).map((view) => ({ name: view.name, input: view.body }))];
}

/** Every table of the database, as `search` without `in (...)` reads them. */
function databaseTables(ctx: LoweringContext, operator: KSearchOperator): (Tabular & { readonly kind: 'table' })[] {
  // Why the cast: only `search` needs the database's table list from the global state.
  const globals = ctx.globals as KGlobalState & { readonly Database: { readonly Tables: BridgeList<KTableSymbol> } | null };
  const tables = globals.Database === null ? [] : listItems(globals.Database.Tables);
  const span = spanOf(operator);
  return tables.map((table) => ({
    kind: 'table', name: table.Name, span,
    schema: listItems(table.Columns).flatMap((c) => {
      const type = scalarTypeOfSymbol(c.Type);
      return type === undefined ? [] : [{ name: c.Name, type }];
    }),
  }));
}

/** `search [kind=...] [in (T, ...)] predicate` as a source. */
export function lowerSearchSource(ctx: LoweringContext, operator: KSearchOperator): Tabular {
  if (operator.DataScope !== null) return failUnsupported('search datascope', operator.DataScope);
  const schema = schemaOf(operator);
  // Without `in (...)`, the binder also searches the `let` views in scope (let-statement.md:
  // `search MyColumn == 5` over two views), after the database's tables.
  const inputs = searchedSources(ctx, operator).map((source) => searchOne(ctx, operator, source.input, source.name));
  const known = new Set(inputs.flatMap((t) => t.schema.map((c) => c.name)));
  if (schema.some((c) => !known.has(c.name))) return failUnsupported('search over a source the binder sees and the engine does not', operator.SearchKeyword);
  return { kind: 'union', inputs, schema, span: spanOf(operator) };
}
