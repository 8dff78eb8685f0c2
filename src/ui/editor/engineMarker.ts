/**
 * Shows the engine's error (one span of the editor text) as a Monaco marker with its own
 * owner, next to monaco-kusto's diagnostics (owner `kusto`).
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import type { EditorErrorMarker } from './queryEditorProps';

/** Marker owner of engine errors. */
export const ENGINE_MARKER_OWNER = 'engine';

/** Replaces the engine marker of `model` with `marker` (or removes it for null). */
export function setEngineMarker(model: monaco.editor.ITextModel, marker: EditorErrorMarker | null): void {
  if (marker === null) {
    monaco.editor.setModelMarkers(model, ENGINE_MARKER_OWNER, []);
    return;
  }
  const textLength = model.getValueLength();
  let start = Math.min(Math.max(0, marker.start), textLength);
  const end = Math.min(start + Math.max(1, marker.length), textLength);
  // An error at the very end (e.g. "expected an expression") has no character to
  // underline; mark the last character so the squiggle stays visible.
  if (end === start && start > 0) start -= 1;
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  monaco.editor.setModelMarkers(model, ENGINE_MARKER_OWNER, [
    {
      severity: monaco.MarkerSeverity.Error,
      message: marker.message,
      source: ENGINE_MARKER_OWNER,
      startLineNumber: from.lineNumber,
      startColumn: from.column,
      endLineNumber: to.lineNumber,
      endColumn: to.column,
    },
  ]);
}
