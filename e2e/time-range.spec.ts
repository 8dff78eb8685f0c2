import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, openExplorer, setQuery, resultsGrid } from './fixtures';

const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

function results(page: Page) {
  return page.getByRole('region', { name: 'Results' });
}

function pickerButton(page: Page) {
  return page.getByRole('button', { name: /^Time range: / });
}

async function run(page: Page, query: string): Promise<void> {
  await setQuery(page, query);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

/** Runs a `count` query and returns the number in its one cell. */
async function countOf(page: Page, query: string, scope: RegExp): Promise<number> {
  await run(page, query);
  await expect(results(page).getByRole('status').filter({ hasText: scope })).toBeVisible();
  const cell = resultsGrid(page).getByRole('gridcell').first();
  await expect(cell).toHaveText(/\d/);
  return Number(((await cell.textContent()) ?? '').replace(/\D/g, ''));
}

async function chooseRange(page: Page, name: string): Promise<void> {
  await pickerButton(page).click();
  // A click, not check(): choosing closes the dialog at once.
  await page.getByRole('dialog', { name: 'Time range' }).getByRole('radio', { name, exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Time range' })).toHaveCount(0);
}

/** The exact instants of the applied range, as the time line above the results gives them. */
async function appliedRange(page: Page): Promise<{ from: string; to: string }> {
  const times = results(page).getByRole('status').filter({ hasText: /^Time range: / }).locator('time');
  await expect(times).toHaveCount(2);
  return { from: (await times.nth(0).getAttribute('datetime')) ?? '', to: (await times.nth(1).getAttribute('datetime')) ?? '' };
}

test('the last 24 hours apply by default, as a time filter in the query would', async ({ page }) => {
  await openExplorer(page);
  await expect(pickerButton(page)).toHaveText('Time range: Last 24 hours');
  const scoped = await countOf(page, 'ContainerRegistryRepositoryEvents | count', /^Time range: Last 24 hours/);
  const day = await appliedRange(page);
  expect(Date.parse(day.to) - Date.parse(day.from)).toBe(24 * 3_600_000);
  // The same instants written into the query: the picker then steps aside, and the count agrees.
  const filter = `where TimeGenerated between (datetime(${day.from}) .. datetime(${day.to}))`;
  const inQuery = await countOf(page, `ContainerRegistryRepositoryEvents | ${filter} | count`, /^Time range: Set in query/);
  expect(scoped).toBeGreaterThan(0);
  expect(scoped).toBe(inQuery);
  // ago(24h) counts the same day, give or take the events of the seconds between the two runs.
  const viaAgo = await countOf(page, 'ContainerRegistryRepositoryEvents | where TimeGenerated > ago(24h) | count', /^Time range: Set in query/);
  expect(Math.abs(viaAgo - scoped)).toBeLessThan(scoped / 100);

  // A week holds more events than a day; the choice shows in the picker and on the result.
  await chooseRange(page, 'Last 7 days');
  const week = await countOf(page, 'ContainerRegistryRepositoryEvents | count', /^Time range: Last 7 days/);
  expect(week).toBeGreaterThan(scoped);
  const weekRange = await appliedRange(page);
  const weekFilter = `where TimeGenerated between (datetime(${weekRange.from}) .. datetime(${weekRange.to}))`;
  expect(await countOf(page, `ContainerRegistryRepositoryEvents | ${weekFilter} | count`, /^Time range: Set in query/)).toBe(week);

  // Both choices survive a reload (the editor still filters on time, so the button says
  // "Set in query"; the dialog shows the stored choice).
  await page.getByLabel('Now', { exact: true }).selectOption('newestEvent');
  await page.reload();
  await expect(page.getByLabel('Now', { exact: true })).toHaveValue('newestEvent');
  await pickerButton(page).click();
  await expect(page.getByRole('dialog', { name: 'Time range' }).getByRole('radio', { name: 'Last 7 days', exact: true })).toBeChecked();
});

test('the picker shows "Set in query" while the query being typed filters on time', async ({ page }) => {
  await openExplorer(page);
  await setQuery(page, 'ContainerRegistryLoginEvents | where TimeGenerated > ago(2h)');
  await expect(pickerButton(page)).toHaveText('Time range: Set in query');
  await setQuery(page, 'ContainerRegistryLoginEvents | where Identity != ""');
  await expect(pickerButton(page)).toHaveText(/Time range: Last 24 hours/);
});

test('a construct the engine does not support is marked in the editor before running', async ({ page }) => {
  await openExplorer(page);
  // Monaco draws markers as squiggly decorations (there is no ARIA role for them).
  const squiggles = page.locator('.monaco-editor .squiggly-error');
  // A trailing space: no completion list stays open over the end of the line.
  await setQuery(page, 'ContainerRegistryLoginEvents | reduce by Identity ');
  await expect(squiggles.first()).toBeVisible();
  // Nothing ran: the results still show the first query's rows, not an error.
  await expect(results(page).getByRole('alert')).toHaveCount(0);
  // A supported query clears the mark (monaco-kusto itself has nothing to say about either).
  await setQuery(page, 'ContainerRegistryLoginEvents | take 3');
  await expect(squiggles).toHaveCount(0);
});

test('old dropped logs: the empty result says why and one click shows them', async ({ page }) => {
  await openExplorer(page);
  // Only the dropped file's data is loaded: its events are from May 2024.
  await page.getByRole('button', { name: 'Clear all', exact: true }).click();
  await page.getByRole('group', { name: /^Remove all \d+ tables\?/ }).getByRole('button', { name: 'Clear all', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Schema' })).toContainText('No tables loaded yet.');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open files…', exact: true }).click();
  await (await chooser).setFiles(fixturePath('PT1H.json'));
  await expect(page.getByRole('tree', { name: 'Loaded tables' }).getByRole('treeitem', { name: /^ContainerRegistryRepositoryEvents\b/ })).toBeVisible();

  await run(page, 'ContainerRegistryRepositoryEvents | project TimeGenerated, Repository');
  const notice = results(page).getByRole('status').filter({ hasText: /^No rows in the last 24 hours: the loaded data ends at 2024-05-01 \d\d:\d\d UTC\./ });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Use newest event as now' }).click();

  await expect(resultsGrid(page).getByRole('gridcell').filter({ hasText: 'e2e/dropped-image' }).first()).toBeVisible();
  await expect(results(page).getByRole('status').filter({ hasText: /now = newest event, 2024-05-01/ })).toBeVisible();
  await expect(page.getByLabel('Now', { exact: true })).toHaveValue('newestEvent');
});
