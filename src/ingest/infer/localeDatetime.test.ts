import { describe, expect, it } from 'vitest';
import { dateOrderEvidence, DateOrderVote, parseInferredDatetime, parseLocaleDatetime } from './localeDatetime';
import { ticksFromMs } from '../../engine/types/datetime';

const ticks = (iso: string) => ticksFromMs(Date.parse(iso));

describe('parseLocaleDatetime', () => {
  it('reads en-US with and without milliseconds', () => {
    expect(parseLocaleDatetime('6/15/2023, 12:09:31 PM', 'mdy')).toBe(ticks('2023-06-15T12:09:31Z'));
    expect(parseLocaleDatetime('7/7/2022, 8:55:10.130 PM', 'mdy')).toBe(ticks('2022-07-07T20:55:10.130Z'));
    expect(parseLocaleDatetime('2/25/2025, 9:19:25.391 AM', 'mdy')).toBe(ticks('2025-02-25T09:19:25.391Z'));
  });

  it('maps 12 AM to midnight and 12 PM to noon', () => {
    expect(parseLocaleDatetime('1/2/2024, 12:00:00 AM', 'mdy')).toBe(ticks('2024-01-02T00:00:00Z'));
    expect(parseLocaleDatetime('1/2/2024, 12:59:59 AM', 'mdy')).toBe(ticks('2024-01-02T00:59:59Z'));
    expect(parseLocaleDatetime('1/2/2024, 12:30:00 PM', 'mdy')).toBe(ticks('2024-01-02T12:30:00Z'));
    expect(parseLocaleDatetime('1/2/2024, 11:59:59 PM', 'mdy')).toBe(ticks('2024-01-02T23:59:59Z'));
    expect(parseLocaleDatetime('1/2/2024, 13:00:00 PM', 'mdy')).toBeNull();
    expect(parseLocaleDatetime('1/2/2024, 0:10:00 AM', 'mdy')).toBeNull();
  });

  it('reads en-GB 24-hour day-first text', () => {
    expect(parseLocaleDatetime('21/04/2025, 09:45:54.000', 'dmy')).toBe(ticks('2025-04-21T09:45:54Z'));
    expect(parseLocaleDatetime('03/04/2025, 23:05:00.120', 'dmy')).toBe(ticks('2025-04-03T23:05:00.120Z'));
    expect(parseLocaleDatetime('03/04/2025, 23:05:00.120', 'mdy')).toBe(ticks('2025-03-04T23:05:00.120Z'));
  });

  it('rejects impossible dates and other text', () => {
    expect(parseLocaleDatetime('21/04/2025, 09:45:54', 'mdy')).toBeNull();
    expect(parseLocaleDatetime('2/30/2024, 1:00:00 PM', 'mdy')).toBeNull();
    expect(parseLocaleDatetime('hello', 'mdy')).toBeNull();
  });
});

describe('date order', () => {
  it('takes evidence from numbers above 12 and AM/PM', () => {
    expect(dateOrderEvidence('21/04/2025, 09:45:54.000')).toBe('dmy');
    expect(dateOrderEvidence('4/21/2025, 09:45:54')).toBe('mdy');
    expect(dateOrderEvidence('4/5/2025, 9:45:54 AM')).toBe('mdy');
    expect(dateOrderEvidence('04/05/2025, 09:45:54')).toBe('none');
    expect(dateOrderEvidence('text')).toBeNull();
  });

  it('decides dmy only on day-first evidence, else the en-US default', () => {
    const gb = new DateOrderVote();
    ['04/05/2025, 09:45:54', '21/04/2025, 09:45:54.000', 'x'].forEach((t) => gb.add(t));
    expect(gb.order).toBe('dmy');
    const none = new DateOrderVote();
    none.add('04/05/2025, 09:45:54');
    expect(none.order).toBe('mdy');
    const mixed = new DateOrderVote();
    ['21/04/2025, 09:45:54', '4/5/2025, 9:45:54 PM'].forEach((t) => mixed.add(t));
    expect(mixed.order).toBe('mdy');
    expect(mixed.conflicting).toBe(true);
  });
});

describe('parseInferredDatetime', () => {
  it('reads ISO 8601 and locale text but never plain numbers', () => {
    expect(parseInferredDatetime('2024-05-01T13:02:11.4567890Z', 'mdy')).toBe(ticks('2024-05-01T13:02:11.456Z') + 7890);
    expect(parseInferredDatetime('5/1/2024, 1:02:11 PM', 'mdy')).toBe(ticks('2024-05-01T13:02:11Z'));
    expect(parseInferredDatetime('20240501', 'mdy')).toBeNull();
    expect(parseInferredDatetime('12', 'mdy')).toBeNull();
  });
});
