/**
 * The hand-written samples in src/ingest/testdata/csv/, each read whole and one byte at a time.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParseOutcome } from '../formats/contract';
import { KNOWN_TABLES } from '../knownTables';
import { rowObjects, tableNamed } from '../testHelpers';
import type { DelimitedOptions } from './parseDelimited';
import { parseCsv, parseDelimited, parseTsv } from './parseDelimited';
import { bytesSource, recordingContext } from './testSupport';
import { ticksFromMs } from '../../engine/types/datetime';

const SAMPLES = new URL('../testdata/csv/', import.meta.url);
const ticks = (iso: string) => ticksFromMs(Date.parse(iso));

function sampleBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, SAMPLES)));
}

/** Parses a sample whole, then one byte per chunk; both must agree. Returns the whole-file outcome. */
async function parseSample(name: string, options: DelimitedOptions = { delimiter: 'auto' }): Promise<ParseOutcome> {
  const bytes = sampleBytes(name);
  const whole = await parseDelimited(bytesSource(bytes, name), recordingContext(), options);
  const bytewise = await parseDelimited(bytesSource(bytes, name, 1), recordingContext(), options);
  expect(bytewise.tables.map((t) => ({ name: t.name, schema: t.schema, rows: rowObjects(t) }))).toEqual(
    whole.tables.map((t) => ({ name: t.name, schema: t.schema, rows: rowObjects(t) })),
  );
  expect({ ...bytewise, tables: [] }).toEqual({ ...whole, tables: [] });
  return whole;
}

const LOGIN_RESOURCE = '/subscriptions/s1/resourcegroups/rg/providers/microsoft.containerregistry/registries/contoso';

describe('login-en-us.csv: en-US, quote-when-needed, AM/PM edge cases', () => {
  it('loads ContainerRegistryLoginEvents with exact rows', async () => {
    const outcome = await parseSample('login-en-us.csv');
    expect(outcome.format).toBe('portal-csv');
    expect(outcome.warnings).toEqual([]);
    const table = tableNamed(outcome.tables, 'ContainerRegistryLoginEvents');
    expect(table.schema).toEqual(KNOWN_TABLES.get('ContainerRegistryLoginEvents'));
    const base = {
      TenantId: '11111111-2222-3333-4444-555555555555',
      SourceSystem: 'Azure',
      OperationName: 'Login',
      LoginServer: 'contoso.azurecr.io',
      Category: 'ContainerRegistryLoginEvents',
      Type: 'ContainerRegistryLoginEvents',
      _ResourceId: LOGIN_RESOURCE,
    };
    expect(rowObjects(table)).toEqual([
      { ...base, TimeGenerated: ticks('2023-06-15T00:09:31Z'), Identity: 'ci-bot', JwtId: 'jwt-1', Region: 'eastus', CorrelationId: 'c-1', ResultType: '200', ResultDescription: 'Success', CallerIpAddress: '203.0.113.7', DurationMs: '12', UserAgent: 'docker/24.0.7' },
      { ...base, TimeGenerated: ticks('2023-06-15T12:30:15.250Z'), Identity: 'ci-bot', JwtId: 'jwt-2', Region: 'eastus', CorrelationId: 'c-2', ResultType: '401', ResultDescription: 'Unauthorized', CallerIpAddress: '203.0.113.8', DurationMs: '', UserAgent: 'curl/8.4.0, beta' },
      { ...base, TimeGenerated: ticks('2023-06-15T23:59:59Z'), Identity: '', JwtId: 'jwt-3', Region: 'eastus', CorrelationId: 'c-3', ResultType: '200', ResultDescription: 'Success', CallerIpAddress: '203.0.113.9', DurationMs: '7', UserAgent: 'docker/24.0.7' },
      { ...base, TimeGenerated: ticks('2023-07-04T01:05:09.007Z'), Identity: 'ci-bot', JwtId: 'jwt-4', Region: 'westus', CorrelationId: 'c-4', ResultType: '200', ResultDescription: 'Success', CallerIpAddress: '203.0.113.10', DurationMs: '3', UserAgent: 'docker/24.0.7' },
    ]);
  });
});

