import { describe, expect, it } from 'vitest';
import { decompose, decomposeAnomaliesTuple, outlierScores } from './seriesDecompose';

describe('decompose', () => {
  it('takes the median per phase as the seasonal component and the mean of the rest as the trend', () => {
    // Phase 0: 1, 3, 2 -> median 2; phase 1: 10, 10, 40 -> median 10. Deseasonal: -1, 0, 1, 0, 0, 30 -> mean 5.
    const d = decompose([1, 10, 3, 10, 2, 40], { seasonality: 2, trend: 'avg', testPoints: 0, threshold: 0.6 });
    expect(d?.seasonal).toEqual([2, 10, 2, 10, 2, 10]);
    expect(d?.trend).toEqual([5, 5, 5, 5, 5, 5]);
    expect(d?.baseline).toEqual([7, 15, 7, 15, 7, 15]);
    expect(d?.residual).toEqual([-6, -5, -4, -5, -5, 25]);
  });
  it('fits a line over the learning points and extends it over the test points', () => {
    const d = decompose([2, 4, 6, 8, 0, 0], { seasonality: 0, trend: 'linefit', testPoints: 2, threshold: 0.6 });
    expect(d?.trend.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([2, 4, 6, 8, 10, 12]);
    expect(d?.seasonal).toEqual([0, 0, 0, 0, 0, 0]);
  });
  it('gives baseline 0 and residual x without seasonality or trend', () => {
    const d = decompose([3, 1, 4], { seasonality: 0, trend: 'none', testPoints: 0, threshold: 0.6 });
    expect(d?.baseline).toEqual([0, 0, 0]);
    expect(d?.residual).toEqual([3, 1, 4]);
  });
  it('detects the period when asked to (-1)', () => {
    const x = Array.from({ length: 35 }, (_, i) => [5, 9, 9, 8, 9, 2, 1][i % 7]);
    expect(decompose(x, { seasonality: -1, trend: 'avg', testPoints: 0, threshold: 0.6 })?.residual.every((r) => Math.abs(r) < 1e-9)).toBe(true);
  });
});

describe('outlierScores', () => {
  it('scores by Tukey fences of the 25th/75th percentiles', () => {
    // [1..9, 100]: 25th percentile 3.25, 75th 7.75 (linear between ranks), range 4.5.
    const scores = outlierScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 'tukey', null, 10, 90) as number[];
    expect(scores[9]).toBeCloseTo((100 - 7.75) / 4.5, 9);
    expect(scores[0]).toBeCloseTo((1 - 3.25) / 4.5, 9);
    expect(scores[4]).toBe(0);
  });
  it('gives 0 to nulls and the ignore value, and null for an unknown kind or bad percentiles', () => {
    const scores = outlierScores([null, -1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50], 'ctukey', -1, 10, 90) as number[];
    expect(scores[0]).toBe(0);
    expect(scores[1]).toBe(0);
    // 10th percentile 2, 90th 10 (linear between ranks): 50 is (50 - 10) / 8 = 5 ranges above.
    expect(scores[12]).toBeCloseTo(5, 9);
    expect(outlierScores([1, 2], 'other', null, 10, 90)).toBeNull();
    expect(outlierScores([1, 2], 'ctukey', null, 1, 90)).toBeNull();
  });
});

describe('decomposeAnomaliesTuple', () => {
  it('flags residual outliers beyond the threshold up and down', () => {
    const x = [10, 11, 10, 12, 11, 10, 40, 11, 10, 12, 11, -20, 10, 11];
    const bag = decomposeAnomaliesTuple(x, [1.5, 0, 'avg']) as { ad_flag: number[] };
    expect(bag.ad_flag[6]).toBe(1);
    expect(bag.ad_flag[11]).toBe(-1);
    expect(bag.ad_flag.filter((f) => f !== 0)).toHaveLength(2);
  });
  it('gives null for an unknown trend', () => {
    expect(decomposeAnomaliesTuple([1, 2, 3], [1.5, 0, 'cubic'])).toBeNull();
  });
});
