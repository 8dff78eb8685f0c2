import { describe, expect, it } from 'vitest';
import { query, scalar, value } from './queryTestKit';

describe('dynamic member and element access', () => {
  it('reads nested members, indexes and quoted names of a dynamic column', () => {
    const { types, rows } = query("T | project b0 = d.a.b[0], lastOne = d.a.b[-1], q = d['x y'], q2 = d.['x y'], absent = d.nope, el = d[1]");
    expect(types).toEqual(['dynamic', 'dynamic', 'dynamic', 'dynamic', 'dynamic', 'dynamic']);
    expect(rows).toEqual([
      [10, 30, 'spaced', 'spaced', null, null],
      [null, null, null, null, null, 'two'],
      [null, null, null, null, null, null],
    ]);
  });

  it('indexes by a column and by a computed key; out of range is null', () => {
    expect(query('T | project v = d[s]').rows.map((r) => r[0])).toEqual([null, null, null]);
    expect(query('T | project v = d[n]').rows.map((r) => r[0])).toEqual([null, null, null]);
    expect(query('T | project v = d.a.b[n]').rows[0][0]).toBe(20);
    expect(query('T | project v = d[tostring(d.k)]').rows[0][0]).toEqual({ b: [10, 20, 30] });
    expect(value('dynamic([1,2,3])[3]')).toBeNull();
    expect(value('dynamic([1,2,3])[-4]')).toBeNull();
    expect(value('dynamic([1,2,3])[(-3)]')).toBe(1);
  });

  it('works on parse_json results and feeds conversions', () => {
    expect(value('toint(parse_json(\'{"a":[5,6]}\').a[1]) + 1')).toBe(7);
    expect(value('tostring(parse_json(\'{"a":{"b":"x"}}\').a)')).toBe('{"b":"x"}');
    expect(value('tostring(parse_json(\'{"a":{"b":"x"}}\').a.b)')).toBe('x');
    expect(value('isnull(parse_json("[]").a)')).toBe(true);
  });

  it('is used in where and summarize by', () => {
    expect(query('T | where tostring(d.k) == "a" | count').rows).toEqual([[1]]);
    expect(query('T | summarize c = count() by k = tostring(d.k) | sort by k asc').rows).toEqual([['', 2], ['a', 1]]);
  });
});

describe('array functions', () => {
  it('array_length: arrays only', () => {
    expect(scalar('array_length(dynamic([1,2,3]))')).toEqual({ type: 'long', value: 3 });
    expect(value('array_length(dynamic([]))')).toBe(0);
    expect(value(`array_length(parse_json('{"a":1}'))`)).toBeNull();
    expect(query('T | project array_length(d)').rows).toEqual([[null], [4], [null]]);
  });

  it('array_slice: inclusive, negative from the end, out of range clipped', () => {
    expect(value('array_slice(dynamic([1,2,3]), 1, 2)')).toEqual([2, 3]);
    expect(value('array_slice(dynamic([1,2,3,4,5]), 2, -1)')).toEqual([3, 4, 5]);
    expect(value('array_slice(dynamic([1,2,3,4,5]), -3, -2)')).toEqual([3, 4]);
    expect(value('array_slice(dynamic([1,2,3]), 2, 1)')).toEqual([]);
    expect(value('array_slice(dynamic([1,2,3]), -10, 10)')).toEqual([1, 2, 3]);
    expect(value(`array_slice(parse_json('"x"'), 0, 1)`)).toBeNull();
  });

  it('array_concat, array_reverse, array_sum', () => {
    expect(value('array_concat(dynamic([1]), dynamic(["a", null]), dynamic([]))')).toEqual([1, 'a', null]);
    expect(value(`array_concat(dynamic([1]), parse_json('{"a":1}'))`)).toBeNull();
    expect(value('array_reverse(dynamic([1,"b",3]))')).toEqual([3, 'b', 1]);
    expect(scalar('array_sum(dynamic([1,2.5,3]))')).toEqual({ type: 'real', value: 6.5 });
    expect(value('array_sum(dynamic([1,"x"]))')).toBeNull();
    expect(value('array_sum(dynamic([]))')).toBe(0);
  });

  it('array_index_of with start, length and occurrence', () => {
    const arr = 'dynamic(["this","is","an","example","an","example"])';
    expect(value(`array_index_of(${arr}, "an")`)).toBe(2);
    expect(value(`array_index_of(${arr}, "example", 1, 3)`)).toBe(3);
    expect(value(`array_index_of(${arr}, "example", 1, 2)`)).toBe(-1);
    expect(value(`array_index_of(${arr}, "an", 1, -1, 2)`)).toBe(4);
    expect(value(`array_index_of(${arr}, "an", 1, -1, 3)`)).toBe(-1);
    expect(value(`array_index_of(${arr}, "an", -3)`)).toBe(4);
    expect(value(`array_index_of(${arr}, "is", -4)`)).toBe(-1);
    expect(value(`array_index_of(${arr}, "an", 0, -2)`)).toBeNull();
    expect(value('array_index_of(dynamic([1,2,3]), 3)')).toBe(2);
    expect(value(`array_index_of(parse_json('"x"'), 3)`)).toBeNull();
  });

  it('array_sort_asc/desc: numbers before strings, nulls last by default', () => {
    expect(value('array_sort_asc(dynamic([3,1,"b",null,2,"a"]))')).toEqual([1, 2, 3, 'a', 'b', null]);
    expect(value('array_sort_asc(dynamic([null,"blue","yellow","green",null]), false)')).toEqual([null, null, 'blue', 'green', 'yellow']);
    expect(value('array_sort_desc(dynamic([3,1,2,null]))')).toEqual([3, 2, 1, null]);
    expect(value(`array_sort_asc(parse_json('{"a":1}'))`)).toBeNull();
  });

  it('array_iff element-wise, with scalars and short arrays', () => {
    expect(value('array_iff(dynamic([true,false,true]), dynamic([1,2,3]), dynamic([4,5,6]))')).toEqual([1, 5, 3]);
    expect(value('array_iff(dynamic([1,0,50]), "yes", "no")')).toEqual(['yes', 'no', 'yes']);
    expect(value('array_iff(dynamic(["s", null]), 1, 0)')).toEqual([null, null]);
    expect(value('array_iff(dynamic([true,true,true]), dynamic([1,2]), dynamic([3,4]))')).toEqual([1, 2, null]);
  });

  it('array_split at one or several indices', () => {
    expect(value('array_split(dynamic([1,2,3,4,5]), 2)')).toEqual([[1, 2], [3, 4, 5]]);
    expect(value('array_split(dynamic([1,2,3,4,5]), dynamic([1,3]))')).toEqual([[1], [2, 3], [4, 5]]);
    expect(value('array_split(dynamic([1,2,3]), -1)')).toEqual([[1, 2], [3]]);
    expect(value('array_split(dynamic([1,2,3]), 10)')).toEqual([[1, 2, 3], []]);
  });
});

