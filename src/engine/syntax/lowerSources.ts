/**
 * Tabular sources that read no table: `print`, `range`, `datatable`, and `getschema` (whose
 * answer the binder already knows, so it becomes a `datatable` of the input's schema).
 * Column names and types always come from the binder (`print_0`, `print_2`, `x:real`, ...).
 */
import type { Expr, LiteralExpr, NamedExpr, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import type { SourceSpan } from '../errors';
import type { KDataTableExpression, KGetSchemaOperator, KPrintOperator, KRangeOperator } from './kustoTypes';
import { splitNamed } from './lowerColumns';
import { hasTupleElement, tupleProjectColumns } from './lowerSeriesTuples';
import {
  type LoweringContext, failInternal, failUnsupported, listItems, schemaOf, separatedItems, spanOf,
} from './nodes';

/** `print a, x = b, ...`: one row; the binder names unnamed columns `print_<position>`. */
export function lowerPrint(ctx: LoweringContext, print: KPrintOperator): Tabular {
  const schema = schemaOf(print);
  const elements = separatedItems(print.Expressions);
  if (hasTupleElement(elements)) {
    return { kind: 'source', source: { op: 'print', columns: tupleProjectColumns(ctx, elements, schema, print) }, schema, span: spanOf(print) };
  }
  if (elements.length !== schema.length) return failUnsupported('print producing several columns per expression', print);
  const columns: NamedExpr[] = elements.map((element, i) => ({
    name: schema[i].name, expr: ctx.lets.lower.scalar(ctx, splitNamed(element).expr),
  }));
  return { kind: 'source', source: { op: 'print', columns }, schema, span: spanOf(print) };
}

/** `range x from a to b step s`. */
export function lowerRange(ctx: LoweringContext, range: KRangeOperator): Tabular {
  const schema = schemaOf(range);
  const lower = (e: typeof range.From): Expr => ctx.lets.lower.scalar(ctx, e);
  return {
    kind: 'source', source: { op: 'range', from: lower(range.From), to: lower(range.To), step: lower(range.Step) },
    schema, span: spanOf(range),
  };
}

/** `datatable(a:long, ...) [v1, v2, ...]`: the values row by row. */
export function lowerDataTable(ctx: LoweringContext, table: KDataTableExpression): Tabular {
  for (const parameter of listItems(table.Parameters)) failUnsupported(parameter.Name.SimpleName, parameter);
  const schema = schemaOf(table);
  const values = separatedItems(table.Values).map((v) => ctx.lets.lower.scalar(ctx, v));
  if (schema.length === 0 || values.length % schema.length !== 0) return failInternal('datatable values do not fill whole rows', table);
  return { kind: 'source', source: { op: 'datatable', values }, schema, span: spanOf(table) };
}

/** The .NET type name `getschema` reports for each Kusto type. */
const DOTNET_TYPE_NAMES: Readonly<Record<ScalarType, string>> = {
  bool: 'System.SByte',
  int: 'System.Int32',
  long: 'System.Int64',
  real: 'System.Double',
  decimal: 'System.Data.SqlTypes.SqlDecimal',
  string: 'System.String',
  datetime: 'System.DateTime',
  timespan: 'System.TimeSpan',
  guid: 'System.Guid',
  dynamic: 'System.Object',
};

function literal(value: string | number, type: ScalarType, span: SourceSpan): LiteralExpr {
  return { kind: 'literal', value, type, span };
}

/**
 * `T | getschema`: one row per column of T (`ColumnName`, `ColumnOrdinal`, `DataType`,
 * `ColumnType`), known from the binder without running T.
 */
export function lowerGetSchema(operator: KGetSchemaOperator, input: readonly ColumnSchema[]): Tabular {
  if (operator.KindParameter !== null) return failUnsupported('getschema kind=', operator.KindParameter);
  const schema = schemaOf(operator);
  const span = spanOf(operator);
  const values: Expr[] = [];
  input.forEach((column, i) => {
    values.push(
      literal(column.name, 'string', span), literal(i, 'long', span),
      literal(DOTNET_TYPE_NAMES[column.type], 'string', span), literal(column.type, 'string', span),
    );
  });
  return { kind: 'source', source: { op: 'datatable', values }, schema, span };
}
