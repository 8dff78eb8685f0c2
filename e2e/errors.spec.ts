import { test, expect, openExplorer, setQuery } from './fixtures';

test('an invalid query shows its error in the results and a marker in the editor', async ({ page }) => {
  await openExplorer(page);
  await setQuery(page, 'ContainerRegistryRepositoryEvents\n| where NoSuchColumn == "x"');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const alert = page.getByRole('region', { name: 'Results' }).getByRole('alert');
  await expect(alert).toContainText('NoSuchColumn');
  await expect(alert).toContainText(/line 2/i);
  // Monaco draws error markers as squiggly decorations (there is no ARIA role for them).
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
});

test('a known but unimplemented operator answers "not supported yet" at its position', async ({ page }) => {
  await openExplorer(page);
  await setQuery(page, 'ContainerRegistryRepositoryEvents\n| reduce by Repository');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const alert = page.getByRole('region', { name: 'Results' }).getByRole('alert');
  await expect(alert).toContainText('not supported yet: reduce');
  await expect(alert).toContainText(/line 2/i);
});
