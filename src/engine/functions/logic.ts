/**
 * Three-valued logic: `and`, `or` and `not()`. These are the documented exceptions to
 * "null in -> null out": `false and null` is false, `true or null` is true.
 */
import type { Column } from '../table/column';
import type { CallExpr } from '../plan';
import type { EvalContext, Scalar } from './vector';
import { NumericWriter, mapValues, resultLength } from './vector';

/** A bool vector's value at row i: 1, 0 or -1 for null. Non-bool values are truthy when non-zero. */
function truth(column: Column, i: number): number {
  const r = column.length === 1 ? 0 : i;
  if (column.kind === 'number') {
    if (column.nulls !== null && column.nulls[r] === 1) return -1;
    return column.data[r] !== 0 ? 1 : 0;
  }
  if (column.kind === 'dynamic') {
    const v = column.values[r];
    return typeof v === 'boolean' ? (v ? 1 : 0) : -1;
  }
  const code = column.codes[r];
  if (code < 0) return -1;
  const text = column.dict[code].toLowerCase();
  return text === 'true' ? 1 : text === 'false' ? 0 : -1;
}

/** Evaluates `left and right` / `left or right` with three-valued logic. */
export function evalLogic(op: 'and' | 'or', left: Column, right: Column, ctx: EvalContext): Column {
  const n = resultLength([left, right], ctx.rowCount);
  const out = new NumericWriter('bool', n);
  for (let i = 0; i < n; i++) {
    const a = truth(left, i);
    const b = truth(right, i);
    let r: number;
    if (op === 'and') r = a === 0 || b === 0 ? 0 : a === 1 && b === 1 ? 1 : -1;
    else r = a === 1 || b === 1 ? 1 : a === 0 && b === 0 ? 0 : -1;
    if (r < 0) out.setNull(i);
    else out.data[i] = r;
  }
  return out.finish();
}

/** `not(x)`: null stays null. */
function not(args: readonly Column[], _call: CallExpr, ctx: EvalContext): Column {
  return mapValues(args, 'bool', ctx, ([x]: Scalar[]) => (typeof x === 'boolean' ? !x : typeof x === 'number' ? x === 0 : null));
}

/** Logic functions by Kusto name. */
export const LOGIC_FUNCTIONS = {
  not,
};
