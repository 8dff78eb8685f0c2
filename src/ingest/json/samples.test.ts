import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rowsOf } from '../../engine/table/rows';
import { KNOWN_TABLES } from '../knownTables';
import { rowObjects, tableNamed } from '../testHelpers';
import { parseAdxV1, parseAdxV2, parseAzCliJson, parseGenericJson, parseLogAnalyticsApi, parseResourceRecords } from './index';
import { bytesSource, recordingContext } from './testSources';
import { ticksFromMs } from '../../engine/types/datetime';

const sample = (name: string, chunkSize?: number) =>
  bytesSource(new Uint8Array(readFileSync(fileURLToPath(new URL(`../testdata/json/${name}`, import.meta.url)))), name, chunkSize);
const fixture = (name: string, chunkSize?: number) =>
  bytesSource(new Uint8Array(readFileSync(fileURLToPath(new URL(`../testdata/shared/${name}`, import.meta.url)))), name, chunkSize);
const ticks = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, frac = 0): number => ticksFromMs(Date.UTC(y, mo - 1, d, h, mi, s)) + frac;
const names = (schema: readonly { name: string }[]): string[] => schema.map((c) => c.name);

const REGISTRY_ID = '/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000001/RESOURCEGROUPS/RG-APPS/PROVIDERS/MICROSOFT.CONTAINERREGISTRY/REGISTRIES/CONTOSOACR';

describe('Event Hub bodies, concatenated and one per line (eventhub-concatenated.json)', () => {
  it('maps every record like PT1H.json, keeps unknown fields as extra columns, skips bad lines and records', async () => {
    const outcome = await parseResourceRecords(sample('eventhub-concatenated.json', 16), recordingContext());
    expect(outcome.error).toBeUndefined();
    expect(outcome.format).toBe('resource-log-records');
    expect(outcome.tables.map((t) => t.name)).toEqual(['ContainerRegistryRepositoryEvents', 'AzureMetrics', 'ContainerRegistryLoginEvents']);

    const repo = tableNamed(outcome.tables, 'ContainerRegistryRepositoryEvents');
    const documented = KNOWN_TABLES.get('ContainerRegistryRepositoryEvents') ?? [];
    expect(repo.schema).toEqual([...documented, { name: 'level', type: 'string' }, { name: 'properties_pullSource', type: 'string' }]);
    const [pull, push] = rowObjects(repo);
    expect(pull).toMatchObject({
      TimeGenerated: ticks(2024, 5, 1, 13, 2, 11, 4_567_890), OperationName: 'Pull', LoginServer: 'contosoacr.azurecr.io',
      Identity: 'id-1', Repository: 'shop/web', Tag: '1.4.2', Size: 1609, Region: 'eastus', DurationMs: '24',
      UserAgent: 'containerd/1.7.15', level: 'Informational', properties_pullSource: 'cache', _ResourceId: REGISTRY_ID.toLowerCase(),
    });
    expect(push).toMatchObject({ TimeGenerated: ticks(2024, 5, 1, 13, 7), OperationName: 'Push', Repository: 'shop/api', Tag: '2.0', Size: null, level: '', properties_pullSource: '' });
    expect(outcome.extraColumns).toEqual({ ContainerRegistryRepositoryEvents: { level: 1, properties_pullSource: 1 } });

    const metrics = rowObjects(tableNamed(outcome.tables, 'AzureMetrics'));
    expect(metrics).toHaveLength(1);
    expect(metrics[0]).toMatchObject({ MetricName: 'TotalPullCount', Total: 3, Count: 3, UnitName: 'Count', Resource: 'CONTOSOACR', TimeGrain: 'PT1M' });

    const logins = rowObjects(tableNamed(outcome.tables, 'ContainerRegistryLoginEvents'));
    expect(logins).toHaveLength(1);
    expect(logins[0]).toMatchObject({ OperationName: 'Login', JwtId: 'jwt-9', CallerIpAddress: '20.81.7.14', TimeGenerated: ticks(2024, 5, 1, 13, 5) });

    expect(outcome.skippedCount).toBe(3);
    expect(outcome.skipped).toEqual([
      { line: 3, reason: 'record 2: time is not an ISO 8601 datetime: not a time' },
      { line: 5, reason: 'record 1: unknown category: SomethingElse' },
      { line: 6, reason: "not valid JSON: 'this' is not a JSON value" },
    ]);
  });
});

