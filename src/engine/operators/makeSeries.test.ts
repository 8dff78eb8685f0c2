import { describe, expect, it } from 'vitest';
import type { NumericColumn } from '../table/column';
import { MAX_SERIES_LENGTH, seriesBins } from './makeSeries';
import { errorCode, query } from '../functions/queryTestKit';
import { EngineFailure } from '../errors';

const SPAN = { start: 0, length: 1 };

function axisOf(values: number[], type: NumericColumn['type'] = 'long'): NumericColumn {
  return { kind: 'number', type, data: Float64Array.from(values), nulls: null, length: values.length };
}


describe('seriesBins', () => {
  it('from/to/step: ceil((to - from) / step) bins, to exclusive', () => {
    const bins = seriesBins('fromTo', axisOf([]), 0, 0, 5, 2, SPAN);
    expect(bins.count).toBe(3);
    expect([-1, 0, 1.9, 2, 4.9, 5, 6].map(bins.binOf)).toEqual([-1, 0, 0, 1, 2, -1, -1]);
  });
  it('without from and to: from the bin of the smallest value to the end of the bin of the largest', () => {
    const bins = seriesBins('fromTo', axisOf([7, 3, 10]), 3, null, null, 5, SPAN);
    expect(bins.start).toBe(0);
    expect(bins.count).toBe(3);
  });
  it('in range(): bins by bin(), the stop value included', () => {
    const bins = seriesBins('inRange', axisOf([]), 0, 1, 10, 3, SPAN);
    expect(bins.start).toBe(0);
    expect(bins.count).toBe(4);
    expect([0, 2, 3, 9].map(bins.binOf)).toEqual([0, 0, 1, 3]);
  });
  it('rejects a step that is not positive and series longer than 2^20', () => {
    expect(() => seriesBins('fromTo', axisOf([]), 0, 0, 5, 0, SPAN)).toThrow(EngineFailure);
    expect(() => seriesBins('fromTo', axisOf([]), 0, 0, MAX_SERIES_LENGTH + 1, 1, SPAN)).toThrow(EngineFailure);
  });
});

describe('make-series, top-nested, search, bag_unpack and mv-apply through queries', () => {
  it('builds one row per group with arrays and the axis', () => {
    const { types, rows } = query('T | make-series c=count() default=-1 on n from -1 to 2 step 1 by s | order by s asc');
    expect(types).toEqual(['string', 'dynamic', 'dynamic']);
    expect(rows).toEqual([
      ['first', [-1, -1, 1], [-1, 0, 1]],
      ['third', [1, -1, -1], [-1, 0, 1]],
    ]);
  });
  it('takes the top value per level', () => {
    const { rows } = query('range x from 1 to 6 step 1 | extend k = x % 2 | top-nested 1 of k by total=sum(x)');
    expect(rows).toEqual([[0, 12]]);
  });
  it('searches the named tables and tags rows with $table', () => {
    const { rows } = query('search in (T) "third" | project ["$table"], n');
    expect(rows).toEqual([['T', -1]]);
  });
  it('unpacks a bag with an output schema', () => {
    const { rows } = query('T | evaluate bag_unpack(d) : (k:string) ');
    expect(rows).toEqual([['a'], [''], ['']]);
  });
  it('applies an mv-apply subquery per row, also to a row whose array is empty', () => {
    const { rows } = query('datatable(id:long, a:dynamic) [1, dynamic([3, 4]), 2, dynamic([])] | mv-apply a to typeof(long) on (summarize c = count(), m = max(a))');
    expect(rows).toEqual([[1, 2, 4], [2, 0, null]]);
  });
  it('answers not supported for the forms it does not implement', () => {
    expect(errorCode('T | evaluate bag_unpack(d) | take 1')).toBe('E_UNSUPPORTED');
    expect(errorCode('T | make-series kind=nonempty count() on n step 1 by s')).toBe('E_UNSUPPORTED');
    expect(errorCode('T | top-nested 1 of s with others="x" by count(), top-nested 1 of n by count()')).toBe('E_UNSUPPORTED');
    expect(errorCode('T | where n > 0 | search "x"')).toBe('E_UNSUPPORTED');
  });
});
