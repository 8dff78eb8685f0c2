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
import { setLiveAnalysisMarker } from './liveAnalysisMarker';
import type { QueryEditorProps } from './queryEditorProps';
import { EditorPlaceholder } from './EditorPlaceholder';
import { useResolvedTheme } from '../theme/themeStore';

type StandaloneEditor = monaco.editor.IStandaloneCodeEditor;

/**
 * monaco-kusto's themes: Monaco's `vs` / `vs-dark` plus colours for KQL tokens (operators,
 * functions, tables), so queries look as in Azure Data Explorer; chosen by the page theme.
 */
const EDITOR_THEMES = { light: themeNames.light, dark: themeNames.dark } as const;

/**
 * Whether this page has switched Monaco to "Tab moves focus" yet. Monaco keeps that mode
 * in one global toggle (Ctrl+M flips it), so it is switched once per page: a remount must
 * not flip it back, and a user who turned it off keeps their choice.
 */
let tabMovesFocusSet = false;

/** Monaco's action behind Ctrl+M (toggle whether Tab inserts a tab or moves the focus). */
const TOGGLE_TAB_FOCUS_ACTION_ID = 'editor.action.toggleTabFocusMode';

/** Monaco context key: a query runs now. */
const QUERY_RUNNING_CONTEXT_KEY = 'logExplorerQueryRunning';

/** When Escape in the editor cancels the running query (Monaco context-key expression). */
const ESCAPE_CANCELS_WHEN = [
  QUERY_RUNNING_CONTEXT_KEY,
  '!suggestWidgetVisible',
  '!findWidgetVisible',
  '!parameterHintsVisible',
  '!renameInputVisible',
  '!inSnippetMode',
  '!editorHasMultipleSelections',
  '!markersNavigationVisible',
  '!referenceSearchVisible',
].join(' && ');

/** Id of the save action (Ctrl+S; also in Monaco's command palette, F1). */
export const SAVE_QUERY_ACTION_ID = 'logExplorer.saveQuery';

/** Id of the run action (also reachable from Monaco's command palette, F1). */
export const RUN_QUERY_ACTION_ID = 'logExplorer.runQuery';

/** The Monaco editor with KQL language support; see `QueryEditorProps`. */
export default function MonacoQueryEditor(props: QueryEditorProps): JSX.Element {
  const { value, onChange, onCursorChange, onRun, onCancel, running = false, tables, errorMarker, caretRequest, onSave, modelPath } = props;
  const { t } = useTranslation('editor');
  const [editor, setEditor] = useState<StandaloneEditor | null>(null);
  const pageTheme = useResolvedTheme();

  // Monaco listeners are registered once at mount; they call the latest callbacks.
  const callbacks = useRef({ onCursorChange, onRun, onCancel, onSave });
  useEffect(() => {
    callbacks.current = { onCursorChange, onRun, onCancel, onSave };
  }, [onCursorChange, onRun, onCancel, onSave]);
  const runningKey = useRef<monaco.editor.IContextKey<boolean> | null>(null);

  const handleMount: OnMount = (mounted) => {
    mounted.addAction({
      id: RUN_QUERY_ACTION_ID,
      label: t('runAction'),
      keybindings: [monaco.KeyMod.Shift | monaco.KeyCode.Enter, monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => callbacks.current.onRun(),
    });
    // Ctrl+S saves the query; as a Monaco keybinding it also stops the browser's "Save page".
    mounted.addAction({
      id: SAVE_QUERY_ACTION_ID,
      label: t('saveAction'),
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
      run: () => callbacks.current.onSave?.(),
    });
    // Escape cancels a running query, unless one of Monaco's own uses of Escape applies
    // (closing completion, find, hints, snippets, extra cursors): a keybinding added here
    // takes precedence over the built-in ones whenever its condition holds.
    runningKey.current = mounted.createContextKey(QUERY_RUNNING_CONTEXT_KEY, running);
    mounted.addCommand(monaco.KeyCode.Escape, () => callbacks.current.onCancel?.(), ESCAPE_CANCELS_WHEN);
    // Keyboard users must be able to Tab past the editor to the results (no keyboard trap);
    // a query rarely needs a tab character. Tab still accepts a visible completion, and
    // Ctrl+M switches back to inserting tabs.
    if (!tabMovesFocusSet) {
      tabMovesFocusSet = true;
      // A command of Monaco's (not an editor action), so it runs through `trigger`.
      mounted.trigger('logExplorer', TOGGLE_TAB_FOCUS_ACTION_ID, null);
    }
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

  useEffect(() => {
    runningKey.current?.set(running);
  }, [editor, running]);

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

  const { liveMarker = null } = props;
  useEffect(() => {
    const model = editor?.getModel();
    if (model) setLiveAnalysisMarker(model, liveMarker);
  }, [editor, liveMarker]);

  // A caret request comes with a new `value`. @monaco-editor/react applies a new value by
  // replacing the whole model text in its own effect, which leaves Monaco's caret at the end
  // of that edit; child effects run before this one, so the text is in the model here and
  // the caret can be put where the state asked.
  const appliedCaretRequest = useRef<number | null>(null);
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model || !caretRequest || appliedCaretRequest.current === caretRequest.id) return;
    appliedCaretRequest.current = caretRequest.id;
    const position = model.getPositionAt(caretRequest.offset);
    editor.setPosition(position);
    editor.revealPositionInCenterIfOutsideViewport(position);
    if (caretRequest.focus) editor.focus();
  }, [editor, caretRequest]);

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
      theme={EDITOR_THEMES[pageTheme]}
      value={value}
      path={modelPath}
      onChange={(text) => onChange(text ?? '')}
      onMount={handleMount}
      options={options}
      loading={<EditorPlaceholder />}
    />
  );
}
