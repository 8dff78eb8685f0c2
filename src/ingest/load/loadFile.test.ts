import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import type { FileProgress } from './loadFile';
import { loadFile } from './loadFile';
import { rowObjects, tableNamed } from '../testHelpers';
import { ticksFromMs } from '../../engine/types/datetime';

const LOGIN = 'ContainerRegistryLoginEvents';
const REPO = 'ContainerRegistryRepositoryEvents';
const testdata = (path: string): Buffer => readFileSync(new URL(`../testdata/${path}`, import.meta.url));
const fileOf = (bytes: Uint8Array | string, name: string): File => new File([typeof bytes === 'string' ? bytes : Uint8Array.from(bytes)], name);
const PATH_IN_ZIP =
  'resourceId=/SUBSCRIPTIONS/00000000-0000-0000-0000-0000000000AB/RESOURCEGROUPS/RG-APPS/PROVIDERS/MICROSOFT.CONTAINERREGISTRY/REGISTRIES/CONTOSOACR/y=2024/m=05/';

/** Ticks (100 ns since the Unix epoch) computed independently of the code under test. */
function ticks(y: number, mo: number, d: number, h: number, mi: number, s: number, fraction7 = 0): number {
  return ticksFromMs(Date.UTC(y, mo - 1, d, h, mi, s)) + fraction7;
}

describe('loadFile: plain files', () => {
  it('sniffs and loads a PT1H.json with its rows, skipped lines and extra columns', async () => {
    const outcome = await loadFile(fileOf(testdata('pt1h-mixed.json'), 'PT1H.json'));
    expect(outcome.cancelled).toBe(false);
    expect(outcome.files).toHaveLength(1);
    const [file] = outcome.files;
    expect(file).toMatchObject({ name: 'PT1H.json', compression: 'none', format: 'resource-log-jsonl', skippedCount: 4 });
    expect(file.error).toBeUndefined();
    expect(file.rowsByTable).toEqual({ [REPO]: 2, [LOGIN]: 1, AzureMetrics: 2 });
    expect(file.extraColumns).toEqual({ [REPO]: { level: 1 }, AzureMetrics: { ApiName: 1 } });
  });

  it('uses the given name (a path inside a dropped folder)', async () => {
    const outcome = await loadFile(fileOf(testdata('pt1h-crlf.json'), 'PT1H.json'), { name: 'logs/y=2024/PT1H.json' });
    expect(outcome.name).toBe('logs/y=2024/PT1H.json');
    expect(outcome.files[0].name).toBe('logs/y=2024/PT1H.json');
  });

  it('gives wrong files a clear error and no tables', async () => {
    const png = await loadFile(fileOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]), 'shot.png'));
    expect(png.files[0]).toMatchObject({ format: 'unknown', error: 'a PNG image, not a log file', tables: [], rowsByTable: {} });
    const empty = await loadFile(fileOf('', 'PT1H.json'));
    expect(empty.files[0]).toMatchObject({ format: 'empty', error: 'the file is empty', tables: [] });
    const truncated = await loadFile(fileOf('{"tables":[{"name":"PrimaryResult","columns":[', 'q.json'));
    expect(truncated.files[0].error).toMatch(/truncated/);
    expect(truncated.files[0].tables).toEqual([]);
  });

  it('reports progress in bytes and rows, ending at the file size', async () => {
    const bytes = testdata('pt1h-mixed.json');
    const events: FileProgress[] = [];
    await loadFile(fileOf(bytes, 'PT1H.json'), { chunkSize: 700, onProgress: (p) => events.push(p) });
    expect(events.length).toBeGreaterThanOrEqual(Math.ceil(bytes.length / 700));
    expect(events.at(-1)).toEqual({ name: 'PT1H.json', bytesRead: bytes.length, totalBytes: bytes.length, rows: 5 });
    expect(events.some((e) => e.rows > 0 && e.rows < 5)).toBe(true);
  });

  it('stops when cancelled and returns no rows', async () => {
    let cancelled = false;
    const outcome = await loadFile(fileOf(testdata('pt1h-mixed.json'), 'PT1H.json'), {
      chunkSize: 200,
      cancel: { isCancelled: () => cancelled },
      onProgress: () => (cancelled = true),
    });
    expect(outcome.cancelled).toBe(true);
    expect(outcome.files[0]).toMatchObject({ error: 'cancelled', tables: [] });
  });
});

