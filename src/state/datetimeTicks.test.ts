import { describe, expect, it } from 'vitest';
import { DATETIME_BASE_MS as ENGINE_BASE_MS } from '../engine/types/scalarType';
import { parseIsoDatetime } from '../engine/types/datetime';
import { DATETIME_BASE_MS, datetimeTicksOfMs, msOfDatetimeTicks, splitDatetimeTicks } from './datetimeTicks';

describe('datetime ticks on the main thread', () => {
  it('counts from the same instant as the engine', () => {
    expect(DATETIME_BASE_MS).toBe(ENGINE_BASE_MS);
    expect(new Date(DATETIME_BASE_MS).toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });

  it('reads engine ticks back to the same instant, to the tick', () => {
    const ticks = parseIsoDatetime('2026-11-21T17:37:08.7654321Z');
    if (ticks === null) throw new Error('unparsed');
    const { date, subMs } = splitDatetimeTicks(ticks);
    expect(date.toISOString()).toBe('2026-11-21T17:37:08.765Z');
    expect(subMs).toBe(4321);
    expect(msOfDatetimeTicks(ticks)).toBeCloseTo(Date.UTC(2026, 10, 21, 17, 37, 8, 765) + 0.4321, 3);
    expect(datetimeTicksOfMs(Date.UTC(1970, 0, 1))).toBe(parseIsoDatetime('1970-01-01T00:00:00Z'));
  });
});
