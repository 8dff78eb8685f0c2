import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import type { FileChooser, Page } from '@playwright/test';
import { test, expect, openExplorer, setQuery, recordCount, resultsGrid, gridColumnNames } from './fixtures';
import { FIXTURES_AND_SAMPLE, storeTimeSettings } from './timeSettings';

// The fixture files' events are from 2024: outside the default time range (Last 24 hours).
test.beforeEach(async ({ page }) => {
  await storeTimeSettings(page, FIXTURES_AND_SAMPLE);
});

const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** Picks files (or a folder) through the page's own buttons, as a user would. */
async function pick(page: Page, button: 'Open files…' | 'Open folder…', files: Parameters<FileChooser['setFiles']>[0]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button, exact: true }).click();
  await (await chooser).setFiles(files);
}

async function run(page: Page, query: string): Promise<void> {
  await setQuery(page, query);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

function summary(page: Page) {
  return page.getByRole('region', { name: 'File load summary' });
}

test('an opened storage-download folder loads every PT1H.json in its tree and is queryable', async ({ page }) => {
  await openExplorer(page);
  await pick(page, 'Open folder…', fixturePath('storage-download'));

  // 4 files: totals over the set, per-file details collapsed.
  await expect(summary(page)).toContainText('4 files: 4 loaded');
  await expect(summary(page)).toContainText(/ContainerRegistryRepositoryEvents: 3 rows/);
  await expect(summary(page)).toContainText(/ContainerRegistryLoginEvents: 1 row(?!s)/);
  await expect(summary(page)).toContainText(/AzureMetrics: 1 row(?!s)/);
  await summary(page).getByText('Per-file details').click();
  await expect(summary(page)).toContainText('storage-download/insights-logs-containerregistryloginevents/resourceId=/SUBSCRIPTIONS/');

  await run(page, 'ContainerRegistryRepositoryEvents\n| where LoginServer == "e2efolderacr.azurecr.io"\n| project TimeGenerated, OperationName, Repository, Size\n| sort by TimeGenerated asc');
  await expect.poll(() => gridColumnNames(page)).toEqual(['TimeGenerated', 'OperationName', 'Repository', 'Size']);
  await expect.poll(() => recordCount(page)).toBe(3);
  await expect(resultsGrid(page).getByRole('row').nth(1)).toContainText('2024-06-03T09:01:00');
  await expect(resultsGrid(page).getByRole('row').nth(1)).toContainText('Push');

  await run(page, 'AzureMetrics | where Resource == "E2EFOLDERACR" | project MetricName, Total, UnitName');
  await expect.poll(() => recordCount(page)).toBe(1);
  await expect(resultsGrid(page).getByRole('row').nth(1)).toContainText('TotalPullCount');
});

test('a portal CSV export loads into its known table and is queryable', async ({ page }) => {
  await openExplorer(page);
  await pick(page, 'Open files…', fixturePath('portal-export-acr-repository-events.csv'));
  await expect(summary(page)).toContainText('portal-export-acr-repository-events.csv');
  await expect(summary(page)).toContainText(/ContainerRegistryRepositoryEvents: 3 rows/);

  await run(page, 'ContainerRegistryRepositoryEvents\n| where LoginServer == "e2ecsvacr.azurecr.io"\n| summarize n = count(), bytes = sum(Size) by OperationName\n| sort by OperationName asc');
  await expect.poll(() => recordCount(page)).toBe(2);
  await expect(resultsGrid(page).getByRole('row').nth(1)).toContainText('Pull');
  await expect(resultsGrid(page).getByRole('row').nth(1)).toContainText(/5,?120/);
  await expect(resultsGrid(page).getByRole('row').nth(2)).toContainText('Push');
});

test('the same file loaded twice is skipped with a notice', async ({ page }) => {
  await openExplorer(page);
  await pick(page, 'Open files…', fixturePath('PT1H.json'));
  await expect(summary(page)).toContainText(/ContainerRegistryRepositoryEvents: 4 rows/);
  await pick(page, 'Open files…', { name: 'copy-of-PT1H.json', mimeType: 'application/json', buffer: readFileSync(fixturePath('PT1H.json')) });
  await expect(summary(page)).toContainText('Already loaded (same content as PT1H.json): skipped.');

  await run(page, 'ContainerRegistryRepositoryEvents | where LoginServer == "e2edropacr.azurecr.io" | count');
  await expect(resultsGrid(page).getByRole('row').nth(1)).toContainText('4');
});

test('a .gz file is decompressed and loaded', async ({ page }) => {
  await openExplorer(page);
  await pick(page, 'Open files…', { name: 'PT1H.json.gz', mimeType: 'application/gzip', buffer: gzipSync(readFileSync(fixturePath('PT1H.json'))) });
  await expect(summary(page)).toContainText('PT1H.json.gz');
  await expect(summary(page)).toContainText('gzip');
  await expect(summary(page)).toContainText(/ContainerRegistryRepositoryEvents: 4 rows/);
  await expect(summary(page)).toContainText(/line 3\b/);
  await run(page, 'ContainerRegistryLoginEvents | where LoginServer == "e2edropacr.azurecr.io" | count');
  await expect(resultsGrid(page).getByRole('row').nth(1)).toContainText('1');
});

test('a .zip archive loads each entry as its own file', async ({ page }) => {
  await openExplorer(page);
  const pt1h = new Uint8Array(readFileSync(fixturePath('PT1H.json')));
  const zip = zipSync({ 'export/': [new Uint8Array(0), {}], 'export/h=13/PT1H.json': pt1h, 'export/notes.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
  await pick(page, 'Open files…', { name: 'logs.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await expect(summary(page)).toContainText('logs.zip/export/h=13/PT1H.json');
  await expect(summary(page)).toContainText('in a zip archive');
  await expect(summary(page)).toContainText(/ContainerRegistryRepositoryEvents: 4 rows/);
  await expect(summary(page)).toContainText('logs.zip/export/notes.png');
  await expect(summary(page)).toContainText('Not loaded: a PNG image, not a log file');
  await run(page, 'ContainerRegistryRepositoryEvents | where LoginServer == "e2edropacr.azurecr.io" | count');
  await expect(resultsGrid(page).getByRole('row').nth(1)).toContainText('4');
});

test('a wrong file is refused with a clear message and loads nothing', async ({ page }) => {
  await openExplorer(page);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  await pick(page, 'Open files…', { name: 'screenshot.png', mimeType: 'image/png', buffer: png });
  await expect(summary(page)).toContainText('Not loaded: a PNG image, not a log file');
});

test('a table can be removed, and everything cleared, after a confirmation', async ({ page }) => {
  await openExplorer(page);
  const tree = page.getByRole('tree', { name: 'Loaded tables' });
  await expect(tree.getByRole('treeitem', { name: 'Syslog' })).toBeVisible();

  await tree.getByRole('button', { name: 'Remove Syslog' }).click();
  // Nothing happens before the confirmation; "Keep" keeps it.
  await page.getByRole('button', { name: 'Keep' }).click();
  await expect(tree.getByRole('treeitem', { name: 'Syslog' })).toBeVisible();

  await tree.getByRole('button', { name: 'Remove Syslog' }).click();
  await page.getByRole('group', { name: /^Remove table Syslog/ }).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(tree.getByRole('treeitem', { name: 'Syslog' })).toHaveCount(0);
  await run(page, 'Syslog | count');
  await expect(page.getByRole('region', { name: 'Results' })).toContainText(/Syslog/);

  await page.getByRole('button', { name: 'Clear all', exact: true }).click();
  await page.getByRole('group', { name: /^Remove all \d+ tables\?/ }).getByRole('button', { name: 'Clear all', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Schema' })).toContainText('No tables loaded yet.');
});

test('a long load shows progress and can be cancelled, keeping nothing of it', async ({ page }, testInfo) => {
  await openExplorer(page);
  const line = '{"time":"2024-05-01T10:00:00Z","category":"ContainerRegistryLoginEvents","loginServer":"e2ecancelacr.azurecr.io","identity":"someone@contoso.com"}\n';
  // Why a file on disk: Playwright refuses in-memory buffers above 50 MB.
  const bigPath = testInfo.outputPath('big.json');
  writeFileSync(bigPath, line.repeat(1_000_000));
  await pick(page, 'Open files…', bigPath);
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel loading' }).click();
  await expect(summary(page)).toContainText('Loading was cancelled: nothing of the file was loaded.');
  await run(page, 'ContainerRegistryLoginEvents | where LoginServer == "e2ecancelacr.azurecr.io" | count');
  await expect(resultsGrid(page).getByRole('row').nth(1)).toContainText('0');
});
