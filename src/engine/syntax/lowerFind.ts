/**
 * `find [withsource=Name] [in (T, V, E*)] where predicate [project-smart | project c[:type], ...]`
 * (find-operator.md), lowered to plan nodes the executor already has: per source, a `where` of the
 * predicate and a `project` to the find's columns, under a `union` shaped by the binder's schema
 * (the source column first, named `source_` or by `withsource`).
 * - Sources: those of `in (...)` (tables, wildcards such as `E*`, `let` views), otherwise every
 *   table of the database. A source without any of the columns the predicate names is left out
 *   (the page's "Output schema"); a named column a source lacks reads as null there.
 * - Predicate: Kusto's, plus the page's forms `"term"` and `* has "term"`, which test every column
 *   of the source (`tostring()` of non-string columns).
 * - `project-smart` (the default): the binder's columns (the predicate's and the common ones, typed
 *   `Name_type` where the sources disagree), and `pack_`, a property bag of every other column of
 *   the row (nulls included, as the page's examples show).
 * - `project c, c:type`: those columns only; a source without one gives null, `c:type` converts.
 *   `project ..., pack_all()` is rejected by the bundled parser, so it never reaches this file.
 */
import type { Expr, NamedExpr, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import type { SourceSpan } from '../errors';
import { PACK_ALL_FUNCTION } from '../functions/bags';
import type { BridgeList, KExpression, KGlobalState, KSymbol, KTableSymbol, KTypeSymbol } from './kustoTypes';
import type { KFindOperator } from './kustoOperators4Types';
import { lowerScalar } from './lowerScalar';
import { lowerTabularName } from './lowerLet';
import {
  type LoweringContext, failUnsupported, isFunctionSymbol, isNode, isTableSymbol, kindName, listItems, scalarTypeOfSymbol, schemaOf,
  separatedItems, spanOf,
} from './nodes';
import { columnsRead } from './exprColumns';

/** A source `find` reads and the name its rows get in the source column. */
interface FindSource {
  readonly name: string;
  readonly input: Tabular;
}

/** The conversion function of `project c:type`, by target type. */
const CONVERSIONS: Readonly<Record<ScalarType, string>> = {
  bool: 'tobool', int: 'toint', long: 'tolong', real: 'toreal', decimal: 'todecimal', string: 'tostring',
  datetime: 'todatetime', timespan: 'totimespan', guid: 'toguid', dynamic: 'todynamic',
};

/** The column output name `find`'s `pack_` gets in the binder's schema. */
const PACK_COLUMN = 'pack_';

function tableTabular(table: KTableSymbol, span: SourceSpan): Tabular {
  const schema = listItems(table.Columns).flatMap((c) => {
    const type = scalarTypeOfSymbol(c.Type);
    return type === undefined ? [] : [{ name: c.Name, type }];
  });
  return { kind: 'table', name: table.Name, schema, span };
}

/** The tables a wildcard name (`E*`) matches: the binder's group of table symbols. */
function groupTables(symbol: KSymbol | null): KTableSymbol[] | null {
  const members = (symbol as (KSymbol & { readonly Members?: BridgeList<KTypeSymbol> }) | null)?.Members;
  if (members === undefined) return null;
  const tables = listItems(members);
  return tables.every((t) => isTableSymbol(t)) ? tables : null;
}

/** The sources of `in (...)`, or every table of the database. */
function findSources(ctx: LoweringContext, operator: KFindOperator): FindSource[] {
  const span = spanOf(operator);
  if (operator.InClause === null) {
    // Why the cast: only `find` (and `search`) need the database's table list from the global state.
    const globals = ctx.globals as KGlobalState & { readonly Database: { readonly Tables: BridgeList<KTableSymbol> } | null };
    const tables = globals.Database === null ? [] : listItems(globals.Database.Tables);
    return tables.map((t) => ({ name: t.Name, input: tableTabular(t, span) }));
  }
  return separatedItems(operator.InClause.Expressions).flatMap((e): FindSource[] => {
    if (!isNode(e, 'NameReference')) return failUnsupported('find in (...) other than names', e);
    const symbol = e.ReferencedSymbol;
    if (isTableSymbol(symbol)) return [{ name: e.SimpleName, input: { kind: 'table', name: e.SimpleName, schema: schemaOf(e), span: spanOf(e) } }];
    const matched = groupTables(symbol);
    if (matched !== null) return matched.map((t) => ({ name: t.Name, input: tableTabular(t, spanOf(e)) }));
    // A `let` view is named by its name, as `search` names it (what Kusto puts there is not documented).
    const bound = isFunctionSymbol(symbol) ? lowerTabularName(ctx, e) : null;
    return bound === null ? failUnsupported('find in (...) of this name', e) : [{ name: e.SimpleName, input: bound }];
  });
}

function bool(value: boolean, span: SourceSpan): Expr {
  return { kind: 'literal', type: 'bool', value, span };
}

/** `op` of every column of the source with `operand`: `c1 op x or c2 op x ...` (`tostring` for non-strings). */
function everyColumn(columns: readonly ColumnSchema[], op: 'has' | 'has_cs' | 'contains' | 'contains_cs', operand: Expr, span: SourceSpan): Expr {
  return columns.reduce<Expr>((any, column) => {
    const ref: Expr = { kind: 'column', name: column.name, type: column.type, span };
    const text: Expr = column.type === 'string' ? ref : { kind: 'call', name: 'tostring', args: [ref], type: 'string', span };
    const test: Expr = { kind: 'binary', op, left: text, right: operand, type: 'bool', span };
    return any.kind === 'literal' ? test : { kind: 'binary', op: 'or', left: any, right: test, type: 'bool', span };
  }, bool(false, span));
}

const STAR_OPERATORS: Readonly<Record<string, 'has' | 'has_cs' | 'contains' | 'contains_cs'>> = {
  HasExpression: 'has', HasCsExpression: 'has_cs', ContainsExpression: 'contains', ContainsCsExpression: 'contains_cs',
};

/** The predicate over one source's columns (the module comment lists the forms). */
function lowerPredicate(ctx: LoweringContext, expr: KExpression, columns: readonly ColumnSchema[]): Expr {
  const span = spanOf(expr);
  if (isNode(expr, 'ParenthesizedExpression')) return lowerPredicate(ctx, expr.Expression, columns);
  if (kindName(expr) === 'StringLiteralExpression') {
    return everyColumn(columns, 'has', { kind: 'literal', type: 'string', value: expr.LiteralValueInfo?.ValueText ?? '', span }, span);
  }
  if (isNode(expr, 'BinaryExpression')) {
    const kind = kindName(expr);
    if (kindName(expr.Left) === 'StarExpression') {
      const op = STAR_OPERATORS[kind];
      if (op === undefined) return failUnsupported(`find * ${expr.Operator.Text}`, expr.Operator);
      return everyColumn(columns, op, lowerScalar(ctx, expr.Right), span);
    }
    if (kind === 'AndExpression' || kind === 'OrExpression') {
      const op = kind === 'AndExpression' ? 'and' : 'or';
      return { kind: 'binary', op, left: lowerPredicate(ctx, expr.Left, columns), right: lowerPredicate(ctx, expr.Right, columns), type: 'bool', span };
    }
  }
  return lowerScalar({ ...ctx, rowColumns: columns }, expr);
}

function columnRef(column: ColumnSchema, span: SourceSpan): Expr {
  return { kind: 'column', name: column.name, type: column.type, span };
}

/**
 * `where predicate` over one source, or null when the source has none of the columns the
 * predicate names. Named columns the source lacks are added as typed nulls for the filter.
 */
function filtered(ctx: LoweringContext, operator: KFindOperator, source: FindSource): Tabular | null {
  const span = spanOf(operator);
  const own = new Map(source.input.schema.map((c) => [c.name, c]));
  const predicate = lowerPredicate(ctx, operator.Condition, source.input.schema);
  const read = [...columnsRead(predicate, new Map()).values()];
  if (read.length > 0 && read.every((c) => !own.has(c.name))) return null;
  for (const c of read) {
    const mine = own.get(c.name);
    // Why: the predicate is typed once by the binder; a source whose column has another type would
    // be filtered under the wrong type (Kusto then runs the find as a union of typed predicates).
    if (mine !== undefined && mine.type !== c.type) return failUnsupported(`find where column ${c.name} has another type in ${source.name}`, operator.Condition);
  }
  const missing = read.filter((c) => !own.has(c.name));
  const widened: Tabular = missing.length === 0 ? source.input : {
    kind: 'pipe', input: source.input, schema: [...source.input.schema, ...missing], span,
    operator: { op: 'extend', columns: missing.map((c) => ({ name: c.name, expr: { kind: 'literal', type: c.type, value: null, span } })) },
  };
  return { kind: 'pipe', input: widened, operator: { op: 'where', predicate }, schema: widened.schema, span };
}

/** True when `column` of a source lands in one of `outputs` (by name and type, or as `Name_type`). */
function isPlaced(column: ColumnSchema, outputs: readonly ColumnSchema[]): boolean {
  return outputs.some((o) => o.type === column.type && (o.name === column.name || o.name === `${column.name}_${column.type}`));
}

/** The projected columns of one source (after the source column). */
function projectedColumns(source: FindSource, outputs: readonly ColumnSchema[], smart: boolean, span: SourceSpan, at: KExpression): NamedExpr[] {
  const columns = source.input.schema;
  if (!smart) {
    return outputs.flatMap((o): NamedExpr[] => {
      const column = columns.find((c) => c.name === o.name);
      if (column === undefined) return [];
      const ref = columnRef(column, span);
      return [{ name: o.name, expr: column.type === o.type ? ref : { kind: 'call', name: CONVERSIONS[o.type], args: [ref], type: o.type, span } }];
    });
  }
  const placed = columns.filter((c) => isPlaced(c, outputs));
  const packed = columns.filter((c) => !isPlaced(c, outputs));
  const hasPack = outputs.some((o) => o.name === PACK_COLUMN && o.type === 'dynamic');
  if (packed.length > 0 && !hasPack) return failUnsupported(`find over ${source.name}: columns the binder's schema has no place for`, at);
  const named = placed.map((c) => ({ name: c.name, expr: columnRef(c, span) }));
  if (!hasPack) return named;
  const bag: Expr = {
    kind: 'call', name: PACK_ALL_FUNCTION, type: 'dynamic', span,
    args: [bool(false, span), ...packed.map((c) => columnRef(c, span))],
  };
  return [...named, { name: PACK_COLUMN, expr: bag }];
}

/** `find ...` as a source (see the module comment). */
export function lowerFind(ctx: LoweringContext, operator: KFindOperator): Tabular {
  if (operator.DataScope !== null) return failUnsupported('find datascope', operator.DataScope);
  if (operator.ProjectAway !== null) return failUnsupported('find project-away', operator.ProjectAway);
  for (const parameter of listItems(operator.Parameters)) {
    const name = parameter.Name.SimpleName.toLowerCase();
    if (name !== 'withsource' && !name.startsWith('hint.')) failUnsupported(`find ${parameter.Name.SimpleName}`, parameter);
  }
  const schema = schemaOf(operator);
  const span = spanOf(operator);
  const [sourceColumn, ...outputs] = schema;
  const project = operator.Project;
  const smart = project === null || project.ProjectKeyword.Text.toLowerCase() === 'project-smart';
  const legs = findSources(ctx, operator).flatMap((source): Tabular[] => {
    const where = filtered(ctx, operator, source);
    if (where === null) return [];
    const columns: NamedExpr[] = [
      { name: sourceColumn.name, expr: { kind: 'literal', type: 'string', value: source.name, span } },
      ...projectedColumns(source, outputs, smart, span, operator),
    ];
    const legSchema = columns.map((c) => ({ name: c.name, type: c.expr.type }));
    return [{ kind: 'pipe', input: where, operator: { op: 'project', columns }, schema: legSchema, span }];
  });
  return { kind: 'union', inputs: legs, schema, span };
}
