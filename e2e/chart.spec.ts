import { test, expect, openExplorer } from './fixtures';

test('the push/pull gallery query draws a time chart with two series', async ({ page }) => {
  await openExplorer(page);
  await page.getByRole('region', { name: 'Query gallery' }).getByRole('button', { name: 'Push and pull counts over time' }).click();
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');
  const chart = results.getByRole('img', { name: /time ?chart/i });
  await expect(chart).toBeVisible();
  // One drawn line per series, named after the MetricName values.
  const series = chart.locator('[data-series]');
  await expect(series).toHaveCount(2);
  expect((await series.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-series')))).sort()).toEqual(['TotalPullCount', 'TotalPushCount']);
  // The lines really have points: an SVG path with several segments each.
  for (const path of await chart.locator('path.recharts-line-curve').all()) {
    expect(((await path.getAttribute('d')) ?? '').split('L').length).toBeGreaterThan(10);
  }
  // The time axis is labelled.
  await expect(chart.locator('.recharts-xAxis .recharts-cartesian-axis-tick').first()).toBeVisible();
});
