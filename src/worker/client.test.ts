/**
 * The client against the real service (real engine, ingest and sample generator) over a
 * real `MessageChannel` (structured clone and transfer), the service end playing the worker. The browser worker itself is covered by
 * the end-to-end suite.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataWorkerClient } from './client';
import type { FileLoadProgress } from './client';
import { serveDataService } from './serve';
import type { TableInfo } from './protocol';
import { runQuery } from '../engine';
import { rowsOf } from '../engine/table/rows';
import { generateSampleTables } from '../sample';

function ingestFile(name: string): File {
  return new File([readFileSync(fileURLToPath(new URL(`../ingest/testdata/${name}`, import.meta.url)))], name);
}

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

/** A client connected to a service through a fresh channel. */
function connect(): { client: DataWorkerClient; workerPort: MessagePort } {
  const channel = new MessageChannel();
  channels.push(channel);
  serveDataService(channel.port2, { runQuery, generateSampleTables });
  return { client: new DataWorkerClient(channel.port1), workerPort: channel.port2 };
}

describe('DataWorkerClient over a MessageChannel', () => {
  it('resolves ready() when the worker says so', async () => {
    const { client, workerPort } = connect();
    workerPort.postMessage({ type: 'ready' });
    await expect(client.ready()).resolves.toBeUndefined();
  });

  it('loads files with progress, summaries and a table-list update', async () => {
    const { client } = connect();
    const tableLists: (readonly TableInfo[])[] = [];
    client.onTables((tables) => tableLists.push(tables));
    const progress: FileLoadProgress[] = [];
    const { summaries, cancelled } = await client.loadFiles([ingestFile('pt1h-mixed.json'), ingestFile('pt1h-crlf.json')], (p) => progress.push(p));

    // The names travel as paths (Node's MessagePort clones a File as a plain Blob, losing its name).
    expect(cancelled).toBe(false);
    expect(summaries.map((s) => [s.fileName, s.format, s.rowsByTable, s.skippedCount])).toEqual([
      ['pt1h-mixed.json', 'resource-log-jsonl', { ContainerRegistryRepositoryEvents: 2, ContainerRegistryLoginEvents: 1, AzureMetrics: 2 }, 4],
      ['pt1h-crlf.json', 'resource-log-jsonl', { ContainerRegistryLoginEvents: 2 }, 0],
    ]);
    expect(progress.at(-1)).toMatchObject({ fileIndex: 1, fileCount: 2, setTotalBytes: ingestFile('pt1h-mixed.json').size + ingestFile('pt1h-crlf.json').size });
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)?.rows).toBe(2);

    // The table list arrives after loadDone; wait for it.
    await expect.poll(() => tableLists.length).toBe(1);
    expect(tableLists[0].map((t) => [t.name, t.rowCount])).toEqual([
      ['AzureMetrics', 2],
      ['ContainerRegistryLoginEvents', 3],
      ['ContainerRegistryRepositoryEvents', 2],
    ]);

    // A later subscriber gets the latest list at once.
    const late: (readonly TableInfo[])[] = [];
    const unsubscribe = client.onTables((tables) => late.push(tables));
    expect(late).toEqual([tableLists[0]]);
    unsubscribe();
  });

  it('runs a query over loaded files and receives a columnar result', async () => {
    const { client } = connect();
    await client.loadFiles([ingestFile('pt1h-mixed.json')], () => undefined);
    const reply = await client.runQuery('AzureMetrics | project MetricName, Total, UnitName | order by MetricName asc', Date.UTC(2024, 4, 2)).result;
    expect(reply.type).toBe('queryResult');
    if (reply.type !== 'queryResult') return;
    expect(rowsOf(reply.tables[0])).toEqual([
      ['StorageUsed', 1073741824, 'Bytes'],
      ['TotalPullCount', 3, 'Count'],
    ]);
  });

  it('loads the sample through the worker and reports its rows', async () => {
    const { client } = connect();
    const rows = await client.loadSample({ seed: 7, anchorMs: Date.UTC(2024, 4, 1), scale: 0.05 });
    expect(rows['ContainerRegistryRepositoryEvents']).toBeGreaterThan(0);
  });

  it('settles a cancelled query at once with E_CANCELLED', async () => {
    const { client } = connect();
    const running = client.runQuery('ContainerRegistryLoginEvents | count', Date.UTC(2024, 4, 1));
    running.cancel();
    const reply = await running.result;
    expect(reply.type).toBe('queryError');
    if (reply.type === 'queryError') expect(reply.error.code).toBe('E_CANCELLED');
  });

  it('removes a table and clears everything, with the table list following', async () => {
    const { client } = connect();
    const tableLists: (readonly TableInfo[])[] = [];
    client.onTables((tables) => tableLists.push(tables));
    await client.loadFiles([ingestFile('pt1h-mixed.json')], () => undefined, ['logs/PT1H.json']);
    await expect(client.removeTable('AzureMetrics')).resolves.toBe(true);
    await expect(client.removeTable('AzureMetrics')).resolves.toBe(false);
    await expect.poll(() => tableLists.at(-1)?.map((t) => t.name)).toEqual(['ContainerRegistryLoginEvents', 'ContainerRegistryRepositoryEvents']);
    await client.clearAll();
    await expect.poll(() => tableLists.at(-1)).toEqual([]);
  });

  it('cancels a running load: it resolves as cancelled and keeps nothing', async () => {
    const { client } = connect();
    const big = new File([`${'{"time":"2024-05-01T10:00:00Z","category":"ContainerRegistryLoginEvents"}\n'.repeat(200_000)}`], 'big.json');
    let cancelledOnce = false;
    const result = await client.loadFiles([big], () => {
      if (!cancelledOnce) client.cancelLoads();
      cancelledOnce = true;
    });
    expect(result.cancelled).toBe(true);
    const reply = await client.runQuery('ContainerRegistryLoginEvents | count', 0).result;
    expect(reply.type).toBe('queryError');
  });

  it('rejects pending requests and ready() when disposed', async () => {
    const { client } = connect();
    const ready = client.ready();
    const loading = client.loadFiles([ingestFile('pt1h-crlf.json')], () => undefined);
    client.dispose();
    await expect(ready).rejects.toThrow(/stopped/);
    await expect(loading).rejects.toThrow(/stopped/);
    const query = await client.runQuery('T', 0).result;
    expect(query).toMatchObject({ type: 'failed', message: 'the data worker was stopped' });
  });
});