describe('repository-en-gb.csv: en-GB, the day-first evidence comes in a later row', () => {
  it('reads every date day-first and keeps the documented schema', async () => {
    const outcome = await parseSample('repository-en-gb.csv');
    expect(outcome.format).toBe('portal-csv');
    const table = tableNamed(outcome.tables, 'ContainerRegistryRepositoryEvents');
    expect(table.schema).toEqual(KNOWN_TABLES.get('ContainerRegistryRepositoryEvents'));
    expect(rowObjects(table).map((r) => [r.TimeGenerated, r.OperationName, r.Repository, r.Tag, r.Size])).toEqual([
      [ticks('2025-04-03T09:45:54Z'), 'Push', 'app/web', 'v1.2', 1024],
      [ticks('2025-04-03T23:00:00.500Z'), 'Pull', 'app/web', 'latest', null],
      [ticks('2025-04-21T00:00:01Z'), 'Delete', 'app/api', '', 0],
    ]);
  });

  it('reads them month-first when fewer rows than the evidence are held back (documented trade-off)', async () => {
    const outcome = await parseDelimited(bytesSource(sampleBytes('repository-en-gb.csv'), 'x.csv'), recordingContext(), { delimiter: ',', orderSampleRows: 1 });
    const rows = rowObjects(outcome.tables[0]);
    expect(rows[0].TimeGenerated).toBe(ticks('2025-03-04T09:45:54Z'));
    // 21/04 is no month-first date: the documented column keeps null and a warning says so.
    expect(rows[2].TimeGenerated).toBeNull();
    expect(outcome.warnings).toEqual(["column TimeGenerated: value '21/04/2025, 00:00:01.000' in line 4 is not a datetime; loaded as null"]);
  });
});

describe('repository-quoted-bom-crlf.csv: quote-everything generation, BOM, CRLF, undocumented column', () => {
  it('strips the BOM, keeps the multi-line value, and keeps _IsBillable as an extra column', async () => {
    const outcome = await parseSample('repository-quoted-bom-crlf.csv');
    const table = tableNamed(outcome.tables, 'ContainerRegistryRepositoryEvents');
    const documented = KNOWN_TABLES.get('ContainerRegistryRepositoryEvents') ?? [];
    expect(table.schema).toEqual([...documented, { name: '_IsBillable', type: 'bool' }]);
    expect(outcome.extraColumns).toEqual({ ContainerRegistryRepositoryEvents: { _IsBillable: 2 } });
    const rows = rowObjects(table);
    expect(rows.map((r) => [r.TenantId, r.TimeGenerated, r.OperationName, r.LoginServer, r.Repository, r.Tag, r.Digest, r.Size, r._IsBillable, r.ResultDescription])).toEqual([
      ['aaaaaaaa-0000-0000-0000-000000000001', ticks('2024-05-01T13:02:11.456Z'), 'Pull', 'contoso.azurecr.io', 'team/app', 'latest', 'sha256:abc', 2048, false, 'line one\r\nline "two"'],
      ['aaaaaaaa-0000-0000-0000-000000000001', ticks('2024-05-01T13:02:12Z'), 'Push', 'contoso.azurecr.io', 'team/app', 'v2.0', 'sha256:def', null, false, 'OK'],
    ]);
  });
});

describe('repository-displayed-columns.csv: a displayed-columns export without Type', () => {
  it('recognises the known table from the header alone', async () => {
    const outcome = await parseSample('repository-displayed-columns.csv');
    const table = tableNamed(outcome.tables, 'ContainerRegistryRepositoryEvents');
    expect(table.schema).toEqual(KNOWN_TABLES.get('ContainerRegistryRepositoryEvents'));
    expect(rowObjects(table).map((r) => [r.TimeGenerated, r.OperationName, r.Repository, r.Tag, r.ResultDescription, r.CallerIpAddress, r.Type])).toEqual([
      [ticks('2025-02-25T09:19:25.391Z'), 'Pull', 'hello-world', 'latest', '200', '198.51.100.4', ''],
      [ticks('2025-02-25T09:19:26Z'), 'Pull', 'hello-world', 'v1', '404', '198.51.100.4', ''],
    ]);
  });
});

