import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { DEV_SERVER_HEADERS, SECURITY_HEADERS } from './scripts/securityHeaders.mjs';

/**
 * Vite build for the log explorer. Everything is bundled locally (Monaco, monaco-kusto,
 * Kusto.Language): the page never requests another origin.
 */
export default defineConfig({
  plugins: [react()],
  server: {
    headers: { ...DEV_SERVER_HEADERS },
  },
  preview: {
    headers: { ...SECURITY_HEADERS },
  },
  worker: {
    // monaco-kusto's language worker and our data worker are ES modules.
    format: 'es',
  },
  optimizeDeps: {
    // Pre-bundle the KQL plugin, its worker and the Bridge.NET files it pulls in, so the
    // first dev start does not discover them late and reload the page.
    include: [
      '@monaco-editor/react',
      'monaco-editor/esm/vs/editor/edcore.main',
      'monaco-editor/esm/vs/editor/editor.api',
      'monaco-editor/esm/vs/editor/editor.worker',
      '@kusto/monaco-kusto',
      '@kusto/monaco-kusto/release/esm/kusto.worker',
      '@kusto/language-service/bridge.min',
      '@kusto/language-service/Kusto.JavaScript.Client.min',
      '@kusto/language-service/newtonsoft.json.min',
      '@kusto/language-service-next/Kusto.Language.Bridge.min',
      // The engine in the data worker loads Kusto.Language the same way.
      '@kusto/language-service-next/bridge.min.js',
      '@kusto/language-service-next/Kusto.Language.Bridge.min.js',
    ],
  },
  build: {
    target: 'es2022',
    // Monaco + Kusto.Language are large by nature; they load lazily, after first paint.
    chunkSizeWarningLimit: 6000,
  },
});
