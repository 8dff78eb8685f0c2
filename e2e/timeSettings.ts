import type { Page } from '@playwright/test';

/**
 * Stores the time-range picker's settings (localStorage `kql-explorer.time`, the app's own
 * versioned format) before the page loads, as a user's earlier choice would be. For specs whose
 * data lies outside the default "Last 24 hours": old fixture files, rare sample events, or
 * counts over a whole table.
 */
export async function storeTimeSettings(page: Page, range: StoredTimeRange, nowMode: 'clock' | 'newestEvent' = 'clock'): Promise<void> {
  await page.addInitScript((value) => window.localStorage.setItem('kql-explorer.time', value), JSON.stringify({ version: 1, range, nowMode }));
}

/** A stored range: a preset id (`24h`, `7d`, `30d`, ...) or a custom UTC range in ms. */
export type StoredTimeRange = { kind: 'preset'; preset: string } | { kind: 'custom'; fromMs: number; toMs: number };

/** Last 30 days: covers the whole bundled sample (7 days before page load). */
export const LAST_30_DAYS: StoredTimeRange = { kind: 'preset', preset: '30d' };

/** A custom range covering the fixture files (2024) and the sample (now). */
export const FIXTURES_AND_SAMPLE: StoredTimeRange = { kind: 'custom', fromMs: Date.UTC(2020, 0, 1), toMs: Date.UTC(2100, 0, 1) };