describe('union-login-repository.csv: an export of a union', () => {
  it('sends each row to the table its Type names', async () => {
    const outcome = await parseSample('union-login-repository.csv');
    expect(outcome.tables.map((t) => t.name)).toEqual(['ContainerRegistryLoginEvents', 'ContainerRegistryRepositoryEvents']);
    const login = tableNamed(outcome.tables, 'ContainerRegistryLoginEvents');
    // Repository and Tag are not Login columns and no Login row filled them: not added.
    expect(login.schema).toEqual(KNOWN_TABLES.get('ContainerRegistryLoginEvents'));
    expect(rowObjects(login).map((r) => [r.TimeGenerated, r.OperationName, r.Identity, r.ResultType, r.Type])).toEqual([
      [ticks('2024-08-01T10:00:00Z'), 'Login', 'ci-bot', '200', 'ContainerRegistryLoginEvents'],
      [ticks('2024-08-01T10:00:02Z'), 'Login', 'alice', '401', 'ContainerRegistryLoginEvents'],
    ]);
    const repository = tableNamed(outcome.tables, 'ContainerRegistryRepositoryEvents');
    expect(repository.schema).toEqual(KNOWN_TABLES.get('ContainerRegistryRepositoryEvents'));
    expect(rowObjects(repository).map((r) => [r.TimeGenerated, r.OperationName, r.Identity, r.Repository, r.Tag, r.ResultType])).toEqual([
      [ticks('2024-08-01T10:00:01Z'), 'Pull', 'ci-bot', 'team/app', 'latest', '200'],
    ]);
    expect(outcome.extraColumns).toEqual({});
  });
});

describe('generic-inference.csv: a generic CSV', () => {
  const expectedTypes = ['id:string', 'count:long', 'ratio:real', 'ok:bool', 'started:datetime', 'elapsed:timespan', 'payload:dynamic', 'note:string'];

  it('infers types from the first values and turns a column to string on a late contradiction', async () => {
    const outcome = await parseSample('generic-inference.csv', { delimiter: ',', typeSampleSize: 5 });
    expect(outcome.format).toBe('csv');
    const table = tableNamed(outcome.tables, 'generic_inference');
    expect(table.schema.map((c) => `${c.name}:${c.type}`)).toEqual(expectedTypes.map((t) => (t === 'count:long' ? 'count:string' : t)));
    expect(outcome.warnings).toEqual(["column count: value 'n/a' in line 10 is not a long; loaded as string"]);
    const rows = rowObjects(table);
    expect(rows.map((r) => r.count)).toEqual(['1', '2', '3', '', '5', '6', '7', '8', 'n/a']);
    expect(rows.map((r) => r.id)).toEqual(['001', '002', '003', '004', '005', '006', '007', '008', '009']);
    expect(rows.map((r) => r.ratio)).toEqual([0.5, 1.25, null, 2, 3.5, 4, 5, 6, 7]);
    expect(rows.map((r) => r.ok)).toEqual([true, false, true, true, false, true, false, true, true]);
    expect(rows.map((r) => r.started)).toEqual([
      ticks('2024-01-01T00:00:00Z'), ticks('2024-01-01T01:00:00Z'), ticks('2024-01-01T02:00:00Z'), null,
      ticks('2024-01-02T00:00:00.123Z') + 4567, ticks('2024-01-03T00:00:00Z'), ticks('2024-01-04T00:00:00Z'),
      ticks('2024-01-05T00:00:00Z'), ticks('2024-01-06T00:00:00Z'),
    ]);
    expect(rows.map((r) => r.elapsed)).toEqual([1e7, (26 * 3600 + 3 * 60 + 4) * 1e7, 600e7, null, 0.5e7, 2e7, 3e7, 4e7, 5e7]);
    expect(rows.map((r) => r.payload)).toEqual([{ a: 1 }, [1, 2], {}, { b: null }, [], {}, {}, {}, {}]);
    expect(rows.map((r) => r.note)).toEqual(['x', '', 'y', 'z', '', '', '', '', 'last']);
  });

  it('makes the column string from the start when the contradiction is among the first values', async () => {
    const outcome = await parseSample('generic-inference.csv', { delimiter: ',' });
    const table = outcome.tables[0];
    expect(table.schema.find((c) => c.name === 'count')?.type).toBe('string');
    expect(outcome.warnings).toEqual([]);
  });
});

