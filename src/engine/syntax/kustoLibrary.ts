/**
 * Loads Kusto.Language (the official KQL parser and binder, a Bridge.NET build) and hands
 * out its global namespace. This is the only module that imports the library's scripts.
 *
 * How loading works, as measured (Kusto.Language 11.5.3, Node 20, Vite 8 / Rolldown, Chromium):
 * - The two files are plain scripts that set the globals `Bridge` and `Kusto`; they must run
 *   in this order. Side-effect imports keep that order in every environment (ES modules
 *   evaluate imports depth-first, in source order).
 * - Node (Vitest, benchmark): the package has no `exports` map and no `"type": "module"`, so
 *   Node loads each file as CommonJS; its wrapper supplies `module` and `global`.
 * - Browser, Vite production build of an ES-module worker: Rolldown wraps `bridge.min.js` as
 *   a CommonJS module; the script then sees `module.exports` and uses `global` as the global
 *   object, which a worker does not have -> `bridgeGlobalShim` defines it first. Verified in
 *   Chromium under `script-src 'self'` (no `unsafe-eval`): no eval, no `importScripts`
 *   (unavailable in module workers). The build warns that `fs` (a `require("fs")` in a Node-only
 *   branch of bridge.min.js) is externalized for the browser; that branch never runs there.
 * - Vite dev server: the same imports work (the files get pre-bundled); listing
 *   `@kusto/language-service-next/bridge.min.js` and `.../Kusto.Language.Bridge.min.js` in
 *   `optimizeDeps.include` avoids a reload when they are first discovered.
 */
import './bridgeGlobalShim';
import '@kusto/language-service-next/bridge.min.js';
import '@kusto/language-service-next/Kusto.Language.Bridge.min.js';
import type { KustoNamespace } from './kustoTypes';

/** The `Kusto.Language` namespace (loaded when this module was imported). */
export function kustoLanguage(): KustoNamespace {
  const root = globalThis as typeof globalThis & { Kusto?: { Language?: KustoNamespace } };
  const language = root.Kusto?.Language;
  if (language === undefined) throw new Error('Kusto.Language did not load');
  return language;
}
