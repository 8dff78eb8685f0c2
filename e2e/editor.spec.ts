import { test, expect, openExplorer, setQuery, editor, recordCount, gridColumnNames } from './fixtures';

test('completion lists the loaded tables and their columns', async ({ page }) => {
  await openExplorer(page);
  // The KQL language worker gets the schema a moment after the page opens; like a user, ask again
  // (Ctrl+Space) until the list shows what is loaded.
  await expect(async () => {
    await setQuery(page, '');
    await editor(page).pressSequentially('ContainerRegistryL');
    await page.keyboard.press('Control+Space');
    await expect(page.getByRole('option', { name: /ContainerRegistryLoginEvents/ }).first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await page.keyboard.insertText('oginEvents\n| where ');
  await editor(page).pressSequentially('Jwt');
  await page.keyboard.press('Control+Space');
  await expect(page.getByRole('option', { name: /JwtId/ }).first()).toBeVisible();
});

test('Shift+Enter runs the query block under the cursor', async ({ page }) => {
  await openExplorer(page);
  await setQuery(page, 'ContainerRegistryLoginEvents\n| take 3\n\nAzureMetrics\n| where MetricName == "StorageUsed"\n| take 5');
  // The caret is at the end: the second block runs.
  await page.keyboard.press('Shift+Enter');
  await expect.poll(() => recordCount(page)).toBe(5);
  expect(await gridColumnNames(page)).toContain('MetricName');
  // Move to the first line: the first block runs.
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('Shift+Enter');
  await expect.poll(() => recordCount(page)).toBe(3);
  expect(await gridColumnNames(page)).toContain('JwtId');
});