describe('loadFile: gzip', () => {
  it('decompresses a checked-in .gz and loads it like the plain file', async () => {
    const gz = testdata('gzip/PT1H.json.gz');
    const events: FileProgress[] = [];
    const outcome = await loadFile(fileOf(gz, 'PT1H.json.gz'), { chunkSize: 64, onProgress: (p) => events.push(p) });
    const [file] = outcome.files;
    expect(file).toMatchObject({ name: 'PT1H.json.gz', compression: 'gzip', bytes: gz.length, format: 'resource-log-jsonl', skippedCount: 0, warnings: [] });
    expect(rowObjects(tableNamed(file.tables, LOGIN)).map((r) => [r.ResultDescription, r.Identity, r.JwtId])).toEqual([
      ['401', '', ''],
      ['200', 'contosoacr', 'f00d'],
    ]);
    expect(rowObjects(tableNamed(file.tables, LOGIN))[1].TimeGenerated).toBe(ticks(2024, 5, 2, 8, 0, 1, 2_500_000));
    // Progress counts compressed bytes against the size on disk.
    expect(events.at(-1)).toMatchObject({ bytesRead: gz.length, totalBytes: gz.length, rows: 2 });
  });

  it('keeps the rows before a truncated gzip stream and warns', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify({ time: '2024-05-01T10:00:00Z', category: 'ContainerRegistryLoginEvents', correlationId: `c-${i}` }));
    const gz = gzipSync(Buffer.from(lines.join('\n')));
    const outcome = await loadFile(fileOf(gz.subarray(0, Math.floor(gz.length * 0.6)), 'PT1H.json.gz'));
    const [file] = outcome.files;
    expect(file.error).toBeUndefined();
    const rows = file.rowsByTable[LOGIN];
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(400);
    expect(file.warnings.some((w) => /gzip data is truncated or corrupt/.test(w))).toBe(true);
    // The rows kept are the first ones, in order.
    expect(rowObjects(tableNamed(file.tables, LOGIN)).map((r) => r.CorrelationId)).toEqual(lines.slice(0, rows).map((_, i) => `c-${i}`));
  });

  it('names the content without .gz so a gzipped PNG is still refused', async () => {
    const outcome = await loadFile(fileOf(gzipSync(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'x.png.gz'));
    expect(outcome.files[0]).toMatchObject({ compression: 'gzip', error: 'a PNG image, not a log file' });
  });
});

