/**
 * Shows the live analysis' "not supported yet" error (found while typing, before any run) as a
 * Monaco marker with its own owner, apart from the run's engine marker (`engineMarker.ts`) and
 * monaco-kusto's diagnostics (owner `kusto`), so each source clears only its own.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import type { EditorErrorMarker } from './queryEditorProps';

/** Marker owner of live-analysis errors. */
export const LIVE_ANALYSIS_MARKER_OWNER = 'engine-live';

/** Replaces the live-analysis marker of `model` with `marker` (or removes it for null). */
export function setLiveAnalysisMarker(model: monaco.editor.ITextModel, marker: EditorErrorMarker | null): void {
  if (marker === null) {
    monaco.editor.setModelMarkers(model, LIVE_ANALYSIS_MARKER_OWNER, []);
    return;
  }
  const textLength = model.getValueLength();
  const start = Math.min(Math.max(0, marker.start), textLength);
  const end = Math.min(start + Math.max(1, marker.length), textLength);
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  monaco.editor.setModelMarkers(model, LIVE_ANALYSIS_MARKER_OWNER, [
    {
      severity: monaco.MarkerSeverity.Error,
      message: marker.message,
      source: LIVE_ANALYSIS_MARKER_OWNER,
      startLineNumber: from.lineNumber,
      startColumn: from.column,
      endLineNumber: to.lineNumber,
      endColumn: to.column,
    },
  ]);
}
