/**
 * Comparison operators (`== != < <= > >=`), `in` / `!in` / `in~` / `!in~` and `between`.
 * Null rules (Kusto): `null == null` and `null != null` are null; `null == x` is false and
 * `null != x` true; ordering comparisons with a null are null. Numbers of different types
 * compare by value; strings compare ordinally (case-sensitive) per dictionary entry.
 */
import type { Column, DynamicValue, NumericColumn } from '../table/column';
import type { EvalContext, Scalar } from './vector';
import { NumericWriter, POLL_MASK, at, isNullAt, mapNumbers, mapValues, pollCancel, resultLength } from './vector';
import { bigIntAt, hasExactValues } from '../table/exactLong';

/** Comparison operators. */
export type ComparisonOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** Orders two non-null scalars of comparable kinds: negative, 0 or positive; NaN when incomparable. */
export function compareScalars(a: Scalar, b: Scalar): number {
  const x = typeof a === 'boolean' ? (a ? 1 : 0) : a;
  const y = typeof b === 'boolean' ? (b ? 1 : 0) : b;
  if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
  const sx = JSON.stringify(x);
  const sy = JSON.stringify(y);
  return sx === sy ? 0 : NaN;
}

/** The result of `a op b` for plain values, with Kusto's null rules (null = `null`). */
export function compareValues(op: ComparisonOp, a: Scalar, b: Scalar): boolean | null {
  if (a === null || b === null) {
    if (op === '==') return a === null && b === null ? null : false;
    if (op === '!=') return a === null && b === null ? null : true;
    return null;
  }
  const c = compareScalars(a, b);
  switch (op) {
    case '==':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    default: {
      const never: never = op;
      return never;
    }
  }
}

function numberTest(op: ComparisonOp): (a: number, b: number) => boolean {
  switch (op) {
    case '==':
      return (a, b) => a === b;
    case '!=':
      return (a, b) => a !== b;
    case '<':
      return (a, b) => a < b;
    case '<=':
      return (a, b) => a <= b;
    case '>':
      return (a, b) => a > b;
    case '>=':
      return (a, b) => a >= b;
    default: {
      const never: never = op;
      return never;
    }
  }
}

/** `left op right` of two integer vectors of which one holds exact 64-bit longs, compared exactly. */
function compareExactLongs(op: ComparisonOp, left: NumericColumn, right: NumericColumn, ctx: EvalContext): Column {
  const n = resultLength([left, right], ctx.rowCount);
  const out = new NumericWriter('bool', n);
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(ctx.cancel);
    const leftNull = isNullAt(left, i);
    const rightNull = isNullAt(right, i);
    if (leftNull || rightNull) {
      // Kusto's null rules depend only on which side is null.
      out.set(i, compareValues(op, leftNull ? null : 0, rightNull ? null : 0));
      continue;
    }
    const a = bigIntAt(left, i);
    const b = bigIntAt(right, i);
    out.set(i, compareValues(op, a < b ? -1 : a > b ? 1 : 0, 0));
  }
  return out.finish();
}

const INTEGER_TYPES: ReadonlySet<string> = new Set(['int', 'long']);

/** Evaluates `left op right` into a bool vector. */
export function evalComparison(op: ComparisonOp, left: Column, right: Column, ctx: EvalContext): Column {
  if (
    left.kind === 'number' && right.kind === 'number' && (hasExactValues(left) || hasExactValues(right)) &&
    INTEGER_TYPES.has(left.type) && INTEGER_TYPES.has(right.type)
  ) {
    return compareExactLongs(op, left, right, ctx);
  }
  if (left.kind === 'number' && right.kind === 'number') {
    const n = resultLength([left, right], ctx.rowCount);
    const out = new NumericWriter('bool', n);
    const test = numberTest(op);
    const equality = op === '==' || op === '!=';
    const ln = left.nulls;
    const rn = right.nulls;
    const lc = left.length === 1;
    const rc = right.length === 1;
    for (let i = 0; i < n; i++) {
      const li = lc ? 0 : i;
      const ri = rc ? 0 : i;
      const lNull = ln !== null && ln[li] === 1;
      const rNull = rn !== null && rn[ri] === 1;
      if (lNull || rNull) {
        if (equality && !(lNull && rNull)) out.data[i] = op === '!=' ? 1 : 0;
        else out.setNull(i);
      } else if (test(left.data[li], right.data[ri])) {
        out.data[i] = 1;
      }
    }
    return out.finish();
  }
  return mapValues([left, right], 'bool', ctx, ([a, b]) => compareValues(op, a, b), false);
}

