/**
 * `hash(x[, mod])` and `hash_xxhash64(x[, mod])`: xxHash64 (seed 0) of the value's bytes as a
 * signed long. Bytes checked against the docs: a string's UTF-8 text, a datetime's .NET ticks
 * (since 0001-01-01) as 8 little-endian bytes. Other types follow the same scheme (timespan
 * ticks, bool, int and long as 8-byte little-endian integers, real as an 8-byte double, guid
 * and dynamic as their text); those are not confirmed by a documented example.
 * `mod` gives the unsigned hash modulo `mod` (0 .. mod-1); a non-positive mod gives null.
 * The hash itself exceeds 2^53, so it is rounded in the engine's double-based longs; the
 * `mod` form is computed exactly first.
 */
import type { Column } from '../table/column';
import { utf8Bytes } from '../types/digest';
import { DATETIME_BASE_DOTNET_TICKS } from '../types/scalarType';
import { xxHash64 } from '../types/xxhash64';
import type { ScalarKernel } from './kernel';
import type { Scalar } from './vector';
import { mapValues } from './vector';


function int64Bytes(value: bigint): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, BigInt.asIntN(64, value), true);
  return bytes;
}

/** The bytes `hash()` reads for a value of the column's type. */
function bytesOf(type: Column['type'], value: Scalar): Uint8Array | null {
  if (value === null) return null;
  switch (type) {
    case 'string':
    case 'guid':
    case 'dynamic':
      return utf8Bytes(typeof value === 'string' ? value : JSON.stringify(value));
    case 'datetime':
      return typeof value === 'number' ? int64Bytes(BigInt(Math.round(value)) + DATETIME_BASE_DOTNET_TICKS) : null;
    case 'timespan':
    case 'int':
    case 'long':
    case 'decimal':
    case 'bool':
      if (typeof value === 'boolean') return int64Bytes(value ? 1n : 0n);
      return typeof value === 'number' && Number.isFinite(value) ? int64Bytes(BigInt(Math.trunc(value))) : null;
    case 'real': {
      if (typeof value !== 'number') return null;
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setFloat64(0, value, true);
      return bytes;
    }
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** Kusto's `hash(value[, mod])` over already typed input: signed xxHash64, or unsigned hash % mod. */
export function kustoHash(type: Column['type'], value: Scalar, mod?: number): bigint | null {
  const bytes = bytesOf(type, value);
  if (bytes === null) return null;
  const unsigned = xxHash64(bytes);
  if (mod === undefined) return BigInt.asIntN(64, unsigned);
  if (!Number.isFinite(mod) || Math.trunc(mod) <= 0) return null;
  return unsigned % BigInt(Math.trunc(mod));
}

const hashKernel: ScalarKernel = (args, call, ctx) => {
  const type = args[0].type;
  return mapValues(args.length > 1 ? [args[0], args[1]] : [args[0]], call.type, ctx, ([v, m]) => {
    const h = kustoHash(type, v, args.length > 1 ? (typeof m === 'number' ? m : NaN) : undefined);
    return h === null ? null : Number(h);
  });
};

/** Hash functions by Kusto name. */
export const HASHING_FUNCTIONS: Record<string, ScalarKernel> = {
  hash: hashKernel,
  hash_xxhash64: hashKernel,
};
