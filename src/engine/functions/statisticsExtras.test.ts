import { describe, expect, it } from 'vitest';
import { welchPValue } from './statisticsExtras';
import { isWellFormedText } from './stringChecks';
import { setEquals, treePaths } from './dynamicExtras';
import { listTimeZones } from './timeZoneList';
import { query, value } from './queryTestKit';

describe('welch_test', () => {
  it('matches the normal tails for very large samples', () => {
    // t = 1.96 with ~2e6 degrees of freedom: the two-sided normal tail 2 * (1 - Φ(1.96)) = 0.0499958.
    expect(welchPValue(1.96, 5e5, 1e6, 0, 5e5, 1e6)).toBeCloseTo(0.0499958, 5);
    expect(welchPValue(0, 5e5, 1e6, 1.96, 5e5, 1e6)).toBeCloseTo(0.0499958, 5);
  });

  it('is 1 for equal means and undefined without spread or with single values', () => {
    expect(welchPValue(3, 1, 10, 3, 2, 5)).toBe(1);
    expect(welchPValue(1, 0, 10, 2, 0, 10)).toBeNaN();
    expect(welchPValue(1, 1, 1, 2, 1, 10)).toBeNaN();
  });

  it('runs as a query with long and real arguments', () => {
    expect(query('print p = welch_test(20.82, 7.867, 15, 22.99, 3.813, 15)')).toMatchObject({ types: ['real'] });
    expect(value('round(welch_test(20.82, 7.867, 15, 22.99, 3.813, 15), 3)')).toBe(0.021);
  });
});

describe('set_equals, treepath, isutf8, datetime_list_timezones', () => {
  it('compares distinct values regardless of order', () => {
    expect(setEquals([{ a: 1 }, 'x', 'x'], ['x', { a: 1 }])).toBe(true);
    expect(setEquals([1], [true])).toBe(false);
    expect(value('set_equals(dynamic([1]), dynamic(null))')).toBeNull();
  });

  it('walks bags and arrays depth first', () => {
    expect(treePaths({ a: [[1], [{ b: 2 }]] })).toEqual(["['a']", "['a'][0]", "['a'][0][0]", "['a'][0][0]['b']"]);
    expect(treePaths(5)).toEqual([]);
    expect(treePaths({ e: [] })).toEqual(["['e']"]);
  });

  it('rejects unpaired surrogates only', () => {
    expect(isWellFormedText('a\u{1F600}b')).toBe(true);
    expect(isWellFormedText('a\uD800b')).toBe(false);
    expect(isWellFormedText('\uDC00')).toBe(false);
    expect(isWellFormedText('\uD83D')).toBe(false);
  });

  it('lists sorted zone names that include UTC', () => {
    const zones = listTimeZones();
    expect(zones).toContain('UTC');
    expect(zones).toContain('America/New_York');
    expect([...zones].sort()).toEqual(zones);
  });
});
