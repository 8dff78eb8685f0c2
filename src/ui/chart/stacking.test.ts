import { describe, expect, it } from 'vitest';
import { accumulateRows, normalizeStacked100, rawValueKey, type PivotRow } from './stacking';

describe('normalizeStacked100', () => {
  it('turns each x into shares that add up to 100 and keeps the raw values', () => {
    const rows: PivotRow[] = [{ x: 1, a: 30, b: 10 }, { x: 2, a: 1, b: 3, c: 4 }];
    const out = normalizeStacked100(rows, ['a', 'b']);
    expect(out[0].a).toBeCloseTo(75);
    expect(out[0].b).toBeCloseTo(25);
    expect(out[0][rawValueKey('a')]).toBe(30);
    expect(out[1].a).toBeCloseTo(25);
    expect(out[1].b).toBeCloseTo(75);
    // A series outside `keys` (hidden) is neither counted nor changed.
    expect(out[1].c).toBe(4);
    expect(rows[0].a).toBe(30); // the input is not modified
  });
  it('uses absolute values, leaves missing values missing and an all-zero x empty', () => {
    const rows: PivotRow[] = [{ x: 'p', a: -1, b: 3 }, { x: 'q', a: 0, b: 0 }, { x: 'r', a: null, b: 5 }];
    const out = normalizeStacked100(rows, ['a', 'b']);
    expect(out[0].a).toBeCloseTo(25);
    expect(out[1].a).toBeNull();
    expect(out[1][rawValueKey('b')]).toBe(0);
    expect(out[2].a).toBeNull();
    expect(out[2].b).toBeCloseTo(100);
  });
});

describe('accumulateRows', () => {
  it('gives running totals per series in row order, skipping gaps', () => {
    const out = accumulateRows([{ x: 1, a: 2, b: 1 }, { x: 2, a: 3 }, { x: 3, a: null, b: 4 }, { x: 4, a: 5, b: 0 }], ['a', 'b']);
    expect(out.map((r) => [r.a, r.b])).toEqual([[2, 1], [5, undefined], [null, 5], [10, 5]]);
  });
});
