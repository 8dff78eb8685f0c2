import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataService } from './dataService';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { rowObjects } from '../ingest/testHelpers';
import { KNOWN_TABLES } from '../ingest/knownTables';
import { runQuery } from '../engine';
import { generateSampleTables } from '../sample';
import { ticksFromMs } from '../engine/types/datetime';

function ingestFile(name: string): File {
  return new File([readFileSync(fileURLToPath(new URL(`../ingest/testdata/${name}`, import.meta.url)))], name);
}

/** Not a log file: the first bytes of a PNG image. */
const PNG = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], 'shot.png');

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
  it('loads a portal CSV export, a .gz and a zip archive (one summary per entry)', async () => {
    const { service, posted } = makeService();
    await service.handle({
      type: 'loadFiles',
      id: 1,
      files: [ingestFile('portal-export.csv'), ingestFile('gzip/PT1H.json.gz'), ingestFile('zip/storage-download.zip')],
      paths: ['exports/portal-export.csv', 'PT1H.json.gz', 'logs.zip'],
    });
    const [done] = ofType(posted, 'loadDone');
    expect(done.summaries.map((s) => [s.fileName.replace(/resourceId=.*\/(PT1H\.json)$/, '…/$1'), s.compression, s.format, s.rowsByTable, s.error ?? null])).toEqual([
      ['exports/portal-export.csv', 'none', 'portal-csv', { portal_export: 1 }, null],
      ['PT1H.json.gz', 'gzip', 'resource-log-jsonl', { ContainerRegistryLoginEvents: 2 }, null],
      ['logs.zip/insights-logs-containerregistryloginevents/…/PT1H.json', 'zip', 'resource-log-jsonl', { ContainerRegistryLoginEvents: 2 }, null],
      ['logs.zip/insights-logs-containerregistryrepositoryevents/…/PT1H.json', 'zip', 'resource-log-jsonl', { ContainerRegistryRepositoryEvents: 1 }, null],
      ['logs.zip/notes/readme.png', 'zip', 'unknown', {}, 'a PNG image, not a log file'],
    ]);
    // The zip's login file holds the same rows as the .gz (a different file): both append.
    expect(service.catalog().tables.get('ContainerRegistryLoginEvents')?.rowCount).toBe(4);
    expect(rowObjects(service.catalog().tables.get('portal_export')!)).toEqual([{ TenantId: 'abc', TimeGenerated: ticksFromMs(Date.UTC(2024, 4, 1, 13, 2, 11, 456)), OperationName: 'Pull' }]);
  });

  it('loads files, posts progress, one summary per file, then the table list', async () => {
    const { service, posted } = makeService();
    await service.handle({ type: 'loadFiles', id: 7, files: [ingestFile('pt1h-mixed.json'), PNG] });

    const progress = ofType(posted, 'loadProgress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.id === 7 && p.fileCount === 2)).toBe(true);
    const mixedSize = ingestFile('pt1h-mixed.json').size;
    expect(progress.filter((p) => p.fileName === 'pt1h-mixed.json').at(-1)).toMatchObject({ bytesRead: mixedSize, rows: 5, fileIndex: 0, setBytesRead: mixedSize, setRows: 5 });
    expect(progress.at(-1)).toMatchObject({ fileName: 'shot.png', fileIndex: 1, setTotalBytes: mixedSize + PNG.size });

    const [done] = ofType(posted, 'loadDone');
    expect(done.id).toBe(7);
    expect(done.summaries).toHaveLength(2);
    expect(done.summaries[0]).toMatchObject({
      fileName: 'pt1h-mixed.json',
      format: 'resource-log-jsonl',
      rowsByTable: { ContainerRegistryRepositoryEvents: 2, ContainerRegistryLoginEvents: 1, AzureMetrics: 2 },
      skippedCount: 4,
      extraColumns: { ContainerRegistryRepositoryEvents: { level: 1 }, AzureMetrics: { ApiName: 1 } },
    });
    expect(done.summaries[0].error).toBeUndefined();
    expect(done.summaries[1]).toMatchObject({ fileName: 'shot.png', format: 'unknown', rowsByTable: {}, error: 'a PNG image, not a log file' });

    const [tables] = ofType(posted, 'tables');
    expect(tables.tables.map((t) => [t.name, t.rowCount])).toEqual([
      ['AzureMetrics', 2],
      ['ContainerRegistryLoginEvents', 1],
      ['ContainerRegistryRepositoryEvents', 2],
    ]);
    // The documented columns, then the field no documented column takes.
    expect(tables.tables[0].columns).toEqual([...KNOWN_TABLES.get('AzureMetrics')!, { name: 'ApiName', type: 'string' }]);
    // Order: progress, then the summaries, then the new table list.
    expect(posted.map((p) => p.response.type).slice(-2)).toEqual(['loadDone', 'tables']);
  });

  it('appends the rows of a later load to the loaded tables and skips content loaded before', async () => {
    const { service, posted } = makeService();
    await service.handle({ type: 'loadFiles', id: 1, files: [ingestFile('pt1h-crlf.json')] });
    const first = service.catalog().tables.get('ContainerRegistryLoginEvents');
    // The same bytes under another name are the same file.
    const renamed = new File([readFileSync(fileURLToPath(new URL('../ingest/testdata/pt1h-crlf.json', import.meta.url)))], 'copy of PT1H.json');
    await service.handle({ type: 'loadFiles', id: 2, files: [ingestFile('pt1h-mixed.json'), renamed] });
    const login = service.catalog().tables.get('ContainerRegistryLoginEvents');
    expect(login?.rowCount).toBe(3);
    expect(rowObjects(login!).map((r) => r.ResultDescription)).toEqual(['401', '200', '200']);
    const done = ofType(posted, 'loadDone').at(-1)!;
    expect(done.summaries[1]).toMatchObject({ fileName: 'copy of PT1H.json', duplicateOf: 'pt1h-crlf.json', rowsByTable: {} });
    // The earlier table object was not modified (a running query may still hold it).
    expect(first?.rowCount).toBe(2);
  });

  it('skips a file given twice in one request', async () => {
    const { service, posted } = makeService();
    await service.handle({ type: 'loadFiles', id: 1, files: [ingestFile('pt1h-crlf.json'), ingestFile('pt1h-crlf.json')], paths: ['a/PT1H.json', 'b/PT1H.json'] });
    const [done] = ofType(posted, 'loadDone');
    expect(done.summaries.map((s) => [s.fileName, s.duplicateOf ?? null])).toEqual([
      ['a/PT1H.json', null],
      ['b/PT1H.json', 'a/PT1H.json'],
    ]);
    expect(service.catalog().tables.get('ContainerRegistryLoginEvents')?.rowCount).toBe(2);
  });

  it('removes a table, letting a file whose tables are all gone load again', async () => {
    const { service, posted } = makeService();
    await service.handle({ type: 'loadFiles', id: 1, files: [ingestFile('pt1h-crlf.json'), ingestFile('pt1h-mixed.json')] });
    await service.handle({ type: 'removeTable', id: 2, name: 'ContainerRegistryLoginEvents' });
    expect(ofType(posted, 'tableRemoved')).toEqual([{ type: 'tableRemoved', id: 2, name: 'ContainerRegistryLoginEvents', removed: true }]);
    expect(ofType(posted, 'tables').at(-1)?.tables.map((t) => t.name)).toEqual(['AzureMetrics', 'ContainerRegistryRepositoryEvents']);
    // pt1h-crlf.json fed only the removed table: it loads again. pt1h-mixed.json still has tables: a duplicate.
    await service.handle({ type: 'loadFiles', id: 3, files: [ingestFile('pt1h-crlf.json'), ingestFile('pt1h-mixed.json')] });
    const done = ofType(posted, 'loadDone').at(-1)!;
    expect(done.summaries.map((s) => s.duplicateOf ?? null)).toEqual([null, 'pt1h-mixed.json']);
    expect(service.catalog().tables.get('ContainerRegistryLoginEvents')?.rowCount).toBe(2);
    await service.handle({ type: 'removeTable', id: 4, name: 'Nope' });
    expect(ofType(posted, 'tableRemoved').at(-1)).toMatchObject({ id: 4, removed: false });
  });

  it('clears everything and forgets the loaded files', async () => {
    const { service, posted } = makeService();
    await service.handle({ type: 'loadFiles', id: 1, files: [ingestFile('pt1h-mixed.json')] });
    await service.handle({ type: 'clearAll', id: 2 });
    expect(ofType(posted, 'cleared')).toEqual([{ type: 'cleared', id: 2 }]);
    expect(ofType(posted, 'tables').at(-1)?.tables).toEqual([]);
    expect(service.tableInfos()).toEqual([]);
    await service.handle({ type: 'loadFiles', id: 3, files: [ingestFile('pt1h-mixed.json')] });
    expect(ofType(posted, 'loadDone').at(-1)?.summaries[0].duplicateOf).toBeUndefined();
    expect(service.catalog().tables.get('AzureMetrics')?.rowCount).toBe(2);
  });

  it('keeps nothing of a load cancelled while it runs, and loads it later', async () => {
    const posted: { response: WorkerResponse }[] = [];
    const service: DataService = new DataService({ runQuery, generateSampleTables }, (response) => {
      posted.push({ response });
      // Cancel as soon as the big file is being read (the page's message arrives between chunks).
      if (response.type === 'loadProgress' && response.fileName === 'big.json' && response.bytesRead > 0 && response.id === 1) {
        void service.handle({ type: 'cancelLoad', id: 2, loadId: 1 });
      }
    });
    const lines = '{"time":"2024-05-01T10:00:00Z","category":"ContainerRegistryLoginEvents"}\n'.repeat(50_000);
    const big = new File([lines], 'big.json');
    await service.handle({ type: 'loadFiles', id: 1, files: [ingestFile('pt1h-crlf.json'), big] });
    const [done] = ofType(posted, 'loadDone');
    expect(done.cancelled).toBe(true);
    expect(service.tableInfos()).toEqual([]);
    expect(ofType(posted, 'tables')).toEqual([]);
    await service.handle({ type: 'loadFiles', id: 3, files: [big] });
    expect(service.catalog().tables.get('ContainerRegistryLoginEvents')?.rowCount).toBe(50_000);
  });

  it('posts no table list when nothing loaded', async () => {
    const { service, posted } = makeService();
    await service.handle({ type: 'loadFiles', id: 3, files: [PNG, new File([], 'empty.json')] });
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
