import { describe, expect, it } from 'vitest';
import { MAX_SAMPLE_SCALE, REPOSITORY_EVENTS_AT_SCALE_1, sampleScaleFromSearch } from './sampleScale';

describe('sampleScaleFromSearch', () => {
  it('is undefined without a rows parameter', () => {
    expect(sampleScaleFromSearch('')).toBeUndefined();
    expect(sampleScaleFromSearch('?seed=3')).toBeUndefined();
    expect(sampleScaleFromSearch('?rows=')).toBeUndefined();
  });

  it('turns a target event count into a scale relative to the default volume', () => {
    expect(sampleScaleFromSearch('?rows=1000000')).toBeCloseTo(1_000_000 / REPOSITORY_EVENTS_AT_SCALE_1, 10);
    expect(sampleScaleFromSearch(`?rows=${REPOSITORY_EVENTS_AT_SCALE_1 / 2}`)).toBe(0.5);
    expect(sampleScaleFromSearch(`?rows=${REPOSITORY_EVENTS_AT_SCALE_1}`)).toBe(1);
  });

  it('accepts digit separators and other parameters around it', () => {
    expect(sampleScaleFromSearch('?x=1&rows=1_000_000&y=2')).toBeCloseTo(1_000_000 / REPOSITORY_EVENTS_AT_SCALE_1, 10);
    expect(sampleScaleFromSearch('?rows=111%2C000')).toBe(2);
  });

  it('ignores values that are not positive numbers', () => {
    for (const bad of ['abc', '-5', '0', 'Infinity', 'NaN', '1e400']) {
      expect(sampleScaleFromSearch(`?rows=${bad}`), bad).toBeUndefined();
    }
  });

  it('caps absurd volumes', () => {
    expect(sampleScaleFromSearch('?rows=1000000000')).toBe(MAX_SAMPLE_SCALE);
  });
});
