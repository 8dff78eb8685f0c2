/**
 * Pure computations of the query slice: turning a worker reply into a `RunState`,
 * mapping an engine error span (relative to the run block) into the editor text,
 * inserting text at the caret.
 */
import type { RunState } from './runState';
import type { QueryReply } from './dataClient';
import { lineColumnAt, positionWithin, type LineColumn } from './textPosition';

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

/** Where a run query came from: its text and where that block sits in the editor text. */
export interface RunOrigin {
  /** The run block's text. */
  readonly queryText: string;
  /** UTF-16 offset of the block in the editor text. */
  readonly blockStart: number;
  /** Line and column of `blockStart` in the editor text. */
  readonly blockPosition: LineColumn;
}

/** The origin of running `block` of `editorText`. */
export function runOriginOf(editorText: string, block: QueryBlock): RunOrigin {
  return { queryText: block.text, blockStart: block.start, blockPosition: lineColumnAt(editorText, block.start) };
}

/**
 * The run state a worker reply leads to. Error states keep the block's place in the editor
 * text, so the error span can be marked there and its line and column shown in editor terms.
 * A cancellation error (`E_CANCELLED`) becomes the `cancelled` state, not an error.
 */
export function runStateFromReply(reply: QueryReply, origin: RunOrigin): RunState {
  const { queryText, blockStart, blockPosition } = origin;
  switch (reply.type) {
    case 'queryResult':
      return { status: 'success', queryText, tables: reply.tables, render: reply.render, elapsedMs: reply.elapsedMs, resultId: reply.resultId, totals: reply.totals };
    case 'queryError':
      if (reply.error.code === 'E_CANCELLED') return { status: 'cancelled', queryText };
      return { status: 'error', queryText, error: reply.error, blockStart, blockPosition };
    case 'failed':
      return runStateFromFailure(reply.message, origin);
    default: {
      const never: never = reply;
      return never;
    }
  }
}

/** The run state of a query whose request failed before the worker answered (e.g. the worker died). */
export function runStateFromFailure(message: string, origin: RunOrigin): RunState {
  const { queryText, blockStart, blockPosition } = origin;
  return { status: 'error', queryText, error: { code: 'E_INTERNAL', message, span: null }, blockStart, blockPosition };
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

/**
 * The line and column, in the editor text as it was when the query ran, where the error of
 * an error run starts; null for errors without a span and for any other state.
 */
export function errorPositionFor(run: RunState): LineColumn | null {
  if (run.status !== 'error' || run.error.span === null) return null;
  return positionWithin(run.blockPosition, lineColumnAt(run.queryText, run.error.span.start));
}

/** `text` with `insert` placed at `offset` (clamped), and the caret offset just after it. */
export function insertAt(text: string, offset: number, insert: string): { readonly text: string; readonly cursor: number } {
  const at = Math.min(Math.max(offset, 0), text.length);
  return { text: text.slice(0, at) + insert + text.slice(at), cursor: at + insert.length };
}
