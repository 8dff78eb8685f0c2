import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../../engine/table/builder';
import { createCellFormatter, formatDatetimeTicks, formatDynamic, formatTimespanTicks, fractionDigitsOf, isRightAligned } from './formatCell';
import { datetimeTicksOfMs } from '../../state/datetimeTicks';

const MS = 10_000; // ticks per millisecond
const en = createCellFormatter('en');

describe('formatDatetimeTicks', () => {
  it('prints ISO 8601 UTC with milliseconds', () => {
    expect(formatDatetimeTicks(datetimeTicksOfMs(Date.UTC(2024, 4, 1, 13, 2, 11, 456)))).toBe('2024-05-01T13:02:11.456Z');
    expect(formatDatetimeTicks(0)).toBe('2020-01-01T00:00:00.000Z'); // ticks count from 2020
  });
  // Ticks count from 2020, so every datetime from 1991-07 to 2048-06 is exact to the tick (odd counts too).
  it('keeps all seven digits when there are sub-millisecond ticks', () => {
    expect(formatDatetimeTicks(datetimeTicksOfMs(Date.UTC(2024, 4, 1, 13, 2, 11, 456)) + 7891)).toBe('2024-05-01T13:02:11.4567891Z');
    expect(formatDatetimeTicks(datetimeTicksOfMs(Date.UTC(2026, 0, 1)) + 1)).toBe('2026-01-01T00:00:00.0000001Z');
    expect(formatDatetimeTicks(datetimeTicksOfMs(Date.UTC(1995, 0, 1)) + 1)).toBe('1995-01-01T00:00:00.0000001Z');
    expect(formatDatetimeTicks(datetimeTicksOfMs(Date.UTC(2048, 0, 1)) + 3)).toBe('2048-01-01T00:00:00.0000003Z');
  });
  it('handles dates before the epoch', () => {
    expect(formatDatetimeTicks(datetimeTicksOfMs(Date.UTC(1969, 11, 31, 23, 59, 59, 999)))).toBe('1969-12-31T23:59:59.999Z');
  });
});

describe('formatTimespanTicks', () => {
  it('prints [d.]hh:mm:ss[.fffffff]', () => {
    expect(formatTimespanTicks(0)).toBe('00:00:00');
    expect(formatTimespanTicks(90 * 60 * 10_000_000)).toBe('01:30:00');
    expect(formatTimespanTicks(((26 * 60 + 3) * 60 + 4) * 10_000_000 + 5_000_000)).toBe('1.02:03:04.5000000');
    expect(formatTimespanTicks(-1500 * MS)).toBe('-00:00:01.5000000');
  });
});

describe('formatDynamic', () => {
  it('prints compact JSON, bare strings without quotes, null as empty', () => {
    expect(formatDynamic({ a: [1, 'x'], b: null })).toBe('{"a":[1,"x"],"b":null}');
    expect(formatDynamic('text')).toBe('text');
    expect(formatDynamic(null)).toBe('');
    expect(formatDynamic(true)).toBe('true');
  });
});

describe('fractionDigitsOf', () => {
  it('counts the digits of the shortest round-trip text', () => {
    expect(fractionDigitsOf(0.1)).toBe(1);
    expect(fractionDigitsOf(42)).toBe(0);
    expect(fractionDigitsOf(1.5e-7)).toBe(8);
    expect(fractionDigitsOf(1e21)).toBe(0);
    expect(fractionDigitsOf(-2.25)).toBe(2);
  });
});

describe('createCellFormatter', () => {
  const table = tableFromRows(
    'T',
    [
      { name: 'b', type: 'bool' },
      { name: 'l', type: 'long' },
      { name: 'r', type: 'real' },
      { name: 't', type: 'datetime' },
      { name: 'ts', type: 'timespan' },
      { name: 's', type: 'string' },
      { name: 'g', type: 'guid' },
      { name: 'd', type: 'dynamic' },
    ],
    [
      [1, 1234567890123, 0.1 + 0.2, datetimeTicksOfMs(Date.UTC(2024, 1, 29)), 10_000_000, 'hello', '6b1d6c6e-0000-4000-8000-000000000001', { k: 'v' }],
      [null, null, null, null, null, null, null, null],
      [0, -5, 1e21, datetimeTicksOfMs(Date.UTC(2024, 1, 29, 0, 0, 0, 1)), 0, '', null, [1, 2]],
    ],
  );
  const cell = (col: number, row: number): string => en.format(table.columns[col], row);

  it('formats every type of a real table', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((c) => cell(c, 0))).toEqual([
      'true',
      '1234567890123',
      '0.30000000000000004',
      '2024-02-29T00:00:00.000Z',
      '00:00:01',
      'hello',
      '6b1d6c6e-0000-4000-8000-000000000001',
      '{"k":"v"}',
    ]);
  });
  it('prints null as the empty string for every type', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((c) => cell(c, 1))).toEqual(['', '', '', '', '', '', '', '']);
  });
  it('prints false, negatives and large reals without grouping or exponent', () => {
    expect(cell(0, 2)).toBe('false');
    expect(cell(1, 2)).toBe('-5');
    expect(cell(2, 2)).toBe('1000000000000000000000');
    expect(cell(3, 2)).toBe('2024-02-29T00:00:00.001Z');
    expect(cell(7, 2)).toBe('[1,2]');
  });
  it('prints non-finite reals as Kusto does', () => {
    expect(en.formatNumber(Number.NaN, 'real')).toBe('NaN');
    expect(en.formatNumber(Number.POSITIVE_INFINITY, 'real')).toBe('Infinity');
    expect(en.formatNumber(Number.NEGATIVE_INFINITY, 'real')).toBe('-Infinity');
  });
  it('uses the locale decimal sign', () => {
    expect(createCellFormatter('de').formatNumber(1234.5, 'real')).toBe('1234,5');
  });
});

describe('isRightAligned', () => {
  it('right-aligns only plain numbers', () => {
    expect(['int', 'long', 'real', 'decimal'].every((t) => isRightAligned(t as 'int'))).toBe(true);
    expect(isRightAligned('datetime')).toBe(false);
    expect(isRightAligned('string')).toBe(false);
  });
});
