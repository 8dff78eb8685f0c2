import { describe, expect, it } from 'vitest';
import { query, value } from './queryTestKit';
import { bagSetKey, rotateArray, shiftArray } from './arrays';

describe('shift and rotate', () => {
  it('shift fills vacated slots and keeps the length', () => {
    expect(shiftArray([1, 2, 3], 1, null)).toEqual([2, 3, null]);
    expect(shiftArray([1, 2, 3], -1, 'x')).toEqual(['x', 1, 2]);
    expect(shiftArray([1, 2, 3], 5, 0)).toEqual([0, 0, 0]);
    expect(shiftArray([], 2, null)).toEqual([]);
  });

  it('rotate wraps around in both directions', () => {
    expect(rotateArray([1, 2, 3, 4, 5], 2)).toEqual([3, 4, 5, 1, 2]);
    expect(rotateArray([1, 2, 3, 4, 5], -2)).toEqual([4, 5, 1, 2, 3]);
    expect(rotateArray([1, 2, 3], 7)).toEqual([2, 3, 1]);
    expect(rotateArray([], 3)).toEqual([]);
  });

  it('work in queries; non-arrays give null', () => {
    expect(value('array_shift_right(dynamic([1, 2, 3]), 1)')).toEqual([null, 1, 2]);
    expect(value('array_rotate_right(dynamic([1, 2, 3]), 1)')).toEqual([3, 1, 2]);
    expect(query('T | project array_rotate_left(d, 1)').rows.map((r) => r[0])).toEqual([null, ['two', null, { three: 3 }, 1], null]);
  });
});

describe('repeat and bag_set_key', () => {
  it('repeat', () => {
    expect(value('repeat("a", 2)')).toEqual(['a', 'a']);
    expect(value('repeat(1, 0)')).toEqual([]);
    expect(value('repeat(1, -1)')).toBeNull();
  });

  it('bag_set_key does not modify its input and creates nested bags', () => {
    const input = { a: { b: 1 } };
    expect(bagSetKey(input, '$.a.c', 2)).toEqual({ a: { b: 1, c: 2 } });
    expect(input).toEqual({ a: { b: 1 } });
    expect(bagSetKey({ a: 1 }, '$.a.b', 2)).toEqual({ a: { b: 2 } });
    expect(bagSetKey({}, '$[0]', 2)).toBeNull();
    expect(value(`bag_set_key(parse_json('[1]'), "a", 1)`)).toBeNull();
  });
});
