import type { TableInfo } from '../../worker/protocol';

/** An engine error to mark in the editor; offsets are UTF-16 units in the editor text. */
export interface EditorErrorMarker {
  readonly start: number;
  readonly length: number;
  readonly message: string;
}

/**
 * A caret move asked of the editor after the text was changed outside it (e.g. a table name
 * inserted from the schema tree). A new `id` is a new request, even for the same offset.
 */
export interface EditorCaretRequest {
  /** UTF-16 offset in the editor text. */
  readonly offset: number;
  /** Whether the editor should also take the focus. */
  readonly focus: boolean;
  readonly id: number;
}

/** Props of `QueryEditor`. */
export interface QueryEditorProps {
  /** The editor text (controlled). */
  value: string;
  onChange(text: string): void;
  /** UTF-16 offset of the caret in the text. */
  onCursorChange(offset: number): void;
  /** Shift+Enter (also Ctrl/Cmd+Enter). */
  onRun(): void;
  /** Whether a query runs now (Escape in the editor then cancels it). */
  running?: boolean;
  /** Escape in the editor while `running`, when no editor widget (completion, find, ...) wants it. */
  onCancel?(): void;
  /** The loaded tables: completion and diagnostics use them as the database schema. */
  tables: readonly TableInfo[];
  /** An engine error to mark (offsets in the editor text), or null to clear it. */
  errorMarker: EditorErrorMarker | null;
  /** A "not supported yet" error of the block under the caret found before running (live analysis), or null. */
  liveMarker?: EditorErrorMarker | null;
  /** The latest caret move to make; applied once per request, after `value` is in the editor. */
  caretRequest?: EditorCaretRequest | null;
  /** Ctrl+S (Cmd+S) in the editor: save the query (the browser's "Save page" is suppressed). */
  onSave?(): void;
  /**
   * Identity of the text's model (one per query tab): switching it switches Monaco's model,
   * so each tab keeps its own undo history and scroll position.
   */
  modelPath?: string;
}
