/**
 * Window functions over a serialized row set (docs: windowsfunctions, row-number-function,
 * prevfunction, nextfunction, rowcumsumfunction, row-rank-dense-function, row-rank-min-function).
 * Each kernel runs once over the whole column in its current row order; the syntax lowering
 * rejects them where the input is not serialized (see `syntax/windowContext.ts`).
 * - `row_number([start[, restart]])`: start, start + 1, ...; back to `start` where `restart` is true.
 * - `prev(x[, offset[, default]])` / `next(...)`: `x` of the row `offset` rows before / after,
 *   `default` (else null) outside the row set.
 * - `row_cumsum(x[, restart])`: running sum; null terms add nothing; `restart` sets it back to 0.
 * - `row_rank_dense(x[, restart])`: 1, +1 whenever `x` differs from the row before.
 * - `row_rank_min(x[, restart])`: the row's position (1-based) at the first of a run of equal values.
 */
import type { CallExpr } from '../plan';
import type { Column } from '../table/column';
import { runtimeError, EngineFailure } from '../errors';
import type { EvalContext, Scalar } from './vector';
import { NumericWriter, POLL_MASK, at, isNullAt, pollCancel, writerFor } from './vector';
import type { ScalarKernel } from './kernel';
import { rowWindowSession } from './windowSession';

/** True when the optional bool `restart` argument is true at row `i`. */
function restartsAt(restart: Column | undefined, i: number): boolean {
  return restart !== undefined && at(restart, i) === true;
}

/** A constant integer argument (offset, start), or `fallback` when absent. */
function constantInteger(column: Column | undefined, fallback: number, call: CallExpr, what: string): number {
  if (column === undefined) return fallback;
  const v = at(column, 0);
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new EngineFailure(runtimeError(`${call.name}(): ${what} must be a constant integer`, call.span));
  return v;
}

function rowNumber(args: readonly Column[], call: CallExpr, ctx: EvalContext): Column {
  const start = constantInteger(args[0], 1, call, 'the start');
  const restart = args[1];
  const n = ctx.rowCount;
  const out = new NumericWriter('long', n);
  let next = start;
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(ctx.cancel);
    if (i > 0 && restartsAt(restart, i)) next = start;
    out.setNumber(i, next++);
  }
  return out.finish();
}

/** `prev` (direction -1) and `next` (+1). */
function shifted(direction: -1 | 1): ScalarKernel {
  return (args, call, ctx) => {
    const [value, offsetArg, defaultArg] = args;
    const offset = constantInteger(offsetArg, 1, call, 'the offset');
    const n = ctx.rowCount;
    const w = writerFor(call.type, n);
    const fallback: Scalar = defaultArg === undefined ? null : at(defaultArg, 0);
    for (let i = 0; i < n; i++) {
      if ((i & POLL_MASK) === 0) pollCancel(ctx.cancel);
      const source = i + direction * offset;
      w.set(i, source >= 0 && source < n ? at(value, source) : fallback);
    }
    return w.finish();
  };
}

function rowCumsum(args: readonly Column[], call: CallExpr, ctx: EvalContext): Column {
  const [value, restart] = args;
  const n = ctx.rowCount;
  const out = new NumericWriter(call.type === 'int' || call.type === 'long' || call.type === 'decimal' || call.type === 'real' ? call.type : 'real', n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(ctx.cancel);
    if (restartsAt(restart, i)) sum = 0;
    const v = at(value, i);
    if (typeof v === 'number') sum += v;
    out.setNumber(i, sum);
  }
  return out.finish();
}

/** Equality of two rows' values for ranking (nulls equal each other). */
function sameValue(column: Column, a: number, b: number): boolean {
  const aNull = isNullAt(column, a);
  if (aNull || isNullAt(column, b)) return aNull && isNullAt(column, b);
  const x = at(column, a);
  const y = at(column, b);
  return typeof x === 'object' || typeof y === 'object' ? JSON.stringify(x) === JSON.stringify(y) : x === y;
}

/** `row_rank_dense` (dense) and `row_rank_min`. */
function rank(dense: boolean): ScalarKernel {
  return (args, _call, ctx) => {
    const [value, restart] = args;
    const n = ctx.rowCount;
    const out = new NumericWriter('long', n);
    let current = 0;
    let partitionStart = 0;
    for (let i = 0; i < n; i++) {
      if ((i & POLL_MASK) === 0) pollCancel(ctx.cancel);
      if (i === 0 || restartsAt(restart, i)) {
        partitionStart = i;
        current = 1;
      } else if (!sameValue(value, i - 1, i)) {
        current = dense ? current + 1 : i - partitionStart + 1;
      }
      out.setNumber(i, current);
    }
    return out.finish();
  };
}

/** The window functions by Kusto name (merged into the scalar registry). */
export const WINDOW_FUNCTIONS: Readonly<Record<string, ScalarKernel>> = {
  row_number: rowNumber,
  prev: shifted(-1),
  next: shifted(1),
  row_cumsum: rowCumsum,
  row_rank_dense: rank(true),
  row_rank_min: rank(false),
  row_window_session: rowWindowSession,
};

/** Names of the window functions (they need a serialized input). */
export const WINDOW_FUNCTION_NAMES: ReadonlySet<string> = new Set(Object.keys(WINDOW_FUNCTIONS));