function flattenValues(values: readonly Scalar[]): Scalar[] {
  const out: Scalar[] = [];
  for (const v of values) {
    if (Array.isArray(v)) out.push(...flattenValues(v as DynamicValue[]));
    else out.push(v);
  }
  return out;
}

function membershipKey(v: Scalar, caseInsensitive: boolean): string | number | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return caseInsensitive ? v.toLowerCase() : v;
  return JSON.stringify(v);
}

/**
 * The result of `x in list` / `x !in list` once the search is done. Docs (null-values): `in` is an
 * OR of `==` and `!in` an AND of `!=`; `null == v` is false for a non-null v and null for a null v,
 * so a null operand gives null only when the list holds a null, else false (`in`) / true (`!in`).
 */
function membership(found: boolean, operandIsNull: boolean, listHasNull: boolean, negated: boolean): boolean | null {
  if (found) return !negated;
  if (operandIsNull && listHasNull) return null;
  return negated;
}

/**
 * Evaluates `operand [!]in[~] (values)` with the null rules of `membership`.
 * Dynamic arrays among the values are flattened.
 */
export function evalIn(operand: Column, values: readonly Column[], negated: boolean, caseInsensitive: boolean, ctx: EvalContext): Column {
  if (values.every((v) => v.length === 1)) {
    const set = new Set<string | number>();
    let listHasNull = false;
    for (const v of flattenValues(values.map((c) => at(c, 0)))) {
      const key = membershipKey(v, caseInsensitive);
      if (key !== null) set.add(key);
      else listHasNull = true;
    }
    return mapValues(
      [operand],
      'bool',
      ctx,
      ([x]) => {
        const key = membershipKey(x, caseInsensitive);
        return membership(key !== null && set.has(key), key === null, listHasNull, negated);
      },
      false,
    );
  }
  // Row-dependent list: test row by row.
  const n = resultLength([operand, ...values], ctx.rowCount);
  const out = new NumericWriter('bool', n);
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(ctx.cancel);
    const key = membershipKey(at(operand, i), caseInsensitive);
    let found = false;
    let listHasNull = false;
    for (const v of flattenValues(values.map((c) => at(c, i)))) {
      const k = membershipKey(v, caseInsensitive);
      if (k === null) listHasNull = true;
      else if (k === key) {
        found = true;
        break;
      }
    }
    out.set(i, membership(found, key === null, listHasNull, negated));
  }
  return out.finish();
}

/** Evaluates `operand [!]between (low .. high)` over numbers, datetimes and timespans; null in -> null. */
export function evalBetween(operand: Column, low: Column, high: Column, negated: boolean, ctx: EvalContext): Column {
  if (operand.kind === 'number' && low.kind === 'number' && high.kind === 'number') {
    // `datetime between (start .. 1h)`: a timespan upper bound is relative to the lower one.
    const relative = operand.type === 'datetime' && high.type === 'timespan';
    return mapNumbers([operand, low, high], 'bool', ctx, (x, lo, hi) => {
      const top = relative ? lo + hi : hi;
      const inside = x >= lo && x <= top;
      return inside !== negated ? 1 : 0;
    });
  }
  return mapValues([operand, low, high], 'bool', ctx, ([x, lo, hi]) => {
    const inside = compareScalars(x, lo) >= 0 && compareScalars(x, hi) <= 0;
    return inside !== negated;
  });
}
