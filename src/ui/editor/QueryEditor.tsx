/**
 * The KQL query editor: Monaco with the official KQL language plugin (completion over the
 * loaded tables, syntax and semantic squiggles, hover, formatting), plus the engine's own
 * error as a marker. Monaco loads lazily, after first paint.
 */
import { lazy, Suspense, type JSX } from 'react';
import { EditorLoadBoundary } from './EditorLoadBoundary';
import { EditorPlaceholder } from './EditorPlaceholder';
import type { QueryEditorProps } from './queryEditorProps';

export type { EditorCaretRequest, EditorErrorMarker, QueryEditorProps } from './queryEditorProps';

const MonacoQueryEditor = lazy(() => import('./MonacoQueryEditor'));

/** The query editor; fills its parent's height (give the parent one). */
export function QueryEditor(props: QueryEditorProps): JSX.Element {
  return (
    <div className="query-editor" style={{ height: '100%', minHeight: '6rem' }}>
      <EditorLoadBoundary>
        <Suspense fallback={<EditorPlaceholder />}>
          <MonacoQueryEditor {...props} />
        </Suspense>
      </EditorLoadBoundary>
    </div>
  );
}
