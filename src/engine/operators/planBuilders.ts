/**
 * Small builders for plan nodes written by hand — used by the executor's tests and handy for
 * golden cases that bypass the parser. They fill spans with a dummy position.
 */
import type { AggregateCall, BinaryOp, Expr, NamedExpr, Operator, SortKey, Tabular } from '../plan';
import type { ColumnSchema, DynamicValue } from '../table/column';
import type { ScalarType } from '../types/scalarType';

const SPAN = { start: 0, length: 0 } as const;

/** A column reference. */
export function col(name: string, type: ScalarType): Expr {
  return { kind: 'column', name, type, span: SPAN };
}

/** A literal (datetime/timespan as ticks). */
export function lit(value: number | string | boolean | DynamicValue | null, type: ScalarType): Expr {
  return { kind: 'literal', value, type, span: SPAN };
}

/** A binary operation with the binder's result type. */
export function binary(op: BinaryOp, left: Expr, right: Expr, type: ScalarType = 'bool'): Expr {
  return { kind: 'binary', op, left, right, type, span: SPAN };
}

/** A scalar function call. */
export function call(name: string, type: ScalarType, ...args: Expr[]): Expr {
  return { kind: 'call', name, args, type, span: SPAN };
}

/** `operand [!]in[~] (values)`. */
export function inList(operand: Expr, values: Expr[], options: { negated?: boolean; caseInsensitive?: boolean } = {}): Expr {
  return { kind: 'in', operand, values, negated: options.negated ?? false, caseInsensitive: options.caseInsensitive ?? false, type: 'bool', span: SPAN };
}

/** `name = expr`. */
export function named(name: string, expr: Expr): NamedExpr {
  return { name, expr };
}

/** An aggregate call producing column `name`. */
export function agg(fn: string, name: string, type: ScalarType, ...args: Expr[]): AggregateCall {
  return { fn, name, type, args, span: SPAN };
}

/** A sort key; nulls default as in Kusto (first for asc, last for desc). */
export function key(expr: Expr, descending: boolean, nullsFirst = !descending): SortKey {
  return { expr, descending, nullsFirst };
}

/** A table reference. */
export function tableRef(name: string, schema: readonly ColumnSchema[]): Tabular {
  return { kind: 'table', name, schema, span: SPAN };
}

/** `input | operator`, with the output schema (defaults to the input's). */
export function pipe(input: Tabular, operator: Operator, schema: readonly ColumnSchema[] = input.schema): Tabular {
  return { kind: 'pipe', input, operator, schema, span: SPAN };
}

/** `union A, B, ...` as a source. */
export function unionOf(inputs: Tabular[], schema: readonly ColumnSchema[]): Tabular {
  return { kind: 'union', inputs, schema, span: SPAN };
}
