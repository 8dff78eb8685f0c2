import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LoadProgress } from './index';
import { KNOWN_TABLES, loadResourceLogFile } from './index';
import { rowObjects, tableNamed, textFile } from './testHelpers';
import { ticksFromMs } from '../engine/types/datetime';

const REPO = 'ContainerRegistryRepositoryEvents';
const LOGIN = 'ContainerRegistryLoginEvents';
const METRICS = 'AzureMetrics';
const RESOURCE_ID = '/SUBSCRIPTIONS/00000000-0000-0000-0000-0000000000AB/RESOURCEGROUPS/RG-APPS/PROVIDERS/MICROSOFT.CONTAINERREGISTRY/REGISTRIES/CONTOSOACR';

function testFile(name: string): File {
  const bytes = readFileSync(fileURLToPath(new URL(`./testdata/${name}`, import.meta.url)));
  return new File([bytes], name);
}

/** Ticks (100 ns since the Unix epoch) computed independently of the code under test. */
function ticks(y: number, mo: number, d: number, h: number, mi: number, s: number, fraction7 = 0): number {
  return ticksFromMs(Date.UTC(y, mo - 1, d, h, mi, s)) + fraction7;
}

describe('loadResourceLogFile: PT1H.json JSON Lines', () => {
  it('loads repository, login and metric records into their tables with the known schemas', async () => {
    const result = await loadResourceLogFile(testFile('pt1h-mixed.json'));
    expect(result.error).toBeUndefined();
    expect(result.format).toBe('resource-log-jsonl');
    expect(result.rowsByTable).toEqual({ [REPO]: 2, [LOGIN]: 1, [METRICS]: 2 });
    // The documented schema first, then the fields no documented column takes (kept, not dropped).
    expect(tableNamed(result.tables, REPO).schema).toEqual([...KNOWN_TABLES.get(REPO)!, { name: 'level', type: 'string' }]);
    expect(tableNamed(result.tables, LOGIN).schema).toEqual(KNOWN_TABLES.get(LOGIN));
    expect(tableNamed(result.tables, METRICS).schema).toEqual([...KNOWN_TABLES.get(METRICS)!, { name: 'ApiName', type: 'string' }]);

    const [pull, push] = rowObjects(tableNamed(result.tables, REPO));
    expect(pull).toEqual({
      TenantId: '',
      SourceSystem: 'Azure',
      TimeGenerated: ticks(2024, 5, 1, 13, 2, 11, 4_567_890),
      OperationName: 'Pull',
      LoginServer: 'contosoacr.azurecr.io',
      Identity: '3f2b1c4d-5e6f-4a1b-9c8d-7e6f5a4b3c2d',
      Repository: 'shop/web',
      Tag: '1.4.2',
      Digest: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      MediaType: 'application/vnd.oci.image.index.v1+json',
      Size: 1609,
      ArtifactType: '',
      CorrelationId: '5b1c9c86-2f4c-4a8a-9d7e-2f0f6c1d9a10',
      Region: 'eastus',
      ResultType: 'Succeeded',
      Category: REPO,
      ResultDescription: '200',
      CallerIpAddress: '20.81.7.13',
      DurationMs: '24',
      UserTenantId: '11111111-2222-3333-4444-555555555555',
      UserAgent: 'containerd/1.7.15',
      Type: REPO,
      _ResourceId: RESOURCE_ID.toLowerCase(),
      level: 'Informational',
    });
    // Top-level fields, `size` as text, category in another case, no digest/correlation id.
    expect(push).toMatchObject({
      TimeGenerated: ticks(2024, 5, 1, 13, 6, 30, 5_000_000),
      OperationName: 'Push',
      Size: 2048,
      DurationMs: '31',
      Digest: '',
      CorrelationId: '',
      Region: 'westeurope',
      Category: 'containerregistryrepositoryevents',
      Identity: 'alex@contoso.com',
      Type: REPO,
    });

    const [login] = rowObjects(tableNamed(result.tables, LOGIN));
    expect(login).toEqual({
      TenantId: '',
      SourceSystem: 'Azure',
      TimeGenerated: ticks(2024, 5, 1, 13, 2, 10, 1),
      OperationName: 'Login',
      LoginServer: 'contosoacr.azurecr.io',
      Identity: '{"upn":"alex@contoso.com"}',
      JwtId: 'a1b2c3',
      Region: 'eastus',
      CorrelationId: '0d4c2a8e-51f7-4f0b-8f7e-6a1f3c9d2b11',
      ResultType: 'Succeeded',
      ResultDescription: '200',
      CallerIpAddress: '20.81.7.13',
      DurationMs: '12',
      UserAgent: 'docker/24.0.2 go/go1.20.4',
      Category: LOGIN,
      Type: LOGIN,
      _ResourceId: RESOURCE_ID.toLowerCase(),
    });
  });

  it('maps metric records to AzureMetrics with the resource ID spread over its columns', async () => {
    const result = await loadResourceLogFile(testFile('pt1h-mixed.json'));
    const [pulls, storage] = rowObjects(tableNamed(result.tables, METRICS));
    expect(pulls).toMatchObject({
      SourceSystem: 'Azure',
      TimeGenerated: ticks(2024, 5, 1, 13, 2, 0),
      ResourceId: RESOURCE_ID,
      SubscriptionId: '00000000-0000-0000-0000-0000000000ab',
      ResourceGroup: 'RG-APPS',
      ResourceProvider: 'MICROSOFT.CONTAINERREGISTRY',
      Resource: 'CONTOSOACR',
      MetricName: 'TotalPullCount',
      Total: 3,
      Count: 3,
      Minimum: 1,
      Maximum: 1,
      Average: 1,
      TimeGrain: 'PT1M',
      UnitName: 'Count',
      DurationMs: null,
      Severity: null,
      RemoteIPLatitude: null,
      OperationName: '',
      Type: METRICS,
      _ResourceId: RESOURCE_ID.toLowerCase(),
    });
    // Numbers given as JSON strings.
    expect(storage).toMatchObject({ MetricName: 'StorageUsed', Total: 1073741824, Count: 1, Average: 1073741824, UnitName: 'Bytes', TimeGrain: 'PT1H' });
  });

  it('skips malformed lines with their 1-based line numbers and loads the rest', async () => {
    const result = await loadResourceLogFile(testFile('pt1h-mixed.json'));
    expect(result.skippedCount).toBe(4);
    expect(result.skipped).toEqual([
      { line: 4, reason: 'not valid JSON' },
      { line: 7, reason: 'not a JSON object' },
      { line: 8, reason: 'no time field' },
      { line: 9, reason: 'unknown category: kube-audit' },
    ]);
  });

  it('keeps fields that no column takes as extra columns and reports them per table', async () => {
    const result = await loadResourceLogFile(testFile('pt1h-mixed.json'));
    expect(result.extraColumns).toEqual({ [REPO]: { level: 1 }, [METRICS]: { ApiName: 1 } });
    expect(rowObjects(tableNamed(result.tables, REPO)).map((r) => r.level)).toEqual(['Informational', '']);
    expect(rowObjects(tableNamed(result.tables, METRICS)).map((r) => r.ApiName)).toEqual(['', 'GetBlob']);
  });

  it('types extra columns from their values, prefixes nested fields and renames a field whose name a column already has', async () => {
    const lines = [
      { time: '2024-05-01T10:00:00Z', category: 'ContainerRegistryLoginEvents', attempts: 2, ratio: 1, ok: true, tags: { a: 1 }, tenantId: 't-1', properties: { attempts: 'x' } },
      { time: '2024-05-01T10:00:01Z', category: 'ContainerRegistryLoginEvents', ratio: 0.5, ok: false, tags: 'plain' },
    ].map((r) => JSON.stringify(r));
    const result = await loadResourceLogFile(textFile(lines.join('\n')));
    const table = tableNamed(result.tables, LOGIN);
    expect(table.schema.slice(KNOWN_TABLES.get(LOGIN)!.length)).toEqual([
      { name: 'attempts', type: 'long' },
      { name: 'ratio', type: 'real' },
      { name: 'ok', type: 'bool' },
      { name: 'tags', type: 'dynamic' },
      { name: 'raw_tenantId', type: 'string' },
      { name: 'properties_attempts', type: 'string' },
    ]);
    expect(rowObjects(table).map((r) => [r.attempts, r.ratio, r.ok, r.tags, r.raw_tenantId, r.properties_attempts])).toEqual([
      [2, 1, true, { a: 1 }, 't-1', 'x'],
      [null, 0.5, false, 'plain', '', ''],
    ]);
    expect(result.extraColumns).toEqual({ [LOGIN]: { attempts: 1, ratio: 2, ok: 2, tags: 2, raw_tenantId: 1, properties_attempts: 1 } });
    expect(result.warnings).toEqual([`${LOGIN}: field tenantId -> raw_tenantId (its name is taken by another column)`]);
  });

  it('reads CRLF files without carriage returns in values and ignores blank lines', async () => {
    const result = await loadResourceLogFile(testFile('pt1h-crlf.json'));
    expect(result.error).toBeUndefined();
    expect(result.skippedCount).toBe(0);
    const rows = rowObjects(tableNamed(result.tables, LOGIN));
    expect(rows.map((r) => [r.ResultDescription, r.Identity, r.JwtId, r.UserAgent, r.DurationMs])).toEqual([
      ['401', '', '', 'Helm/3.14.0', '5'],
      ['200', 'contosoacr', 'f00d', 'Helm/3.14.0', '7'],
    ]);
    expect(rows[1].TimeGenerated).toBe(ticks(2024, 5, 2, 8, 0, 1, 2_500_000));
  });

  it('numbers skipped lines across a CRLF file with blank lines', async () => {
    const text = '\r\n{"time":"2024-05-01T00:00:00Z","category":"ContainerRegistryLoginEvents"}\r\n\r\n{oops\r\n';
    const result = await loadResourceLogFile(textFile(text));
    expect(result.rowsByTable).toEqual({ [LOGIN]: 1 });
    expect(result.skipped).toEqual([{ line: 4, reason: 'not valid JSON' }]);
  });

  it('expands an Event Hub {"records":[...]} envelope written on one line', async () => {
    const envelope = JSON.stringify({
      records: [
        { time: '2024-05-01T10:00:00Z', category: 'ContainerRegistryLoginEvents', operationName: 'Login' },
        { time: '2024-05-01T10:00:01Z', category: 'Nope' },
      ],
    });
    const login = JSON.stringify({ time: '2024-05-01T10:00:02Z', category: 'ContainerRegistryLoginEvents', operationName: 'Login' });
    const result = await loadResourceLogFile(textFile(`${login}\n${envelope}\n${envelope}\n`));
    expect(result.format).toBe('resource-log-jsonl');
    expect(result.rowsByTable).toEqual({ [LOGIN]: 3 });
    expect(result.skipped).toEqual([
      { line: 2, reason: 'record 2: unknown category: Nope' },
      { line: 3, reason: 'record 2: unknown category: Nope' },
    ]);
  });

  it('counts every skipped line but lists only the first 20', async () => {
    const good = JSON.stringify({ time: '2024-05-01T10:00:00Z', category: 'ContainerRegistryLoginEvents' });
    const lines = [good, ...Array.from({ length: 25 }, (_, i) => `{"time":"2024-05-01T10:00:00Z","category":"x${i}"}`)];
    const result = await loadResourceLogFile(textFile(lines.join('\n')));
    expect(result.skippedCount).toBe(25);
    expect(result.skipped).toHaveLength(20);
    expect(result.skipped[19]).toEqual({ line: 21, reason: 'unknown category: x19' });
    expect(result.rowsByTable).toEqual({ [LOGIN]: 1 });
  });
});

