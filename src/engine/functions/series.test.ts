import { describe, expect, it } from 'vitest';
import { fillConst, fillDirectional, fillLinear, seriesBinary, seriesStats, seriesSum } from './series';
import { cosineSimilarity, dotProduct, fir, fitLine, iir, magnitude, pearson } from './seriesAnalysis';
import { value } from './queryTestKit';

describe('series fill kernels', () => {
  it('fills forward and backward, leaving the edges without a neighbour missing', () => {
    expect(fillDirectional([null, 1, null, null, 4, null], null, false)).toEqual([null, 1, 1, 1, 4, 4]);
    expect(fillDirectional([null, 1, null, null, 4, null], null, true)).toEqual([1, 1, 4, 4, 4, null]);
  });
  it('fills a placeholder value, not only nulls', () => {
    expect(fillConst([1, -1, null, 3], 0, -1)).toEqual([1, 0, null, 3]);
    expect(fillDirectional([5, 0, 0, 7], 0, false)).toEqual([5, 5, 5, 7]);
  });
  it('interpolates linearly (the docs example of doubles)', () => {
    const filled = fillLinear([null, 111.0, null, 36.0, 41.0, null, null, 16.0, 61.0, 33.0, null, null], null, true, 0) as number[];
    expect(filled.map((v) => Math.round(v * 1000) / 1000)).toEqual([111, 111, 73.5, 36, 41, 32.667, 24.333, 16, 61, 33, 33, 33]);
    expect(fillLinear([null, 2, null], null, false, 0)).toEqual([null, 2, null]);
    expect(fillLinear([null, null], null, true, 0)).toEqual([0, 0]);
    expect(fillLinear([null, null], null, true, null)).toEqual([null, null]);
  });
});

describe('series element-wise and summary kernels', () => {
  it('gives null for missing or non-numeric elements and keeps the longer length', () => {
    expect(seriesBinary([1, 2, 3], [10, 'x'], (x, y) => x + y)).toEqual([11, null, null]);
    expect(seriesBinary(2, [1, 2], (x, y) => x * y)).toEqual([2, 4]);
    expect(seriesBinary('a', 'b', (x, y) => x + y)).toBeNull();
  });
  it('computes the statistics of the docs example', () => {
    const stats = seriesStats([23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29], false) as Record<string, number>;
    expect(stats).toMatchObject({ min: 2, min_idx: 8, max: 87, max_idx: 3, avg: 32.8, sum: 492, len: 15 });
    expect(stats.stdev).toBeCloseTo(28.503633853548269, 9);
    expect(stats.variance).toBeCloseTo(812.45714285714291, 9);
  });
  it('gives null statistics for a non-finite element unless told to ignore it', () => {
    expect((seriesStats([1, null, 3], false) as Record<string, unknown>).avg).toBeNull();
    expect((seriesStats([1, null, 3], true) as Record<string, unknown>).avg).toBe(2);
    expect(seriesSum([1, null, 2.5])).toBe(3.5);
  });
});

describe('series analysis kernels', () => {
  it('series_iir with [1] / [1, -1] is a cumulative sum (docs)', () => {
    expect(iir([1, 2, 3, 4], [1], [1, -1])).toEqual([1, 3, 6, 10]);
    expect(iir([1], [1], [0])).toBeNull();
  });
  it('series_fir is a zero-padded convolution, normalized unless a coefficient is negative', () => {
    expect(fir([0, 0, 9, 0, 0], [1, 1, 1], null, false)).toEqual([0, 0, 3, 3, 3]);
    expect(fir([0, 0, 9, 0, 0], [1, 1, 1], null, true)).toEqual([0, 3, 3, 3, 0]);
    expect(fir([0, 2, 2, 3], [1, -1], null, false)).toEqual([0, 2, 0, 1]);
    expect(fir([0, 2], [1, -1], true, false)).toBeNull();
  });
  // The page prints these values cut to three decimals (0.9829 as 0.982), hence two-decimal precision.
  it('series_fit_line_dynamic matches the docs example', () => {
    const fit = fitLine([2, 5, 6, 8, 11, 15, 17, 18, 25, 26, 30, 30]) as Record<string, number>;
    expect(fit.rsquare).toBeCloseTo(0.982, 2);
    expect(fit.slope).toBeCloseTo(2.730, 2);
    expect(fit.variance).toBeCloseTo(98.628, 2);
    expect(fit.rvariance).toBeCloseTo(1.686, 2);
    expect(fit.interception).toBeCloseTo(-1.666, 2);
  });
  it('correlation, dot product, cosine similarity and magnitude match the docs examples', () => {
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 6, 8, 10])).toBeCloseTo(1, 12);
    expect(pearson([1, 2], [1, 2, 3])).toBeNull();
    expect(dotProduct([1, 2, 4], [4, 2, 1])).toBe(12);
    expect(dotProduct([3, 6, 12], 3)).toBe(63);
    expect(dotProduct([], [1])).toBeNull();
    expect(cosineSimilarity([0.1, 0.2, 0.1, 0.2], [0.11, 0.2, 0.11, 0.21], null, null)).toBeCloseTo(0.99935343825504, 12);
    expect(magnitude([1, 2, 3, 4])).toBeCloseTo(5.4772255750516612, 12);
  });
});

describe('series functions through queries', () => {
  it('runs kernels over dynamic columns', () => {
    expect(value('series_add(dynamic([1, 2]), 10)')).toEqual([11, 12]);
    expect(value('series_fill_forward(dynamic([1, null]))')).toEqual([1, 1]);
    expect(value('series_magnitude(dynamic([3, 4]))')).toBe(5);
  });
});