describe('activity-log records (activity-log-records.json)', () => {
  it('loads AzureActivity with its documented columns and the raw fields it has no column for', async () => {
    const outcome = await parseResourceRecords(sample('activity-log-records.json', 33), recordingContext());
    expect(outcome.error).toBeUndefined();
    expect(outcome.format).toBe('resource-log-jsonl');
    const table = tableNamed(outcome.tables, 'AzureActivity');
    expect(table.schema).toEqual([...(KNOWN_TABLES.get('AzureActivity') ?? []), { name: 'durationMs', type: 'string' }, { name: 'location', type: 'string' }]);
    const [write, del] = rowObjects(table);
    const authorization = {
      scope: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-apps/providers/Microsoft.ContainerRegistry/registries/contosoacr',
      action: 'Microsoft.ContainerRegistry/registries/write',
    };
    expect(write).toMatchObject({
      TimeGenerated: ticks(2024, 5, 2, 8, 15, 30, 1_234_567), OperationNameValue: 'MICROSOFT.CONTAINERREGISTRY/REGISTRIES/WRITE',
      OperationName: 'MICROSOFT.CONTAINERREGISTRY/REGISTRIES/WRITE', CategoryValue: 'Administrative', Category: 'Administrative',
      ActivityStatusValue: 'Success', ActivitySubstatusValue: 'Succeeded.OK', Caller: 'admin@contoso.com', CallerIpAddress: '203.0.113.5',
      CorrelationId: 'corr-1', Level: 'Information', Authorization_d: authorization, Authorization: JSON.stringify(authorization),
      Hierarchy: 'tenant-1/00000000-0000-0000-0000-000000000001', ResourceId: REGISTRY_ID, _ResourceId: REGISTRY_ID.toLowerCase(),
      SubscriptionId: '00000000-0000-0000-0000-000000000001', _SubscriptionId: '00000000-0000-0000-0000-000000000001',
      ResourceGroup: 'RG-APPS', ResourceProviderValue: 'MICROSOFT.CONTAINERREGISTRY', Resource: 'CONTOSOACR',
      SourceSystem: 'Azure', TenantId: '', Type: 'AzureActivity', durationMs: '1234', location: 'global',
    });
    expect((write.Properties_d as Record<string, unknown>).serviceRequestId).toBe('req-1');
    expect(JSON.parse(write.Properties as string)).toEqual(write.Properties_d);
    expect(del).toMatchObject({
      OperationNameValue: 'MICROSOFT.CONTAINERREGISTRY/REGISTRIES/DELETE', ActivityStatusValue: 'Start', Caller: 'obj-7',
      Authorization: '', Authorization_d: null, Properties_d: null, durationMs: '', location: '',
    });
    expect(outcome.extraColumns).toEqual({ AzureActivity: { durationMs: 1, location: 1 } });
  });
});

describe('Log Analytics API with a Type column (la-api-known-table.json)', () => {
  it('routes rows by Type: known tables keep their schema plus extras, others keep the result columns', async () => {
    const outcome = await parseLogAnalyticsApi(sample('la-api-known-table.json', 9), recordingContext());
    expect(outcome.tables.map((t) => t.name)).toEqual(['ContainerRegistryRepositoryEvents', 'ContainerRegistryLoginEvents', 'MyTable']);
    const repo = tableNamed(outcome.tables, 'ContainerRegistryRepositoryEvents');
    expect(names(repo.schema)).toEqual([...names(KNOWN_TABLES.get('ContainerRegistryRepositoryEvents') ?? []), 'Custom']);
    expect(rowObjects(repo)[0]).toMatchObject({ TimeGenerated: ticks(2024, 5, 1, 13, 2, 11, 4_567_890), Size: 1609, Repository: 'shop/web', Custom: { a: 1 } });
    const login = tableNamed(outcome.tables, 'ContainerRegistryLoginEvents');
    expect(names(login.schema)).toEqual(names(KNOWN_TABLES.get('ContainerRegistryLoginEvents') ?? []));
    const mine = tableNamed(outcome.tables, 'MyTable');
    expect(mine.schema).toEqual([
      { name: 'TimeGenerated', type: 'datetime' }, { name: 'OperationName', type: 'string' }, { name: 'Repository', type: 'string' },
      { name: 'Size', type: 'long' }, { name: 'Type', type: 'string' }, { name: 'Custom', type: 'dynamic' },
    ]);
    expect(rowsOf(mine)).toEqual([[ticks(2024, 5, 1, 13, 6), 'Push', 'x', 12, 'MyTable', { b: [1, 2] }]]);
    expect(outcome.extraColumns).toEqual({ ContainerRegistryRepositoryEvents: { Custom: 1 } });
    expect(outcome.skipped).toEqual([{ line: 5, reason: 'a row of 2 values for 6 columns' }]);
    expect(outcome.warnings).toEqual([
      'table Statistics is not the primary result: ignored',
      'the response reports an error (results may be partial): PartialError: There were some errors when processing your query.',
    ]);
  });

  it('keeps the rows read before a truncation and says so', async () => {
    const outcome = await parseLogAnalyticsApi(sample('la-api-truncated.json'), recordingContext());
    expect(outcome.error).toBeUndefined();
    expect(rowsOf(tableNamed(outcome.tables, 'la_api_truncated'))).toEqual([[1, 'one'], [2, 'two']]);
    expect(outcome.skipped).toHaveLength(1);
    expect(outcome.skipped[0].line).toBe(4);
    expect(outcome.skipped[0].reason).toMatch(/truncated/);
    expect(outcome.warnings.join('\n')).toMatch(/truncated.*the 2 rows read before line 4 were loaded/);
  });
});

