import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, openExplorer, setQuery, resultsGrid, gridColumnNames, recordCount } from './fixtures';

/** Runs `text` (replacing the editor text) and waits until the status bar reports a count. */
async function run(page: Page, text: string): Promise<void> {
  await setQuery(page, text);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Results' }).getByText(/records?$/).first()).toBeVisible();
}

/** The texts of column `index` (0-based among shown columns) of the first `rows` body rows. */
async function columnTexts(page: Page, index: number, rows: number): Promise<string[]> {
  const texts: string[] = [];
  for (let r = 1; r <= rows; r++) texts.push(((await resultsGrid(page).getByRole('row').nth(r).getByRole('gridcell').nth(index).textContent()) ?? '').trim());
  return texts;
}

/** The single value a one-cell query returns. */
async function scalar(page: Page, text: string): Promise<string> {
  await run(page, text);
  return ((await resultsGrid(page).getByRole('row').nth(1).getByRole('gridcell').first().textContent()) ?? '').trim();
}

function header(page: Page, name: string) {
  return resultsGrid(page).getByRole('columnheader').filter({ has: page.getByRole('button', { name, exact: true }) });
}

test('a header click sorts the WHOLE result in the worker: ascending, descending, off', async ({ page }) => {
  await openExplorer(page, '/?resultCap=100');
  const max = await scalar(page, 'ContainerRegistryRepositoryEvents | summarize max(Size)');
  const nulls = Number(await scalar(page, 'ContainerRegistryRepositoryEvents | summarize countif(isnull(Size))'));
  await run(page, 'ContainerRegistryRepositoryEvents | project Repository, Size');
  const total = await recordCount(page);
  expect(total).toBeGreaterThan(100);
  const size = header(page, 'Size');
  await expect(size).toHaveAttribute('aria-sort', 'none');
  await size.getByRole('button').click();
  await expect(size).toHaveAttribute('aria-sort', 'ascending');
  // Ascending puts nulls first (Kusto's `sort by ... asc`), then the smallest values.
  if (nulls > 0) await expect.poll(() => columnTexts(page, 1, 1)).toEqual(['']);
  await size.getByRole('button').click();
  await expect(size).toHaveAttribute('aria-sort', 'descending');
  // Descending starts at the maximum of all rows, although only 100 were sent.
  await expect.poll(() => columnTexts(page, 1, 1)).toEqual([max]);
  const top = (await columnTexts(page, 1, 5)).map(Number);
  expect(top).toEqual([...top].sort((a, b) => b - a));
  await size.getByRole('button').click();
  await expect(size).toHaveAttribute('aria-sort', 'none');
});

test('columns can be hidden, shown again and reordered by keyboard and by dragging', async ({ page }) => {
  await openExplorer(page);
  await run(page, 'ContainerRegistryRepositoryEvents | project Repository, OperationName, Size | take 5');
  expect(await gridColumnNames(page)).toEqual(['Repository', 'OperationName', 'Size']);
  await page.getByRole('button', { name: 'Columns', exact: true }).click();
  const chooser = page.getByRole('dialog', { name: 'Choose columns' });
  await chooser.getByRole('checkbox', { name: 'OperationName' }).uncheck();
  await expect.poll(() => gridColumnNames(page)).toEqual(['Repository', 'Size']);
  await chooser.getByRole('button', { name: 'Show all' }).click();
  await expect.poll(() => gridColumnNames(page)).toEqual(['Repository', 'OperationName', 'Size']);
  await page.keyboard.press('Escape');
  // Keyboard: Alt+Shift+Right on a header moves the column right.
  await resultsGrid(page).getByRole('button', { name: 'Repository', exact: true }).focus();
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect.poll(() => gridColumnNames(page)).toEqual(['OperationName', 'Repository', 'Size']);
  // Mouse: drag the Size header onto the first one.
  await resultsGrid(page).getByRole('button', { name: 'Size', exact: true }).dragTo(header(page, 'OperationName'));
  await expect.poll(() => gridColumnNames(page)).toEqual(['Size', 'OperationName', 'Repository']);
});

test('a row expands into details with every field and a collapsible JSON tree', async ({ page }) => {
  await openExplorer(page);
  await run(page, 'ContainerRegistryRepositoryEvents | take 2 | project Repository, Size, Info = parse_json(\'{"a":{"b":[10,20]},"c":"x"}\')');
  await resultsGrid(page).getByRole('button', { name: 'Show details of row 1' }).click();
  const details = page.getByRole('region', { name: 'Row details' });
  await expect(details.getByRole('rowheader', { name: 'Repository' })).toBeVisible();
  await expect(details.getByRole('row', { name: /Size/ })).toContainText('int');
  const info = details.getByRole('row', { name: /Info/ });
  await expect(info).toContainText('dynamic');
  // Two levels open: a, b; the array b's items are hidden until b opens.
  await expect(info.getByRole('button', { name: 'Collapse a' })).toBeVisible();
  const b = info.getByRole('button', { name: 'Expand b' });
  await expect(info.getByText('20', { exact: true })).toHaveCount(0);
  await b.click();
  await expect(info.getByText('20', { exact: true })).toBeVisible();
  await info.getByRole('button', { name: 'Collapse a' }).click();
  await expect(info.getByRole('button', { name: /b$/ })).toHaveCount(0);
  await details.getByRole('button', { name: 'Close row details' }).click();
  await expect(details).toHaveCount(0);
});

