import type { TableInfo } from '../../worker/protocol';

/** An engine error to mark in the editor; offsets are UTF-16 units in the editor text. */
export interface EditorErrorMarker {
  readonly start: number;
  readonly length: number;
  readonly message: string;
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
  /** The loaded tables: completion and diagnostics use them as the database schema. */
  tables: readonly TableInfo[];
  /** An engine error to mark (offsets in the editor text), or null to clear it. */
  errorMarker: EditorErrorMarker | null;
}
