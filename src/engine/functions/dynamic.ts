/**
 * Dynamic array and property-bag functions: array_length, array_slice, array_concat,
 * array_index_of, array_reverse, array_sort_asc/desc (one array), array_sum, array_iff/array_iif,
 * array_split, pack_array, bag_pack/pack, bag_keys, bag_merge, bag_remove_keys, bag_has_key,
 * set_union, set_intersect, set_difference, set_has_element, zip, and the access kernel.
 * A function that expects an array (or bag) and gets anything else returns null.
 */
import type { DynamicValue } from '../table/column';
import { EngineFailure, unsupported } from '../errors';
import { compareDynamic, dynamicKey, isBag } from '../types/dynamicValue';
import type { ScalarKernel } from './kernel';
import { DYNAMIC_ACCESS_FUNCTION, dynamicAccess, mapDynamic } from './dynamicAccess';
import type { Scalar } from './vector';

type Bag = { [key: string]: DynamicValue };

function intOf(v: DynamicValue): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'boolean') return Number(v);
  return null;
}

/** A one-argument array function: non-arrays give null. */
function onArray(fn: (array: DynamicValue[]) => Scalar): ScalarKernel {
  return (args, call, ctx) => mapDynamic(args, call.type, ctx, ([a]) => (Array.isArray(a) ? fn(a) : null));
}

/** `array_slice(arr, start, end)`: inclusive bounds, negative from the end, out-of-range clipped. */
export function arraySlice(array: readonly DynamicValue[], start: number, end: number): DynamicValue[] {
  const n = array.length;
  const from = Math.max(0, start < 0 ? n + start : start);
  const to = Math.min(n - 1, end < 0 ? n + end : end);
  return from > to ? [] : array.slice(from, to + 1);
}

/** `array_index_of(arr, value[, start[, length[, occurrence]]])`; -1 when not found, null for bad arguments. */
export function arrayIndexOf(
  array: readonly DynamicValue[], value: DynamicValue, start: number, length: number, occurrence: number,
): number | null {
  if (length < -1 || occurrence < 0) return null;
  const n = array.length;
  const from = start < 0 ? Math.max(0, n + start) : start;
  const to = length === -1 ? n : Math.min(n, from + length);
  const wanted = dynamicKey(value);
  let seen = 0;
  for (let i = from; i < to; i++) {
    if (dynamicKey(array[i]) === wanted && ++seen >= occurrence) return i;
  }
  return -1;
}

/** Sorts a copy of `array`; nulls go last unless `nullsLast` is false. */
export function sortArray(array: readonly DynamicValue[], descending: boolean, nullsLast: boolean): DynamicValue[] {
  const values = array.filter((v) => v !== null);
  const nulls = array.filter((v) => v === null);
  values.sort((a, b) => (descending ? compareDynamic(b, a) : compareDynamic(a, b)));
  return nullsLast ? [...values, ...nulls] : [...nulls, ...values];
}

function sortKernel(descending: boolean): ScalarKernel {
  return (args, call, ctx) => {
    // Why: with several arrays Kusto returns one column per array; the plan has one result per call.
    if (args.length > 2 || (args.length === 2 && args[1].type === 'dynamic')) {
      throw new EngineFailure(unsupported(`${call.name} with several arrays`, call.span));
    }
    return mapDynamic(args, call.type, ctx, ([a, nullsLast]) =>
      Array.isArray(a) ? sortArray(a, descending, nullsLast !== false) : null,
    );
  };
}

/** `array_sum(arr)`: the sum as real; null when an element is not a number. */
export function arraySum(array: readonly DynamicValue[]): number | null {
  let sum = 0;
  for (const v of array) {
    if (typeof v !== 'number') return null;
    sum += v;
  }
  return sum;
}

/** `array_iff(conditions, whenTrue, whenFalse)`: element-wise; arrays shorter than the conditions give null. */
export function arrayIff(conditions: readonly DynamicValue[], whenTrue: DynamicValue, whenFalse: DynamicValue): DynamicValue[] {
  const pick = (source: DynamicValue, i: number): DynamicValue => (Array.isArray(source) ? (source[i] ?? null) : source);
  return conditions.map((c, i) => {
    if (typeof c === 'boolean') return pick(c ? whenTrue : whenFalse, i);
    if (typeof c === 'number') return pick(c !== 0 ? whenTrue : whenFalse, i);
    return null;
  });
}

