/**
 * The query slice: editor text, caret offset, the current `RunState`, and the actions
 * that run the block under the caret and cancel it.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { RunState } from './runState';
import type { DataClient, RunningQuery } from './dataClient';
import { messageOf } from './dataClient';
import type { BlockFinder } from './queryLogic';
import { insertAt, runStateFromFailure, runStateFromReply } from './queryLogic';

/** State and actions of the query slice. */
export interface QuerySlice {
  /** The whole editor text (several query blocks separated by blank lines). */
  readonly editorText: string;
  /** UTF-16 offset of the caret in `editorText`. */
  readonly cursorOffset: number;
  /** The last (or current) run. */
  readonly run: RunState;
  /** Replaces the editor text (typing). The caret offset comes separately from the editor. */
  setEditorText(text: string): void;
  /** Records the caret offset reported by the editor. */
  setCursorOffset(offset: number): void;
  /** Inserts `text` at the caret (e.g. a table name clicked in the schema tree). */
  insertAtCursor(text: string): void;
  /** Runs the query block under the caret; a run in progress is cancelled first. */
  runAtCursor(): void;
  /** Replaces the editor text with `text`, puts the caret at its start and runs it (gallery). */
  loadAndRun(text: string): void;
  /** Cancels the running query; no-op when nothing runs. */
  cancelRun(): void;
}

/** What the query slice needs from outside the store. */
export interface QuerySliceDeps {
  readonly client: DataClient;
  readonly blockAt: BlockFinder;
  /** Clock for `now()` of each run (milliseconds since the epoch). */
  readonly now: () => number;
}

/** Creates the query slice. */
export function createQuerySlice<S extends QuerySlice>(deps: QuerySliceDeps): StateCreator<S, [], [], QuerySlice> {
  // The handle of the query in flight and a run counter: a reply of an older run
  // (superseded or cancelled) must never overwrite the state of a newer one.
  let active: RunningQuery | null = null;
  let runCounter = 0;

  return (set, get) => {
    const patch = (partial: Partial<QuerySlice>): void => set(partial as Partial<S>);

    const startRun = (queryText: string, blockStart: number): void => {
      active?.cancel();
      const runId = ++runCounter;
      patch({ run: { status: 'running', queryText, startedAt: deps.now() } });
      let handle: RunningQuery;
      try {
        handle = deps.client.runQuery(queryText, deps.now());
      } catch (e) {
        patch({ run: runStateFromFailure(messageOf(e), queryText, blockStart) });
        return;
      }
      active = handle;
      handle.result.then(
        (reply) => {
          if (runId !== runCounter) return;
          active = null;
          patch({ run: runStateFromReply(reply, queryText, blockStart) });
        },
        (reason: unknown) => {
          if (runId !== runCounter) return;
          active = null;
          patch({ run: runStateFromFailure(messageOf(reason), queryText, blockStart) });
        },
      );
    };

    return {
      editorText: '',
      cursorOffset: 0,
      run: { status: 'idle' },
      setEditorText: (text) => patch({ editorText: text }),
      setCursorOffset: (offset) => patch({ cursorOffset: offset }),
      insertAtCursor: (text) => {
        const { editorText, cursorOffset } = get();
        const next = insertAt(editorText, cursorOffset, text);
        patch({ editorText: next.text, cursorOffset: next.cursor });
      },
      runAtCursor: () => {
        const { editorText, cursorOffset } = get();
        const block = deps.blockAt(editorText, cursorOffset);
        startRun(block.text, block.start);
      },
      loadAndRun: (text) => {
        patch({ editorText: text, cursorOffset: 0 });
        startRun(text, 0);
      },
      cancelRun: () => {
        const { run } = get();
        if (run.status !== 'running') return;
        active?.cancel();
        active = null;
        runCounter++; // the cancelled run's late reply is ignored
        patch({ run: { status: 'cancelled', queryText: run.queryText } });
      },
    };
  };
}
