/**
 * xxHash64 (Yann Collet's public algorithm, seed 0 by default) over bytes, in BigInt
 * arithmetic modulo 2^64. Kusto's `hash()` / `hash_xxhash64()` hash a value's bytes with it.
 */

const MASK = (1n << 64n) - 1n;
const P1 = 0x9e3779b185ebca87n;
const P2 = 0xc2b2ae3d27d4eb4fn;
const P3 = 0x165667b19e3779f9n;
const P4 = 0x85ebca77c2b2ae63n;
const P5 = 0x27d4eb2f165667c5n;

function rotl(x: bigint, r: bigint): bigint {
  return ((x << r) | (x >> (64n - r))) & MASK;
}

function round(acc: bigint, lane: bigint): bigint {
  return (rotl((acc + lane * P2) & MASK, 31n) * P1) & MASK;
}

function mergeRound(acc: bigint, v: bigint): bigint {
  return (((acc ^ round(0n, v)) * P1) + P4) & MASK;
}

function lane64(view: DataView, at: number): bigint {
  return view.getBigUint64(at, true);
}

/** The unsigned 64-bit xxHash64 of `bytes`. */
export function xxHash64(bytes: Uint8Array, seed = 0n): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = bytes.length;
  let at = 0;
  let acc: bigint;
  if (length >= 32) {
    let v1 = (seed + P1 + P2) & MASK;
    let v2 = (seed + P2) & MASK;
    let v3 = seed & MASK;
    let v4 = (seed - P1) & MASK;
    for (; at + 32 <= length; at += 32) {
      v1 = round(v1, lane64(view, at));
      v2 = round(v2, lane64(view, at + 8));
      v3 = round(v3, lane64(view, at + 16));
      v4 = round(v4, lane64(view, at + 24));
    }
    acc = (rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n)) & MASK;
    acc = mergeRound(acc, v1);
    acc = mergeRound(acc, v2);
    acc = mergeRound(acc, v3);
    acc = mergeRound(acc, v4);
  } else {
    acc = (seed + P5) & MASK;
  }
  acc = (acc + BigInt(length)) & MASK;
  for (; at + 8 <= length; at += 8) {
    acc ^= round(0n, lane64(view, at));
    acc = ((rotl(acc, 27n) * P1) + P4) & MASK;
  }
  if (at + 4 <= length) {
    acc ^= (BigInt(view.getUint32(at, true)) * P1) & MASK;
    acc = ((rotl(acc, 23n) * P2) + P3) & MASK;
    at += 4;
  }
  for (; at < length; at++) {
    acc ^= (BigInt(bytes[at]) * P5) & MASK;
    acc = (rotl(acc, 11n) * P1) & MASK;
  }
  acc ^= acc >> 33n;
  acc = (acc * P2) & MASK;
  acc ^= acc >> 29n;
  acc = (acc * P3) & MASK;
  acc ^= acc >> 32n;
  return acc;
}
