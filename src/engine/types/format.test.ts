import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../table/builder';
import { parseIsoDatetime, parseTimespan } from './datetime';
import { formatValue } from './format';

describe('formatValue', () => {
  it('prints each type as Kusto shows it; null as empty', () => {
    const table = tableFromRows('F', [
      { name: 'd', type: 'datetime' }, { name: 't', type: 'timespan' }, { name: 'b', type: 'bool' },
      { name: 'r', type: 'real' }, { name: 'l', type: 'long' }, { name: 's', type: 'string' },
      { name: 'g', type: 'guid' }, { name: 'j', type: 'dynamic' },
    ], [
      [parseIsoDatetime('2024-05-01T13:02:11.4567890Z'), parseTimespan('1.02:03:04.5'), 1, 0.1, 42, 'x', '6f1d4c44-0e2a-4e8c-9e4a-1b2c3d4e5f60', { a: [1, 'b'] }],
      [null, null, null, null, null, null, null, null],
    ]);
    // (datetimes of today need 54 bits of ticks: Float64 keeps them to 2 ticks, so the test uses an even tick)
    const text = (row: number) => table.columns.map((c) => formatValue(c, row));
    expect(text(0)).toEqual(['2024-05-01T13:02:11.4567890Z', '1.02:03:04.5000000', 'true', '0.1', '42', 'x', '6f1d4c44-0e2a-4e8c-9e4a-1b2c3d4e5f60', '{"a":[1,"b"]}']);
    expect(text(1)).toEqual(['', '', '', '', '', '', '', '']);
  });
});
