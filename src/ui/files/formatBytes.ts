/** Byte counts for people: "812 bytes", "3.4 kB", "1.2 MB", through `Intl` unit formatting. */

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** Formats `bytes` with the largest decimal unit (1 kB = 1000 B) that keeps the number at least 1. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    // 'short' renders bytes as "812 byte"; the long form reads better for the smallest unit.
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