describe('loadResourceLogFile: legacy {"records":[...]} form', () => {
  it('loads a pretty-printed records document, numbering skipped entries by record', async () => {
    const result = await loadResourceLogFile(testFile('records-legacy.json'));
    expect(result.error).toBeUndefined();
    expect(result.format).toBe('resource-log-records');
    expect(result.rowsByTable).toEqual({ [REPO]: 1, [METRICS]: 1 });
    expect(result.skippedCount).toBe(1);
    expect(result.skipped[0].line).toBe(2);
    expect(result.skipped[0].reason).toMatch(/^record 2: time is not an ISO 8601 datetime/);
    expect(rowObjects(tableNamed(result.tables, REPO))[0]).toMatchObject({
      TimeGenerated: ticks(2018, 10, 31, 23, 59, 58, 1_000_000),
      OperationName: 'Delete',
      Repository: 'legacy/app',
      Tag: '',
      Size: null,
      ResultDescription: '202',
      LoginServer: 'contosoacr.azurecr.io',
    });
    expect(rowObjects(tableNamed(result.tables, METRICS))[0]).toMatchObject({ MetricName: 'SuccessfulPushCount', Total: 2, UnitName: 'Count' });
  });

  it('reads a large file of one-line {"records":[...]} envelopes as JSON Lines', async () => {
    const envelope = (second: number) => JSON.stringify({ records: [{ time: `2024-05-01T10:00:0${second}Z`, category: 'ContainerRegistryLoginEvents' }] });
    const result = await loadResourceLogFile(textFile(`${envelope(1)}\n${envelope(2)}\n`), { maxRecordsDocumentBytes: 100, chunkSize: 16 });
    expect(result.error).toBeUndefined();
    expect(result.format).toBe('resource-log-jsonl');
    expect(result.rowsByTable).toEqual({ [LOGIN]: 2 });
  });

  it('reports a records document above the size limit as not supported yet, loading nothing', async () => {
    const result = await loadResourceLogFile(testFile('records-legacy.json'), { maxRecordsDocumentBytes: 100 });
    expect(result.error).toMatch(/^not supported yet: /);
    expect(result.tables).toEqual([]);
  });
});

