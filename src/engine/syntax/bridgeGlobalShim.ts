/**
 * Must be imported before the Bridge.NET scripts (see `kustoLibrary.ts`).
 *
 * Why: `bridge.min.js` is a CommonJS-style script. When a bundler wraps it as a CommonJS
 * module (Vite/Rolldown in the browser), it sees `module.exports` and takes `global` as the
 * global object — a name that exists in Node but not in a browser worker. Defining it here
 * (ES module evaluation order guarantees this runs first) makes the runtime register
 * `Bridge` and `Kusto` on `globalThis` in every environment.
 */
const root = globalThis as typeof globalThis & { global?: typeof globalThis };
if (root.global === undefined) root.global = globalThis;

export {};
