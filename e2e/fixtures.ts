import { test as base, expect, type Page } from '@playwright/test';

/**
 * The test fixture every spec uses. It records every request the page makes and fails the
 * test if any goes to another origin than the app's (privacy: nothing leaves the page), and
 * it fails on uncaught page errors.
 */
export const test = base.extend<{ offOriginRequests: string[] }>({
  offOriginRequests: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://localhost').origin;
      const offOrigin: string[] = [];
      const pageErrors: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) offOrigin.push(url);
      });
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await use(offOrigin);
      expect(offOrigin, 'requests that left the page origin').toEqual([]);
      expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app and waits until the sample logs are loaded and the first query shows rows. */
export async function openExplorer(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(resultsGrid(page).getByRole('row').nth(1)).toBeVisible({ timeout: 45_000 });
}

export function resultsGrid(page: Page) {
  return page.getByRole('region', { name: 'Results' }).getByRole('grid');
}

export function editor(page: Page) {
  return page.getByRole('textbox', { name: 'Query editor' });
}

/** Replaces the editor text (insertText: no key events, so completion cannot interfere). */
export async function setQuery(page: Page, text: string): Promise<void> {
  const box = editor(page);
  await box.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Reads the header names of the results grid. */
export async function gridColumnNames(page: Page): Promise<string[]> {
  const headers = resultsGrid(page).getByRole('columnheader');
  return (await headers.allTextContents()).map((t) => t.trim());
}

/** The number of records the status bar reports. */
export async function recordCount(page: Page): Promise<number> {
  const text = await page.getByRole('region', { name: 'Results' }).getByText(/records?$/).first().textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

/** Shows the query gallery in the side panel and returns it. */
export async function openGallery(page: Page) {
  await page.getByRole('tab', { name: 'Queries' }).click();
  return page.getByRole('region', { name: 'Query gallery' });
}