describe('events.tsv', () => {
  it('reads tab-separated values (detected or forced)', async () => {
    const forced = await parseTsv(bytesSource(sampleBytes('events.tsv'), 'events.tsv'), recordingContext());
    const detected = await parseSample('events.tsv');
    for (const outcome of [forced, detected]) {
      expect(outcome.format).toBe('tsv');
      const table = tableNamed(outcome.tables, 'events');
      expect(table.schema).toEqual([
        { name: 'Time', type: 'datetime' },
        { name: 'Level', type: 'string' },
        { name: 'Message', type: 'string' },
        { name: 'Code', type: 'long' },
      ]);
      expect(rowObjects(table)).toEqual([
        { Time: ticks('2024-03-01T08:00:00Z'), Level: 'Info', Message: 'started, ok', Code: 0 },
        { Time: ticks('2024-03-01T08:00:05Z'), Level: 'Error', Message: 'quoted\ttab', Code: 17 },
      ]);
    }
  });
});

describe('bad-rows.csv', () => {
  it('skips rows with the wrong number of fields (physical line numbers) and loads the rest', async () => {
    const outcome = await parseSample('bad-rows.csv');
    expect(rowObjects(tableNamed(outcome.tables, 'bad_rows'))).toEqual([
      { name: 'a', value: 1 },
      { name: 'multi\nline', value: 2 },
      { name: 'd', value: 4 },
    ]);
    expect(outcome.skippedCount).toBe(3);
    expect(outcome.skipped).toEqual([
      { line: 5, reason: 'expected 2 fields (as in the header), found 3' },
      { line: 6, reason: 'expected 2 fields (as in the header), found 1' },
      { line: 8, reason: 'a quoted field is not closed before the end of the file' },
    ]);
  });
});

describe('parseCsv edge cases', () => {
  it('reports an empty file', async () => {
    const outcome = await parseCsv(bytesSource(new Uint8Array(0), 'empty.csv'), recordingContext());
    expect(outcome).toMatchObject({ format: 'empty', tables: [], error: 'the file is empty' });
    const blank = await parseCsv(bytesSource(new TextEncoder().encode('\r\n\n'), 'blank.csv'), recordingContext());
    expect(blank.error).toBe('the file is empty');
  });

  it('keeps the columns of a header-only file', async () => {
    const outcome = await parseCsv(bytesSource(new TextEncoder().encode('a,b\n'), '2024 report.csv'), recordingContext());
    expect(outcome.tables).toHaveLength(1);
    expect(outcome.tables[0]).toMatchObject({ name: '_2024_report', rowCount: 0, schema: [{ name: 'a', type: 'string' }, { name: 'b', type: 'string' }] });
  });
});

describe('a known Type with columns of another table', () => {
  it('keeps filled undocumented columns as extras and drops empty ones', async () => {
    const text = 'TimeGenerated,Repository,Tag,Type\n2024-01-01T00:00:00Z,,x,ContainerRegistryLoginEvents\n';
    const outcome = await parseCsv(bytesSource(new TextEncoder().encode(text), 'u.csv'), recordingContext());
    const table = tableNamed(outcome.tables, 'ContainerRegistryLoginEvents');
    expect(table.schema).toEqual([...(KNOWN_TABLES.get('ContainerRegistryLoginEvents') ?? []), { name: 'Tag', type: 'string' }]);
    expect(outcome.extraColumns).toEqual({ ContainerRegistryLoginEvents: { Tag: 1 } });
    expect(rowObjects(table)[0].Tag).toBe('x');
  });
});
