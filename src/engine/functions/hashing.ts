/**
 * `hash(x[, mod])` and `hash_xxhash64(x[, mod])`: xxHash64 (seed 0) of the value's bytes as a
 * signed long. Bytes checked against the docs: a string's UTF-8 text, a datetime's .NET ticks
 * (since 0001-01-01) as 8 little-endian bytes. Other types follow the same scheme (timespan
 * ticks, bool, int and long as 8-byte little-endian integers, real as an 8-byte double, guid
 * and dynamic as their text); those are not confirmed by a documented example.
 * `mod` gives the unsigned hash modulo `mod` (0 .. mod-1); a non-positive mod gives null.
 * The hash is a full 64-bit value: it comes out as an exact long (`NumericColumn.exact`), and a
 * long argument is hashed from its exact value.
 */
import type { Column } from '../table/column';
import { utf8Bytes } from '../types/digest';
import { DATETIME_BASE_DOTNET_TICKS } from '../types/scalarType';
import { xxHash64 } from '../types/xxhash64';
import type { ScalarKernel } from './kernel';
import type { Scalar } from './vector';
import { at } from './vector';
import { int64At, mapExactLong } from './exactLongFunctions';


function int64Bytes(value: bigint): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, BigInt.asIntN(64, value), true);
  return bytes;
}

/** The bytes `hash()` reads for a value of the column's type. */
function bytesOf(type: Column['type'], value: Scalar | bigint): Uint8Array | null {
  if (value === null) return null;
  if (typeof value === 'bigint') return int64Bytes(value);
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
export function kustoHash(type: Column['type'], value: Scalar | bigint, mod?: number): bigint | null {
  const bytes = bytesOf(type, value);
  if (bytes === null) return null;
  const unsigned = xxHash64(bytes);
  if (mod === undefined) return BigInt.asIntN(64, unsigned);
  if (!Number.isFinite(mod) || Math.trunc(mod) <= 0) return null;
  return unsigned % BigInt(Math.trunc(mod));
}

const hashKernel: ScalarKernel = (args, _call, ctx) => {
  const [input, modulo] = args;
  const type = input.type;
  return mapExactLong(args, ctx, (i) => {
    const value = input.kind === 'number' && input.exact !== undefined ? int64At(input, i) : at(input, i);
    const m = modulo === undefined ? undefined : at(modulo, i);
    return kustoHash(type, value, modulo === undefined ? undefined : typeof m === 'number' ? m : NaN);
  });
};

/** Hash functions by Kusto name. */
export const HASHING_FUNCTIONS: Record<string, ScalarKernel> = {
  hash: hashKernel,
  hash_xxhash64: hashKernel,
};
