import { describe, expect, it } from 'vitest';
import { fourierTransform, seriesFourier } from './seriesFourier';

/** Reference: the DFT summed term by term, straight from its definition. */
function naiveDft(re: number[], im: number[], inverse: boolean): { re: number[]; im: number[] } {
  const n = re.length;
  const sign = inverse ? 1 : -1;
  const outRe: number[] = [];
  const outIm: number[] = [];
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let t = 0; t < n; t++) {
      const angle = (sign * 2 * Math.PI * k * t) / n;
      sr += re[t] * Math.cos(angle) - im[t] * Math.sin(angle);
      si += re[t] * Math.sin(angle) + im[t] * Math.cos(angle);
    }
    outRe.push(inverse ? sr / n : sr);
    outIm.push(inverse ? si / n : si);
  }
  return { re: outRe, im: outIm };
}

/** A deterministic pseudo-random series (no Math.random, so a failure reproduces). */
function series(length: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  });
}

describe('fourierTransform', () => {
  for (const n of [1, 2, 3, 5, 6, 7, 8, 12, 16, 31, 100]) {
    it(`matches the DFT's definition for length ${n}, both directions`, () => {
      const re = series(n, n);
      const im = series(n, n + 1000);
      for (const inverse of [false, true]) {
        const expected = naiveDft(re, im, inverse);
        const outRe = Float64Array.from(re);
        const outIm = Float64Array.from(im);
        fourierTransform(outRe, outIm, inverse);
        for (let k = 0; k < n; k++) {
          expect(outRe[k]).toBeCloseTo(expected.re[k], 9);
          expect(outIm[k]).toBeCloseTo(expected.im[k], 9);
        }
      }
    });
  }
  it('round-trips a long series of awkward length', () => {
    const re = series(1000, 7);
    const outRe = Float64Array.from(re);
    const outIm = new Float64Array(1000);
    fourierTransform(outRe, outIm, false);
    fourierTransform(outRe, outIm, true);
    for (let t = 0; t < 1000; t++) {
      expect(outRe[t]).toBeCloseTo(re[t], 10);
      expect(outIm[t]).toBeCloseTo(0, 10);
    }
  });
  it('puts a sine of period 8 over 128 points at bins 16 and 112 with magnitude 64', () => {
    const re = Float64Array.from({ length: 128 }, (_, t) => Math.sin((2 * Math.PI * t) / 8));
    const im = new Float64Array(128);
    fourierTransform(re, im, false);
    expect(Math.hypot(re[16], im[16])).toBeCloseTo(64, 9);
    expect(Math.hypot(re[112], im[112])).toBeCloseTo(64, 9);
    expect(Math.hypot(re[15], im[15])).toBeCloseTo(0, 9);
  });
});

describe('seriesFourier', () => {
  it('treats a missing imaginary part as zeros and keeps NaN as text', () => {
    expect(seriesFourier([2, 0], undefined, false)).toEqual({ real: [2, 2], imag: [0, 0] });
    expect(seriesFourier([2, 0], null, true)).toEqual({ real: [1, 1], imag: [0, 0] });
    expect(seriesFourier(['NaN', 1], undefined, false)).toEqual({ real: ['NaN', 'NaN'], imag: [0, 0] });
  });
  it('gives null for a text element, a non-array imaginary part, or mismatched lengths', () => {
    expect(seriesFourier([1, 'x'], undefined, false)).toBeNull();
    expect(seriesFourier([1, 2], [1], false)).toBeNull();
    expect(seriesFourier([1, 2], 5, false)).toBeNull();
  });
});
