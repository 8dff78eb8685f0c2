import { test, expect, openExplorer, resultsGrid, gridColumnNames, recordCount } from './fixtures';

test('the page opens with the sample logs loaded and the first query showing rows', async ({ page }) => {
  await openExplorer(page);
  const grid = resultsGrid(page);
  // A header row plus data rows, with real ACR values in them.
  expect(await grid.getByRole('row').count()).toBeGreaterThan(5);
  await expect(grid.getByRole('gridcell').filter({ hasText: /azurecr\.io/ }).first()).toBeVisible();
  expect(await recordCount(page)).toBeGreaterThan(0);
  // The schema tree lists the loaded tables.
  const schema = page.getByRole('region', { name: 'Schema' });
  for (const table of ['ContainerRegistryRepositoryEvents', 'ContainerRegistryLoginEvents', 'AzureMetrics', 'Event', 'Syslog']) {
    await expect(schema.getByRole('treeitem', { name: new RegExp(`^${table}\\b`) })).toBeVisible();
  }
  expect(await gridColumnNames(page)).toContain('TimeGenerated');
});

test('the page is served cross-origin isolated with a strict content security policy', async ({ page }) => {
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  expect(headers['content-security-policy']).toContain("connect-src 'self'");
  expect(headers['content-security-policy']).not.toContain('unsafe-eval');
  // Shared memory (the cancel flag) is available only when the page is isolated.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});
