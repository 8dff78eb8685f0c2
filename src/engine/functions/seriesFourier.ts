/**
 * `series_fft` / `series_ifft` (series-fft-function.md, series-ifft-function.md): the discrete
 * Fourier transform of a complex series of any length, X[k] = Σ x[t]·e^(−2πi·k·t/N), and its
 * inverse x[t] = (1/N)·Σ X[k]·e^(+2πi·k·t/N). The pages state only that the inverse gives back
 * the original series; the scaling (none forward, 1/N inverse) is the usual convention that
 * satisfies it. Power-of-two lengths use an iterative radix-2 FFT; other lengths use Bluestein's
 * chirp-z method over a power-of-two FFT, so every length costs O(N log N).
 *
 * The imaginary series is optional (zeros); when given it must have the real series' length. A
 * non-numeric element (null, text) makes both results null.
 */
import type { DynamicValue } from '../table/column';
import { numberElement } from './series';
import { numericSeries } from './seriesFit';

/** In-place radix-2 transform of a power-of-two length; `sign` −1 forward, +1 inverse (unscaled). */
function radix2(re: Float64Array, im: Float64Array, sign: number): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const step = (sign * 2 * Math.PI) / size;
    for (let k = 0; k < half; k++) {
      // Twiddle from the angle directly (not by repeated multiplication) to keep rounding small.
      const wr = Math.cos(step * k);
      const wi = Math.sin(step * k);
      for (let start = 0; start < n; start += size) {
        const a = start + k;
        const b = a + half;
        const tr = re[b] * wr - im[b] * wi;
        const ti = re[b] * wi + im[b] * wr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }
  }
}

const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

/** Bluestein's transform of any length via a power-of-two convolution; `sign` as in `radix2`. */
function bluestein(re: Float64Array, im: Float64Array, sign: number): void {
  const n = re.length;
  let m = 1;
  while (m < 2 * n - 1) m <<= 1;
  // Chirp w[k] = e^(sign·πi·k²/n); k² is reduced mod 2n so the angle stays exact for long series.
  const cr = new Float64Array(n);
  const ci = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const angle = (sign * Math.PI * ((k * k) % (2 * n))) / n;
    cr[k] = Math.cos(angle);
    ci[k] = Math.sin(angle);
  }
  const ar = new Float64Array(m);
  const ai = new Float64Array(m);
  for (let k = 0; k < n; k++) {
    // a[k] = x[k]·w[k]
    ar[k] = re[k] * cr[k] - im[k] * ci[k];
    ai[k] = re[k] * ci[k] + im[k] * cr[k];
  }
  const br = new Float64Array(m);
  const bi = new Float64Array(m);
  br[0] = cr[0];
  bi[0] = -ci[0];
  for (let k = 1; k < n; k++) {
    // b[k] = b[m − k] = conj(w[k])
    br[k] = br[m - k] = cr[k];
    bi[k] = bi[m - k] = -ci[k];
  }
  radix2(ar, ai, -1);
  radix2(br, bi, -1);
  for (let k = 0; k < m; k++) {
    const r = ar[k] * br[k] - ai[k] * bi[k];
    ai[k] = ar[k] * bi[k] + ai[k] * br[k];
    ar[k] = r;
  }
  radix2(ar, ai, 1);
  for (let k = 0; k < n; k++) {
    // X[k] = w[k]·(a ⊛ b)[k], with the inverse FFT's 1/m applied here.
    const r = ar[k] / m;
    const i = ai[k] / m;
    re[k] = r * cr[k] - i * ci[k];
    im[k] = r * ci[k] + i * cr[k];
  }
}

/** The discrete Fourier transform in place: forward (unscaled) or inverse (scaled by 1/N). */
export function fourierTransform(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  if (n <= 1) return;
  const sign = inverse ? 1 : -1;
  if (isPowerOfTwo(n)) radix2(re, im, sign);
  else bluestein(re, im, sign);
  if (inverse) {
    for (let k = 0; k < n; k++) {
      re[k] /= n;
      im[k] /= n;
    }
  }
}

/**
 * `series_fft(real [, imaginary])` (`inverse` false) or `series_ifft` (true) for one row: the
 * components `real` and `imag` as dynamic arrays, or null (see the module comment).
 */
export function seriesFourier(real: readonly DynamicValue[], imaginary: DynamicValue | undefined, inverse: boolean): { real: DynamicValue; imag: DynamicValue } | null {
  const re = numericSeries(real);
  if (re === null) return null;
  let im: Float64Array | null;
  if (imaginary === undefined || imaginary === null) im = new Float64Array(re.length);
  else if (Array.isArray(imaginary)) im = numericSeries(imaginary);
  else return null;
  if (im === null || im.length !== re.length) return null;
  fourierTransform(re, im, inverse);
  return { real: Array.from(re, numberElement), imag: Array.from(im, numberElement) };
}
