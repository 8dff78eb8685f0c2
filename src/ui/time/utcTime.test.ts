import { describe, expect, it } from 'vitest';
import { formatUtcMinute, fromUtcInputValue, toUtcInputValue } from './utcTime';

describe('UTC time text', () => {
  const instant = Date.UTC(2024, 2, 1, 10, 5, 42, 123);

  it('formats an instant in UTC to the minute', () => {
    expect(formatUtcMinute(instant)).toBe('2024-03-01 10:05');
    expect(formatUtcMinute(Date.UTC(2023, 11, 31, 23, 59, 59))).toBe('2023-12-31 23:59');
    expect(formatUtcMinute(Date.UTC(2024, 0, 1, 0, 0))).toBe('2024-01-01 00:00');
  });

  it('reads and writes datetime-local values as UTC', () => {
    expect(toUtcInputValue(instant)).toBe('2024-03-01T10:05');
    expect(fromUtcInputValue('2024-03-01T10:05')).toBe(Date.UTC(2024, 2, 1, 10, 5));
    expect(fromUtcInputValue('2024-03-01T10:05:30')).toBe(Date.UTC(2024, 2, 1, 10, 5, 30));
    expect(fromUtcInputValue('2024-03-01T10:05:30.5')).toBe(Date.UTC(2024, 2, 1, 10, 5, 30, 500));
  });

  it('rejects empty, malformed and out-of-range values', () => {
    for (const value of ['', '2024-03-01', '2024-13-01T00:00', '2024-02-30T00:00', '2024-03-01T24:00', 'yesterday']) {
      expect(fromUtcInputValue(value), value).toBeNull();
    }
  });
});
