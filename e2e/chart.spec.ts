import { test, expect, openExplorer, openGallery } from './fixtures';

test('the push/pull gallery query draws a time chart with two series', async ({ page }) => {
  await openExplorer(page);
  await (await openGallery(page)).getByRole('button', { name: 'Push and pull counts over time' }).click();
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');
  const chart = results.getByRole('img', { name: /^Time chart of 2 series/ });
  await expect(chart).toBeVisible();
  // What is drawn: one SVG group per series, each a line through many points.
  await expect(chart.locator('g.chart-series')).toHaveCount(2);
  const lines = chart.locator('path.recharts-line-curve');
  await expect(lines).toHaveCount(2);
  for (const path of await lines.all()) {
    expect(((await path.getAttribute('d')) ?? '').split(/[LC]/).length).toBeGreaterThan(10);
  }
  // The legend names the two metrics.
  const legend = results.getByRole('list', { name: 'Legend' }).getByRole('listitem');
  expect((await legend.allTextContents()).map((s) => s.trim()).sort()).toEqual(['TotalPullCount', 'TotalPushCount']);
  // The time axis has readable tick labels.
  const ticks = chart.locator('.recharts-xAxis-tick-labels text');
  await expect(ticks.nth(2)).toBeVisible();
  await expect(ticks.first()).toHaveText(/\d/);
});
