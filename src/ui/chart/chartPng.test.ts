import { describe, expect, it } from 'vitest';
import { chartPngFileName } from './chartPng';

describe('chartPngFileName', () => {
  it('names the file chart-yyyyMMdd-HHmmss.png in local time, zero-padded', () => {
    expect(chartPngFileName(new Date(2024, 0, 5, 3, 4, 9))).toBe('chart-20240105-030409.png');
    expect(chartPngFileName(new Date(2031, 11, 31, 23, 59, 58))).toBe('chart-20311231-235958.png');
  });
});