describe('loadResourceLogFile: files that are not resource logs', () => {
  it('rejects a portal CSV export with a file-level error', async () => {
    const result = await loadResourceLogFile(testFile('portal-export.csv'));
    expect(result.error).toMatch(/^not a resource-log file: .*CSV/);
    expect(result.format).toBe('unknown');
    expect(result.tables).toEqual([]);
  });

  it('rejects a JSON array and a query response', async () => {
    const array = await loadResourceLogFile(textFile('[{"TableName":"PrimaryResult","count_":"57"}]'));
    expect(array.error).toMatch(/^not a resource-log file: it is a JSON array/);
    const response = await loadResourceLogFile(textFile('{"tables":[{"name":"PrimaryResult","columns":[],"rows":[]}]}'));
    expect(response.error).toMatch(/^not a resource-log file: .*query response/);
  });

  it('rejects JSON Lines whose objects are not records', async () => {
    const result = await loadResourceLogFile(textFile('{"a":1}\n{"b":2}\n'));
    expect(result.error).toMatch(/^not a resource-log file: no line holds a resource-log record/);
    expect(result.tables).toEqual([]);
    expect(result.skippedCount).toBe(0);
  });

  it('reports empty and blank files', async () => {
    for (const text of ['', '\n\r\n   \n']) {
      const result = await loadResourceLogFile(textFile(text));
      expect(result.format).toBe('empty');
      expect(result.error).toBe('the file is empty');
      expect(result.tables).toEqual([]);
    }
  });
});

