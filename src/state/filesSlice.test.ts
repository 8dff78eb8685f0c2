/**
 * The files and tables slices against the real worker client and data service (real ingest)
 * over a `MessageChannel`. Queries and the sample generator are not used here.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { DataWorkerClient } from '../worker/client';
import { serveDataService } from '../worker/serve';
import type { FilesSlice } from './filesSlice';
import { createFilesSlice, pathOfFile } from './filesSlice';
import type { TablesSlice } from './tablesSlice';
import { createTablesSlice } from './tablesSlice';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

const ingestFile = (name: string): File => new File([readFileSync(new URL(`../ingest/testdata/${name}`, import.meta.url))], name.split('/').pop()!);

function makeStore() {
  const channel = new MessageChannel();
  channels.push(channel);
  const unused = (): never => {
    throw new Error('not used by these tests');
  };
  serveDataService(channel.port2, { runQuery: unused, generateSampleTables: unused });
  const client = new DataWorkerClient(channel.port1);
  const store = createStore<FilesSlice & TablesSlice>()((set, get, api) => ({
    ...createFilesSlice<FilesSlice & TablesSlice>(client)(set, get, api),
    ...createTablesSlice<FilesSlice & TablesSlice>(client)(set, get, api),
  }));
  client.onTables((tables) => store.getState().setTables(tables));
  return store;
}

describe('files slice', () => {
  it('loads a folder with its relative paths and shows one summary per file', async () => {
    const store = makeStore();
    await store.getState().loadPickedFiles([
      { file: ingestFile('pt1h-crlf.json'), path: 'insights-logs-x/y=2024/m=05/d=02/h=08/m=00/PT1H.json' },
      { file: ingestFile('gzip/PT1H.json.gz'), path: 'insights-logs-x/y=2024/m=05/d=02/h=09/m=00/PT1H.json.gz' },
    ]);
    const load = store.getState().fileLoad;
    expect(load.status).toBe('done');
    if (load.status !== 'done') return;
    expect(load.summaries.map((s) => [s.fileName, s.rowsByTable])).toEqual([
      ['insights-logs-x/y=2024/m=05/d=02/h=08/m=00/PT1H.json', { ContainerRegistryLoginEvents: 2 }],
      ['insights-logs-x/y=2024/m=05/d=02/h=09/m=00/PT1H.json.gz', { ContainerRegistryLoginEvents: 2 }],
    ]);
    expect(store.getState().loadedFileCount).toBe(2);
    await expect.poll(() => store.getState().tables.map((t) => [t.name, t.rowCount])).toEqual([['ContainerRegistryLoginEvents', 4]]);
  });

  it('reports the same file dropped twice as a duplicate and does not count it', async () => {
    const store = makeStore();
    await store.getState().loadFiles([ingestFile('pt1h-crlf.json')]);
    await store.getState().loadFiles([ingestFile('pt1h-crlf.json')]);
    const load = store.getState().fileLoad;
    if (load.status !== 'done') throw new Error(`unexpected ${load.status}`);
    expect(load.summaries[0]).toMatchObject({ fileName: 'pt1h-crlf.json', duplicateOf: 'pt1h-crlf.json', rowsByTable: {} });
    expect(store.getState().loadedFileCount).toBe(1);
  });

  it('cancels a load: the state says so and no table appears', async () => {
    const store = makeStore();
    const big = new File(['{"time":"2024-05-01T10:00:00Z","category":"ContainerRegistryLoginEvents"}\n'.repeat(200_000)], 'big.json');
    const unsubscribe = store.subscribe((state) => {
      if (state.fileLoad.status === 'loading' && state.fileLoad.progress !== null && !state.fileLoad.cancelling) state.cancelFileLoad();
    });
    await store.getState().loadFiles([big]);
    unsubscribe();
    expect(store.getState().fileLoad).toEqual({ status: 'cancelled', fileCount: 1 });
    expect(store.getState().tables).toEqual([]);
  });

  it('uses webkitRelativePath as the path of a file from a folder picker', () => {
    const file = new File(['x'], 'PT1H.json');
    expect(pathOfFile(file)).toBe('PT1H.json');
    Object.defineProperty(file, 'webkitRelativePath', { value: 'logs/h=01/PT1H.json' });
    expect(pathOfFile(file)).toBe('logs/h=01/PT1H.json');
  });
});

describe('tables slice', () => {
  it('removes a table and clears all', async () => {
    const store = makeStore();
    await store.getState().loadFiles([ingestFile('pt1h-mixed.json')]);
    await expect.poll(() => store.getState().tables.length).toBe(3);
    await store.getState().removeTable('AzureMetrics');
    expect(store.getState().tableAction).toEqual({ status: 'idle' });
    await expect.poll(() => store.getState().tables.map((t) => t.name)).toEqual(['ContainerRegistryLoginEvents', 'ContainerRegistryRepositoryEvents']);
    await store.getState().clearAllTables();
    await expect.poll(() => store.getState().tables).toEqual([]);
  });
});