describe('loadFile: zip archives', () => {
  it('loads every file entry of a storage download as its own file, ignoring directories and macOS metadata', async () => {
    const zip = testdata('zip/storage-download.zip');
    const events: FileProgress[] = [];
    const outcome = await loadFile(fileOf(zip, 'logs.zip'), { onProgress: (p) => events.push(p) });
    expect(outcome.files.map((f) => [f.name, f.compression, f.format, f.rowsByTable, f.error ?? null])).toEqual([
      [`logs.zip/insights-logs-containerregistryloginevents/${PATH_IN_ZIP}d=02/h=08/m=00/PT1H.json`, 'zip', 'resource-log-jsonl', { [LOGIN]: 2 }, null],
      [`logs.zip/insights-logs-containerregistryrepositoryevents/${PATH_IN_ZIP}d=01/h=13/m=00/PT1H.json`, 'zip', 'resource-log-jsonl', { [REPO]: 1 }, null],
      ['logs.zip/notes/readme.png', 'zip', 'unknown', {}, 'a PNG image, not a log file'],
    ]);
    expect(rowObjects(tableNamed(outcome.files[1].tables, REPO))[0]).toMatchObject({ OperationName: 'Push', Repository: 'zip/app', Tag: '2.0', Size: 512 });
    expect(outcome.files.every((f) => f.warnings.length === 0)).toBe(true);
    expect(events.at(-1)).toMatchObject({ totalBytes: zip.length, rows: 3 });
    for (let i = 1; i < events.length; i++) expect(events[i].rows).toBeGreaterThanOrEqual(events[i - 1].rows);
  });

  it('reads stored and deflated entries across chunk boundaries', async () => {
    const text = Array.from({ length: 50 }, (_, i) => JSON.stringify({ time: '2024-05-01T10:00:00Z', category: 'ContainerRegistryLoginEvents', jwtId: `j${i}` })).join('\n');
    const zip = zipSync({ 'a.json': [Buffer.from(text), { level: 0 }], 'b.json': [Buffer.from(text), { level: 6 }] });
    for (const chunkSize of [1, 7, 4096]) {
      const outcome = await loadFile(fileOf(zip, 'x.zip'), { chunkSize });
      expect(outcome.files.map((f) => f.rowsByTable[LOGIN])).toEqual([50, 50]);
      expect(rowObjects(tableNamed(outcome.files[1].tables, LOGIN)).map((r) => r.JwtId).at(-1)).toBe('j49');
    }
  });

  it('decompresses a .gz entry inside a zip', async () => {
    const zip = zipSync({ 'PT1H.json.gz': [new Uint8Array(testdata('gzip/PT1H.json.gz')), { level: 0 }] });
    const outcome = await loadFile(fileOf(zip, 'x.zip'));
    expect(outcome.files[0]).toMatchObject({ name: 'x.zip/PT1H.json.gz', rowsByTable: { [LOGIN]: 2 } });
  });

  it('reports a damaged entry (checksum), a truncated archive, an empty archive and an Office document', async () => {
    const text = Buffer.from('{"time":"2024-05-01T10:00:00Z","category":"ContainerRegistryLoginEvents"}\n');
    const zip = zipSync({ 'a.json': [text, { level: 0, mtime: new Date(2024, 0, 1) }] });
    const damaged = Uint8Array.from(zip);
    // Change one byte of the stored JSON itself (the "1" of "10:00"), not of a header.
    const at = Buffer.from(zip).indexOf('10:00');
    expect(at).toBeGreaterThan(0);
    damaged[at] = 0x32;
    const bad = await loadFile(fileOf(damaged, 'x.zip'));
    expect(bad.files[0].warnings).toEqual(['a.json: the checksum (CRC-32) does not match; the data may be damaged']);

    const truncated = await loadFile(fileOf(zip.subarray(0, zip.length - 30), 'x.zip'));
    expect(truncated.files).toEqual([expect.objectContaining({ name: 'x.zip', error: expect.stringMatching(/truncated or corrupt/) })]);

    const empty = await loadFile(fileOf(zipSync({}), 'none.zip'));
    expect(empty.files[0]).toMatchObject({ format: 'empty', error: 'the ZIP archive holds no files' });

    const xlsx = await loadFile(fileOf(zipSync({ '[Content_Types].xml': Buffer.from('<Types/>'), 'xl/workbook.xml': Buffer.from('<w/>') }), 'book.xlsx'));
    expect(xlsx.files[0].error).toMatch(/Office document/);
  });

  it('stops between entries when cancelled', async () => {
    const text = Buffer.from('{"time":"2024-05-01T10:00:00Z","category":"ContainerRegistryLoginEvents"}\n');
    const zip = zipSync({ 'a.json': text, 'b.json': text, 'c.json': text });
    let cancelled = false;
    const outcome = await loadFile(fileOf(zip, 'x.zip'), { cancel: { isCancelled: () => cancelled }, onProgress: (p) => (cancelled = p.rows > 0) });
    expect(outcome.cancelled).toBe(true);
    expect(outcome.files.length).toBeLessThan(3);
  });
});

describe('loadFile: the end-to-end fixtures', () => {
  it('loads the ACR portal CSV export into its known table with documented types', async () => {
    const bytes = readFileSync(new URL('../../../e2e/fixtures/portal-export-acr-repository-events.csv', import.meta.url));
    const outcome = await loadFile(fileOf(bytes, 'export.csv'));
    const [file] = outcome.files;
    expect(file.error).toBeUndefined();
    expect(file.format).toBe('portal-csv');
    expect(file.rowsByTable).toEqual({ [REPO]: 3 });
    const table = tableNamed(file.tables, REPO);
    expect(table.schema.find((c) => c.name === 'Size')?.type).toBe('int');
    expect(rowObjects(table).map((r) => [r.TimeGenerated, r.OperationName, r.Size, r.DurationMs, r.ResultDescription])).toEqual([
      [ticks(2024, 6, 15, 12, 9, 31), 'Push', 3072, '412', '201'],
      [ticks(2024, 6, 15, 12, 10, 2, 2_500_000), 'Pull', 3072, '35', '200'],
      [ticks(2024, 6, 15, 13, 0, 0), 'Pull', 2048, '12', '404'],
    ]);
  });
});

