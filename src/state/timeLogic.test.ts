import { describe, expect, it } from 'vitest';
import type { ResultTable } from '../engine';
import type { TableInfo } from '../worker/protocol';
import type { RunState } from './runState';
import {
  DEFAULT_TIME_SETTINGS, explainEmptyResult, liveMarkerFor, newestEventMs, parseStoredTimeSettings, resolveRunTime,
  serializeTimeSettings, withRunTime,
} from './timeLogic';
import type { RunTime, TimeSettings } from './timeLogic';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CLOCK = Date.UTC(2024, 5, 1, 12, 0, 0);
const DATA_ENDS = Date.UTC(2024, 2, 1, 10, 0, 0);

const table = (name: string, maxTimeMs?: number): TableInfo => ({
  name,
  columns: [{ name: 'TimeGenerated', type: 'datetime' }],
  rowCount: 3,
  ...(maxTimeMs === undefined ? {} : { minTimeMs: maxTimeMs - DAY, maxTimeMs }),
});
const oldData = [table('Old', DATA_ENDS), table('NoTime')];
const empty: ResultTable = { name: 'PrimaryResult', columns: [{ name: 'n', type: 'long' }], data: [], rowCount: 0 };
const oneRow: ResultTable = { ...empty, rowCount: 1 };

function successOf(runTime: RunTime, applied: boolean | undefined, result = empty): RunState {
  const base: RunState = { status: 'success', queryText: 'Old', tables: [result], elapsedMs: 1 };
  const reply = { type: 'queryResult' as const, id: 1, tables: [result], elapsedMs: 1, ...(applied === undefined ? {} : { timeRangeApplied: applied }) };
  return withRunTime(base, reply, runTime);
}

describe('resolveRunTime', () => {
  it('ends a preset at the clock by default', () => {
    const runTime = resolveRunTime(DEFAULT_TIME_SETTINGS, oldData, CLOCK);
    expect(runTime.nowMs).toBe(CLOCK);
    expect(runTime.timeRange).toEqual({ fromMs: CLOCK - DAY, toMs: CLOCK });
    expect(runTime.nowMode).toBe('clock');
  });

  it('ends a preset at the newest loaded event in newest-event mode', () => {
    const settings: TimeSettings = { range: { kind: 'preset', preset: '7d' }, nowMode: 'newestEvent' };
    const runTime = resolveRunTime(settings, [table('A', DATA_ENDS - HOUR), ...oldData], CLOCK);
    expect(runTime.nowMs).toBe(DATA_ENDS);
    expect(runTime.timeRange).toEqual({ fromMs: DATA_ENDS - 7 * DAY, toMs: DATA_ENDS });
    expect(runTime.nowMode).toBe('newestEvent');
  });

  it('falls back to the clock when no loaded table has a time', () => {
    const runTime = resolveRunTime({ ...DEFAULT_TIME_SETTINGS, nowMode: 'newestEvent' }, [table('NoTime')], CLOCK);
    expect(runTime.nowMs).toBe(CLOCK);
    expect(runTime.nowMode).toBe('clock');
  });

  it('keeps a custom range absolute (ordered) whatever now is', () => {
    const settings: TimeSettings = { range: { kind: 'custom', fromMs: 2000, toMs: 1000 }, nowMode: 'newestEvent' };
    const runTime = resolveRunTime(settings, oldData, CLOCK);
    expect(runTime.timeRange).toEqual({ fromMs: 1000, toMs: 2000 });
    expect(runTime.nowMs).toBe(DATA_ENDS);
  });

  it('newestEventMs is the max over tables and null without times', () => {
    expect(newestEventMs([table('A', 5), table('B', 9), table('C')])).toBe(9);
    expect(newestEventMs([table('C')])).toBeNull();
  });
});

describe('what the picker did to a run', () => {
  const runTime = resolveRunTime(DEFAULT_TIME_SETTINGS, oldData, CLOCK);

  it('records an applied range and "set in query" from the worker reply', () => {
    const applied = successOf(runTime, true);
    expect(applied.status === 'success' && applied.timeScope).toEqual({ kind: 'applied', choice: { kind: 'preset', preset: '24h' }, range: runTime.timeRange, nowMs: CLOCK, nowMode: 'clock' });
    const setInQuery = successOf(runTime, false);
    expect(setInQuery.status === 'success' && setInQuery.timeScope).toEqual({ kind: 'setInQuery', nowMs: CLOCK, nowMode: 'clock' });
    const unknown = successOf(runTime, undefined);
    expect(unknown.status === 'success' && unknown.timeScope).toBeUndefined();
  });
});

