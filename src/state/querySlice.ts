/**
 * The query slice: editor text, caret offset, the current `RunState`, and the actions
 * that run the block under the caret and cancel it.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { RunState } from './runState';
import type { DataClient, RunningQuery } from './dataClient';
import { messageOf } from './dataClient';
import type { BlockFinder, RunOrigin } from './queryLogic';
import { insertAt, runOriginOf, runStateFromFailure, runStateFromReply } from './queryLogic';
import type { RunTime } from './timeLogic';
import { withRunTime } from './timeLogic';

/**
 * A request from the state to the editor to move its caret, made when the state changed the
 * text itself (an insertion, a gallery query): the editor replaces its whole text then, and
 * would otherwise leave its caret where that replacement puts it.
 */
export interface CaretRequest {
  /** UTF-16 offset in `editorText` to put the caret at. */
  readonly offset: number;
  /** Whether the editor should also take the focus (so typing continues there). */
  readonly focus: boolean;
  /** Distinguishes two requests for the same offset. */
  readonly id: number;
}

/** State and actions of the query slice. */
export interface QuerySlice {
  /** The whole editor text (several query blocks separated by blank lines). */
  readonly editorText: string;
  /** UTF-16 offset of the caret in `editorText`. */
  readonly cursorOffset: number;
  /** The latest caret move the editor should make (null before any). */
  readonly caretRequest: CaretRequest | null;
  /** The last (or current) run. */
  readonly run: RunState;
  /** Replaces the editor text (typing). The caret offset comes separately from the editor. */
  setEditorText(text: string): void;
  /** Records the caret offset reported by the editor. */
  setCursorOffset(offset: number): void;
  /**
   * Inserts `text` at the caret (e.g. a table name clicked in the schema tree) and asks the
   * editor to put its caret just after it and take the focus.
   */
  insertAtCursor(text: string): void;
  /** Runs the query block under the caret; a run in progress is cancelled first. */
  runAtCursor(): void;
  /** Replaces the editor text with `text`, asks for the caret at its start and runs it (gallery). */
  loadAndRun(text: string): void;
  /** Cancels the running query; no-op when nothing runs. */
  cancelRun(): void;
  /**
   * Replaces the editor text with `text` (e.g. a `where` line added from a result cell), asks
   * the editor to put its caret at `cursor` and runs the block there.
   */
  editAndRun(text: string, cursor: number): void;
  /**
   * Replaces text, caret and run at once (switching query tabs) and asks the editor to put
   * its caret at `cursor`, without taking the focus.
   */
  replaceQueryState(next: { readonly text: string; readonly cursor: number; readonly run: RunState }): void;
}

/**
 * Where a run's later states go: called with each state the run reaches after it started;
 * returns true when it took the state elsewhere (the run's tab is no longer the active one),
 * false to let the query slice show it.
 */
export type RunDelivery = (run: RunState) => boolean;

/** What the query slice needs from outside the store. */
export interface QuerySliceDeps {
  readonly client: DataClient;
  readonly blockAt: BlockFinder;
  /** Clock for `now()` of each run (milliseconds since the epoch). */
  readonly now: () => number;
  /** Optional: called when a run starts, returns where its outcome goes (the query tabs). */
  readonly routeRun?: () => RunDelivery;
  /** Optional: the `now` and time range of a run starting now (the time-range picker); without it `now()` is the clock and no range applies. */
  readonly runTime?: () => RunTime;
}

/** Creates the query slice. */
export function createQuerySlice<S extends QuerySlice>(deps: QuerySliceDeps): StateCreator<S, [], [], QuerySlice> {
  // The handle of the query in flight and a run counter: a reply of an older run
  // (superseded or cancelled) must never overwrite the state of a newer one.
  let active: RunningQuery | null = null;
  // Where the run in flight reports to, and its text (to end it as cancelled there).
  let activeRoute: { readonly deliver: RunDelivery; readonly queryText: string } | null = null;
  let runCounter = 0;
  let caretRequestCounter = 0;

  return (set, get) => {
    const patch = (partial: Partial<QuerySlice>): void => set(partial as Partial<S>);

    // Shows a run's state, unless its tab is no longer the active one (then it lands there).
    const land = (route: RunDelivery | undefined, run: RunState): void => {
      if (route?.(run) === true) return;
      patch({ run });
    };

    const startRun = (origin: RunOrigin): void => {
      const { queryText } = origin;
      active?.cancel();
      // A superseded run that belongs to another (inactive) tab ends there as cancelled.
      if (active !== null) activeRoute?.deliver({ status: 'cancelled', queryText: activeRoute.queryText });
      const route = deps.routeRun?.();
      activeRoute = route === undefined ? null : { deliver: route, queryText };
      const runId = ++runCounter;
      patch({ run: { status: 'running', queryText, startedAt: deps.now() } });
      let handle: RunningQuery;
      let runTime: RunTime | undefined;
      try {
        runTime = deps.runTime?.();
        handle = runTime === undefined ? deps.client.runQuery(queryText, deps.now()) : deps.client.runQuery(queryText, runTime.nowMs, { timeRange: runTime.timeRange });
      } catch (e) {
        patch({ run: runStateFromFailure(messageOf(e), origin) });
        return;
      }
      active = handle;
      handle.result.then(
        (reply) => {
          if (runId !== runCounter) return;
          active = null;
          land(route, withRunTime(runStateFromReply(reply, origin), reply, runTime));
        },
        (reason: unknown) => {
          if (runId !== runCounter) return;
          active = null;
          land(route, runStateFromFailure(messageOf(reason), origin));
        },
      );
    };

    return {
      editorText: '',
      cursorOffset: 0,
      caretRequest: null,
      run: { status: 'idle' },
      setEditorText: (text) => patch({ editorText: text }),
      setCursorOffset: (offset) => patch({ cursorOffset: offset }),
      insertAtCursor: (text) => {
        const { editorText, cursorOffset } = get();
        const next = insertAt(editorText, cursorOffset, text);
        patch({ editorText: next.text, cursorOffset: next.cursor, caretRequest: { offset: next.cursor, focus: true, id: ++caretRequestCounter } });
      },
      runAtCursor: () => {
        const { editorText, cursorOffset } = get();
        const block = deps.blockAt(editorText, cursorOffset);
        startRun(runOriginOf(editorText, block));
      },
      loadAndRun: (text) => {
        patch({ editorText: text, cursorOffset: 0, caretRequest: { offset: 0, focus: false, id: ++caretRequestCounter } });
        startRun({ queryText: text, blockStart: 0, blockPosition: { line: 1, column: 1 } });
      },
      editAndRun: (text, cursor) => {
        const at = Math.min(Math.max(cursor, 0), text.length);
        patch({ editorText: text, cursorOffset: at, caretRequest: { offset: at, focus: false, id: ++caretRequestCounter } });
        startRun(runOriginOf(text, deps.blockAt(text, at)));
      },
      cancelRun: () => {
        const { run } = get();
        if (run.status !== 'running') return;
        active?.cancel();
        active = null;
        runCounter++; // the cancelled run's late reply is ignored
        patch({ run: { status: 'cancelled', queryText: run.queryText } });
      },
      replaceQueryState: (next) => {
        const cursor = Math.min(Math.max(next.cursor, 0), next.text.length);
        patch({ editorText: next.text, cursorOffset: cursor, run: next.run, caretRequest: { offset: cursor, focus: false, id: ++caretRequestCounter } });
      },
    };
  };
}
