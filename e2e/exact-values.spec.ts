import type { Page } from '@playwright/test';
import { test, expect, openExplorer, setQuery, resultsGrid } from './fixtures';

/** Runs `text` and returns the texts of the first result row. */
async function firstRow(page: Page, text: string): Promise<string[]> {
  await setQuery(page, text);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Results' }).getByText(/records?$/).first()).toBeVisible();
  const cells = resultsGrid(page).getByRole('row').nth(1).getByRole('gridcell');
  return (await cells.allTextContents()).map((t) => t.trim()).filter((t) => t !== '' && t !== '▸');
}

test('the grid shows exact 64-bit longs and datetimes to the 100 ns tick, as the worker computed them', async ({ page }) => {
  await openExplorer(page);
  const row = await firstRow(
    page,
    'print h = hash("World"), big = 9007199254740993, t = datetime(2026-11-21 17:37:08.7654321), ns = datetime_part("nanosecond", datetime(2026-11-21 17:37:08.7654321))',
  );
  expect(row).toEqual(['1846988464401551951', '9007199254740993', '2026-11-21T17:37:08.7654321Z', '765432100']);
});
