import { test, expect, openExplorer, gridColumnNames, recordCount, openGallery } from './fixtures';
import { LAST_30_DAYS, storeTimeSettings } from './timeSettings';

/** Every gallery query, and the columns its result must have (in order). */
// `wholeSample`: deletions are rare in the sample, and may miss the default Last 24 hours.
const GALLERY: { title: string; columns: string[] | 'includes'; includes?: string[]; chart?: boolean; wholeSample?: boolean }[] = [
  { title: 'Error events from the last hour', columns: 'includes', includes: ['TimeGenerated', 'EventLevelName', 'SeverityLevel', 'Computer'] },
  { title: '100 most recent registry events', columns: ['TimeGenerated', 'LoginServer', 'OperationName', 'Identity', 'Repository', 'DurationMs', 'Region', 'ResultType'] },
  { title: 'Identity of user or object that deleted repository', columns: ['LoginServer', 'OperationName', 'Repository', 'Identity', 'CallerIpAddress'], wholeSample: true },
  { title: 'Identity of user or object that deleted tag', columns: ['LoginServer', 'OperationName', 'Repository', 'Tag', 'Identity', 'CallerIpAddress'], wholeSample: true },
  { title: 'Repository-level operation failures', columns: ['TimeGenerated', 'OperationName', 'Repository', 'Tag', 'ResultDescription'] },
  { title: 'Registry authentication failures', columns: ['TimeGenerated', 'Identity', 'CallerIpAddress', 'ResultDescription'] },
  { title: 'Push and pull counts over time', columns: ['TimeGenerated', 'MetricName', 'sum_Total'], chart: true },
  { title: 'Pushes and pulls per hour', columns: ['TimeGenerated', 'OperationName', 'count_'], chart: true },
];

test.describe('query gallery', () => {
  for (const entry of GALLERY) {
    test(`"${entry.title}" loads, runs and returns rows`, async ({ page }) => {
      if (entry.wholeSample === true) await storeTimeSettings(page, LAST_30_DAYS);
      await openExplorer(page);
      const gallery = await openGallery(page);
      await gallery.getByRole('button', { name: entry.title }).click();
      const results = page.getByRole('region', { name: 'Results' });
      if (entry.chart) {
        await expect(results.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');
        await results.getByRole('tab', { name: 'Results' }).click();
      }
      if (entry.columns === 'includes') {
        await expect.poll(() => gridColumnNames(page)).toEqual(expect.arrayContaining(entry.includes ?? []));
      } else {
        await expect.poll(() => gridColumnNames(page)).toEqual(entry.columns);
      }
      expect(await recordCount(page)).toBeGreaterThan(0);
    });
  }
});
