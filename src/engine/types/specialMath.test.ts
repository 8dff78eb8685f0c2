import { describe, expect, it } from 'vitest';
import { betaCdf, betaInv, betaPdf, erf, erfc, gamma, logGamma } from './specialMath';

/** Relative closeness, for values whose magnitude varies. */
function expectRelative(actual: number | null, expected: number, tolerance = 1e-13): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(Math.abs(expected) * tolerance);
}

describe('gamma and loggamma', () => {
  it('gives exact factorials and known half-integer values', () => {
    expect(gamma(5)).toBe(24);
    expect(gamma(1)).toBe(1);
    expectRelative(gamma(0.5), Math.sqrt(Math.PI));
    expectRelative(gamma(1.5), 0.886226925452758);
    expectRelative(gamma(-0.5), -2 * Math.sqrt(Math.PI));
    expect(gamma(0)).toBeNaN();
    expect(gamma(-2)).toBeNaN();
    expect(gamma(200)).toBe(Infinity);
  });

  it('loggamma matches the docs and ln|gamma|', () => {
    expect(logGamma(5)).toBe(3.1780538303479458);
    expectRelative(logGamma(0.5), 0.5723649429247001);
    expectRelative(logGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)));
    expectRelative(logGamma(200), 857.9336698258574);
  });
});

describe('erf and erfc', () => {
  it('matches the documented table', () => {
    const docs: [number, number, number][] = [
      [1, 0.842700792949715, 0.157299207050285],
      [2, 0.995322265018953, 0.00467773498104727],
      [3, 0.999977909503001, 2.20904969985854e-5],
    ];
    for (const [x, e, c] of docs) {
      expectRelative(erf(x), e, 1e-14);
      expectRelative(erf(-x), -e, 1e-14);
      expectRelative(erfc(x), c, 1e-13);
      expectRelative(erfc(-x), 2 - c, 1e-14);
    }
    expect(erf(0)).toBe(0);
    expect(erfc(0)).toBe(1);
  });

  it('keeps precision in the tail', () => {
    expectRelative(erfc(5), 1.5374597944280349e-12, 1e-12);
    expectRelative(erf(0.5), 0.5204998778130465);
    expect(erf(10)).toBe(1);
  });
});

describe('beta distribution', () => {
  it('matches the documented examples', () => {
    expectRelative(betaCdf(0.9, 10, 20), 0.999999999999959, 1e-14);
    expectRelative(betaInv(0.1, 10, 20), 0.226415022388749, 1e-12);
    expectRelative(betaPdf(0.5, 10, 20), 0.746176019310951, 1e-12);
  });

  it('NaN outside the domain; beta_inv of an invalid probability is null', () => {
    expect(betaCdf(1.5, 10, 20)).toBeNaN();
    expect(betaCdf(-10, 10, 20)).toBeNaN();
    expect(betaCdf(0.1, -1, 20)).toBeNaN();
    expect(betaPdf(1.5, 10, 20)).toBeNaN();
    expect(betaInv(1.5, 10, 20)).toBeNull();
    expect(betaInv(0.1, -1, 20)).toBeNaN();
  });

  it('uniform and symmetric cases', () => {
    expectRelative(betaCdf(0.3, 1, 1), 0.3);
    expectRelative(betaCdf(0.5, 2, 2), 0.5);
    expectRelative(betaPdf(0.3, 1, 1), 1);
    expectRelative(betaInv(betaCdf(0.42, 3, 5), 3, 5), 0.42, 1e-12);
  });
});