describe('loadResourceLogFile: streaming', () => {
  it('gives the same rows whatever the chunk boundaries', async () => {
    const whole = await loadResourceLogFile(testFile('pt1h-mixed.json'));
    const expected = whole.tables.map(rowObjects);
    for (const chunkSize of [1, 3, 7, 64, 100_000]) {
      const chunked = await loadResourceLogFile(testFile('pt1h-mixed.json'), { chunkSize });
      expect(chunked.tables.map(rowObjects)).toEqual(expected);
      expect(chunked.skipped).toEqual(whole.skipped);
    }
  });

  it('keeps multi-byte UTF-8 characters split across chunks intact', async () => {
    const record = { time: '2024-05-01T10:00:00Z', category: 'ContainerRegistryRepositoryEvents', identity: 'józef@contoso.com', repository: '测试/app🐳' };
    const text = `${JSON.stringify(record)}\r\n${JSON.stringify(record)}`;
    for (const chunkSize of [1, 2, 5]) {
      const result = await loadResourceLogFile(textFile(text), { chunkSize });
      const rows = rowObjects(tableNamed(result.tables, REPO));
      expect(rows.map((r) => [r.Identity, r.Repository])).toEqual([
        ['józef@contoso.com', '测试/app🐳'],
        ['józef@contoso.com', '测试/app🐳'],
      ]);
    }
  });

  it('reads a Blob made of many small parts through its stream', async () => {
    const text = readFileSync(fileURLToPath(new URL('./testdata/pt1h-mixed.json', import.meta.url)), 'utf8');
    const parts: string[] = [];
    for (let i = 0; i < text.length; i += 13) parts.push(text.slice(i, i + 13));
    const blob = Object.assign(new Blob(parts), { name: 'PT1H.json' });
    const result = await loadResourceLogFile(blob);
    expect(result.rowsByTable).toEqual({ [REPO]: 2, [LOGIN]: 1, [METRICS]: 2 });
    expect(result.skippedCount).toBe(4);
  });

  it('reports progress once per chunk, ending at the file size and the row count', async () => {
    const file = testFile('pt1h-mixed.json');
    const events: LoadProgress[] = [];
    await loadResourceLogFile(file, { chunkSize: 500, onProgress: (p) => events.push(p) });
    expect(events.length).toBeGreaterThanOrEqual(Math.ceil(file.size / 500));
    for (let i = 1; i < events.length; i++) {
      expect(events[i].bytesRead).toBeGreaterThanOrEqual(events[i - 1].bytesRead);
      expect(events[i].rows).toBeGreaterThanOrEqual(events[i - 1].rows);
    }
    expect(events.every((e) => e.totalBytes === file.size)).toBe(true);
    expect(events[0].bytesRead).toBe(500);
    expect(events.at(-1)).toEqual({ bytesRead: file.size, totalBytes: file.size, rows: 5 });
    expect(events.some((e) => e.rows > 0 && e.rows < 5)).toBe(true);
  });

  it('stops when cancelled and loads nothing', async () => {
    let cancelled = false;
    const events: LoadProgress[] = [];
    const result = await loadResourceLogFile(testFile('pt1h-mixed.json'), {
      chunkSize: 100,
      cancel: { isCancelled: () => cancelled },
      onProgress: (p) => {
        events.push(p);
        cancelled = true;
      },
    });
    expect(result.error).toBe('cancelled');
    expect(result.tables).toEqual([]);
    expect(events).toHaveLength(1);
  });
});
