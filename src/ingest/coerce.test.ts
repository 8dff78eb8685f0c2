import { describe, expect, it } from 'vitest';
import { parseIsoDatetime } from '../engine/types/datetime';
import { coerceCell, parseTimestamp, TimestampReader } from './coerce';
import { seededRandom as random } from '../engine/testing/seededRandom';
import { ticksFromMs } from '../engine/types/datetime';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

describe('parseTimestamp', () => {
  it('reads the resource-log form to 100 ns ticks', () => {
    expect(parseTimestamp('2024-05-01T13:02:11.4567890Z')).toBe(ticksFromMs(Date.UTC(2024, 4, 1, 13, 2, 11)) + 4_567_890);
    expect(parseTimestamp('2024-05-01T13:02:11Z')).toBe(ticksFromMs(Date.UTC(2024, 4, 1, 13, 2, 11)));
    expect(parseTimestamp('2024-05-01T13:02:11.5Z')).toBe(ticksFromMs(Date.UTC(2024, 4, 1, 13, 2, 11)) + 5_000_000);
    // Digits past the seventh are dropped, not rounded.
    expect(parseTimestamp('2024-05-01T13:02:11.123456789Z')).toBe(ticksFromMs(Date.UTC(2024, 4, 1, 13, 2, 11)) + 1_234_567);
    expect(parseTimestamp('2024-02-29T00:00:00Z')).toBe(ticksFromMs(Date.UTC(2024, 1, 29)));
    expect(parseTimestamp('2023-02-29T00:00:00Z')).toBeNull();
    expect(parseTimestamp('2100-02-29T00:00:00Z')).toBeNull();
    expect(parseTimestamp('2000-02-29T00:00:00Z')).toBe(ticksFromMs(Date.UTC(2000, 1, 29)));
    expect(parseTimestamp('2024-04-31T00:00:00Z')).toBeNull();
    expect(parseTimestamp('2024-05-01T24:00:00Z')).toBeNull();
  });

  it('agrees with parseIsoDatetime on the fast form and on every other text', () => {
    const next = random(20240501);
    const pick = (n: number): number => Math.floor(next() * n);
    const samples: string[] = [
      '0099-01-01T00:00:00Z', '0100-03-01T00:00:00Z', '1969-12-31T23:59:59.9999999Z', '9999-12-31T23:59:59.9999999Z',
      '2024-05-01t13:02:11Z', '2024-05-01T13:02:11z', '2024-05-01T13:02:11.Z', '2024-05-01T13:02:11.1234567890Z',
      '2024-05-01T13:02:11+02:00', '2024-05-01 13:02:11Z', '2024-05-01T13:02Z', '2024-05-01', ' 2024-05-01T13:02:11Z',
      '2024-5-01T13:02:11Z', '2024-05-01T13:02:1aZ', '2024-05-01T13:02:11.12a4567Z', 'x024-05-01T13:02:11Z', '',
      '2024-00-10T00:00:00Z', '2024-13-10T00:00:00Z', '2024-01-00T00:00:00Z', '2024-01-32T00:00:00Z', '2024-01-01T00:60:00Z',
      '2024-01-01T00:00:60Z', '2024-01-01T-1:00:00Z',
    ];
    for (let i = 0; i < 3000; i++) {
      const year = pick(3) === 0 ? pick(10000) : 1970 + pick(120);
      const fraction = pick(10);
      let text = `${pad(year, 4)}-${pad(1 + pick(13), 2)}-${pad(pick(33), 2)}T${pad(pick(25), 2)}:${pad(pick(61), 2)}:${pad(pick(61), 2)}`;
      if (fraction > 0) text += `.${Array.from({ length: fraction }, () => pick(10)).join('')}`;
      samples.push(`${text}Z`);
    }
    for (const text of samples) expect([text, parseTimestamp(text)]).toEqual([text, parseIsoDatetime(text)]);
  });

  it('is what coerceCell uses for datetime columns', () => {
    expect(coerceCell('2024-05-01T13:02:11.4567890Z', 'datetime')).toBe(parseIsoDatetime('2024-05-01T13:02:11.4567890Z'));
    expect(coerceCell(12, 'datetime')).toBeNull();
  });
});

describe('TimestampReader', () => {
  it('reads a sequence of timestamps as parseIsoDatetime does, second after second or not', () => {
    const next = random(4);
    const pick = (n: number): number => Math.floor(next() * n);
    const texts: string[] = [];
    // Runs that share a second (the case it reads from its last prefix), with odd texts in between.
    const odd = ['2024-05-01T13:02:11.Z', '2024-05-01T13:02:11.12a4567Z', '2024-05-01T13:02:11z', '2024-05-01T13:02:11+02:00', '2024-05-01T13:02:11.123456789Z', '2024-05-01T13:02:11.1234567890Z', '2024-05-01T13:02:11Z', '2023-02-29T00:00:00.5Z', '0099-01-01T00:00:00.1Z', ''];
    for (let run = 0; run < 400; run++) {
      const base = `${pad(1970 + pick(100), 4)}-${pad(1 + pick(12), 2)}-${pad(1 + pick(31), 2)}T${pad(pick(24), 2)}:${pad(pick(60), 2)}:${pad(pick(60), 2)}`;
      for (let i = 0, n = 1 + pick(5); i < n; i++) {
        const digits = pick(10);
        texts.push(digits === 0 ? `${base}Z` : `${base}.${Array.from({ length: digits }, () => pick(10)).join('')}Z`);
      }
      if (pick(4) === 0) texts.push(odd[pick(odd.length)]);
      if (pick(4) === 0) texts.push(`${base}.${pick(10)}a1Z`, `${base}.Z`, `${base}z`);
    }
    const reader = new TimestampReader();
    for (const text of texts) expect([text, reader.read(text)]).toEqual([text, parseIsoDatetime(text)]);
    expect(new Set(texts).size).toBeGreaterThan(500);
  });
});
