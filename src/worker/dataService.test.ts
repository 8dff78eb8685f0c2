import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataService } from './dataService';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { rowObjects } from '../ingest/testHelpers';
import { KNOWN_TABLES } from '../ingest/knownTables';
import { runQuery } from '../engine';
import { generateSampleTables } from '../sample';

function ingestFile(name: string): File {
  return new File([readFileSync(fileURLToPath(new URL(`../ingest/testdata/${name}`, import.meta.url)))], name);
}

/** A service with the real engine, sample generator and loader, recording what it posts. */
function makeService(): { service: DataService; posted: { response: WorkerResponse; transfer: ArrayBuffer[] }[] } {
  const posted: { response: WorkerResponse; transfer: ArrayBuffer[] }[] = [];
  const service = new DataService(
    {
      runQuery,
      generateSampleTables,
    },
    (response, transfer) => posted.push({ response, transfer }),
  );
  return { service, posted };
}

function ofType<T extends WorkerResponse['type']>(posted: { response: WorkerResponse }[], type: T): Extract<WorkerResponse, { type: T }>[] {
  return posted.map((p) => p.response).filter((r): r is Extract<WorkerResponse, { type: T }> => r.type === type);
}

describe('DataService.loadFiles', () => {
  it('loads files, posts progress, one summary per file, then the table list', async () => {
    const { service, posted } = makeService();
    await service.handle({ type: 'loadFiles', id: 7, files: [ingestFile('pt1h-mixed.json'), ingestFile('portal-export.csv')] });

    const progress = ofType(posted, 'loadProgress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.id === 7 && p.fileName === 'pt1h-mixed.json')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ bytesRead: ingestFile('pt1h-mixed.json').size, rows: 5 });

    const [done] = ofType(posted, 'loadDone');
    expect(done.id).toBe(7);
    expect(done.summaries).toHaveLength(2);
    expect(done.summaries[0]).toMatchObject({
      fileName: 'pt1h-mixed.json',
      format: 'json-lines',
      rowsByTable: { ContainerRegistryRepositoryEvents: 2, ContainerRegistryLoginEvents: 1, AzureMetrics: 2 },
      skippedCount: 4,
      unmappedFields: { ContainerRegistryRepositoryEvents: { level: 1 }, AzureMetrics: { ApiName: 1 } },
    });
    expect(done.summaries[0].error).toBeUndefined();
    expect(done.summaries[1]).toMatchObject({ fileName: 'portal-export.csv', format: 'unknown', rowsByTable: {} });
    expect(done.summaries[1].error).toMatch(/^not a resource-log file/);

    const [tables] = ofType(posted, 'tables');
    expect(tables.tables.map((t) => [t.name, t.rowCount])).toEqual([
      ['AzureMetrics', 2],
      ['ContainerRegistryLoginEvents', 1],
      ['ContainerRegistryRepositoryEvents', 2],
    ]);
    expect(tables.tables[0].columns).toEqual(KNOWN_TABLES.get('AzureMetrics'));
    // Order: progress, then the summaries, then the new table list.
    expect(posted.map((p) => p.response.type).slice(-2)).toEqual(['loadDone', 'tables']);
  });

  it('appends the rows of a later load to the loaded tables', async () => {
    const { service } = makeService();
    await service.handle({ type: 'loadFiles', id: 1, files: [ingestFile('pt1h-crlf.json')] });
    const first = service.catalog().tables.get('ContainerRegistryLoginEvents');
    await service.handle({ type: 'loadFiles', id: 2, files: [ingestFile('pt1h-mixed.json'), ingestFile('pt1h-crlf.json')] });
    const login = service.catalog().tables.get('ContainerRegistryLoginEvents');
    expect(login?.rowCount).toBe(5);
    expect(rowObjects(login!).map((r) => r.ResultDescription)).toEqual(['401', '200', '200', '401', '200']);
    // The earlier table object was not modified (a running query may still hold it).
    expect(first?.rowCount).toBe(2);
  });

  it('posts no table list when nothing loaded', async () => {
    const { service, posted } = makeService();
    await service.handle({ type: 'loadFiles', id: 3, files: [ingestFile('portal-export.csv')] });
    expect(ofType(posted, 'tables')).toEqual([]);
    expect(ofType(posted, 'loadDone')).toHaveLength(1);
  });
});

describe('DataService failures', () => {
  it('turns a malformed request into a failed response instead of throwing', async () => {
    const { service, posted } = makeService();
    const malformed = { type: 'loadFiles', id: 4, files: null } as unknown as WorkerRequest;
    await expect(service.handle(malformed)).resolves.toBeUndefined();
    const failed = ofType(posted, 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].id).toBe(4);
    expect(failed[0].message).not.toBe('');
  });

  it('reports an unreadable file in its summary and still loads the others', async () => {
    const { service, posted } = makeService();
    const unreadable = new File(['x'], 'broken.json');
    // A file whose bytes cannot be read (as when it is deleted from disk after being dropped).
    Object.defineProperty(unreadable, 'stream', {
      value: () => new ReadableStream({ pull: (controller) => controller.error(new Error('NotReadableError')) }),
    });
    await service.handle({ type: 'loadFiles', id: 5, files: [unreadable, ingestFile('pt1h-crlf.json')] });
    const [done] = ofType(posted, 'loadDone');
    expect(done.summaries[0]).toMatchObject({ fileName: 'broken.json', rowsByTable: {}, error: 'could not read the file: NotReadableError' });
    expect(done.summaries[1].rowsByTable).toEqual({ ContainerRegistryLoginEvents: 2 });
    expect(service.tableInfos().map((t) => t.name)).toEqual(['ContainerRegistryLoginEvents']);
  });

  it('answers a query cancelled before it started with E_CANCELLED', async () => {
    const { service, posted } = makeService();
    await service.handle({ type: 'loadFiles', id: 1, files: [ingestFile('pt1h-crlf.json')] });
    await service.handle({ type: 'cancel', id: 10, queryId: 9 });
    await service.handle({ type: 'query', id: 9, text: 'ContainerRegistryLoginEvents | count', nowMs: 0, cancelFlag: null });
    // A cancel for a query that already ran is ignored: the next run of that id is not affected.
    await service.handle({ type: 'cancel', id: 12, queryId: 9 });
    await service.handle({ type: 'query', id: 11, text: 'ContainerRegistryLoginEvents | count', nowMs: 0, cancelFlag: null });
    const replies = posted.map((p) => p.response).filter((r) => r.type === 'queryError' || r.type === 'queryResult');
    expect(replies.map((r) => [r.type, r.id])).toEqual([
      ['queryError', 9],
      ['queryResult', 11],
    ]);
    expect(replies[0]).toMatchObject({ error: { code: 'E_CANCELLED' } });
  });
});

