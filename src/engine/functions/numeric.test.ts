import { describe, expect, it } from 'vitest';
import { query, scalar, value } from './queryTestKit';

describe('trigonometry', () => {
  it('computes in radians and converts degrees', () => {
    expect(value('sin(0)')).toBe(0);
    expect(value('cos(pi())')).toBeCloseTo(-1, 12);
    expect(value('tan(pi() / 4)')).toBeCloseTo(1, 12);
    expect(value('atan2(1, 1)')).toBeCloseTo(Math.PI / 4, 12);
    expect(value('cot(pi() / 4)')).toBeCloseTo(1, 12);
    expect(value('degrees(pi())')).toBe(180);
    expect(value('radians(180)')).toBeCloseTo(Math.PI, 12);
    expect(value('asin(2)')).toBe(Number.NaN);
    expect(query('T | project sin(n)').rows.map((r) => r[0])).toEqual([Math.sin(1), null, Math.sin(-1)]);
  });
});

describe('bitwise', () => {
  it('and, or, xor, not on longs', () => {
    expect(scalar('binary_and(6, 3)')).toEqual({ type: 'long', value: 2 });
    expect(value('binary_or(6, 3)')).toBe(7);
    expect(value('binary_xor(6, 3)')).toBe(5);
    expect(value('binary_not(100)')).toBe(-101);
    expect(value('binary_and(-1, 255)')).toBe(255);
    expect(value('binary_and(long(null), 1)')).toBeNull();
  });

  it('shifts by n % 64; a negative shift is null', () => {
    expect(value('binary_shift_left(1, 2)')).toBe(4);
    expect(value('binary_shift_left(1, 66)')).toBe(4);
    expect(value('binary_shift_right(-8, 1)')).toBe(-4);
    expect(value('binary_shift_right(16, 2)')).toBe(4);
    expect(value('binary_shift_left(1, -1)')).toBeNull();
    expect(query('T | project binary_shift_left(4, n)').rows.map((r) => r[0])).toEqual([8, null, null]);
  });

  it('bitset_count_ones and tohex', () => {
    expect(value('bitset_count_ones(42)')).toBe(3);
    expect(value('bitset_count_ones(-1)')).toBe(64);
    expect(value('tohex(256)')).toBe('100');
    expect(value('tohex(-256)')).toBe('ffffffffffffff00');
    expect(value('tohex(toint(-256), 8)')).toBe('ffffff00');
    expect(value('tohex(256, 8)')).toBe('00000100');
    expect(value('tohex(256, 2)')).toBe('100');
    expect(value('tohex(long(null))')).toBe('');
  });

  it('rand gives values in range, one per row', () => {
    const rows = query('T | project r = rand(), i = rand(10)').rows;
    expect(rows).toHaveLength(3);
    for (const [r, i] of rows) {
      expect(r as number).toBeGreaterThanOrEqual(0);
      expect(r as number).toBeLessThan(1);
      expect(Number.isInteger(i)).toBe(true);
      expect(i as number).toBeLessThan(10);
    }
  });
});

describe('timespans', () => {
  it('make_timespan with two, three and four parts', () => {
    expect(scalar('make_timespan(1, 12, 30, 55)')).toEqual({ type: 'timespan', value: ((36 * 60 + 30) * 60 + 55) * 1e7 });
    expect(value('make_timespan(2, 30)')).toBe(2.5 * 3600 * 1e7);
    expect(value('make_timespan(2, 30, 15)')).toBe((2.5 * 3600 + 15) * 1e7);
    expect(query('T | project make_timespan(n, 30)').rows.map((r) => r[0])).toEqual([1.5 * 3600 * 1e7, null, -0.5 * 3600 * 1e7]);
  });

  it('format_timespan', () => {
    expect(value("format_timespan(time(29.09:00:05.12345), 'dd.hh:mm:ss:FF')")).toBe('29.09:00:05:12');
    expect(value("format_timespan(time(29.09:00:05.12345), 'ddd.h:mm:ss [fffffff]')")).toBe('029.9:00:05 [1234500]');
    expect(value("format_timespan(time(0.01:02:03.5), 'HH:mm:ss.FFF')")).toBe('01:02:03.5');
    expect(value("format_timespan(time(0.01:02:03), 'H-m-s.FFF')")).toBe('1-2-3.');
    expect(value("format_timespan(-1h, 'hh:mm')")).toBe('-01:00');
  });
});

describe('gettype and new_guid', () => {
  it('names scalar and dynamic runtime types', () => {
    expect(value('gettype("a")')).toBe('string');
    expect(value('gettype(111)')).toBe('long');
    expect(value('gettype(1 == 1)')).toBe('bool');
    expect(value('gettype(now())')).toBe('datetime');
    expect(value('gettype(1s)')).toBe('timespan');
    expect(value('gettype(123.45)')).toBe('real');
    expect(value("gettype(parse_json('1'))")).toBe('int');
    expect(value("gettype(parse_json(' \"abc\" '))")).toBe('string');
    expect(value("gettype(parse_json(' {\"abc\":1} '))")).toBe('dictionary');
    expect(value("gettype(parse_json(' [1, 2, 3] '))")).toBe('array');
    expect(value("gettype(parse_json(''))")).toBe('null');
    expect(value('gettype(guid(12e8b78d-55b4-46ae-b068-26d7a0080254))')).toBe('guid');
    expect(query('T | project gettype(d)').rows.map((r) => r[0])).toEqual(['dictionary', 'array', 'null']);
  });

  it('new_guid is a fresh v4 guid per row', () => {
    const rows = query('T | project g = new_guid()').rows.map((r) => r[0] as string);
    expect(new Set(rows).size).toBe(3);
    for (const g of rows) expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('format_bytes', () => {
  it('auto-selects 1024-based units or uses the given one', () => {
    expect(value('format_bytes(564)')).toBe('564 Bytes');
    expect(value('format_bytes(10332, 1)')).toBe('10.1 KB');
    expect(value('format_bytes(20010332)')).toBe('19 MB');
    expect(value('format_bytes(20010332, 2)')).toBe('19.08 MB');
    expect(value('format_bytes(20010332, 0, "KB")')).toBe('19541 KB');
    expect(value('format_bytes(0)')).toBe('0 Bytes');
    expect(value('format_bytes(1024)')).toBe('1 KB');
  });
});
