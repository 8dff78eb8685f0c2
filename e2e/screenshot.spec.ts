import { test, expect, openExplorer, openGallery } from './fixtures';

/**
 * Makes the README screenshot of the real app (run with `npm run screenshot`).
 * Not part of `npm test`: it writes docs/screenshot.png.
 */
test('README screenshot', async ({ page }) => {
  await openExplorer(page);
  await (await openGallery(page)).getByRole('button', { name: 'Pushes and pulls per hour' }).click();
  await expect(page.getByRole('region', { name: 'Results' }).getByRole('img')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshot.png' });
});
