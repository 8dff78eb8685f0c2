/**
 * Member and element access on dynamic values (`x.a`, `x["a"]`, `x[0]`, `x[-1]`), and the lifting
 * helper the dynamic function family shares. The syntax lowering turns every access into a call
 * of `DYNAMIC_ACCESS_FUNCTION`, a name no KQL text can spell, so the plan needs no new node.
 */
import type { Column, DynamicValue } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import { dynamicFromCell, isBag } from '../types/dynamicValue';
import type { ScalarKernel } from './kernel';
import type { EvalContext, Scalar } from './vector';
import { POLL_MASK, pollCancel, resultLength, rowOf, writerFor } from './vector';

/** The internal function name the lowering gives `container.key` and `container[key]`. */
export const DYNAMIC_ACCESS_FUNCTION = '$access';

/**
 * Lifts a kernel over arguments read as dynamic values (see `dynamicFromCell`): datetimes as
 * ISO text, bools as booleans, a null guid or dynamic null as null. Nulls reach the kernel.
 */
export function mapDynamic(
  args: readonly Column[],
  outType: ScalarType,
  ctx: EvalContext,
  kernel: (values: DynamicValue[]) => Scalar,
): Column {
  const n = resultLength(args, ctx.rowCount);
  const w = writerFor(outType, n);
  const values = new Array<DynamicValue>(args.length);
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(ctx.cancel);
    for (let k = 0; k < args.length; k++) values[k] = dynamicFromCell(args[k], rowOf(args[k], i));
    w.set(i, kernel(values));
  }
  return w.finish();
}

/** An array index as Kusto reads it: integers (negative counts from the end), bools as 0/1; else null. */
export function indexOf(key: DynamicValue, length: number): number | null {
  const raw = typeof key === 'boolean' ? Number(key) : key;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return null;
  const index = Math.trunc(raw);
  const resolved = index < 0 ? length + index : index;
  return resolved >= 0 && resolved < length ? resolved : null;
}

/** `container[key]`: a bag's member by name, an array's element by index; anything missing is null. */
export function accessDynamic(container: DynamicValue, key: DynamicValue): DynamicValue {
  if (container === null || key === null) return null;
  if (Array.isArray(container)) {
    const index = indexOf(key, container.length);
    return index === null ? null : container[index];
  }
  if (isBag(container) && typeof key === 'string') {
    return Object.prototype.hasOwnProperty.call(container, key) ? container[key] : null;
  }
  return null;
}

/** The access kernel: `args` are the container and the key. */
export const dynamicAccess: ScalarKernel = (args, call, ctx) => {
  const [container, key] = args;
  if (container.kind === 'dynamic' && container.length > 1 && key.length === 1) {
    // Hot path (`Props.tag` over a column): a constant key, read straight from the values.
    const k = dynamicFromCell(key, 0);
    const values = new Array<DynamicValue>(container.length);
    for (let i = 0; i < container.length; i++) {
      if ((i & POLL_MASK) === 0) pollCancel(ctx.cancel);
      values[i] = accessDynamic(container.values[i], k);
    }
    return { kind: 'dynamic', type: 'dynamic', values, length: container.length };
  }
  return mapDynamic(args, call.type, ctx, ([c, k]) => accessDynamic(c, k));
};
