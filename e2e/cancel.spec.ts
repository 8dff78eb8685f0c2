import { test, expect, openExplorer, setQuery, recordCount } from './fixtures';
import { LAST_30_DAYS, storeTimeSettings } from './timeSettings';

// The slow query below is sized for the whole sample; the default time range (Last 24 hours)
// would scan about a seventh of it.
test.beforeEach(async ({ page }) => {
  await storeTimeSettings(page, LAST_30_DAYS);
});

// A query that keeps the engine busy for many seconds on the sample data: grouping 100 copies of
// the repository events (5.6M rows) by high-cardinality keys. If the engine ever gets fast enough to
// finish it before the Cancel click lands, this test fails: make the query heavier then.
const SLOW_QUERY = [
  'ContainerRegistryRepositoryEvents',
  `| union ${Array.from({ length: 100 }, () => 'ContainerRegistryRepositoryEvents').join(', ')}`,
  '| summarize dcount(CorrelationId), count() by CorrelationId, Digest, DurationMs, bin(TimeGenerated, 1s)',
].join('\n');

test('a long query can be cancelled and the loaded tables stay loaded', async ({ page }) => {
  await openExplorer(page);
  await setQuery(page, SLOW_QUERY);
  const run = page.getByRole('button', { name: 'Run', exact: true });
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  await run.click();
  await expect(cancel).toBeEnabled();
  // While the worker is busy the page stays responsive: the schema tree still reacts to clicks.
  const schema = page.getByRole('region', { name: 'Schema' });
  const table = schema.getByRole('treeitem', { name: /^AzureMetrics\b/ });
  await table.click();
  await cancel.click();
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results).toContainText(/cancelled/i);
  await expect(cancel).toBeDisabled();

  // The tables are still loaded: a normal query answers.
  await setQuery(page, 'ContainerRegistryLoginEvents\n| take 10');
  await run.click();
  await expect.poll(() => recordCount(page)).toBe(10);
});