describe('explainEmptyResult', () => {
  const clock24h = resolveRunTime(DEFAULT_TIME_SETTINGS, oldData, CLOCK);

  it('explains 0 rows when all loaded data ends before the range', () => {
    const explanation = explainEmptyResult(successOf(clock24h, true), oldData);
    expect(explanation).toEqual({
      choice: { kind: 'preset', preset: '24h' },
      range: clock24h.timeRange,
      dataEndsMs: DATA_ENDS,
      offerNewestEvent: true,
      // The data ended 92 days before the clock: the last 30 days would not reach it.
      offerLast30Days: false,
    });
  });

  it('offers "Last 30 days" only when that reaches the data', () => {
    const recent = [table('Recent', CLOCK - 3 * DAY)];
    const runTime = resolveRunTime(DEFAULT_TIME_SETTINGS, recent, CLOCK);
    expect(explainEmptyResult(successOf(runTime, true), recent)?.offerLast30Days).toBe(true);
    const thirty = resolveRunTime({ ...DEFAULT_TIME_SETTINGS, range: { kind: 'preset', preset: '30d' } }, oldData, CLOCK);
    expect(explainEmptyResult(successOf(thirty, true), oldData)?.offerLast30Days).toBe(false);
  });

  it('does not offer newest-event mode when it is already on or the range is custom', () => {
    const custom = resolveRunTime({ range: { kind: 'custom', fromMs: CLOCK - HOUR, toMs: CLOCK }, nowMode: 'clock' }, oldData, CLOCK);
    expect(explainEmptyResult(successOf(custom, true), oldData)?.offerNewestEvent).toBe(false);
  });

  it('says nothing when rows came back, data reaches the range, the query set its own time, or no range ran', () => {
    expect(explainEmptyResult(successOf(clock24h, true, oneRow), oldData)).toBeNull();
    const current = [table('Now', CLOCK - HOUR)];
    expect(explainEmptyResult(successOf(resolveRunTime(DEFAULT_TIME_SETTINGS, current, CLOCK), true), current)).toBeNull();
    expect(explainEmptyResult(successOf(clock24h, false), oldData)).toBeNull();
    expect(explainEmptyResult(successOf(clock24h, undefined), oldData)).toBeNull();
    expect(explainEmptyResult({ status: 'idle' }, oldData)).toBeNull();
    expect(explainEmptyResult(successOf(clock24h, true), [table('NoTime')])).toBeNull();
  });
});

describe('stored settings', () => {
  it('round-trips valid settings', () => {
    const settings: TimeSettings = { range: { kind: 'custom', fromMs: 1000, toMs: 5000 }, nowMode: 'newestEvent' };
    expect(parseStoredTimeSettings(serializeTimeSettings(settings))).toEqual({ settings, corrupt: false });
    const preset: TimeSettings = { range: { kind: 'preset', preset: '7d' }, nowMode: 'clock' };
    expect(parseStoredTimeSettings(serializeTimeSettings(preset))).toEqual({ settings: preset, corrupt: false });
  });

  it('uses the defaults silently when nothing is stored', () => {
    expect(parseStoredTimeSettings(null)).toEqual({ settings: DEFAULT_TIME_SETTINGS, corrupt: false });
  });

  it('falls back to the defaults, flagged, for anything invalid', () => {
    const bad = [
      '{not json',
      'null',
      '[]',
      JSON.stringify({ version: 2, range: { kind: 'preset', preset: '24h' }, nowMode: 'clock' }),
      JSON.stringify({ version: 1, range: { kind: 'preset', preset: '5y' }, nowMode: 'clock' }),
      JSON.stringify({ version: 1, range: { kind: 'preset', preset: '24h' }, nowMode: 'sundial' }),
      JSON.stringify({ version: 1, range: { kind: 'custom', fromMs: 'yesterday', toMs: 5 }, nowMode: 'clock' }),
      JSON.stringify({ version: 1, range: { kind: 'custom', fromMs: 9, toMs: 5 }, nowMode: 'clock' }),
      JSON.stringify({ version: 1, range: { kind: 'custom', fromMs: 1e300, toMs: 1e301 }, nowMode: 'clock' }),
      JSON.stringify({ version: 1, nowMode: 'clock' }),
    ];
    for (const raw of bad) expect(parseStoredTimeSettings(raw), raw).toEqual({ settings: DEFAULT_TIME_SETTINGS, corrupt: true });
  });
});

describe('liveMarkerFor', () => {
  const text = 'T | count\n\nT | sample 3';
  const blockStart = text.indexOf('T | sample');
  const unsupported = { code: 'E_UNSUPPORTED' as const, message: 'not supported yet: sample', span: { start: 4, length: 6 } };

  it('marks an unsupported construct at its place in the editor text', () => {
    const marker = liveMarkerFor({ editorText: text, blockStart, filtersOnTime: false, error: unsupported }, text);
    expect(marker).toEqual({ start: text.indexOf('sample'), length: 6, message: 'not supported yet: sample' });
  });

  it('marks nothing for other errors, no error, or a text that changed since', () => {
    expect(liveMarkerFor({ editorText: text, blockStart, filtersOnTime: false, error: { ...unsupported, code: 'E_ANALYSIS' } }, text)).toBeNull();
    expect(liveMarkerFor({ editorText: text, blockStart, filtersOnTime: false }, text)).toBeNull();
    expect(liveMarkerFor({ editorText: text, blockStart, filtersOnTime: false, error: unsupported }, `${text} `)).toBeNull();
    expect(liveMarkerFor(null, text)).toBeNull();
  });
});
