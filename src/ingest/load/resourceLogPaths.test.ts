/**
 * The same raw resource-log records, given as `PT1H.json` JSON Lines (the line parser) and as
 * `{"records":[...]}` envelopes (the streaming JSON parser), load as the same tables: same
 * columns (names, order, types), same rows, same extra-column counts and warnings.
 */
import { describe, expect, it } from 'vitest';
import type { Table } from '../../engine/table/table';
import { rowsOf } from '../../engine/table/rows';
import { KNOWN_TABLES } from '../knownTables';
import { rowObjects, tableNamed } from '../testHelpers';
import type { LoadedFile } from './loadFile';
import { loadFile } from './loadFile';

const LOGIN = 'ContainerRegistryLoginEvents';
const REPO = 'ContainerRegistryRepositoryEvents';
const RESOURCE_ID = '/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000001/RESOURCEGROUPS/RG-APPS/PROVIDERS/MICROSOFT.CONTAINERREGISTRY/REGISTRIES/CONTOSOACR';

const RECORDS: readonly Record<string, unknown>[] = [
  {
    time: '2024-05-01T10:00:00Z', resourceId: RESOURCE_ID, category: LOGIN, operationName: 'Login', identity: 'id-1',
    tenantId: 'tenant-a', note: 'plain text', attempts: 2, ok: true, properties: { loginServer: 'contosoacr.azurecr.io', hint: 'h1' },
  },
  { time: '2024-05-01T10:01:00Z', resourceId: RESOURCE_ID, category: REPO, operationName: 'Pull', properties: { repository: 'shop/web', tag: '1.0' } },
  {
    time: '2024-05-01T10:02:00Z', resourceId: RESOURCE_ID, category: LOGIN, operationName: 'Login', identity: 'id-2',
    note: { reason: 'an object this time', codes: [1, 2] }, attempts: 2.5, ok: false,
  },
  {
    time: '2024-05-02T08:20:00Z', resourceId: RESOURCE_ID, category: 'Administrative', operationName: 'MICROSOFT.CONTAINERREGISTRY/REGISTRIES/DELETE',
    resultType: 'Start', level: 'Information', durationMs: 12,
  },
  { time: '2024-05-01T10:03:00Z', category: 'SomethingElse' },
];

const jsonLines = RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n';
const oneEnvelope = JSON.stringify({ records: RECORDS }, null, 2);
const envelopePerLine = RECORDS.map((r) => JSON.stringify({ records: [r] })).join('\n');
const concatenatedEnvelopes = JSON.stringify({ records: RECORDS.slice(0, 2) }) + JSON.stringify({ records: RECORDS.slice(2) });

async function loadText(text: string): Promise<LoadedFile> {
  const outcome = await loadFile(new File([text], 'PT1H.json'));
  expect(outcome.files).toHaveLength(1);
  const [file] = outcome.files;
  expect(file.error).toBeUndefined();
  return file;
}

const shape = (tables: readonly Table[]) =>
  tables.map((t) => ({ name: t.name, schema: t.schema.map((c) => `${c.name}:${c.type}`), rows: rowsOf(t) }));

describe('resource-log records: JSON Lines and {"records":[...]} give the same tables', () => {
  it('types extra columns from all values and renames case-insensitive clashes, on both paths', async () => {
    const lines = await loadText(jsonLines);
    expect(lines.format).toBe('resource-log-jsonl');

    const login = tableNamed(lines.tables, LOGIN);
    const documented = (KNOWN_TABLES.get(LOGIN) ?? []).map((c) => `${c.name}:${c.type}`);
    expect(login.schema.map((c) => `${c.name}:${c.type}`)).toEqual([
      ...documented,
      'raw_tenantId:string',
      'note:dynamic',
      'attempts:real',
      'ok:bool',
      'properties_hint:string',
    ]);
    expect(rowObjects(login).map((r) => [r.TenantId, r.raw_tenantId, r.note, r.attempts, r.ok, r.properties_hint])).toEqual([
      ['', 'tenant-a', 'plain text', 2, true, 'h1'],
      ['', '', { reason: 'an object this time', codes: [1, 2] }, 2.5, false, ''],
    ]);
    const activity = tableNamed(lines.tables, 'AzureActivity');
    expect(activity.schema.at(-1)).toEqual({ name: 'durationMs', type: 'long' });
    expect(rowObjects(activity)[0]).toMatchObject({ OperationNameValue: 'MICROSOFT.CONTAINERREGISTRY/REGISTRIES/DELETE', durationMs: 12 });
    expect(lines.extraColumns).toEqual({ [LOGIN]: { raw_tenantId: 1, note: 2, attempts: 2, ok: 2, properties_hint: 1 }, AzureActivity: { durationMs: 1 } });
    expect(lines.warnings).toEqual([`${LOGIN}: field tenantId -> raw_tenantId (its name is taken by another column)`]);
    expect(lines.skipped).toEqual([{ line: 5, reason: 'unknown category: SomethingElse' }]);

    for (const text of [oneEnvelope, envelopePerLine, concatenatedEnvelopes]) {
      const records = await loadText(text);
      expect(records.format).toBe('resource-log-records');
      expect(shape(records.tables)).toEqual(shape(lines.tables));
      expect(records.tables.map((t) => t.rowCount)).toEqual([2, 1, 1]);
      expect(records.extraColumns).toEqual(lines.extraColumns);
      expect(records.warnings).toEqual(lines.warnings);
      expect(records.skippedCount).toBe(1);
    }
  });
});
