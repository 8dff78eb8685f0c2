import { describe, expect, it } from 'vitest';
import { formatBytes } from './formatBytes';
import { percentOf } from './LoadProgress';

describe('formatBytes', () => {
  it('picks the largest decimal unit that keeps the number at least 1', () => {
    expect(formatBytes(812, 'en')).toBe('812 bytes');
    expect(formatBytes(3_400, 'en')).toBe('3.4 kB');
    expect(formatBytes(1_250_000, 'en')).toBe('1.3 MB');
    expect(formatBytes(7_000_000_000, 'en')).toBe('7 GB');
  });

  it('treats negative counts as zero', () => {
    expect(formatBytes(-5, 'en')).toBe('0 bytes');
  });
});

describe('percentOf', () => {
  it('is a whole percentage, 0 when the total is unknown', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(5, 5)).toBe(100);
    expect(percentOf(9, 0)).toBe(0);
    expect(percentOf(12, 10)).toBe(100);
  });
});
