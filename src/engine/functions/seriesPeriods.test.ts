import { describe, expect, it } from 'vitest';
import { autocorrelations, detectPeriods, detrended, dominantPeriod, filledNumbers, validatePeriods } from './seriesPeriods';

/** `pattern` repeated to `length` points. */
const repeat = (pattern: number[], length: number): number[] => Array.from({ length }, (_, i) => pattern[i % pattern.length]);

describe('series period helpers', () => {
  it('fills missing elements linearly and edges with the nearest value', () => {
    expect(filledNumbers([null, 2, null, 6, 'x', null])).toEqual([2, 2, 4, 6, 6, 6]);
    expect(filledNumbers([null, 'NaN'])).toBeNull();
  });
  it('removes the least-squares line', () => {
    expect(detrended([3, 5, 7, 9]).map((v) => Math.abs(v) < 1e-12)).toEqual([true, true, true, true]);
    expect(detrended([1, 3, 1, 3])).toEqual([-0.4, 1.2, -1.2, 0.4].map((v) => expect.closeTo(v, 12)));
  });
  it('has autocorrelation 1 at lag 0 and -1 at lag 1 for an alternating series', () => {
    const acf = autocorrelations([1, -1, 1, -1, 1, -1]);
    expect(acf[0]).toBeCloseTo(1, 12);
    expect(acf[1]).toBeCloseTo(-1, 12);
    expect(acf[2]).toBeCloseTo(1, 12);
  });
});

describe('detectPeriods', () => {
  const weekly = repeat([5, 9, 9, 8, 9, 2, 1], 42);
  it('finds a repeating period once, not its multiples, and pads with zeros', () => {
    const { periods, scores } = detectPeriods(weekly, 0, 100, 3);
    expect(periods).toEqual([7, 0, 0]);
    expect(scores[0]).toBeGreaterThan(0.9);
    expect(scores[0]).toBeLessThanOrEqual(1);
    expect(scores.slice(1)).toEqual([0, 0]);
  });
  it('finds the period under a linear trend', () => {
    expect(detectPeriods(weekly.map((v, i) => v + i * 0.5), 0, 100, 1).periods).toEqual([7]);
  });
  it('searches only between min_period and max_period', () => {
    expect(detectPeriods(weekly, 8, 100, 1).periods).toEqual([0]);
    expect(detectPeriods(weekly, 0, 6, 1).periods).toEqual([0]);
  });
  it('never reports a period below 4 bins or above half the length', () => {
    expect(detectPeriods(repeat([1, 9, 4], 30), 0, 100, 2).periods).toEqual([0, 0]);
    expect(detectPeriods(repeat([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 15), 0, 100, 1).periods).toEqual([0]);
  });
  it('gives zeros for a constant or empty series and nothing for num_periods 0', () => {
    expect(detectPeriods(repeat([4], 40), 0, 100, 2)).toEqual({ periods: [0, 0], scores: [0, 0] });
    expect(detectPeriods([], 0, 100, 1)).toEqual({ periods: [0], scores: [0] });
    expect(detectPeriods(weekly, 0, 100, 0)).toEqual({ periods: [], scores: [] });
  });
  it('finds the weekly period of the traffic series of series-periods-detect-function.md and nothing else', () => {
    // The page: "a detected pattern that is 14 point long ... The other value is zero".
    const traffic = [80, 139, 87, 110, 68, 54, 50, 51, 53, 133, 86, 141, 97, 156, 94, 149, 95, 140, 77, 61, 50, 54, 47, 133, 72, 152, 94, 148, 105, 162,
      101, 160, 87, 63, 53, 55, 54, 151, 103, 189, 108, 183, 113, 175, 113, 178, 90, 71, 62, 62, 65, 165, 109, 181, 115, 182, 121, 178, 114, 170];
    const { periods, scores } = detectPeriods(traffic, 0, 50, 2);
    expect(periods).toEqual([14, 0]);
    expect(scores[0]).toBeGreaterThan(0.7);
    expect(scores[1]).toBe(0);
  });
});

describe('validatePeriods and dominantPeriod', () => {
  const series = repeat([5, 9, 9, 8, 9, 2, 1], 42);
  it('scores a true period high and a wrong one 0, echoing the periods', () => {
    const { periods, scores } = validatePeriods(series, [7, 5]);
    expect(periods).toEqual([7, 5]);
    expect(scores[0]).toBeGreaterThan(0.9);
    expect(scores[1]).toBe(0);
  });
  it('scores 0 outside [4, n/2] and for a null period', () => {
    expect(validatePeriods(series, [3, 22, null]).scores).toEqual([0, 0, 0]);
  });
  it('detects the dominant period only above the threshold', () => {
    expect(dominantPeriod(series, 0.7)).toBe(7);
    expect(dominantPeriod(repeat([1, 3, 5, 2, 4, 6], 12), 0.7)).toBe(0);
  });
});
