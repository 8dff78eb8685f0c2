/**
 * Must be imported before the KQL language worker's dependencies load.
 * Why: the Bridge.NET runtime bundled in `@kusto/language-service(-next)` looks up a
 * Node-style `global` object when it starts; a browser worker only has `globalThis`/`self`.
 */
(globalThis as unknown as { global: typeof globalThis }).global = globalThis;

export {};
