/**
 * Entry of monaco-kusto's language worker (completion, diagnostics, colorization run here,
 * on Kusto.Language). Bundled by Vite as its own ES module worker (`?worker`).
 * The shim import comes first on purpose: ES modules evaluate their imports in order, so
 * `global` exists before the Bridge.NET runtime (imported by the plugin's worker) runs.
 */
import './kustoWorkerShim';
import '@kusto/monaco-kusto/release/esm/kusto.worker';
