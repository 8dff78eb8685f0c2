import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, openExplorer, setQuery, gridColumnNames, recordCount, resultsGrid } from './fixtures';
import { FIXTURES_AND_SAMPLE, storeTimeSettings } from './timeSettings';

// The fixture's events are from 2024: outside the default time range (Last 24 hours).
test.beforeEach(async ({ page }) => {
  await storeTimeSettings(page, FIXTURES_AND_SAMPLE);
});

const fixture = readFileSync(fileURLToPath(new URL('./fixtures/PT1H.json', import.meta.url)), 'utf8');

test('a dropped PT1H.json becomes queryable, and its malformed line is reported', async ({ page }) => {
  await openExplorer(page);

  // Drop the file on the page as a user would: a real drop event carrying a File.
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'PT1H.json', { type: 'application/json' }));
    return dt;
  }, fixture);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });

  const summary = page.getByRole('region', { name: 'File load summary' });
  await expect(summary).toContainText('PT1H.json');
  // 4 repository rows and 1 login row loaded; line 3 is malformed and skipped.
  await expect(summary).toContainText(/ContainerRegistryRepositoryEvents\D*4\b/);
  await expect(summary).toContainText(/ContainerRegistryLoginEvents\D*1\b/);
  await expect(summary).toContainText(/line 3\b/i);

  await setQuery(page, 'ContainerRegistryRepositoryEvents\n| where LoginServer == "e2edropacr.azurecr.io"\n| project TimeGenerated, OperationName, Repository, Tag, ResultDescription, DurationMs, Size\n| sort by TimeGenerated asc');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => gridColumnNames(page)).toEqual(['TimeGenerated', 'OperationName', 'Repository', 'Tag', 'ResultDescription', 'DurationMs', 'Size']);
  await expect.poll(() => recordCount(page)).toBe(4);
  const firstRow = resultsGrid(page).getByRole('row').nth(1);
  await expect(firstRow).toContainText('2024-05-01T13:02:11.456');
  await expect(firstRow).toContainText('Pull');
  await expect(firstRow).toContainText('e2e/dropped-image');
  await expect(firstRow).toContainText(/1,?609/);
});
