import { describe, expect, it } from 'vitest';
import { createTimeTickFormatter, formatTooltipTime, timeTicks, timeTickUnit } from './timeAxis';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = Date.UTC(2024, 4, 1, 0, 0, 0);

describe('timeTickUnit', () => {
  it('uses the time of day under two days and the date from two days on', () => {
    expect(timeTickUnit(t0, t0 + 47 * HOUR)).toBe('timeOfDay');
    expect(timeTickUnit(t0, t0 + 2 * DAY)).toBe('date');
  });
});

describe('timeTicks', () => {
  it('puts ticks on round UTC hours for a one-day span', () => {
    const ticks = timeTicks(t0 + 10 * 60_000, t0 + DAY - 1);
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.length).toBeLessThanOrEqual(8);
    for (const t of ticks) expect(new Date(t).getUTCMinutes()).toBe(0);
    expect(ticks[0]).toBeGreaterThanOrEqual(t0 + 10 * 60_000);
    expect(ticks[ticks.length - 1]).toBeLessThanOrEqual(t0 + DAY);
    expect(new Set(ticks.slice(1).map((t, i) => t - ticks[i])).size).toBe(1);
  });
  it('puts ticks on UTC midnights for a two-week span', () => {
    const ticks = timeTicks(t0, t0 + 14 * DAY);
    for (const t of ticks) expect(new Date(t).getUTCHours()).toBe(0);
    expect(ticks.length).toBeLessThanOrEqual(8);
  });
  it('gives one tick for one instant and none for an empty range', () => {
    expect(timeTicks(t0, t0)).toEqual([t0]);
    expect(timeTicks(t0, t0 - 1)).toEqual([]);
  });
});

describe('createTimeTickFormatter', () => {
  it('labels HH:mm and MM-dd in UTC', () => {
    const instant = Date.UTC(2024, 4, 3, 7, 5);
    expect(createTimeTickFormatter('en', 'timeOfDay')(instant)).toBe('07:05');
    expect(createTimeTickFormatter('en', 'date')(instant)).toBe('05-03');
    expect(createTimeTickFormatter('en', 'timeOfDay')(Date.UTC(2024, 4, 3, 0, 0))).toBe('00:00');
  });
  it('formats tooltip times in UTC', () => {
    expect(formatTooltipTime(Date.UTC(2024, 4, 3, 7, 5, 9))).toBe('2024-05-03 07:05:09');
  });
});
