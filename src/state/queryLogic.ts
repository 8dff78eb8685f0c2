/**
 * Pure computations of the query slice: turning a worker reply into a `RunState`,
 * mapping an engine error span (relative to the run block) into the editor text,
 * inserting text at the caret.
 */
import type { RunState } from './runState';
import type { QueryReply } from './dataClient';

/** A query block of the editor text (`queryBlockAt` in `src/ui/editor/queryBlocks.ts`). */
export interface QueryBlock {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Finds the query block around `offset` in `text`. */
export type BlockFinder = (text: string, offset: number) => QueryBlock;

/** A marker for the editor: a range of the editor text and the message to show there. */
export interface EditorErrorMarker {
  readonly start: number;
  readonly length: number;
  readonly message: string;
}

/**
 * The run state a worker reply leads to. `blockStart` is the offset of the run block in
 * the editor text, kept on error states so the error span can be placed in the editor.
 * A cancellation error (`E_CANCELLED`) becomes the `cancelled` state, not an error.
 */
export function runStateFromReply(reply: QueryReply, queryText: string, blockStart: number): RunState {
  switch (reply.type) {
    case 'queryResult':
      return { status: 'success', queryText, tables: reply.tables, render: reply.render, elapsedMs: reply.elapsedMs };
    case 'queryError':
      if (reply.error.code === 'E_CANCELLED') return { status: 'cancelled', queryText };
      return { status: 'error', queryText, error: reply.error, blockStart };
    case 'failed':
      return { status: 'error', queryText, error: { code: 'E_INTERNAL', message: reply.message, span: null }, blockStart };
    default: {
      const never: never = reply;
      return never;
    }
  }
}

/** The run state of a query whose request failed before the worker answered (e.g. the worker died). */
export function runStateFromFailure(message: string, queryText: string, blockStart: number): RunState {
  return { status: 'error', queryText, error: { code: 'E_INTERNAL', message, span: null }, blockStart };
}

/**
 * The editor marker of an error run: the error's span (relative to the run block) shifted
 * by the block's start offset and clamped to `editorTextLength`. Errors without a span are
 * marked on the block's first character so the user still sees where the failing query is.
 * Returns null for any other state.
 */
export function errorMarkerFor(run: RunState, editorTextLength: number): EditorErrorMarker | null {
  if (run.status !== 'error') return null;
  const span = run.error.span ?? { start: 0, length: 1 };
  const start = Math.min(Math.max(run.blockStart + span.start, 0), editorTextLength);
  const length = Math.max(0, Math.min(span.length, editorTextLength - start));
  return { start, length, message: run.error.message };
}

/** `text` with `insert` placed at `offset` (clamped), and the caret offset just after it. */
export function insertAt(text: string, offset: number, insert: string): { readonly text: string; readonly cursor: number } {
  const at = Math.min(Math.max(offset, 0), text.length);
  return { text: text.slice(0, at) + insert + text.slice(at), cursor: at + insert.length };
}