describe('DataService.query with the real engine', () => {
  it('runs a query over loaded files and transfers only result-owned buffers', async () => {
    const { service, posted } = makeService();
    await service.handle({ type: 'loadFiles', id: 1, files: [ingestFile('pt1h-mixed.json')] });
    await service.handle({ type: 'query', id: 2, text: 'ContainerRegistryRepositoryEvents | summarize n = count() by OperationName | order by OperationName asc', nowMs: Date.UTC(2024, 4, 2), cancelFlag: null });
    const entry = posted.find((p) => p.response.type === 'queryResult' || p.response.type === 'queryError');
    expect(entry?.response.type).toBe('queryResult');
    if (entry?.response.type !== 'queryResult') return;
    const owned = new Set<ArrayBufferLike>();
    for (const t of service.catalog().tables.values()) {
      for (const c of t.columns) {
        if (c.kind === 'number') owned.add(c.data.buffer);
        if (c.kind === 'string') owned.add(c.codes.buffer);
      }
    }
    expect(entry.transfer.some((b) => owned.has(b))).toBe(false);
    expect(rowObjects({ name: 'r', schema: entry.response.tables[0].columns, columns: entry.response.tables[0].data, rowCount: entry.response.tables[0].rowCount })).toEqual([
      { OperationName: 'Pull', n: 1 },
      { OperationName: 'Push', n: 1 },
    ]);
  });

  it('never moves a loaded table\'s buffers to the page', async () => {
    const { port1, port2 } = new MessageChannel();
    const service = new DataService(
      { runQuery, generateSampleTables },
      // Posting through a real port with the transfer list detaches whatever is listed.
      (response, transfer) => port1.postMessage(response, transfer),
    );
    try {
      await service.handle({ type: 'loadFiles', id: 1, files: [ingestFile('pt1h-mixed.json')] });
      const before = rowObjects(service.catalog().tables.get('ContainerRegistryRepositoryEvents')!);
      await service.handle({ type: 'query', id: 2, text: 'ContainerRegistryRepositoryEvents', nowMs: 0, cancelFlag: null });
      await service.handle({ type: 'query', id: 3, text: 'ContainerRegistryRepositoryEvents | where Size > 0 | take 5', nowMs: 0, cancelFlag: null });
      expect(rowObjects(service.catalog().tables.get('ContainerRegistryRepositoryEvents')!)).toEqual(before);
    } finally {
      port1.close();
      port2.close();
    }
  });

  it('stops a query whose shared flag is set and keeps the loaded tables', async () => {
    const { service, posted } = makeService();
    await service.handle({ type: 'loadFiles', id: 1, files: [ingestFile('pt1h-mixed.json')] });
    const flag = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(flag, 0, 1);
    await service.handle({ type: 'query', id: 2, text: 'AzureMetrics | count', nowMs: 0, cancelFlag: flag });
    expect(ofType(posted, 'queryError')[0]).toMatchObject({ id: 2, error: { code: 'E_CANCELLED' } });
    expect(service.catalog().tables.get('AzureMetrics')?.rowCount).toBe(2);
  });
});

describe('DataService.loadSample with the real generator', () => {
  it('replaces the loaded tables with the sample and reports rows per table', async () => {
    const { service, posted } = makeService();
    await service.handle({ type: 'loadFiles', id: 1, files: [ingestFile('pt1h-crlf.json')] });
    await service.handle({ type: 'loadSample', id: 2, seed: 42, anchorMs: Date.UTC(2024, 4, 1), scale: 0.05 });
    const [loaded] = ofType(posted, 'sampleLoaded');
    expect(loaded.id).toBe(2);
    const infos = service.tableInfos();
    expect(Object.fromEntries(infos.map((t) => [t.name, t.rowCount]))).toEqual(loaded.rowsByTable);
    expect(Object.keys(loaded.rowsByTable)).toContain('ContainerRegistryRepositoryEvents');
    expect(ofType(posted, 'tables').at(-1)?.tables).toEqual(infos);
  });
});
