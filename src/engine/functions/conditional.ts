/**
 * Conditional and null-test functions: iff/iif, case, coalesce, isnull, isnotnull, isempty,
 * isnotempty, max_of, min_of. These are the exceptions to "null in -> null out": they look
 * at nulls themselves, so they lift their kernels with `propagateNulls = false`.
 */
import type { Column } from '../table/column';
import type { ScalarKernel } from './kernel';
import type { Scalar } from './vector';
import { POLL_MASK, at, isNullAt, mapValues, pollCancel, resultLength, writerFor } from './vector';
import { compareScalars } from './comparison';

function isTrue(column: Column, i: number): boolean {
  const v = at(column, i);
  return v === true || (typeof v === 'number' && v !== 0);
}

/** `case(c1, v1, c2, v2, ..., else)`; `iff(c, a, b)` is the two-branch case. A null condition is false. */
const caseKernel: ScalarKernel = (args, call, ctx) => {
  const n = resultLength(args, ctx.rowCount);
  const w = writerFor(call.type, n);
  const pairs = (args.length - 1) >> 1;
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(ctx.cancel);
    let chosen = args[args.length - 1];
    for (let p = 0; p < pairs; p++) {
      if (isTrue(args[2 * p], i)) {
        chosen = args[2 * p + 1];
        break;
      }
    }
    w.set(i, at(chosen, i));
  }
  return w.finish();
};

/** `coalesce(a, b, ...)`: the first non-null (for strings: non-empty) argument. */
const coalesce: ScalarKernel = (args, call, ctx) =>
  mapValues(
    args,
    call.type,
    ctx,
    (values) => {
      for (const v of values) if (v !== null && v !== '') return v;
      return values.length > 0 && typeof values[0] === 'string' ? '' : null;
    },
    false,
  );

const isNull: ScalarKernel = (args, _call, ctx) => nullTest(args[0], ctx.rowCount, (col, i) => isNullAt(col, i));
const isNotNull: ScalarKernel = (args, _call, ctx) => nullTest(args[0], ctx.rowCount, (col, i) => !isNullAt(col, i));
const isEmpty: ScalarKernel = (args, _call, ctx) => mapValues(args, 'bool', ctx, ([v]) => v === null || v === '', false);
const isNotEmpty: ScalarKernel = (args, _call, ctx) => mapValues(args, 'bool', ctx, ([v]) => v !== null && v !== '', false);

function nullTest(column: Column, rowCount: number, test: (c: Column, i: number) => boolean): Column {
  const n = column.length === 1 ? 1 : rowCount;
  const w = writerFor('bool', n);
  for (let i = 0; i < n; i++) w.set(i, test(column, i));
  return w.finish();
}

/** `max_of` / `min_of`: nulls are ignored; all null gives null. */
function extremeOf(sign: 1 | -1): ScalarKernel {
  return (args, call, ctx) =>
    mapValues(
      args,
      call.type,
      ctx,
      (values: Scalar[]) => {
        let best: Scalar = null;
        for (const v of values) {
          if (v === null) continue;
          if (best === null || compareScalars(v, best) * sign > 0) best = v;
        }
        return best;
      },
      false,
    );
}

/** Conditional functions by Kusto name. */
export const CONDITIONAL_FUNCTIONS: Record<string, ScalarKernel> = {
  iff: caseKernel,
  iif: caseKernel,
  case: caseKernel,
  coalesce,
  isnull: isNull,
  isnotnull: isNotNull,
  isempty: isEmpty,
  isnotempty: isNotEmpty,
  max_of: extremeOf(1),
  min_of: extremeOf(-1),
};