describe('packing, bags and sets', () => {
  it('pack_array keeps types: numbers, bools, datetimes as text, empty strings', () => {
    expect(value('pack_array(1, "a", true, datetime(2024-01-02), 1.5, "")')).toEqual([1, 'a', true, '2024-01-02T00:00:00Z', 1.5, '']);
    expect(query('T | project pack_array(n, s)').rows.map((r) => r[0])).toEqual([[1, 'first'], [null, ''], [-1, 'third']]);
  });

  it('bag_pack / pack build bags; bag_keys lists them', () => {
    expect(value('bag_pack("a", 1, "b", "x")')).toEqual({ a: 1, b: 'x' });
    expect(value('pack("a", dynamic([1]))')).toEqual({ a: [1] });
    expect(value('bag_keys(dynamic({"a":1,"b":{"c":2}}))')).toEqual(['a', 'b']);
    expect(value(`bag_keys(parse_json('[1]'))`)).toBeNull();
  });

  it('bag_merge: leftmost wins', () => {
    expect(value('bag_merge(dynamic({"a":1,"b":2}), dynamic({"b":3,"c":4}))')).toEqual({ a: 1, b: 2, c: 4 });
  });

  it('bag_remove_keys and bag_has_key with nested JSONPath keys', () => {
    expect(value('bag_remove_keys(dynamic({"a":1,"b":{"c":2,"d":3}}), dynamic(["a", "$.b.c"]))')).toEqual({ b: { d: 3 } });
    expect(value('bag_has_key(dynamic({"a":1,"b":{"c":2}}), "a")')).toBe(true);
    expect(value('bag_has_key(dynamic({"a":1,"b":{"c":2}}), "$.b.c")')).toBe(true);
    expect(value('bag_has_key(dynamic({"a":1,"b":{"c":2}}), "c")')).toBe(false);
    expect(value(`bag_has_key(parse_json('[1]'), "a")`)).toBe(false);
  });

  it('set_union / set_intersect / set_difference / set_has_element', () => {
    expect(value('set_union(dynamic([1,2,2]), dynamic([2,3]), dynamic(["a"]))')).toEqual([1, 2, 3, 'a']);
    expect(value('set_intersect(dynamic([1,2,3,3]), dynamic([3,2,9]))')).toEqual([2, 3]);
    expect(value('set_difference(dynamic([1,2,3,1]), dynamic([2]), dynamic([3]))')).toEqual([1]);
    expect(value(`set_union(dynamic([1]), parse_json('1'))`)).toBeNull();
    expect(value('set_has_element(dynamic(["a","b"]), "b")')).toBe(true);
    expect(value('set_has_element(dynamic([1,2]), 3)')).toBe(false);
  });

  it('zip pads shorter arrays with null', () => {
    expect(value('zip(dynamic([1,2,3]), dynamic(["a","b"]))')).toEqual([[1, 'a'], [2, 'b'], [3, null]]);
  });
});

describe('array_sort_* with several arrays', () => {
  it('gives one column per array, the others reordered like the first', () => {
    const result = query('One | project array_sort_asc(dynamic([2,1]), dynamic(["a","b"]))');
    expect(result.types).toEqual(['dynamic', 'dynamic']);
    expect(result.rows).toEqual([[[1, 2], ['b', 'a']]]);
  });
});
