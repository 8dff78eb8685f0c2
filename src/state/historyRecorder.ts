/**
 * Records finished runs into the history by watching the store: the active tab's `run` and
 * every parked tab's run. Run states are immutable objects that move between the query
 * slice and the parked tabs on a tab switch, so each finished run object is recorded once
 * (a WeakSet), however often it moves.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { RunState } from './runState';
import type { HistorySlice } from './historySlice';
import type { QuerySlice } from './querySlice';
import type { TabsSlice } from './tabsSlice';

type Host = HistorySlice & QuerySlice & TabsSlice;

/** Starts recording; returns the unsubscribe function. */
export function recordRunHistory(store: StoreApi<Host>, now: () => number): () => void {
  const seen = new WeakSet<RunState>();
  const startedAt = new Map<string, number>();

  const look = (tabId: string, run: RunState): void => {
    if (seen.has(run)) return;
    seen.add(run);
    switch (run.status) {
      case 'running':
        startedAt.set(tabId, run.startedAt);
        return;
      case 'success':
      case 'error': {
        const state = store.getState();
        const tab = state.tabs.find((t) => t.id === tabId);
        const started = startedAt.get(tabId);
        const at = now();
        const durationMs = run.status === 'success' ? run.elapsedMs : started === undefined ? null : Math.max(0, at - started);
        state.recordRun({
          queryText: run.queryText,
          tabNumber: tab?.number ?? 0,
          tabTitle: tab?.title ?? null,
          at,
          durationMs,
          outcome: run.status === 'success' ? { status: 'success', rowCount: run.tables[0]?.rowCount ?? 0 } : { status: 'error', errorCode: run.error.code },
        });
        return;
      }
      case 'idle':
      case 'cancelled':
        return;
      default: {
        const never: never = run;
        return never;
      }
    }
  };

  const scan = (state: Host): void => {
    look(state.activeTabId, state.run);
    for (const [tabId, parked] of Object.entries(state.parkedTabs)) look(tabId, parked.run);
  };
  scan(store.getState());
  return store.subscribe(scan);
}
