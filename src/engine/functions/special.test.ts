import { describe, expect, it } from 'vitest';
import { query, scalar, value } from './queryTestKit';

describe('special math functions through queries', () => {
  it('gamma, loggamma, erf, erfc', () => {
    expect(scalar('gamma(5)')).toEqual({ type: 'real', value: 24 });
    expect(value('loggamma(5)')).toBe(3.1780538303479458);
    const rows = query('range x from -3 to 3 step 1 | project erf(x), erfc(x)').rows;
    expect(rows[0][0]).toBeCloseTo(-0.999977909503001, 14);
    expect(rows[3]).toEqual([0, 1]);
    expect(rows[6][1]).toBeCloseTo(2.20904969985854e-5, 18);
    expect(query('T | project gamma(n)').rows.map((r) => r[0])).toEqual([1, null, Number.NaN]);
  });

  it('beta functions with the documented edge cases', () => {
    const rows = query(`datatable(x: real, a: real, b: real) [0.9, 10.0, 20.0, 1.5, 10.0, 20.0, 0.1, -1.0, 20.0]
      | project beta_cdf(x, a, b), beta_pdf(x, a, b), beta_inv(x, a, b)`).rows;
    expect(rows[0][0]).toBeCloseTo(0.999999999999959, 14);
    expect(rows[1]).toEqual([Number.NaN, Number.NaN, null]);
    expect(rows[2]).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    expect(value('beta_inv(0.1, 10, 20)')).toBeCloseTo(0.226415022388749, 12);
    expect(value('beta_pdf(0.5, 10, 20)')).toBeCloseTo(0.746176019310951, 12);
    expect(value('beta_cdf(real(null), 1, 1)')).toBeNull();
  });
});
