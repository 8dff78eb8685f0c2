/**
 * Loads Monaco and the KQL language plugin once, from the local bundle (never a CDN).
 * Only the lazily loaded editor chunk imports this module, so none of it blocks first paint.
 */
// The editor core with all its contributions (find, suggest, hover, folding, ...) but
// without Monaco's other language packs, which `monaco-editor`'s main entry would add.
import 'monaco-editor/esm/vs/editor/edcore.main';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import { loader } from '@monaco-editor/react';
import { getKustoWorker, kustoDefaults, themeNames } from '@kusto/monaco-kusto';
import './monacoEnvironment';

kustoDefaults.setLanguageSettings({
  ...kustoDefaults.languageSettings,
  // Main-thread (Monarch) colouring paints ~1 s before the worker's semantic colouring.
  useTokenColorization: true,
  // The explorer runs queries only; `.show ...` management commands would not run.
  includeControlCommands: false,
});

// @monaco-editor/react would otherwise fetch Monaco from a CDN.
loader.config({ monaco });

/** Language id monaco-kusto registers. */
export const KUSTO_LANGUAGE_ID = 'kusto';

export { getKustoWorker, monaco, themeNames };
