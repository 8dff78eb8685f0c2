/**
 * Pure logic of the time-range picker (as in Log Analytics): the presets, what "now" means
 * (the clock, or the newest event in the loaded data), the range a run gets, what the picker
 * did to a run, the explanation of an empty result, and the stored settings' validation.
 */
import type { EngineError, TimeRange } from '../engine';
import type { QueryReply } from './dataClient';
import type { RunState } from './runState';
import type { TableInfo } from '../worker/protocol';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The picker's relative ranges, Log Analytics' list. */
export const TIME_PRESETS = [
  { id: '30m', durationMs: 30 * MINUTE_MS },
  { id: '1h', durationMs: HOUR_MS },
  { id: '4h', durationMs: 4 * HOUR_MS },
  { id: '12h', durationMs: 12 * HOUR_MS },
  { id: '24h', durationMs: DAY_MS },
  { id: '48h', durationMs: 2 * DAY_MS },
  { id: '3d', durationMs: 3 * DAY_MS },
  { id: '7d', durationMs: 7 * DAY_MS },
  { id: '30d', durationMs: 30 * DAY_MS },
] as const;

/** One preset's id (`24h`, `7d`, ...). */
export type TimePresetId = (typeof TIME_PRESETS)[number]['id'];

/** What the picker is set to: a relative preset ending at "now", or an absolute custom range. */
export type TimeRangeChoice =
  | { readonly kind: 'preset'; readonly preset: TimePresetId }
  /** Inclusive, in milliseconds since the epoch (shown and entered in UTC). */
  | { readonly kind: 'custom'; readonly fromMs: number; readonly toMs: number };

/** What "now" means for `now()`, `ago()` and the relative presets. */
export type NowMode = 'clock' | 'newestEvent';

/** The two persisted choices. */
export interface TimeSettings {
  readonly range: TimeRangeChoice;
  readonly nowMode: NowMode;
}

/** Log Analytics' default: the last 24 hours by the clock. */
export const DEFAULT_TIME_SETTINGS: TimeSettings = { range: { kind: 'preset', preset: '24h' }, nowMode: 'clock' };

/** The duration of a preset. */
export function presetDurationMs(preset: TimePresetId): number {
  const found = TIME_PRESETS.find((p) => p.id === preset);
  if (found === undefined) throw new Error(`unknown time preset ${preset}`);
  return found.durationMs;
}

/** The newest `TimeGenerated` over the loaded tables (ms since the epoch), or null when none has one. */
export function newestEventMs(tables: readonly TableInfo[]): number | null {
  let newest: number | null = null;
  for (const table of tables) {
    if (table.maxTimeMs !== undefined && (newest === null || table.maxTimeMs > newest)) newest = table.maxTimeMs;
  }
  return newest;
}

/** The `now` and time range one run gets, and the choices they came from. */
export interface RunTime {
  /** What `now()` means for the run. */
  readonly nowMs: number;
  readonly timeRange: TimeRange;
  readonly choice: TimeRangeChoice;
  /** The "now" actually used: `newestEvent` falls back to the clock when no table has a time. */
  readonly nowMode: NowMode;
}

/**
 * Resolves the settings into a run's `now` and range: a preset ends at "now" (the clock, or the
 * newest loaded event); a custom range is absolute (its ends swapped if given backwards).
 */
export function resolveRunTime(settings: TimeSettings, tables: readonly TableInfo[], clockMs: number): RunTime {
  const newest = settings.nowMode === 'newestEvent' ? newestEventMs(tables) : null;
  const nowMode: NowMode = newest === null ? 'clock' : 'newestEvent';
  const nowMs = newest ?? clockMs;
  const { range } = settings;
  switch (range.kind) {
    case 'preset':
      return { nowMs, nowMode, choice: range, timeRange: { fromMs: nowMs - presetDurationMs(range.preset), toMs: nowMs } };
    case 'custom':
      return { nowMs, nowMode, choice: range, timeRange: { fromMs: Math.min(range.fromMs, range.toMs), toMs: Math.max(range.fromMs, range.toMs) } };
    default: {
      const never: never = range;
      return never;
    }
  }
}

/** What the picker did to one run. */
export type RunTimeScope =
  | { readonly kind: 'applied'; readonly choice: TimeRangeChoice; readonly range: TimeRange; readonly nowMs: number; readonly nowMode: NowMode }
  /** The query filters on `TimeGenerated` itself: no range was applied (Log Analytics' "Set in query"). */
  | { readonly kind: 'setInQuery'; readonly nowMs: number; readonly nowMode: NowMode };

/** The scope of a run that was sent `runTime`, from the worker's `timeRangeApplied`; undefined when unknown. */
export function timeScopeOf(runTime: RunTime, timeRangeApplied: boolean | undefined): RunTimeScope | undefined {
  if (timeRangeApplied === undefined) return undefined;
  const { nowMs, nowMode } = runTime;
  return timeRangeApplied ? { kind: 'applied', choice: runTime.choice, range: runTime.timeRange, nowMs, nowMode } : { kind: 'setInQuery', nowMs, nowMode };
}

