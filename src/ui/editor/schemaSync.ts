/**
 * Pushes the loaded tables to monaco-kusto's worker as its schema.
 * Updates are applied one after another, so the last table set always wins even when
 * the worker answers slowly.
 */
import type { editor } from 'monaco-editor/esm/vs/editor/editor.api';
import type { TableInfo } from '../../worker/protocol';
import { toKustoSchema } from './editorSchema';
import { getKustoWorker } from './monacoSetup';

let schemaVersion = 0;
let pending: Promise<void> = Promise.resolve();

/** Sets `tables` as the schema of the KQL language service serving `model`. */
export function pushSchema(model: editor.ITextModel, tables: readonly TableInfo[]): Promise<void> {
  schemaVersion += 1;
  const schema = toKustoSchema(tables, schemaVersion);
  pending = pending
    .then(async () => {
      if (model.isDisposed()) return;
      const accessor = await getKustoWorker();
      const worker = await accessor(model.uri);
      await worker.setSchema(schema);
    })
    .catch((error: unknown) => {
      // Completion falls back to schema-less KQL; the page keeps working.
      console.error('Could not set the editor schema', error);
    });
  return pending;
}

/** A stable key of the tables' names and typed columns (row counts do not matter here). */
export function schemaKey(tables: readonly TableInfo[]): string {
  return JSON.stringify(tables.map((t) => [t.name, t.columns.map((c) => [c.name, c.type])]));
}
