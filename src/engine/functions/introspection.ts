/** Functions about values themselves: gettype and new_guid. */
import type { Column } from '../table/column';
import type { ScalarKernel } from './kernel';
import { POLL_MASK, at, pollCancel, resultLength, writerFor } from './vector';

/** Kusto's runtime type name of a dynamic value (`int`, `long`, `real`, `string`, `bool`, `array`, `dictionary`, `null`). */
export function dynamicTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      if (!Number.isInteger(v)) return 'real';
      return v >= -2147483648 && v <= 2147483647 ? 'int' : 'long';
    default:
      return 'dictionary';
  }
}

/** `gettype(x)`: the column's type for scalar columns, the runtime type of each value for dynamic ones. */
const getType: ScalarKernel = (args, call, ctx) => {
  const source: Column = args[0];
  if (source.kind !== 'dynamic') {
    const w = writerFor(call.type, 1);
    w.set(0, source.type);
    return w.finish();
  }
  const n = resultLength(args, ctx.rowCount);
  const w = writerFor(call.type, n);
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(ctx.cancel);
    w.set(i, dynamicTypeName(at(source, i)));
  }
  return w.finish();
};

/** A random version-4 guid. */
export function randomGuid(): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Introspection functions by Kusto name. */
export const INTROSPECTION_FUNCTIONS: Record<string, ScalarKernel> = {
  gettype: getType,
  new_guid: (_args, call, ctx) => {
    const w = writerFor(call.type, ctx.rowCount);
    for (let i = 0; i < ctx.rowCount; i++) w.set(i, randomGuid());
    return w.finish();
  },
};
