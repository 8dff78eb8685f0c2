/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) with the
 * helpers the sample generator needs. Same seed, same sequence, on every JS engine:
 * only 32-bit integer arithmetic (`Math.imul`, `>>> 0`) is used for the state.
 */

const HEX = '0123456789abcdef';
const HEX_CODES: readonly number[] = Array.from(HEX, (c) => c.charCodeAt(0));
const DASH = '-'.charCodeAt(0);
/** Scratch char codes of one GUID (8-4-4-4-12). */
const GUID_CHARS: number[] = new Array<number>(36).fill(0);

/** splitmix32: spreads one 32-bit seed over the four sfc32 state words. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Mixes a seed with a stream name, so independent parts of the generator get independent streams. */
export function deriveSeed(seed: number, stream: string): number {
  let h = (Math.floor(seed) ^ 0x2545f491) >>> 0;
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0;
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
}

/** A seeded random source. Not cryptographic; made for reproducible sample data. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const init = splitmix32(seed);
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** The next 32-bit unsigned integer (sfc32). */
  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max] (both included). */
  intBetween(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** An index drawn with the given (non-negative, not all zero) weights. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** A standard normal deviate (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A log-normal value with the given median and log-space spread. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A Poisson count with mean `lambda` (Knuth for small means, a rounded normal for large ones). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 40) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** `bytes * 2` lower-case hex digits (built from char codes: one flat string, no cons-string tree). */
  hex(bytes: number): string {
    const chars = new Array<number>(bytes * 2);
    for (let i = 0; i < bytes; i += 4) {
      const word = this.uint32();
      const take = Math.min(4, bytes - i);
      for (let j = 0; j < take; j++) {
        const byte = (word >>> (j * 8)) & 255;
        chars[(i + j) * 2] = HEX_CODES[byte >> 4];
        chars[(i + j) * 2 + 1] = HEX_CODES[byte & 15];
      }
    }
    return String.fromCharCode(...chars);
  }

  /**
   * A random (version 4 shaped) GUID in lower case. It runs once per log row, so it is
   * built from char codes in one go: concatenating ~20 pieces leaves a V8 cons-string
   * tree behind every value (hundreds of bytes each over a million rows).
   */
  guid(): string {
    const out = GUID_CHARS;
    let k = 0;
    for (let w = 0; w < 4; w++) {
      const word = this.uint32();
      for (let shift = 28; shift >= 0; shift -= 4) {
        if (k === 8 || k === 13 || k === 18 || k === 23) out[k++] = DASH;
        let nibble = (word >>> shift) & 15;
        if (k === 14) nibble = 4; // version
        else if (k === 19) nibble = 8 | (nibble & 3); // variant 10xx
        out[k++] = HEX_CODES[nibble];
      }
    }
    return String.fromCharCode(...out);
  }

  /** A manifest digest: `sha256:` and 64 hex digits. */
  digest(): string {
    return `sha256:${this.hex(32)}`;
  }
}