/** `run` with the time scope the worker reported in `reply` (only success states carry one). */
export function withRunTime(run: RunState, reply: QueryReply, runTime: RunTime | undefined): RunState {
  if (run.status !== 'success' || runTime === undefined || reply.type !== 'queryResult') return run;
  const timeScope = timeScopeOf(runTime, reply.timeRangeApplied);
  return timeScope === undefined ? run : { ...run, timeScope };
}

/** Why a run returned no rows, when the picker's range is the reason (see `explainEmptyResult`). */
export interface EmptyResultExplanation {
  readonly choice: TimeRangeChoice;
  readonly range: TimeRange;
  /** The newest `TimeGenerated` of the loaded data: before `range.fromMs`. */
  readonly dataEndsMs: number;
  /** Offer "Use newest event as now": the range is relative to the clock. */
  readonly offerNewestEvent: boolean;
  /** Offer "Last 30 days": it is not the choice already and would reach the newest event. */
  readonly offerLast30Days: boolean;
}

/**
 * Explains an empty result: the run succeeded with 0 rows in its first table, the picker's
 * range was applied, and every loaded event is older than the range's start. Null otherwise.
 */
export function explainEmptyResult(run: RunState, tables: readonly TableInfo[]): EmptyResultExplanation | null {
  if (run.status !== 'success' || run.timeScope?.kind !== 'applied') return null;
  const first = run.tables[0];
  if (first === undefined || first.rowCount !== 0) return null;
  const dataEndsMs = newestEventMs(tables);
  const { range, choice, nowMs, nowMode } = run.timeScope;
  if (dataEndsMs === null || dataEndsMs >= range.fromMs) return null;
  const relative = choice.kind === 'preset';
  const isLast30Days = relative && choice.preset === '30d';
  return {
    choice,
    range,
    dataEndsMs,
    offerNewestEvent: relative && nowMode === 'clock',
    offerLast30Days: !isLast30Days && dataEndsMs >= nowMs - presetDurationMs('30d'),
  };
}

// ---------------------------------------------------------------- persistence

/** The localStorage key of the time settings. */
export const TIME_SETTINGS_KEY = 'kql-explorer.time';

const STORED_VERSION = 1;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 8.64e15;
}

function rangeFrom(value: unknown): TimeRangeChoice | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'preset') {
    const preset = TIME_PRESETS.find((p) => p.id === value.preset);
    return preset === undefined ? null : { kind: 'preset', preset: preset.id };
  }
  if (value.kind === 'custom' && isInstant(value.fromMs) && isInstant(value.toMs) && value.fromMs <= value.toMs) {
    return { kind: 'custom', fromMs: value.fromMs, toMs: value.toMs };
  }
  return null;
}

/**
 * Reads stored settings. Absent: the defaults, not corrupt. Unreadable JSON, another version
 * or any invalid field: the defaults, `corrupt: true` (the page says they were reset).
 */
export function parseStoredTimeSettings(raw: string | null): { readonly settings: TimeSettings; readonly corrupt: boolean } {
  if (raw === null) return { settings: DEFAULT_TIME_SETTINGS, corrupt: false };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { settings: DEFAULT_TIME_SETTINGS, corrupt: true };
  }
  if (!isRecord(value) || value.version !== STORED_VERSION) return { settings: DEFAULT_TIME_SETTINGS, corrupt: true };
  const range = rangeFrom(value.range);
  const nowMode = value.nowMode === 'clock' || value.nowMode === 'newestEvent' ? value.nowMode : null;
  if (range === null || nowMode === null) return { settings: DEFAULT_TIME_SETTINGS, corrupt: true };
  return { settings: { range, nowMode }, corrupt: false };
}

/** The stored form of `settings` (versioned JSON). */
export function serializeTimeSettings(settings: TimeSettings): string {
  return JSON.stringify({ version: STORED_VERSION, range: settings.range, nowMode: settings.nowMode });
}

// ---------------------------------------------------------------- live analysis

/** The worker's analysis of the query block under the caret, for the editor text it was made from. */
export interface LiveAnalysis {
  /** The whole editor text when the analysis was asked for. */
  readonly editorText: string;
  /** Offset of the analysed block in `editorText`. */
  readonly blockStart: number;
  readonly filtersOnTime: boolean;
  readonly error?: EngineError;
}

/** A marker for the editor: a range of the editor text and its message. */
export interface LiveMarker {
  readonly start: number;
  readonly length: number;
  readonly message: string;
}

/**
 * The editor marker of a live analysis: only `E_UNSUPPORTED` errors (monaco-kusto already
 * marks syntax and binding errors), and only while the editor still holds the analysed text.
 */
export function liveMarkerFor(analysis: LiveAnalysis | null, editorText: string): LiveMarker | null {
  if (analysis === null || analysis.editorText !== editorText) return null;
  const error = analysis.error;
  if (error === undefined || error.code !== 'E_UNSUPPORTED' || error.span === null) return null;
  const start = Math.min(analysis.blockStart + error.span.start, editorText.length);
  return { start, length: Math.max(0, Math.min(error.span.length, editorText.length - start)), message: error.message };
}
