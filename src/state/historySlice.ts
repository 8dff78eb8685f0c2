/**
 * The history slice: the last 100 runs (newest first), with when, how long, how many rows
 * or which error. Runs are recorded by watching the store (`recordRunHistory` in
 * `historyRecorder.ts`), not by the run logic.
 */
import type { StateCreator } from 'zustand/vanilla';

/** How a recorded run ended. */
export type HistoryOutcome =
  | { readonly status: 'success'; readonly rowCount: number }
  | { readonly status: 'error'; readonly errorCode: string };

/** One recorded run. */
export interface HistoryEntry {
  readonly id: string;
  readonly queryText: string;
  /** The tab it ran in: its number and title (null: the default title). */
  readonly tabNumber: number;
  readonly tabTitle: string | null;
  /** When it finished (milliseconds since the epoch). */
  readonly at: number;
  /** How long it took, when known. */
  readonly durationMs: number | null;
  readonly outcome: HistoryOutcome;
}

/** How many runs the history keeps. */
export const MAX_HISTORY_ENTRIES = 100;

/** State and actions of the history slice. */
export interface HistorySlice {
  /** Recorded runs, newest first. */
  readonly history: readonly HistoryEntry[];
  /** Adds a run at the top, dropping the oldest beyond `MAX_HISTORY_ENTRIES`. */
  recordRun(entry: Omit<HistoryEntry, 'id'>): void;
  clearHistory(): void;
}

let historyIdCounter = 0;

/** Creates the history slice, from restored entries or empty. */
export function createHistorySlice<S extends HistorySlice>(restored: readonly HistoryEntry[] | null): StateCreator<S, [], [], HistorySlice> {
  return (set, get) => {
    const patch = (partial: Partial<HistorySlice>): void => set(partial as Partial<S>);
    return {
      history: (restored ?? []).slice(0, MAX_HISTORY_ENTRIES),
      recordRun: (entry) => {
        historyIdCounter += 1;
        const id = `h${entry.at.toString(36)}${historyIdCounter.toString(36)}`;
        patch({ history: [{ id, ...entry }, ...get().history].slice(0, MAX_HISTORY_ENTRIES) });
      },
      clearHistory: () => patch({ history: [] }),
    };
  };
}
