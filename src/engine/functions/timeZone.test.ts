import { describe, expect, it } from 'vitest';
import { query, scalar, value } from './queryTestKit';
import { ticksFromMs } from '../types/datetime';

const ticks = (iso: string): number => ticksFromMs(Date.parse(iso));

describe('datetime_local_to_utc', () => {
  it('converts with the zone offset in winter', () => {
    const rows = query(`datatable(local_dt: datetime, tz: string) [
      datetime(2020-02-02 20:02:20), 'US/Pacific', datetime(2020-02-02 20:02:20), 'America/Chicago', datetime(2020-02-02 20:02:20), 'Europe/Paris']
      | project datetime_local_to_utc(local_dt, tz)`);
    expect(rows.types).toEqual(['datetime']);
    expect(rows.rows.map((r) => r[0])).toEqual([ticks('2020-02-03T04:02:20Z'), ticks('2020-02-03T02:02:20Z'), ticks('2020-02-02T19:02:20Z')]);
  });

  it('around the spring-forward gap (docs: Europe/Brussels 2022-03-27)', () => {
    const rows = query(`range Local from datetime(2022-03-27 01:00:00) to datetime(2022-03-27 04:00:00) step 1h
      | extend UTC = datetime_local_to_utc(Local, 'Europe/Brussels') | extend Back = datetime_utc_to_local(UTC, 'Europe/Brussels')
      | project UTC, Back`).rows;
    expect(rows).toEqual([
      [ticks('2022-03-27T00:00:00Z'), ticks('2022-03-27T01:00:00Z')],
      [ticks('2022-03-27T00:00:00Z'), ticks('2022-03-27T01:00:00Z')],
      [ticks('2022-03-27T01:00:00Z'), ticks('2022-03-27T03:00:00Z')],
      [ticks('2022-03-27T02:00:00Z'), ticks('2022-03-27T04:00:00Z')],
    ]);
  });

  it('a repeated autumn hour resolves to its second (standard time) occurrence', () => {
    expect(value("datetime_local_to_utc(datetime(2022-10-30 02:30:00), 'Europe/Brussels')")).toBe(ticks('2022-10-30T01:30:00Z'));
    expect(value("datetime_local_to_utc(datetime(2022-10-30 01:59:00), 'Europe/Brussels')")).toBe(ticks('2022-10-29T23:59:00Z'));
    expect(value("datetime_local_to_utc(datetime(2022-10-30 03:00:00), 'Europe/Brussels')")).toBe(ticks('2022-10-30T02:00:00Z'));
  });

  it('keeps sub-millisecond ticks; null for an unknown zone or a null datetime', () => {
    expect(value("datetime_local_to_utc(datetime(2022-07-01 12:00:00.1234567), 'Asia/Kolkata')")).toBe(ticks('2022-07-01T06:30:00Z') + 1234567);
    expect(value("datetime_local_to_utc(datetime(2022-07-01), 'Nowhere/Land')")).toBeNull();
    expect(value("datetime_local_to_utc(datetime(null), 'UTC')")).toBeNull();
  });
});

describe('datetime_utc_to_local', () => {
  it('follows the docs example (Pacific and Canberra)', () => {
    expect(scalar("datetime_utc_to_local(datetime(2022-07-11 22:18:48.4678620), 'US/Pacific')"))
      .toEqual({ type: 'datetime', value: ticks('2022-07-11T15:18:48.467Z') + 8620 });
    expect(value("datetime_utc_to_local(datetime(2022-07-11 22:18:48), 'Australia/Canberra') - datetime_utc_to_local(datetime(2022-07-11 22:18:48), 'US/Pacific')"))
      .toBe(17 * 3600 * 1e7);
  });

  it('switches offset exactly at the transition instant', () => {
    expect(value("datetime_utc_to_local(datetime(2022-03-27 00:59:59), 'Europe/Brussels')")).toBe(ticks('2022-03-27T01:59:59Z'));
    expect(value("datetime_utc_to_local(datetime(2022-03-27 01:00:00), 'Europe/Brussels')")).toBe(ticks('2022-03-27T03:00:00Z'));
    expect(value("datetime_utc_to_local(datetime(2022-03-27 01:00:00), 'UTC')")).toBe(ticks('2022-03-27T01:00:00Z'));
  });
});