/** `array_split(arr, indices)`: N indices give N+1 consecutive parts; indices are clipped to the array. */
export function arraySplit(array: readonly DynamicValue[], indices: readonly number[]): DynamicValue[] {
  const n = array.length;
  const parts: DynamicValue[] = [];
  let from = 0;
  for (const raw of indices) {
    const at = Math.min(n, Math.max(from, raw < 0 ? n + raw : raw));
    parts.push(array.slice(from, at));
    from = at;
  }
  parts.push(array.slice(from));
  return parts;
}

/** Distinct values of `array` in first-seen order, as keys and values. */
function distinct(array: readonly DynamicValue[]): Map<string, DynamicValue> {
  const out = new Map<string, DynamicValue>();
  for (const v of array) {
    const k = dynamicKey(v);
    if (!out.has(k)) out.set(k, v);
  }
  return out;
}

type SetOp = 'union' | 'intersect' | 'difference';

/** `set_union` / `set_intersect` / `set_difference` over arrays (distinct values, first-seen order). */
export function setOperation(op: SetOp, arrays: readonly DynamicValue[][]): DynamicValue[] {
  switch (op) {
    case 'union':
      return [...distinct(arrays.flat()).values()];
    case 'intersect': {
      const others = arrays.slice(1).map((a) => distinct(a));
      return [...distinct(arrays[0]).entries()].filter(([k]) => others.every((o) => o.has(k))).map(([, v]) => v);
    }
    case 'difference': {
      const others = arrays.slice(1).map((a) => distinct(a));
      return [...distinct(arrays[0]).entries()].filter(([k]) => others.every((o) => !o.has(k))).map(([, v]) => v);
    }
    default: {
      const never: never = op;
      return never;
    }
  }
}

function setKernel(op: SetOp): ScalarKernel {
  return (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, (values) => {
      const arrays: DynamicValue[][] = [];
      for (const v of values) {
        if (!Array.isArray(v)) return null;
        arrays.push(v);
      }
      return setOperation(op, arrays);
    });
}

/** A JSONPath-ish key (`a`, `$.a.b`, `$['a'].b`) as its path of member names; null when it has array indexing. */
export function keyPath(key: string): string[] | null {
  if (!key.startsWith('$')) return [key];
  const path: string[] = [];
  const re = /\.([^.[\]]+)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]/y;
  let at = 1;
  while (at < key.length) {
    re.lastIndex = at;
    const m = re.exec(key);
    if (m === null) return null;
    path.push(m[1] ?? m[2] ?? m[3]);
    at = re.lastIndex;
  }
  return path.length > 0 ? path : null;
}

/** `bag_has_key(bag, key)`: true when the (possibly nested) key exists. */
export function bagHasKey(bag: DynamicValue, key: string): boolean {
  const path = keyPath(key);
  if (path === null) return false;
  let node = bag;
  for (const name of path) {
    if (!isBag(node) || !Object.prototype.hasOwnProperty.call(node, name)) return false;
    node = node[name];
  }
  return true;
}

/** `bag_remove_keys(bag, keys)`: a copy of `bag` without the (possibly nested) keys. */
export function bagRemoveKeys(bag: Bag, keys: readonly DynamicValue[]): Bag {
  const paths = keys.filter((k): k is string => typeof k === 'string').map(keyPath).filter((p): p is string[] => p !== null);
  const remove = (node: Bag, prefix: readonly string[]): Bag => {
    const out: Bag = {};
    for (const [name, value] of Object.entries(node)) {
      const here = [...prefix, name];
      if (paths.some((p) => p.length === here.length && p.every((s, i) => s === here[i]))) continue;
      const deeper = paths.some((p) => p.length > here.length && here.every((s, i) => s === p[i]));
      out[name] = deeper && isBag(value) ? remove(value, here) : value;
    }
    return out;
  };
  return remove(bag, []);
}

/** `bag_merge(b1, b2, ...)`: the leftmost bag wins on duplicate keys; arguments that are not bags are skipped. */
export function bagMerge(bags: readonly DynamicValue[]): Bag {
  const out: Bag = {};
  for (const bag of bags) {
    if (!isBag(bag)) continue;
    for (const [k, v] of Object.entries(bag)) if (!Object.prototype.hasOwnProperty.call(out, k)) out[k] = v;
  }
  return out;
}

