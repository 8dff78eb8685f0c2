/**
 * The client's result requests (`viewResult`, `exportResult`) against the real service over a
 * real `MessageChannel`: the capped rows, the view over all rows and the exported Blob arrive.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataWorkerClient } from './client';
import { serveDataService } from './serve';
import { runQuery, rowsOf } from '../engine';
import { generateSampleTables } from '../sample';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

function connect(): DataWorkerClient {
  const channel = new MessageChannel();
  channels.push(channel);
  serveDataService(channel.port2, { runQuery, generateSampleTables });
  return new DataWorkerClient(channel.port1);
}

describe('DataWorkerClient result requests', () => {
  it('gets capped rows with totals, then sorts and exports the whole kept result', async () => {
    const client = connect();
    const file = new File([readFileSync(fileURLToPath(new URL('../ingest/testdata/csv/generic-inference.csv', import.meta.url)))], 'generic-inference.csv');
    await client.loadFiles([file], () => undefined);
    client.resultRowCap = 2;
    const reply = await client.runQuery('generic_inference | project id, note', 0).result;
    if (reply.type !== 'queryResult') throw new Error(JSON.stringify(reply));
    expect(rowsOf(reply.tables[0])).toEqual([['001', 'x'], ['002', '']]);
    expect(reply.totals).toEqual([{ totalRows: 9, truncation: 'rowLimit' }]);

    const view = await client.viewResult(reply.resultId!, 0, { sort: { column: 0, descending: true }, search: '' });
    expect(rowsOf(view.table)).toEqual([['009', 'last'], ['008', '']]);
    expect(view.total).toEqual({ totalRows: 9, truncation: 'rowLimit' });

    const exported = await client.exportResult(reply.resultId!, 0, { sort: null, search: 'LAST' }, 'json');
    expect(exported.rows).toBe(1);
    expect(JSON.parse(await exported.blob.text())).toEqual([{ id: '009', note: 'last' }]);
  });

  it('rejects a view of an unknown result with the worker message', async () => {
    const client = connect();
    await expect(client.viewResult(999, 0, { sort: null, search: 'x' })).rejects.toThrow(/no longer kept/);
  });
});
