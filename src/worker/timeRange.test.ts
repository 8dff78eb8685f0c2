/**
 * The worker side of the time-range picker: the time bounds sent with the table list, the
 * range passed to the engine (applied or "set in query"), and live analysis requests.
 */
import { describe, expect, it } from 'vitest';
import { DataService } from './dataService';
import type { WorkerResponse } from './protocol';
import { analyzeQuery, rowsOf, runQuery } from '../engine';
import { generateSampleTables } from '../sample';
import { msFromTicks } from '../engine/types/datetime';

const ANCHOR = Date.UTC(2024, 2, 1, 10, 0, 0);
const HOUR = 3_600_000;

function makeService(withAnalysis = true): { service: DataService; posted: WorkerResponse[] } {
  const posted: WorkerResponse[] = [];
  const deps = withAnalysis ? { runQuery, generateSampleTables, analyzeQuery } : { runQuery, generateSampleTables };
  return { service: new DataService(deps, (response) => posted.push(response)), posted };
}

function last<T extends WorkerResponse['type']>(posted: WorkerResponse[], type: T): Extract<WorkerResponse, { type: T }> {
  const found = posted.filter((r): r is Extract<WorkerResponse, { type: T }> => r.type === type);
  const item = found[found.length - 1];
  if (item === undefined) throw new Error(`no ${type} response`);
  return item;
}

function countOf(response: Extract<WorkerResponse, { type: 'queryResult' }>): number {
  return Number(rowsOf(response.tables[0])[0][0]);
}

describe('the data service and the time range', () => {
  it('sends each table with the oldest and newest TimeGenerated of its rows', async () => {
    const { service, posted } = makeService();
    await service.handle({ type: 'loadSample', id: 1, seed: 7, anchorMs: ANCHOR });
    const { tables } = last(posted, 'tables');
    const repo = tables.find((t) => t.name === 'ContainerRegistryRepositoryEvents');
    expect(repo?.maxTimeMs).toBeDefined();
    expect(repo?.minTimeMs).toBeDefined();
    // The sample's newest events are just before its anchor; it spans about a week.
    expect(repo!.maxTimeMs!).toBeLessThanOrEqual(ANCHOR);
    expect(repo!.maxTimeMs!).toBeGreaterThan(ANCHOR - HOUR);
    expect(repo!.minTimeMs!).toBeLessThan(ANCHOR - 6 * 24 * HOUR);
    // The bounds agree with the engine's own answer over the same rows.
    await service.handle({ type: 'query', id: 2, text: 'ContainerRegistryRepositoryEvents | summarize max(TimeGenerated)', nowMs: ANCHOR, cancelFlag: null });
    const maxTicks = Number(rowsOf(last(posted, 'queryResult').tables[0])[0][0]);
    expect(repo!.maxTimeMs).toBe(Math.ceil(msFromTicks(maxTicks)));
  });

  it('applies the range unless the query filters on time, and says which', async () => {
    const { service, posted } = makeService();
    await service.handle({ type: 'loadSample', id: 1, seed: 7, anchorMs: ANCHOR });
    const timeRange = { fromMs: ANCHOR - 24 * HOUR, toMs: ANCHOR };
    await service.handle({ type: 'query', id: 2, text: 'ContainerRegistryRepositoryEvents | count', nowMs: ANCHOR, cancelFlag: null, timeRange });
    const scoped = last(posted, 'queryResult');
    await service.handle({ type: 'query', id: 3, text: 'ContainerRegistryRepositoryEvents | where TimeGenerated >= ago(24h) | count', nowMs: ANCHOR, cancelFlag: null, timeRange });
    const inQuery = last(posted, 'queryResult');
    await service.handle({ type: 'query', id: 4, text: 'ContainerRegistryRepositoryEvents | count', nowMs: ANCHOR, cancelFlag: null });
    const whole = last(posted, 'queryResult');
    expect(scoped.timeRangeApplied).toBe(true);
    expect(inQuery.timeRangeApplied).toBe(false);
    expect(whole.timeRangeApplied).toBeUndefined();
    expect(countOf(scoped)).toBe(countOf(inQuery));
    expect(countOf(scoped)).toBeGreaterThan(0);
    expect(countOf(scoped)).toBeLessThan(countOf(whole));
  });

  it('answers analyze requests without running the query', async () => {
    const { service, posted } = makeService();
    await service.handle({ type: 'loadSample', id: 1, seed: 7, anchorMs: ANCHOR });
    await service.handle({ type: 'analyze', id: 2, text: 'ContainerRegistryLoginEvents | where TimeGenerated > ago(1h)' });
    expect(last(posted, 'analysis')).toEqual({ type: 'analysis', id: 2, filtersOnTime: true });
    await service.handle({ type: 'analyze', id: 3, text: 'ContainerRegistryLoginEvents | reduce by Identity' });
    const unsupported = last(posted, 'analysis');
    expect(unsupported.filtersOnTime).toBe(false);
    expect(unsupported.error?.code).toBe('E_UNSUPPORTED');
    expect(posted.some((r) => r.type === 'queryResult')).toBe(false);
  });

  it('answers "nothing found" when built without the analyzer', async () => {
    const { service, posted } = makeService(false);
    await service.handle({ type: 'analyze', id: 1, text: 'T | where TimeGenerated > ago(1h)' });
    expect(last(posted, 'analysis')).toEqual({ type: 'analysis', id: 1, filtersOnTime: false });
  });
});