/** `bag_pack(k1, v1, k2, v2, ...)`: a bag of the pairs; a later duplicate key overwrites. */
function bagPack(values: readonly DynamicValue[]): Bag {
  const out: Bag = {};
  for (let i = 0; i + 1 < values.length; i += 2) {
    const key = values[i];
    if (key === null) continue;
    out[typeof key === 'string' ? key : JSON.stringify(key)] = values[i + 1];
  }
  return out;
}

/** `zip(a1, a2, ...)`: element-wise tuples as long as the longest array; missing elements are null. */
export function zipArrays(arrays: readonly DynamicValue[][]): DynamicValue[][] {
  const n = Math.max(...arrays.map((a) => a.length));
  return Array.from({ length: n }, (_, i) => arrays.map((a) => (i < a.length ? a[i] : null)));
}

/** Dynamic array and bag functions by Kusto name (plus the internal access kernel). */
export const DYNAMIC_FUNCTIONS: Record<string, ScalarKernel> = {
  [DYNAMIC_ACCESS_FUNCTION]: dynamicAccess,
  array_length: onArray((a) => a.length),
  arraylength: onArray((a) => a.length),
  array_reverse: onArray((a) => [...a].reverse()),
  array_sum: onArray(arraySum),
  array_slice: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([a, s, e]) => {
      const start = intOf(s);
      const end = intOf(e);
      return Array.isArray(a) && start !== null && end !== null ? arraySlice(a, start, end) : null;
    }),
  array_concat: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, (values) => {
      const out: DynamicValue[] = [];
      for (const v of values) {
        if (!Array.isArray(v)) return null;
        out.push(...v);
      }
      return out;
    }),
  array_index_of: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([a, value, s, len, occ]) => {
      if (!Array.isArray(a)) return null;
      const start = s === undefined || s === null ? 0 : intOf(s);
      const length = len === undefined || len === null ? -1 : intOf(len);
      const occurrence = occ === undefined || occ === null ? 1 : intOf(occ);
      if (start === null || length === null || occurrence === null) return null;
      return arrayIndexOf(a, value, start, length, occurrence);
    }),
  array_sort_asc: sortKernel(false),
  array_sort_desc: sortKernel(true),
  array_iff: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([c, t, f]) => (Array.isArray(c) ? arrayIff(c, t, f) : null)),
  array_iif: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([c, t, f]) => (Array.isArray(c) ? arrayIff(c, t, f) : null)),
  array_split: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([a, idx]) => {
      if (!Array.isArray(a)) return null;
      const list = Array.isArray(idx) ? idx.map(intOf) : [intOf(idx)];
      if (list.some((i) => i === null)) return null;
      return arraySplit(a, list as number[]);
    }),
  pack_array: (args, call, ctx) => mapDynamic(args, call.type, ctx, (values) => [...values]),
  bag_pack: (args, call, ctx) => mapDynamic(args, call.type, ctx, bagPack),
  pack: (args, call, ctx) => mapDynamic(args, call.type, ctx, bagPack),
  pack_dictionary: (args, call, ctx) => mapDynamic(args, call.type, ctx, bagPack),
  bag_keys: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([b]) => (isBag(b) ? Object.keys(b) : null)),
  bag_merge: (args, call, ctx) => mapDynamic(args, call.type, ctx, bagMerge),
  bag_remove_keys: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([b, keys]) => (isBag(b) && Array.isArray(keys) ? bagRemoveKeys(b, keys) : null)),
  bag_has_key: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([b, key]) => (typeof key === 'string' ? bagHasKey(b, key) : null)),
  set_union: setKernel('union'),
  set_intersect: setKernel('intersect'),
  set_difference: setKernel('difference'),
  set_has_element: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([a, v]) => (Array.isArray(a) ? a.some((e) => dynamicKey(e) === dynamicKey(v)) : null)),
  zip: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, (values) => {
      const arrays: DynamicValue[][] = [];
      for (const v of values) {
        if (!Array.isArray(v)) return null;
        arrays.push(v);
      }
      return zipArrays(arrays);
    }),
};