describe('loadFile: every shared fixture is dispatched to its parser', () => {
  // Formats and row counts read off the files (see src/ingest/testdata/shared/SOURCES.md); table
  // names: a Type column or a known header decides, else the file name.
  it.each([
    ['loganalytics-api-response-oms-get-example.json', 'loganalytics-api', { Usage: 2 }],
    ['kusto-v1-response-adminthenquery.json', 'adx-v1', { kusto_v1_response_adminthenquery: 2 }],
    ['kusto-v2-response-deft.json', 'adx-v2', { kusto_v2_response_deft: 11 }],
    ['az-cli-log-analytics-query-output.json', 'az-cli', { az_cli_log_analytics_query_output: 1 }],
    ['acr-docs-screenshot-rows.csv', 'portal-csv', { [REPO]: 2 }],
    ['sentinel-syslog-watchguard-all-columns.head.csv', 'portal-csv', { Syslog: 5 }],
    ['sentinel-awscloudtrail-all-columns-engb.head.csv', 'portal-csv', { AWSCloudTrail: 3 }],
  ])('%s loads as %s', async (name, format, rows) => {
    const bytes = readFileSync(new URL(`../testdata/shared/${name}`, import.meta.url));
    const outcome = await loadFile(fileOf(bytes, name));
    expect(outcome.files).toHaveLength(1);
    expect(outcome.files[0].error).toBeUndefined();
    expect(outcome.files[0].format).toBe(format);
    expect(outcome.files[0].rowsByTable).toEqual(rows);
  });

  it('streams a legacy {"records":[...]} document and concatenated Event Hub bodies', async () => {
    const legacy = await loadFile(fileOf(testdata('records-legacy.json'), 'PT1H.json'));
    expect(legacy.files[0]).toMatchObject({ format: 'resource-log-records', rowsByTable: { [REPO]: 1, AzureMetrics: 1 }, skippedCount: 1 });
    const body = (s: number) => JSON.stringify({ records: [{ time: `2024-05-01T10:00:0${s}Z`, category: 'ContainerRegistryLoginEvents', jwtId: `j${s}` }] });
    const hub = await loadFile(fileOf(`${body(1)}${body(2)}\n${body(3)}`, 'hub.json'));
    expect(hub.files[0]).toMatchObject({ format: 'resource-log-records', rowsByTable: { [LOGIN]: 3 } });
    expect(rowObjects(tableNamed(hub.files[0].tables, LOGIN)).map((r) => r.JwtId)).toEqual(['j1', 'j2', 'j3']);
  });

  it('maps activity-log records in PT1H.json lines to AzureActivity', async () => {
    const record = {
      time: '2024-05-01T10:00:00.0000000Z',
      resourceId: '/SUBSCRIPTIONS/00000000-0000-0000-0000-0000000000AB/RESOURCEGROUPS/RG-APPS/PROVIDERS/MICROSOFT.CONTAINERREGISTRY/REGISTRIES/CONTOSOACR',
      operationName: 'MICROSOFT.CONTAINERREGISTRY/REGISTRIES/WRITE',
      category: 'Administrative',
      resultType: 'Success',
      callerIpAddress: '20.81.7.13',
      level: 'Information',
    };
    const outcome = await loadFile(fileOf(`${JSON.stringify(record)}\n`, 'PT1H.json'));
    expect(outcome.files[0]).toMatchObject({ format: 'resource-log-jsonl', rowsByTable: { AzureActivity: 1 }, skippedCount: 0 });
    const [row] = rowObjects(tableNamed(outcome.files[0].tables, 'AzureActivity'));
    expect(row).toMatchObject({ TimeGenerated: ticks(2024, 5, 1, 10, 0, 0), CallerIpAddress: '20.81.7.13' });
  });
});
