/**
 * The data worker entry (an ES module worker built by Vite). It owns the loaded tables, the
 * engine and ingest; the page talks to it only through `protocol.ts` (see `client.ts`).
 */
import { analyzeQuery, runQuery, warmUp } from '../engine';
import { generateSampleTables } from '../sample';
import { serveDataService } from './serve';

declare const self: DedicatedWorkerGlobalScope;

serveDataService(self, { runQuery, generateSampleTables, analyzeQuery });

try {
  // Loads Kusto.Language and parses once, so the user's first query does not pay for it.
  warmUp();
} catch (e) {
  // Queries will report the problem as structured errors; loading files still works.
  console.error('engine warm-up failed', e);
}
self.postMessage({ type: 'ready' });