describe('Kusto v1 without TableOfContents, v2 progressive', () => {
  it('v1: loads the first table with ColumnType or .NET DataType types', async () => {
    const outcome = await parseAdxV1(sample('adx-v1-no-toc.json', 3), recordingContext());
    const [table] = outcome.tables;
    expect(outcome.tables).toHaveLength(1);
    expect(table.name).toBe('adx_v1_no_toc');
    expect(table.schema.map((c) => `${c.name}:${c.type}`)).toEqual(['When:datetime', 'Took:timespan', 'Ok:bool', 'Bag:dynamic', 'N:long', 'R:real']);
    const [first, second] = rowsOf(table);
    expect(first.slice(0, 5)).toEqual([ticks(2024, 5, 1, 0, 0, 0, 1_234_567), -15_000_000, true, { k: 'v' }, 9007199254740991]);
    expect(Number.isNaN(first[5])).toBe(true);
    expect(second).toEqual([null, null, null, null, null, null]);
    expect(outcome.warnings).toEqual(['table Table_1 is not a query result: ignored']);
  });

  it('v2: applies DataAppend/DataReplace fragments and reports DataSetCompletion errors', async () => {
    const outcome = await parseAdxV2(sample('adx-v2-progressive.json', 11), recordingContext());
    expect(outcome.error).toBeUndefined();
    expect(rowsOf(tableNamed(outcome.tables, 'adx_v2_progressive'))).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    expect(outcome.warnings).toEqual(['the query reported errors: LimitsExceeded: Request is invalid and cannot be executed. (results may be partial)']);
  });

  it('v2: errors and no rows make the file error', async () => {
    const text = '[{"FrameType":"DataSetHeader"},{"FrameType":"DataSetCompletion","HasErrors":true,"OneApiErrors":[{"error":{"code":"BadRequest","message":"Syntax error"}}]}]';
    const outcome = await parseAdxV2(bytesSource(text, 'r.json'), recordingContext());
    expect(outcome.error).toBe('the query reported errors: BadRequest: Syntax error');
    expect(outcome.tables).toEqual([]);
  });
});

describe('az CLI output', () => {
  it('loads the shared fixture with inferred types', async () => {
    const outcome = await parseAzCliJson(fixture('az-cli-log-analytics-query-output.json', 4), recordingContext());
    expect(outcome.format).toBe('az-cli');
    const table = tableNamed(outcome.tables, 'az_cli_log_analytics_query_output');
    expect(table.schema).toEqual([{ name: 'Computer', type: 'string' }, { name: 'count_', type: 'long' }]);
    expect(rowsOf(table)).toEqual([['samuel-linux-1', 57]]);
  });

  it('uses the documented schema of a known table named by Type; None is null, True/False booleans', async () => {
    const outcome = await parseAzCliJson(sample('az-cli-known-table.json', 10), recordingContext());
    const table = tableNamed(outcome.tables, 'ContainerRegistryLoginEvents');
    expect(table.schema).toEqual([...(KNOWN_TABLES.get('ContainerRegistryLoginEvents') ?? []), { name: 'Note', type: 'string' }, { name: 'Flag', type: 'bool' }]);
    const rows = rowObjects(table);
    expect(rows.map((r) => [r.TimeGenerated, r.Identity, r.Note, r.Flag])).toEqual([
      [ticks(2024, 5, 1, 13, 5), 'id-2', '', true],
      [ticks(2024, 5, 1, 13, 6), '', 'hi', false],
    ]);
    expect(outcome.extraColumns).toEqual({ ContainerRegistryLoginEvents: { Note: 1, Flag: 2 } });
  });
});

describe('generic NDJSON and JSON arrays', () => {
  it('NDJSON: infers types, keeps nested values as dynamic, skips a broken line', async () => {
    const outcome = await parseGenericJson(sample('generic.ndjson', 5), recordingContext());
    expect(outcome.format).toBe('ndjson');
    const table = tableNamed(outcome.tables, 'generic');
    expect(table.schema.map((c) => `${c.name}:${c.type}`)).toEqual(['when:datetime', 'n:real', 'ok:bool', 'tags:dynamic', 'name:string', 'late:string']);
    expect(rowsOf(table)).toEqual([
      [ticks(2024, 5, 1, 0), 1, true, { a: 1 }, 'x', ''],
      [ticks(2024, 5, 1, 1), 2.5, false, [1, 2], 'y', 'z'],
      [ticks(2024, 5, 1, 2), 3, null, null, 'w', ''],
    ]);
    expect(outcome.skippedCount).toBe(1);
    expect(outcome.skipped[0].line).toBe(3);
  });

  it('JSON array: one table named after the file; a non-object element is skipped', async () => {
    const outcome = await parseGenericJson(sample('generic-array.json', 2), recordingContext());
    expect(outcome.format).toBe('json-array');
    const table = tableNamed(outcome.tables, 'generic_array');
    expect(table.schema.map((c) => `${c.name}:${c.type}`)).toEqual(['id:string', 'count:long', 'at:datetime', 'extra:dynamic']);
    expect(rowsOf(table)).toEqual([['a', 10, ticks(2024, 5, 1), null], ['b', 20, ticks(2024, 5, 1, 0, 1), { deep: [1] }]]);
    expect(outcome.skipped).toEqual([{ line: 4, reason: 'element 3: not a JSON object' }]);
  });
});
