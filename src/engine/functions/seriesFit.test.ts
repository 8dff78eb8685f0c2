import { describe, expect, it } from 'vitest';
import { bestSplit, fitPoly, fitTwoLines, polynomialCoefficients } from './seriesFit';

/** Reference: residual sum of squares of the least-squares line through (x, y), from the normal equations. */
function lineResidual(x: number[], y: number[]): number {
  const n = x.length;
  const sx = x.reduce((a, b) => a + b, 0);
  const sy = y.reduce((a, b) => a + b, 0);
  const sxx = x.reduce((a, b) => a + b * b, 0);
  const sxy = x.reduce((a, b, i) => a + b * y[i], 0);
  const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  const interception = (sy - slope * sx) / n;
  return y.reduce((a, v, i) => a + (v - slope * x[i] - interception) ** 2, 0);
}

/** Reference: every admissible split tried one by one. */
function bruteForceSplit(y: number[]): number {
  const x = y.map((_, i) => i + 1);
  let best = -1;
  let bestResidual = Infinity;
  for (let k = 2; k <= y.length - 2; k++) {
    const r = lineResidual(x.slice(0, k), y.slice(0, k)) + lineResidual(x.slice(k), y.slice(k));
    if (r < bestResidual - 1e-9) {
      bestResidual = r;
      best = k;
    }
  }
  return best;
}

describe('bestSplit', () => {
  it('agrees with trying every split on noisy series', () => {
    let state = 42;
    const noise = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648 - 0.5;
    };
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + trial * 3;
      const jump = 2 + (trial % (n - 3));
      const y = Array.from({ length: n }, (_, i) => (i < jump ? 100 + 0.5 * i : 300 - 2 * i) + 5 * noise());
      expect(bestSplit(Float64Array.from(y))).toBe(bruteForceSplit(y));
    }
  });
  it('finds a level shift in large values without losing it to cancellation', () => {
    const y = Array.from({ length: 50 }, (_, i) => 1e9 + (i < 30 ? 0 : 10) + (i % 2) * 0.01);
    expect(bestSplit(Float64Array.from(y))).toBe(30);
  });
});

describe('fitTwoLines', () => {
  it('reports each side as series_fit_line would on the same positions', () => {
    const fit = fitTwoLines([0, 1, 0, 1, 5, 7, 9, 11]) as Record<string, unknown>;
    expect(fit.split_idx).toBe(4);
    expect(fit.right_slope).toBeCloseTo(2, 12);
    expect(fit.right_interception).toBeCloseTo(-5, 12);
    expect(fit.right_rsquare).toBe(1);
    // Left [0,1,0,1] at x=1..4: slope 0.2, interception 0.0, residuals -0.2,0.6,-0.6,0.2 -> 0.8; total 1.
    expect(fit.left_slope).toBeCloseTo(0.2, 12);
    expect(fit.left_interception).toBeCloseTo(0, 12);
    expect(fit.left_rsquare).toBeCloseTo(0.2, 12);
    expect(fit.left_rvariance).toBeCloseTo(0.8 / 3, 12);
    expect(fit.left_variance).toBeCloseTo(1 / 3, 12);
    expect(fit.rvariance).toBeCloseTo(0.8 / 7, 12);
  });
  it('needs 4 numeric points', () => {
    expect(fitTwoLines([1, 2, 3])).toBeNull();
    expect(fitTwoLines([1, 2, 'x', 4, 5])).toBeNull();
    expect(fitTwoLines([])).toBeNull();
  });
});

describe('polynomial fits', () => {
  it('recovers a cubic exactly (coefficients lowest power first)', () => {
    const x = Float64Array.from([-2, -1, 0, 0.5, 1, 2, 3]);
    const y = x.map((v) => 4 * v ** 3 - v ** 2 + 0.5 * v - 7);
    const c = polynomialCoefficients(x, y, 3);
    expect(c).not.toBeNull();
    [-7, 0.5, -1, 4].forEach((expected, j) => expect(c?.[j]).toBeCloseTo(expected, 9));
  });
  it('recovers a degree-8 polynomial on [0, 1] (the page advises normalising x)', () => {
    const expected = [3, -1, 0.5, 2, -4, 1, 0, 7, -2]; // highest power first
    const x = Array.from({ length: 40 }, (_, i) => i / 39);
    const y = x.map((v) => expected.reduce((acc, c) => acc * v + c, 0));
    const fit = fitPoly(y, x, 8) as Record<string, unknown>;
    (fit.coefficients as number[]).forEach((c, j) => expect(c).toBeCloseTo(expected[j], 6));
    (fit.poly_fit as number[]).forEach((v, i) => expect(v).toBeCloseTo(y[i], 9));
    expect(fit.rsquare as number).toBeCloseTo(1, 12);
  });
  it('refuses fewer distinct x than coefficients, and bad degrees', () => {
    expect(polynomialCoefficients(Float64Array.from([1, 1, 1, 2]), Float64Array.from([1, 2, 3, 4]), 2)).toBeNull();
    expect(fitPoly([1, 2, 3], null, -1)).toBeNull();
    expect(fitPoly([1, 2, 3], null, 1.5)).toBeNull();
    expect(fitPoly([], null, 1)).toBeNull();
  });
  it('fits a degree-0 polynomial as the mean', () => {
    const fit = fitPoly([1, 2, 6], null, 0) as Record<string, unknown>;
    expect((fit.coefficients as number[])[0]).toBeCloseTo(3, 12);
    expect(fit.rsquare).toBeCloseTo(0, 12);
  });
});
