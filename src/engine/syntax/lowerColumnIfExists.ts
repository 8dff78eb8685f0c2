/**
 * `column_ifexists(name, default)` and its deprecated alias `columnifexists`
 * (column-ifexists-function.md): the input column `name` when the operator's input has it,
 * else the `default` expression. Resolved here, against the input schema, because the plan
 * has no "maybe a column" expression.
 *
 * Kusto.Language types the call as the default's type whether or not the column exists (the
 * plan keeps the binder's types), so an existing column is used as is when its type is the
 * same; an `int`/`long` column also serves an `int`/`long`/`real`/`decimal` default (same
 * numbers); any other pairing is "not supported yet" rather than a silently different value.
 */
import type { Expr } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import type { KExpression, KFunctionCallExpression } from './kustoTypes';
import { type LoweringContext, failUnsupported, scalarTypeOf, separatedItems, spanOf } from './nodes';

/** The names lowered here (the documented function and its deprecated alias). */
export const COLUMN_IF_EXISTS_FUNCTIONS: ReadonlySet<string> = new Set(['column_ifexists', 'columnifexists']);

const INTEGER_TYPES: ReadonlySet<ScalarType> = new Set<ScalarType>(['int', 'long']);
const NUMERIC_TARGETS: Readonly<Partial<Record<ScalarType, string>>> = { int: 'toint', long: 'tolong', real: 'toreal', decimal: 'todecimal' };

/** The existing column as an expression of the binder's type `type`, or null when that would change values. */
function columnAs(column: ColumnSchema, type: ScalarType, call: KFunctionCallExpression): Expr | null {
  const span = spanOf(call);
  const ref: Expr = { kind: 'column', name: column.name, type: column.type, span };
  if (column.type === type) return ref;
  if (!INTEGER_TYPES.has(column.type)) return null;
  // Why a relabel for int <-> long: both are stored as the same numbers, and Kusto returns the
  // column's own values; converting to int would truncate what Kusto shows.
  if (INTEGER_TYPES.has(type)) return { ...ref, type };
  const conversion = NUMERIC_TARGETS[type];
  return conversion === undefined ? null : { kind: 'call', name: conversion, args: [ref], type, span };
}

/** Lowers `column_ifexists(name, default)` against `ctx.rowColumns` (no input columns: the default). */
export function lowerColumnIfExists(
  ctx: LoweringContext, call: KFunctionCallExpression, lowerScalar: (ctx: LoweringContext, expr: KExpression) => Expr,
): Expr {
  const name = call.Name.SimpleName;
  const [nameArg, defaultArg] = separatedItems(call.ArgumentList.Expressions);
  if (nameArg === undefined || defaultArg === undefined) return failUnsupported(`${name} without two arguments`, call);
  const columnName = lowerScalar(ctx, nameArg);
  if (columnName.kind !== 'literal' || typeof columnName.value !== 'string') {
    return failUnsupported(`${name} with a column name that is not a constant string`, nameArg);
  }
  const column = ctx.rowColumns?.find((c) => c.name === columnName.value);
  if (column === undefined) return lowerScalar(ctx, defaultArg);
  const expr = columnAs(column, scalarTypeOf(call), call);
  return expr ?? failUnsupported(`${name} of a ${column.type} column with a ${scalarTypeOf(call)} default`, call);
}
