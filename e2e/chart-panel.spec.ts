import { readFile } from 'node:fs/promises';
import { test, expect, openExplorer, openGallery, setQuery } from './fixtures';
import type { Page } from '@playwright/test';

const TWO_MEASURES = [
  'ContainerRegistryRepositoryEvents',
  '| where OperationName in ("Push", "Pull")',
  '| summarize n = count(), dur = sum(todouble(DurationMs)) by bin(TimeGenerated, 1h), OperationName',
  '| render timechart',
].join('\n');

async function runQuery(page: Page, text: string): Promise<void> {
  await setQuery(page, text);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

/** The text Monaco shows (its textarea holds only the text near the caret). */
function editorLines(page: Page) {
  return page.getByRole('region', { name: 'Query' }).locator('.monaco-editor .view-lines');
}

function resultsRegion(page: Page) {
  return page.getByRole('region', { name: 'Results' });
}

function chartSettings(page: Page) {
  return resultsRegion(page).getByRole('group', { name: 'Chart settings' });
}

/** Opens a column checklist ("Y columns", "Series") and sets one checkbox. */
async function setColumnChecked(page: Page, list: 'Y columns' | 'Series', option: string, checked: boolean): Promise<void> {
  const details = chartSettings(page).locator('details', { has: page.getByText(list, { exact: true }) });
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator('summary').click();
  await details.getByRole('checkbox', { name: option }).setChecked(checked);
  await details.locator('summary').click();
}

test('chart type, x, y and series change without running the query again; Reset returns to the render', async ({ page }) => {
  await openExplorer(page);
  await runQuery(page, TWO_MEASURES);
  const results = resultsRegion(page);
  await expect(results.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');
  await expect(results.getByRole('img', { name: /^Time chart of 4 series: Pull:n, Pull:dur, Push:n, Push:dur$|^Time chart of 4 series: Push:n, Push:dur, Pull:n, Pull:dur$/ })).toBeVisible();

  // A marker on the panel: a rerun replaces the panel with the "Running" notice and a new panel.
  await results.locator('.chart-panel').evaluate((el) => el.setAttribute('data-probe', 'same-panel'));
  const status = await results.getByRole('status').filter({ hasText: /records?/ }).textContent();
  const queryText = await editorLines(page).innerText();

  await setColumnChecked(page, 'Y columns', 'dur (real)', false);
  await expect(results.getByRole('img', { name: /^Time chart of 2 series: (Pull, Push|Push, Pull)$/ })).toBeVisible();

  await setColumnChecked(page, 'Series', 'OperationName (string)', false);
  await expect(results.getByRole('img', { name: 'Time chart of 1 series: n' })).toBeVisible();

  const settings = chartSettings(page);
  await settings.getByRole('combobox', { name: 'Chart type' }).selectOption({ label: 'Column chart' });
  await settings.getByRole('combobox', { name: 'X axis' }).selectOption({ label: 'OperationName (string)' });
  const columns = results.getByRole('img', { name: 'Column chart of 1 series: n' });
  await expect(columns).toBeVisible();
  await expect(columns.locator('.recharts-xAxis-tick-labels text')).toHaveCount(2);
  expect((await columns.locator('.recharts-xAxis-tick-labels text').allTextContents()).sort()).toEqual(['Pull', 'Push']);
  await expect(columns.locator('path.recharts-rectangle')).toHaveCount(2);

  // Back to series by operation and stacked to 100 %: the value axis ends at 100 %.
  await setColumnChecked(page, 'Series', 'TimeGenerated (datetime)', false);
  await settings.getByRole('combobox', { name: 'X axis' }).selectOption({ label: 'TimeGenerated (datetime)' });
  await setColumnChecked(page, 'Series', 'OperationName (string)', true);
  await settings.getByRole('combobox', { name: 'Stacking' }).selectOption({ label: 'Stacked 100%' });
  const stacked = results.getByRole('img', { name: /^Column chart of 2 series/ });
  await expect(stacked).toBeVisible();
  await expect(stacked.locator('.recharts-yAxis-tick-labels text').last()).toHaveText('100%');

  // Nothing ran: same panel element, same status line, same query text.
  await expect(results.locator('.chart-panel')).toHaveAttribute('data-probe', 'same-panel');
  await expect(results.getByRole('status').filter({ hasText: /records?/ })).toHaveText(status ?? '');
  expect(await editorLines(page).innerText()).toBe(queryText);

  // Looking at the grid and coming back keeps the settings.
  await results.getByRole('tab', { name: 'Results' }).click();
  await results.getByRole('tab', { name: 'Chart' }).click();
  await expect(results.getByRole('img', { name: /^Column chart of 2 series/ })).toBeVisible();
  await expect(settings.getByRole('combobox', { name: 'Stacking' })).toHaveValue('stacked100');

  const reset = settings.getByRole('button', { name: 'Reset to query' });
  await reset.click();
  await expect(results.getByRole('img', { name: /^Time chart of 4 series/ })).toBeVisible();
  await expect(settings.getByRole('combobox', { name: 'Chart type' })).toHaveValue('timechart');
  await expect(reset).toBeDisabled();
  await expect(results.getByRole('status').filter({ hasText: /records?/ })).toHaveText(status ?? '');
});

test('a legend entry hides and shows its series, with the mouse and the keyboard', async ({ page }) => {
  await openExplorer(page);
  await (await openGallery(page)).getByRole('button', { name: 'Push and pull counts over time' }).click();
  const results = resultsRegion(page);
  const chart = results.getByRole('img', { name: /^Time chart of 2 series/ });
  await expect(chart.locator('g.chart-series')).toHaveCount(2);
  const legend = results.getByRole('list', { name: 'Legend' });
  const pull = legend.getByRole('button', { name: 'TotalPullCount' });
  await expect(pull).toHaveAttribute('aria-pressed', 'true');

  await pull.click();
  await expect(pull).toHaveAttribute('aria-pressed', 'false');
  await expect(results.getByRole('img', { name: 'Time chart of 1 series: TotalPushCount' })).toBeVisible();
  await expect(results.locator('.chart-canvas g.chart-series')).toHaveCount(1);

  await pull.focus();
  await page.keyboard.press('Enter');
  await expect(pull).toHaveAttribute('aria-pressed', 'true');
  await expect(results.locator('.chart-canvas g.chart-series')).toHaveCount(2);
});

test('hovering a time chart shows a tooltip with the UTC time as the grid writes it', async ({ page }) => {
  await openExplorer(page);
  await (await openGallery(page)).getByRole('button', { name: 'Pushes and pulls per hour' }).click();
  const canvas = resultsRegion(page).locator('.chart-canvas');
  await expect(canvas.locator('g.chart-series').first()).toBeVisible();
  const box = await canvas.locator('.recharts-cartesian-grid').boundingBox();
  if (box === null) throw new Error('no grid drawn');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tooltip = canvas.locator('.recharts-tooltip-wrapper');
  await expect(tooltip).toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z/);
  await expect(tooltip).toContainText(/(Pull|Push) : \d+/);
});

test('the chart exports as a real PNG named chart-<yyyyMMdd-HHmmss>.png', async ({ page }) => {
  await openExplorer(page);
  await (await openGallery(page)).getByRole('button', { name: 'Push and pull counts over time' }).click();
  const results = resultsRegion(page);
  const chart = results.getByRole('img', { name: /^Time chart of 2 series/ });
  await expect(chart.locator('path.recharts-line-curve')).toHaveCount(2);
  const chartWidth = (await chart.locator('svg.recharts-surface').boundingBox())?.width ?? 0;

  const downloadEvent = page.waitForEvent('download');
  await chartSettings(page).getByRole('button', { name: 'Export PNG' }).click();
  const download = await downloadEvent;
  expect(download.suggestedFilename()).toMatch(/^chart-\d{8}-\d{6}\.png$/);
  const path = await download.path();
  const bytes = await readFile(path);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  // Drawn at twice the on-screen size, plus margins, title and legend.
  expect(width).toBeGreaterThanOrEqual(2 * Math.round(chartWidth));
  expect(width).toBeLessThan(2 * Math.round(chartWidth) + 200);
  expect(height).toBeGreaterThan(400);
  expect(bytes.length).toBeGreaterThan(15_000);
});

test('a result that cannot be charted says what the chosen chart needs', async ({ page }) => {
  await openExplorer(page);
  await runQuery(page, 'ContainerRegistryRepositoryEvents\n| take 5\n| project OperationName, Repository\n| render timechart with (title="Ops", ysplit=panels)');
  const results = resultsRegion(page);
  await expect(results.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');
  await expect(results.getByText('A time chart needs a datetime column for the x-axis and at least one numeric column', { exact: false })).toBeVisible();
  await expect(results.getByText('This result has: OperationName (string), Repository (string).')).toBeVisible();
  await expect(results.getByText('Not applied: ysplit=panels')).toBeVisible();
  await expect(chartSettings(page).getByRole('button', { name: 'Export PNG' })).toBeDisabled();

  await chartSettings(page).getByRole('combobox', { name: 'Chart type' }).selectOption({ label: 'Pie chart' });
  await expect(results.getByText('A pie chart needs at least one numeric column', { exact: false })).toBeVisible();
});
