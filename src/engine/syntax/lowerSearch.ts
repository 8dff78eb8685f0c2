/**
 * `search` (search-operator.md) lowered to plan nodes the executor already has: per searched
 * table, `where <predicate> | extend $table = "<name>"`, and a `union` of those shaped by the
 * binder's schema (`$table` first). A bare string term in the predicate searches every column
 * (`*`): `"err"` is `has`, `"err*"` `hasprefix`, `"*err"` `hassuffix`, `"*err*"` `contains`,
 * `"a*b"` `matches regex @"\ba.*b\b"`; `Col:"err"` restricts the term to one column; `search *`
 * keeps every row; `kind=case_sensitive` uses the `_cs` operators. Non-string columns are
 * searched through `tostring()`.
 */
import type { BinaryOp, Expr, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { SourceSpan } from '../errors';
import type { BridgeList, KExpression, KGlobalState, KNamedParameter, KTableSymbol } from './kustoTypes';
import type { KSearchOperator } from './kustoSeriesTypes';
import { lowerScalar } from './lowerScalar';
import {
  type LoweringContext, failUnsupported, isNode, isTableSymbol, kindName, listItems, schemaOf, scalarTypeOfSymbol,
  separatedItems, spanOf,
} from './nodes';

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
      const column = isNode(left, 'NameReference') ? scope.columns.find((c) => c.name === left.SimpleName) : undefined;
      if (value === null || column === undefined) return failUnsupported('search Column:term of this form', expr);
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

/** `where predicate | extend $table = name` over `input`. */
function searchOne(ctx: LoweringContext, operator: KSearchOperator, input: Tabular, tableName: string): Tabular {
  const scope = { caseSensitive: caseSensitivity(listItems(operator.Parameters)), columns: input.schema };
  const span = spanOf(operator);
  const where: Tabular = { kind: 'pipe', input, operator: { op: 'where', predicate: lowerPredicate(ctx, operator.Condition, scope) }, schema: input.schema, span };
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

/** The tables `search` reads: those of `in (...)`, or every table of the database. */
function searchedTables(ctx: LoweringContext, operator: KSearchOperator): (Tabular & { readonly kind: 'table' })[] {
  if (operator.InClause !== null) {
    return separatedItems(operator.InClause.Expressions).map((e) => {
      if (!isNode(e, 'NameReference') || !isTableSymbol(e.ReferencedSymbol)) return failUnsupported('search in (...) other than table names', e);
      return { kind: 'table', name: e.SimpleName, schema: schemaOf(e), span: spanOf(e) };
    });
  }
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
  const tables = searchedTables(ctx, operator);
  const schema = schemaOf(operator);
  // The binder also searches `let` views (let-statement.md: `search MyColumn == 5` over two
  // views); they are not catalog tables, so a column only they have means rows we would miss.
  const known = new Set(tables.flatMap((t) => t.schema.map((c) => c.name)));
  if (schema.some((c) => c.name !== '$table' && !known.has(c.name))) return failUnsupported('search over let views', operator.SearchKeyword);
  const inputs = tables.map((table) => searchOne(ctx, operator, table, table.name));
  return { kind: 'union', inputs, schema, span: spanOf(operator) };
}
