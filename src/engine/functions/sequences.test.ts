import { describe, expect, it } from 'vitest';
import { query, scalar, value } from './queryTestKit';
import { MAX_RANGE_LENGTH, rangeValues } from './sequences';

describe('range()', () => {
  it('numbers with and without a step', () => {
    expect(scalar('range(1, 8, 3)')).toEqual({ type: 'dynamic', value: [1, 4, 7] });
    expect(value('range(1, 3)')).toEqual([1, 2, 3]);
    expect(value('range(5, 1, -2)')).toEqual([5, 3, 1]);
    expect(value('range(1.0, 2, 0.5)')).toEqual([1, 1.5, 2]);
    expect(value('range(3, 1)')).toEqual([]);
    expect(value('range(1, 3, 0)')).toBeNull();
    expect(value('range(long(null), 3)')).toBeNull();
  });

  it('datetimes and timespans default to one hour', () => {
    expect(value('range(1h, 3h)')).toEqual(['01:00:00', '02:00:00', '03:00:00']);
    expect(value('range(datetime(2007-01-01), datetime(2007-01-03), 1d)')).toEqual(['2007-01-01T00:00:00Z', '2007-01-02T00:00:00Z', '2007-01-03T00:00:00Z']);
    expect(value('range(datetime(2007-01-01), datetime(2007-01-01 02:00))')).toHaveLength(3);
  });

  it('is capped at 1,048,576 elements', () => {
    expect(rangeValues(1, 1e9, 1)).toHaveLength(MAX_RANGE_LENGTH);
    expect(MAX_RANGE_LENGTH).toBe(1_048_576);
    expect(query('print r = range(1, 1000000000) | mv-expand r | count').rows).toEqual([[1_048_576]]);
  });
});

describe('around() and has_any_index()', () => {
  it('around is inclusive at both ends', () => {
    expect(scalar('around(1.5, 1, 0.5)')).toEqual({ type: 'bool', value: true });
    expect(value('around(1.6, 1, 0.5)')).toBe(false);
    expect(query('range dt from datetime(2021-01-01 01:00) to datetime(2021-01-01 02:00) step 1min | where around(dt, datetime(2021-01-01 01:30), 1min) | count').rows).toEqual([[3]]);
    expect(value('around(long(null), 1, 1)')).toBeNull();
  });

  it('has_any_index finds the first listed term present', () => {
    expect(scalar('has_any_index("this is an example", dynamic(["this", "example"]))')).toEqual({ type: 'long', value: 0 });
    expect(value('has_any_index("this is an example", dynamic(["not", "example"]))')).toBe(1);
    expect(value('has_any_index("this is an example", dynamic(["not", "found"]))')).toBe(-1);
    expect(value('has_any_index("Example number 2", range(1, 3, 1))')).toBe(1);
    expect(value('has_any_index("this is an example", dynamic([]))')).toBe(-1);
    expect(value('has_any_index("examples", dynamic(["example"]))')).toBe(-1);
    expect(value('has_any_index("An EXAMPLE", dynamic(["example"]))')).toBe(0);
  });
});
