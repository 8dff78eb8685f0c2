/**
 * The Monaco-based KQL editor. Loaded lazily by `QueryEditor` (this module pulls in Monaco
 * and monaco-kusto); keep every Monaco import inside `src/ui/editor`.
 */
import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useTranslation } from 'react-i18next';
import { KUSTO_LANGUAGE_ID, monaco, themeNames } from './monacoSetup';
import { pushSchema, schemaKey } from './schemaSync';
import { setEngineMarker } from './engineMarker';
import type { QueryEditorProps } from './queryEditorProps';
import { EditorPlaceholder } from './EditorPlaceholder';

type StandaloneEditor = monaco.editor.IStandaloneCodeEditor;

/**
 * monaco-kusto's light theme: Monaco's `vs` plus colours for KQL tokens (operators,
 * functions, tables), so queries look as in Azure Data Explorer. (`kusto-dark` later.)
 */
const EDITOR_THEME = themeNames.light;

/** Id of the run action (also reachable from Monaco's command palette, F1). */
export const RUN_QUERY_ACTION_ID = 'logExplorer.runQuery';

/** The Monaco editor with KQL language support; see `QueryEditorProps`. */
export default function MonacoQueryEditor(props: QueryEditorProps): JSX.Element {
  const { value, onChange, onCursorChange, onRun, tables, errorMarker } = props;
  const { t } = useTranslation('editor');
  const [editor, setEditor] = useState<StandaloneEditor | null>(null);

  // Monaco listeners are registered once at mount; they call the latest callbacks.
  const callbacks = useRef({ onCursorChange, onRun });
  useEffect(() => {
    callbacks.current = { onCursorChange, onRun };
  }, [onCursorChange, onRun]);

  const handleMount: OnMount = (mounted) => {
    mounted.addAction({
      id: RUN_QUERY_ACTION_ID,
      label: t('runAction'),
      keybindings: [monaco.KeyMod.Shift | monaco.KeyCode.Enter, monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => callbacks.current.onRun(),
    });
    mounted.onDidChangeCursorPosition((event) => {
      const model = mounted.getModel();
      if (model) callbacks.current.onCursorChange(model.getOffsetAt(event.position));
    });
    // The engine error belongs to the text it was computed for; any edit removes it.
    mounted.onDidChangeModelContent(() => {
      const model = mounted.getModel();
      if (model) setEngineMarker(model, null);
    });
    setEditor(mounted);
  };

  const tablesKey = useMemo(() => schemaKey(tables), [tables]);
  const tablesRef = useRef(tables);
  useEffect(() => {
    tablesRef.current = tables;
  }, [tables]);
  // Declared after the ref update above, so it reads the current tables; re-runs only
  // when names or types change (not on every new array or row count).
  useEffect(() => {
    const model = editor?.getModel();
    if (model) void pushSchema(model, tablesRef.current);
  }, [editor, tablesKey]);

  useEffect(() => {
    const model = editor?.getModel();
    if (model) setEngineMarker(model, errorMarker);
  }, [editor, errorMarker]);

  const options = useMemo<monaco.editor.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel: t('ariaLabel'),
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 4,
      wordWrap: 'on',
      renderLineHighlight: 'line',
      // Suggest and hover widgets may overflow the editor's box (it is often short).
      fixedOverflowWidgets: true,
      'semanticHighlighting.enabled': true,
    }),
    [t],
  );

  return (
    <Editor
      height="100%"
      language={KUSTO_LANGUAGE_ID}
      theme={EDITOR_THEME}
      value={value}
      onChange={(text) => onChange(text ?? '')}
      onMount={handleMount}
      options={options}
      loading={<EditorPlaceholder />}
    />
  );
}
