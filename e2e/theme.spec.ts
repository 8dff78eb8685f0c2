import { test, expect, openExplorer, openGallery } from './fixtures';
import type { Page } from '@playwright/test';

const STORAGE_KEY = 'kql-explorer.theme';

function themePicker(page: Page) {
  return page.getByRole('banner').getByRole('combobox', { name: 'Theme' });
}

function html(page: Page) {
  return page.locator('html');
}

test('the header toggle switches the page and the editor to dark and back, and remembers it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openExplorer(page);
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await expect(themePicker(page)).toHaveValue('system');
  await expect(page.locator('.monaco-editor').first()).toHaveClass(/\bvs\b/);
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await themePicker(page).selectOption({ label: 'Dark' });
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.monaco-editor.vs-dark').first()).toBeVisible();
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBackground).toBe('rgb(27, 26, 25)');
  expect(darkBackground).not.toBe(lightBackground);
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe('dark');

  await page.reload();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await expect(themePicker(page)).toHaveValue('dark');
  await expect(page.locator('.monaco-editor.vs-dark').first()).toBeVisible();

  await themePicker(page).selectOption({ label: 'Light' });
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('.monaco-editor.vs-dark')).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe('light');
});

test('by default the page follows the system colour scheme, also when it changes', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openExplorer(page);
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await expect(themePicker(page)).toHaveValue('system');
  await expect(page.locator('.monaco-editor.vs-dark').first()).toBeVisible();

  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('.monaco-editor.vs-dark')).toHaveCount(0);
});

test('a corrupt stored theme is ignored and removed', async ({ page }) => {
  await page.addInitScript((key) => {
    if (sessionStorage.getItem('seeded') === null) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key, '{"not":"a theme"}');
    }
  }, STORAGE_KEY);
  await page.emulateMedia({ colorScheme: 'dark' });
  await openExplorer(page);
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await expect(themePicker(page)).toHaveValue('system');
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
});

test('charts use the dark theme colours', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openExplorer(page);
  await (await openGallery(page)).getByRole('button', { name: 'Push and pull counts over time' }).click();
  const chart = page.getByRole('region', { name: 'Results' }).getByRole('img', { name: /^Time chart of 2 series/ });
  await expect(chart.locator('path.recharts-line-curve')).toHaveCount(2);
  const tickFill = await chart.locator('.recharts-cartesian-axis-tick-value').first().evaluate((el) => getComputedStyle(el).fill);
  expect(tickFill).toBe('rgb(200, 198, 196)');
  expect(await chart.locator('path.recharts-line-curve').first().getAttribute('stroke')).toBe('#4ca9ff');
  const panel = await page.locator('.chart-body').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(panel).toBe('rgb(37, 36, 35)');
});
