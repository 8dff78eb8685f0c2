/**
 * Tells Monaco how to start its web workers: monaco-kusto asks for label `kusto`; Monaco's
 * own editor worker (diffing, links, word-based suggestions) serves every other label.
 * Both are bundled locally by Vite, so no worker script comes from another origin.
 */
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import KustoWorker from './kusto.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'kusto' ? new KustoWorker() : new EditorWorker();
  },
};
