import { test, expect, openExplorer, setQuery, resultsGrid, recordCount } from './fixtures';
import { LAST_30_DAYS, storeTimeSettings } from './timeSettings';

// These tests count over the whole sample table: the time range must cover all of it
// (the default, Last 24 hours, holds about a seventh).
test.beforeEach(async ({ page }) => {
  await storeTimeSettings(page, LAST_30_DAYS);
});

test('100,000 result rows are virtualized and scroll to the last row', async ({ page }) => {
  await openExplorer(page);
  await setQuery(page, 'ContainerRegistryRepositoryEvents\n| union ContainerRegistryRepositoryEvents\n| take 100000\n| project TimeGenerated, OperationName, Repository, Identity, DurationMs, Size');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => recordCount(page)).toBe(100_000);
  const grid = resultsGrid(page);
  await expect(grid).toHaveAttribute('aria-rowcount', '100001');
  // Only the visible rows are in the DOM.
  expect(await grid.getByRole('row').count()).toBeLessThan(200);
  // Values are formatted by type: datetime as UTC ISO.
  await expect(grid.getByRole('row').nth(1).getByRole('gridcell').first()).toHaveText(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  // Scroll to the bottom: the last row is rendered.
  await grid.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(grid.locator('[aria-rowindex="100001"]')).toBeVisible();
});

test('a ?rows= URL parameter sizes the bundled sample', async ({ page }) => {
  await openExplorer(page, '/?rows=120000');
  await setQuery(page, 'ContainerRegistryRepositoryEvents\n| count');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(resultsGrid(page).getByRole('row').nth(1)).toBeVisible();
  const count = Number(((await resultsGrid(page).getByRole('gridcell').first().textContent()) ?? '').replace(/\D/g, ''));
  expect(count).toBeGreaterThan(100_000);
  expect(count).toBeLessThan(160_000);
});
