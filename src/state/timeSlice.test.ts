import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { TimeRange } from '../engine';
import type { QueryAnalysisReply, TableInfo } from '../worker/protocol';
import type { DataClient, QueryReply } from './dataClient';
import type { BlockFinder } from './queryLogic';
import { createQuerySlice, type QuerySlice } from './querySlice';
import { createTimeSlice, type TimeSettingsStorage, type TimeSlice } from './timeSlice';
import { TIME_SETTINGS_KEY } from './timeLogic';

const HOUR = 3_600_000;
const CLOCK = Date.UTC(2024, 5, 1, 12, 0, 0);

const blockAt: BlockFinder = (text, offset) => {
  const before = text.lastIndexOf('\n\n', Math.max(0, offset - 1));
  const start = before < 0 ? 0 : before + 2;
  const after = text.indexOf('\n\n', start);
  const end = after < 0 ? text.length : after;
  return { text: text.slice(start, end), start, end };
};

interface Recorded {
  runs: { text: string; nowMs: number; timeRange: TimeRange | undefined }[];
  analyses: { text: string; resolve: (reply: QueryAnalysisReply) => void }[];
}

function fakeClient(reply: (text: string) => QueryReply): { client: DataClient; recorded: Recorded } {
  const recorded: Recorded = { runs: [], analyses: [] };
  const client: DataClient = {
    onTables: () => () => {},
    ready: () => Promise.resolve(),
    loadSample: () => Promise.resolve({}),
    runQuery: (text, nowMs, options) => {
      recorded.runs.push({ text, nowMs, timeRange: options?.timeRange });
      return { result: Promise.resolve(reply(text)), cancel: () => {} };
    },
    analyzeQuery: (text) => new Promise((resolve) => recorded.analyses.push({ text, resolve })),
    loadFiles: () => Promise.resolve({ summaries: [], cancelled: false }),
    cancelLoads: () => {},
    removeTable: () => Promise.resolve(false),
    clearAll: () => Promise.resolve(),
    dispose: () => {},
  };
  return { client, recorded };
}

type TestState = QuerySlice & TimeSlice & { tables: readonly TableInfo[] };

function memory(initial: Record<string, string> = {}): TimeSettingsStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

function storeWith(client: DataClient, storage: TimeSettingsStorage | null, tables: readonly TableInfo[] = []) {
  return createStore<TestState>()((set, get, api) => ({
    tables,
    ...createQuerySlice<TestState>({ client, blockAt, now: () => CLOCK, runTime: () => get().runTimeNow() })(set, get, api),
    ...createTimeSlice<TestState>({ client, blockAt, now: () => CLOCK, storage })(set, get, api),
  }));
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('time slice', () => {
  it('sends each run its now and the picker range, and records what the worker applied', async () => {
    const { client, recorded } = fakeClient(() => ({ type: 'queryResult', id: 1, tables: [], elapsedMs: 0, timeRangeApplied: true }));
    const store = storeWith(client, null);
    store.getState().setEditorText('T | count');
    store.getState().runAtCursor();
    await flush();
    expect(recorded.runs[0]).toEqual({ text: 'T | count', nowMs: CLOCK, timeRange: { fromMs: CLOCK - 24 * HOUR, toMs: CLOCK } });
    const run = store.getState().run;
    expect(run.status === 'success' && run.timeScope?.kind).toBe('applied');

    store.getState().setTimeRange({ kind: 'preset', preset: '1h' });
    store.getState().runAtCursor();
    await flush();
    expect(recorded.runs[1].timeRange).toEqual({ fromMs: CLOCK - HOUR, toMs: CLOCK });
  });

  it('uses the newest loaded event as now when asked', async () => {
    const newest = CLOCK - 100 * 24 * HOUR;
    const tables: TableInfo[] = [{ name: 'Old', columns: [], rowCount: 1, minTimeMs: newest - HOUR, maxTimeMs: newest }];
    const { client, recorded } = fakeClient(() => ({ type: 'queryResult', id: 1, tables: [], elapsedMs: 0, timeRangeApplied: false }));
    const store = storeWith(client, null, tables);
    store.getState().setNowMode('newestEvent');
    store.getState().setEditorText('Old | where TimeGenerated > ago(1h)');
    store.getState().runAtCursor();
    await flush();
    expect(recorded.runs[0].nowMs).toBe(newest);
    const run = store.getState().run;
    expect(run.status === 'success' && run.timeScope).toEqual({ kind: 'setInQuery', nowMs: newest, nowMode: 'newestEvent' });
  });

  it('persists both choices and restores them; a corrupt record resets with a notice', () => {
    const { client } = fakeClient(() => ({ type: 'queryResult', id: 1, tables: [], elapsedMs: 0 }));
    const storage = memory();
    const first = storeWith(client, storage);
    first.getState().setTimeRange({ kind: 'preset', preset: '7d' });
    first.getState().setNowMode('newestEvent');
    expect(storage.items.has(TIME_SETTINGS_KEY)).toBe(true);
    const second = storeWith(client, storage);
    expect(second.getState().timeSettings).toEqual({ range: { kind: 'preset', preset: '7d' }, nowMode: 'newestEvent' });
    expect(second.getState().timeSettingsReset).toBe(false);

    const corrupt = storeWith(client, memory({ [TIME_SETTINGS_KEY]: '{"version":1,"range":42}' }));
    expect(corrupt.getState().timeSettings.range).toEqual({ kind: 'preset', preset: '24h' });
    expect(corrupt.getState().timeSettingsReset).toBe(true);
    corrupt.getState().dismissTimeSettingsReset();
    expect(corrupt.getState().timeSettingsReset).toBe(false);
  });

  it('keeps working when the storage throws', () => {
    const { client } = fakeClient(() => ({ type: 'queryResult', id: 1, tables: [], elapsedMs: 0 }));
    const throwing: TimeSettingsStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = storeWith(client, throwing);
    store.getState().setTimeRange({ kind: 'preset', preset: '3d' });
    expect(store.getState().timeSettings.range).toEqual({ kind: 'preset', preset: '3d' });
  });

  it('analyses the block under the caret; only the latest answer is kept', async () => {
    const { client, recorded } = fakeClient(() => ({ type: 'queryResult', id: 1, tables: [], elapsedMs: 0 }));
    const store = storeWith(client, null);
    const text = 'T | count\n\nT | where TimeGenerated > ago(1h)';
    store.getState().setEditorText(text);
    store.getState().setCursorOffset(text.length);
    store.getState().analyzeAtCursor();
    store.getState().analyzeAtCursor();
    expect(recorded.analyses.map((a) => a.text)).toEqual(['T | where TimeGenerated > ago(1h)', 'T | where TimeGenerated > ago(1h)']);
    // The newer answer arrives first; the older one, arriving late, must not replace it.
    recorded.analyses[1].resolve({ filtersOnTime: true });
    await flush();
    recorded.analyses[0].resolve({ filtersOnTime: false });
    await flush();
    expect(store.getState().liveAnalysis).toEqual({ editorText: text, blockStart: text.indexOf('T | where'), filtersOnTime: true });
  });
});
