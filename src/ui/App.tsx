import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryEditor } from './editor/QueryEditor';
import { ResultsPanel } from './results/ResultsPanel';
import { errorMarkerFor, liveMarkerFor, useAppStore, useAppStoreApi } from '../state';
import { Header } from './app/Header';
import { Toolbar } from './app/Toolbar';
import { SidePanel } from './app/SidePanel';
import { Splitter } from './app/Splitter';
import { DropOverlay } from './files/DropOverlay';
import { WorkspaceBar } from './workspace/WorkspaceBar';
import { PanelBoundary } from './app/PanelBoundary';
import { TimeScopeNotice } from './time/TimeScopeNotice';
import { SkipLinks } from './app/SkipLinks';
import { EDITOR_AREA_ID, RESULTS_AREA_ID } from './app/areaIds';
import './app/app.css';

/** The editor pane, wired to the query slice. */
function EditorPane(): React.JSX.Element {
  const store = useAppStoreApi();
  const text = useAppStore((s) => s.editorText);
  const tables = useAppStore((s) => s.tables);
  const run = useAppStore((s) => s.run);
  const setEditorText = useAppStore((s) => s.setEditorText);
  const setCursorOffset = useAppStore((s) => s.setCursorOffset);
  const runAtCursor = useAppStore((s) => s.runAtCursor);
  const caretRequest = useAppStore((s) => s.caretRequest);
  const running = useAppStore((s) => s.run.status === 'running');
  const cancelRun = useAppStore((s) => s.cancelRun);
  const activeTabId = useAppStore((s) => s.activeTabId);
  const beginSaveQuery = useAppStore((s) => s.beginSaveQuery);
  // Recomputed only when the run changes: the editor clears the marker when the text
  // changes, and a fresh marker object on every keystroke would bring it back.
  const errorMarker = useMemo(() => errorMarkerFor(run, store.getState().editorText.length), [run, store]);
  // "Not supported yet" of the block under the caret, found before running (live analysis).
  const liveAnalysis = useAppStore((s) => s.liveAnalysis);
  const liveMarker = useMemo(() => liveMarkerFor(liveAnalysis, text), [liveAnalysis, text]);
  return (
    <QueryEditor
      value={text}
      onChange={setEditorText}
      onCursorChange={setCursorOffset}
      onRun={runAtCursor}
      running={running}
      onCancel={cancelRun}
      tables={tables}
      errorMarker={errorMarker}
      liveMarker={liveMarker}
      caretRequest={caretRequest}
      onSave={beginSaveQuery}
      modelPath={`inmemory://query-tab/${activeTabId}`}
    />
  );
}

function ResultsPane(): React.JSX.Element {
  const run = useAppStore((s) => s.run);
  return (
    <>
      <TimeScopeNotice run={run} />
      <PanelBoundary panel="results" resetKey={run}>
        <ResultsPanel run={run} />
      </PanelBoundary>
    </>
  );
}

/** The page: header, side panel (tables, gallery, files), toolbar, editor and results. */
export function App(): React.JSX.Element {
  const { t } = useTranslation('app');
  const [split, setSplit] = useState(0.36);

  useEffect(() => {
    document.title = t('title');
  }, [t]);

  return (
    <div className="app">
      <SkipLinks />
      <Header />
      <div className="app-body">
        <PanelBoundary panel="sidePanel">
          <SidePanel />
        </PanelBoundary>
        <main className="main">
          <WorkspaceBar />
          <Toolbar />
          <div className="work-area">
            <section id={EDITOR_AREA_ID} className="editor-pane" aria-label={t('layout.editorArea')} style={{ flexBasis: `${split * 100}%` }}>
              <PanelBoundary panel="editor">
                <EditorPane />
              </PanelBoundary>
            </section>
            <Splitter fraction={split} onChange={setSplit} label={t('layout.splitter')} />
            <section id={RESULTS_AREA_ID} className="results-pane" aria-label={t('layout.results')}>
              <ResultsPane />
            </section>
          </div>
        </main>
      </div>
      <DropOverlay />
    </div>
  );
}
