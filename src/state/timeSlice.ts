/**
 * The time slice: the time-range picker's choice and what "now" means (both persisted under
 * `kql-explorer.time`, validated on load), and the live analysis of the query block under the
 * caret (does it set its own time filter? would it hit "not supported yet"?).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { TableInfo } from '../worker/protocol';
import type { DataClient } from './dataClient';
import type { BlockFinder } from './queryLogic';
import type { LiveAnalysis, NowMode, RunTime, TimeRangeChoice, TimeSettings } from './timeLogic';
import { TIME_SETTINGS_KEY, parseStoredTimeSettings, resolveRunTime, serializeTimeSettings } from './timeLogic';

/** The part of Web Storage the slice uses (the page's `localStorage`; a map in tests). */
export interface TimeSettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** State and actions of the time slice. */
export interface TimeSlice {
  readonly timeSettings: TimeSettings;
  /** True when stored settings existed but could not be read (they were reset to the defaults). */
  readonly timeSettingsReset: boolean;
  /** The latest live analysis (null before the first). */
  readonly liveAnalysis: LiveAnalysis | null;
  /** Sets the picker's range (applies to the next run, as in Log Analytics) and saves it. */
  setTimeRange(choice: TimeRangeChoice): void;
  /** Sets what "now" means and saves it. */
  setNowMode(mode: NowMode): void;
  /** Hides the "settings were reset" notice. */
  dismissTimeSettingsReset(): void;
  /** Asks the worker to analyse the block under the caret; only the latest request's answer is kept. */
  analyzeAtCursor(): void;
  /** The `now` and range a run starting now gets. */
  runTimeNow(): RunTime;
}

/** What the slice reads from the rest of the store. */
interface TimeSliceHost {
  readonly editorText: string;
  readonly cursorOffset: number;
  readonly tables: readonly TableInfo[];
}

/** What the time slice needs from outside the store. */
export interface TimeSliceDeps {
  readonly client: DataClient;
  readonly blockAt: BlockFinder;
  /** The clock, in milliseconds since the epoch. */
  readonly now: () => number;
  /** Where the settings persist; null: nowhere. */
  readonly storage: TimeSettingsStorage | null;
}

function readSettings(storage: TimeSettingsStorage | null): { settings: TimeSettings; corrupt: boolean } {
  if (storage === null) return parseStoredTimeSettings(null);
  let raw: string | null;
  try {
    raw = storage.getItem(TIME_SETTINGS_KEY);
  } catch {
    raw = null; // storage blocked by the browser: run with the defaults
  }
  return parseStoredTimeSettings(raw);
}

function writeSettings(storage: TimeSettingsStorage | null, settings: TimeSettings): void {
  try {
    storage?.setItem(TIME_SETTINGS_KEY, serializeTimeSettings(settings));
  } catch {
    // Quota or blocked storage: the choice still holds for this page.
  }
}

/** Creates the time slice. */
export function createTimeSlice<S extends TimeSlice & TimeSliceHost>(deps: TimeSliceDeps): StateCreator<S, [], [], TimeSlice> {
  const stored = readSettings(deps.storage);
  let analysisCounter = 0;
  return (set, get) => {
    const patch = (partial: Partial<TimeSlice>): void => set(partial as Partial<S>);
    const update = (settings: TimeSettings): void => {
      writeSettings(deps.storage, settings);
      patch({ timeSettings: settings });
    };
    return {
      timeSettings: stored.settings,
      timeSettingsReset: stored.corrupt,
      liveAnalysis: null,
      setTimeRange: (choice) => update({ ...get().timeSettings, range: choice }),
      setNowMode: (mode) => update({ ...get().timeSettings, nowMode: mode }),
      dismissTimeSettingsReset: () => patch({ timeSettingsReset: false }),
      analyzeAtCursor: () => {
        const analyze = deps.client.analyzeQuery?.bind(deps.client);
        if (analyze === undefined) return;
        const { editorText, cursorOffset } = get();
        const block = deps.blockAt(editorText, cursorOffset);
        const requestId = ++analysisCounter;
        analyze(block.text).then(
          (reply) => {
            if (requestId !== analysisCounter) return; // a newer request is on its way: latest wins
            patch({ liveAnalysis: { editorText, blockStart: block.start, ...reply } });
          },
          () => {
            // The worker failed or stopped; the run itself will report it. Keep the last analysis.
          },
        );
      },
      runTimeNow: () => resolveRunTime(get().timeSettings, get().tables, deps.now()),
    };
  };
}
