/**
 * `range x from a to b step s`: the values a, a + s, a + 2s, ... up to b inclusive (down to b for
 * a negative step); empty when the step leads away from b or any bound is null. Works over the
 * numeric storage, so long, int, real, datetime (+ timespan step) and timespan are one loop.
 */
import type { Expr } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { SourceSpan } from '../errors';
import { EngineFailure, runtimeError } from '../errors';
import { isNullAt } from '../functions/vector';
import { isNumericType } from '../types/scalarType';
import type { Relation, RunContext } from './relation';
import { evaluateConstant } from './constantSource';

/** The most rows a `range` may produce (8 bytes each); beyond it the query fails instead of exhausting memory. */
export const MAX_RANGE_ROWS = 50_000_000;

function bound(expr: Expr, run: RunContext): number | null {
  const column = evaluateConstant(expr, run);
  if (column.kind !== 'number' || isNullAt(column, 0)) return null;
  return column.data[0];
}

/**
 * How many values `from, from + step, ...` (each the previous plus `step`, as Kusto steps) stay
 * within `to`.
 */
export function rangeLength(from: number, to: number, step: number, span: SourceSpan): number {
  if (step === 0 || !Number.isFinite(step)) throw new EngineFailure(runtimeError('range: the step must be a finite, non-zero value', span));
  if (!Number.isFinite(from) || !Number.isFinite(to)) return 0;
  if ((to - from) / step > MAX_RANGE_ROWS) throw new EngineFailure(runtimeError(`range: more than ${MAX_RANGE_ROWS} rows`, span));
  let count = 0;
  for (let value = from; step > 0 ? value <= to : value >= to; value += step) count++;
  return count;
}

/** Executes `range` into the single column of `schema`. */
export function executeRange(from: Expr, to: Expr, step: Expr, schema: readonly ColumnSchema[], run: RunContext, span: SourceSpan): Relation {
  const target = schema[0];
  const type = target.type;
  if (!isNumericType(type)) throw new EngineFailure(runtimeError(`range: values of type ${type} are not supported`, span));
  const a = bound(from, run);
  const b = bound(to, run);
  const s = bound(step, run);
  const count = a === null || b === null || s === null ? 0 : rangeLength(a, b, s, span);
  const data = new Float64Array(count);
  const integral = type === 'int' || type === 'long';
  let value = a ?? 0;
  for (let i = 0; i < count; i++, value += s ?? 0) data[i] = integral ? Math.trunc(value) : value;
  return { rowCount: count, columns: [{ name: target.name, data: { kind: 'number', type, data, nulls: null, length: count }, rows: null }] };
}
