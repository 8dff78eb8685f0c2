/**
 * More dynamic array and bag functions: array_shift_left/right, array_rotate_left/right,
 * repeat, bag_set_key. Anything that is not an array (or bag) gives null.
 */
import type { DynamicValue } from '../table/column';
import { isBag } from '../types/dynamicValue';
import type { ScalarKernel } from './kernel';
import { mapDynamic } from './dynamicAccess';
import { keyPath } from './dynamic';

type Bag = { [key: string]: DynamicValue };

function intOf(v: DynamicValue | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : null;
}

/** Shifts left by `count` (right when negative), filling vacated slots with `fill`. */
export function shiftArray(array: readonly DynamicValue[], count: number, fill: DynamicValue): DynamicValue[] {
  const n = array.length;
  return array.map((_, i) => {
    const from = i + count;
    return from >= 0 && from < n ? array[from] : fill;
  });
}

/** Rotates left by `count` (right when negative). */
export function rotateArray(array: readonly DynamicValue[], count: number): DynamicValue[] {
  const n = array.length;
  if (n === 0) return [];
  const by = ((count % n) + n) % n;
  return [...array.slice(by), ...array.slice(0, by)];
}

/** `bag_set_key(bag, key, value)`: a copy with the (possibly nested, created as needed) key set. */
export function bagSetKey(bag: Bag, key: string, value: DynamicValue): Bag | null {
  const path = keyPath(key);
  if (path === null) return null;
  const set = (node: Bag, depth: number): Bag => {
    const name = path[depth];
    const out: Bag = { ...node };
    if (depth === path.length - 1) out[name] = value;
    else {
      const child = node[name];
      out[name] = set(isBag(child) ? child : {}, depth + 1);
    }
    return out;
  };
  return set(bag, 0);
}

function shiftKernel(direction: 1 | -1): ScalarKernel {
  return (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([a, c, fill]) => {
      const count = intOf(c);
      if (!Array.isArray(a) || count === null) return null;
      return shiftArray(a, direction * count, fill ?? null);
    });
}

function rotateKernel(direction: 1 | -1): ScalarKernel {
  return (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([a, c]) => {
      const count = intOf(c);
      return Array.isArray(a) && count !== null ? rotateArray(a, direction * count) : null;
    });
}

const repeat: ScalarKernel = (args, call, ctx) =>
  mapDynamic(args, call.type, ctx, ([v, c]) => {
    const count = intOf(c);
    return count === null || count < 0 ? null : new Array<DynamicValue>(count).fill(v);
  });

/** More array and bag functions by Kusto name. */
export const ARRAY_FUNCTIONS: Record<string, ScalarKernel> = {
  array_shift_left: shiftKernel(1),
  array_shift_right: shiftKernel(-1),
  array_rotate_left: rotateKernel(1),
  array_rotate_right: rotateKernel(-1),
  repeat,
  bag_set_key: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([b, k, v]) => (isBag(b) && typeof k === 'string' ? bagSetKey(b, k, v) : null)),
};