test('cells, rows and keyboard selections copy to the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openExplorer(page);
  await run(page, 'ContainerRegistryRepositoryEvents | summarize n = count() by OperationName | order by OperationName asc');
  const grid = resultsGrid(page);
  const names = await columnTexts(page, 0, 2);
  const counts = await columnTexts(page, 1, 2);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await grid.getByRole('row').nth(1).getByRole('gridcell').first().click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Copy cell' }).click();
  await expect.poll(clipboard).toBe(names[0]);
  await grid.getByRole('row').nth(1).getByRole('gridcell').first().click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Copy row (tab-separated)' }).click();
  await expect.poll(clipboard).toBe(`${names[0]}\t${counts[0]}`);
  await grid.getByRole('row').nth(1).getByRole('gridcell').first().click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Copy row as JSON' }).click();
  await expect.poll(async () => JSON.parse(await clipboard()) as unknown).toEqual({ OperationName: names[0], n: Number(counts[0]) });
  // Keyboard: the grid's active cell moves with the arrows; Shift extends; Ctrl+C copies the range.
  await grid.getByRole('row').nth(1).getByRole('gridcell').first().click();
  await expect(grid).toHaveAttribute('aria-activedescendant', /r0-c0$/);
  await page.keyboard.press('ArrowRight');
  await expect(grid).toHaveAttribute('aria-activedescendant', /r0-c1$/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('ControlOrMeta+c');
  await expect.poll(clipboard).toBe(`${names[0]}\t${counts[0]}\n${names[1]}\t${counts[1]}`);
  // Shift+click selects a range too.
  await grid.getByRole('row').nth(1).getByRole('gridcell').nth(1).click();
  await grid.getByRole('row').nth(2).getByRole('gridcell').nth(1).click({ modifiers: ['Shift'] });
  await page.keyboard.press('ControlOrMeta+c');
  await expect.poll(clipboard).toBe(`${counts[0]}\n${counts[1]}`);
});

test('search filters the whole result in the worker and counts the matches', async ({ page }) => {
  await openExplorer(page, '/?resultCap=50');
  // A time filter in the query (not the picker's moving window) keeps both runs on the same rows.
  const pulls = Number(await scalar(page, 'ContainerRegistryRepositoryEvents | where TimeGenerated > ago(3650d) | where OperationName contains "pull" | count'));
  expect(pulls).toBeGreaterThan(50);
  await run(page, 'ContainerRegistryRepositoryEvents | where TimeGenerated > ago(3650d) | project OperationName');
  await page.getByRole('searchbox', { name: 'Search in results' }).fill('PULL');
  await expect(page.getByText(/matching rows?$/)).toHaveText(`${pulls.toLocaleString('en')} matching rows`);
  await expect(resultsGrid(page)).toHaveAttribute('aria-rowcount', String(pulls + 1));
  await expect.poll(async () => (await columnTexts(page, 0, 3)).every((t) => /pull/i.test(t))).toBe(true);
  await page.getByRole('searchbox', { name: 'Search in results' }).fill('no such text anywhere');
  await expect(page.getByText(/matching rows?$/)).toHaveText('0 matching rows');
});

test('include and exclude a value append a where line to the run block and run it', async ({ page }) => {
  await openExplorer(page);
  await run(page, 'ContainerRegistryRepositoryEvents\n| summarize n = count() by OperationName\n| order by OperationName asc');
  const before = await recordCount(page);
  expect(before).toBeGreaterThan(1);
  const first = (await columnTexts(page, 0, 1))[0];
  const editorText = () => page.getByRole('region', { name: 'Query' }).locator('.monaco-editor .view-lines').innerText();
  await resultsGrid(page).getByRole('row').nth(1).getByRole('gridcell').first().click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Include this value' }).click();
  await expect.poll(() => recordCount(page)).toBe(1);
  expect(await columnTexts(page, 0, 1)).toEqual([first]);
  await expect.poll(async () => (await editorText()).replace(/\u00a0/g, ' ')).toContain(`| where OperationName == "${first}"`);
  // Exclude from the filtered result: the block now ends with both lines; nothing is left.
  await resultsGrid(page).getByRole('row').nth(1).getByRole('gridcell').first().click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Exclude this value' }).click();
  await expect.poll(async () => (await editorText()).replace(/\u00a0/g, ' ')).toContain(`| where OperationName != "${first}"`);
  await expect(page.getByText('No results found.')).toBeVisible();
});

test('a result beyond the cap says "Showing N of M rows" and exports every row as CSV and JSON', async ({ page }) => {
  await openExplorer(page, '/?resultCap=50');
  await run(page, 'ContainerRegistryRepositoryEvents | project TimeGenerated, OperationName, Size | take 120');
  await expect(page.getByRole('note')).toContainText('Showing 50 of 120 rows');
  expect(await recordCount(page)).toBe(120);
  await expect(resultsGrid(page)).toHaveAttribute('aria-rowcount', '121');

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'CSV (all rows)' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^query-results-\d{8}-\d{6}\.csv$/);
  const csvText = await readFile(await csv.path(), 'utf8');
  const lines = csvText.split('\r\n');
  expect(lines[0]).toBe('TimeGenerated,OperationName,Size');
  expect(lines.at(-1)).toBe('');
  expect(lines).toHaveLength(122);
  for (const line of lines.slice(1, -1)) expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z,[^,]+,\d*$/);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'JSON (all rows)' }).click();
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toMatch(/^query-results-\d{8}-\d{6}\.json$/);
  const rows = JSON.parse(await readFile(await json.path(), 'utf8')) as { TimeGenerated: string; OperationName: string; Size: number | null }[];
  expect(rows).toHaveLength(120);
  for (const row of rows) {
    expect(row.TimeGenerated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);
    expect(typeof row.OperationName).toBe('string');
    expect(row.Size === null || typeof row.Size === 'number').toBe(true);
  }
  // The CSV and the JSON hold the same rows in the same order.
  expect(lines.slice(1, -1).map((l) => l.split(',')[1])).toEqual(rows.map((r) => r.OperationName));
});
