import { describe, expect, it } from 'vitest';
import { TableBuilder } from '../engine/table/builder';
import { KNOWN_TABLES } from './knownTables';
import { ExtraColumns } from './load/extraColumns';
import { mapRecord, RecordRowMapper } from './recordMapping';
import { ShapedRecordWriter } from './recordShape';
import { RowCollector } from './rowCollector';
import { loadResourceLogFile } from './resourceLogFile';
import { rowObjects, tableNamed, textFile } from './testHelpers';
import { ticksFromMs } from '../engine/types/datetime';

const REPO = 'ContainerRegistryRepositoryEvents';
const LOGIN = 'ContainerRegistryLoginEvents';
const RESOURCE_ID = '/SUBSCRIPTIONS/AB/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.CONTAINERREGISTRY/REGISTRIES/ACR';

/** One layout (key order) with values that vary in kind from record to record. */
function record(i: number, change: Record<string, unknown> = {}, properties: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    time: `2024-05-01T13:0${i % 3}:11.${String(i).padStart(7, '0')}Z`,
    resourceId: i % 17 === 0 ? `${RESOURCE_ID}2` : RESOURCE_ID,
    operationName: i % 2 === 0 ? 'Pull' : 'Push',
    category: REPO,
    durationMs: [12, '13', null, true, { a: 1 }][i % 5],
    correlationId: `c-${i}`,
    identity: i % 7 === 0 ? null : i % 11 === 0 ? 42 : 'alex@contoso.com',
    location: i % 9 === 0 ? null : 'westeurope',
    level: i % 13 === 0 ? 3 : 'Informational',
    ...change,
    properties: { repository: `repo${i % 4}`, tag: i % 6 === 0 ? null : `v${i}`, size: ['2048', 2048, 1.5, null, 'abc', true][i % 6], digest: 'sha256:ab', ...properties },
  };
}

/** Records meant to meet the fast path and every way of leaving it. */
function layoutRecords(): unknown[] {
  const records: unknown[] = [];
  for (let i = 0; i < 240; i++) {
    switch (i % 20) {
      case 3:
        records.push(record(i, { time: 'yesterday' }));
        break;
      case 5:
        records.push(record(i, { category: LOGIN }, { jwtId: `j${i}` }));
        break;
      case 6:
        records.push(record(i, { category: LOGIN }));
        break;
      case 7:
        records.push(record(i, { category: 'containerregistryrepositoryevents' }));
        break;
      case 8:
        records.push(record(i, { category: 'SomethingElse' }));
        break;
      case 9:
        records.push({ ...record(i), properties: JSON.stringify({ repository: 'as-text', tag: 't' }) });
        break;
      case 10:
        records.push({ ...record(i), properties: null });
        break;
      case 11:
        records.push(record(i, { region: i % 40 === 11 ? 'northeurope' : null, location: i % 80 === 11 ? 'eastus' : null }));
        break;
      case 12:
        records.push(record(i, { location: undefined, region: 'uksouth' }));
        break;
      case 13:
        records.push(record(i, { Time: '2030-01-01T00:00:00Z', Level: 'second spelling', tenantId: 'tenant', type: 'raw type' }, { operationName: 'Nested', note: { n: i } }));
        break;
      case 14: {
        const { properties, ...top } = record(i);
        records.push({ ...top, Properties: properties });
        break;
      }
      case 15:
        records.push(record(i, { resourceId: 7, time: `2024-05-01T13:0${i % 3}:11Z` }));
        break;
      case 16:
        records.push(record(i, {}, { time: '2031-01-01T00:00:00Z', level: 'nested level' }));
        break;
      default:
        records.push(record(i));
    }
  }
  return records;
}

function collect(collector: RowCollector, records: readonly unknown[]) {
  const reasons = records.map((r) => collector.load(r));
  return { reasons, tables: collector.finish(), extraColumns: collector.extraColumns, warnings: collector.warnings, rows: collector.rows };
}

describe('RowCollector with records laid out alike', () => {
  it('loads the same rows, skips and extra columns as the general mapping, whichever way each record leaves the fast path', () => {
    const records = layoutRecords();
    const fast = collect(new RowCollector(), records);
    // A mapper other than mapRecord itself takes the general path for every record.
    const general = collect(new RowCollector((r) => mapRecord(r)), records);
    expect(fast.reasons).toEqual(general.reasons);
    expect(fast.tables.map((t) => t.schema)).toEqual(general.tables.map((t) => t.schema));
    expect(fast.tables.map(rowObjects)).toEqual(general.tables.map(rowObjects));
    expect([fast.extraColumns, fast.warnings, fast.rows]).toEqual([general.extraColumns, general.warnings, general.rows]);
    expect(fast.reasons.filter((r) => r !== null).length).toBe(24);
    expect(fast.tables.map((t) => t.name)).toEqual([REPO, LOGIN]);
  });
});

describe('ShapedRecordWriter', () => {
  function destination() {
    const schema = KNOWN_TABLES.get(REPO)!;
    return { schema, builder: new TableBuilder(REPO, schema), extras: new ExtraColumns(schema) };
  }

  it('writes records of a learnt layout and declines the ones it cannot settle', () => {
    const writer = new ShapedRecordWriter();
    const target = destination();
    expect(writer.tryWrite(record(0))).toBe(false);
    // Record 0 loaded the general way, then its layout learnt.
    const general = new RecordRowMapper();
    expect(general.classify(record(0))).toBe(REPO);
    general.writeRow(target.builder.columns);
    general.forEachExtraField((key, value, nested) => target.extras.addField(0, key, value, nested));
    writer.learn(record(0), REPO, target.schema, target);

    expect(writer.tryWrite(record(2))).toBe(true);
    expect(writer.tryWrite(record(4, { time: 'yesterday' }))).toBe(false);
    expect(writer.tryWrite(record(4, { category: LOGIN }))).toBe(false);
    expect(writer.tryWrite({ ...record(4), properties: '{"repository":"r"}' })).toBe(false);
    const { time, ...withoutTime } = record(4);
    expect(writer.tryWrite({ ...withoutTime, time })).toBe(false);
    expect(writer.tryWrite(record(4, {}, { extra: 1 }))).toBe(false);
    expect(writer.rowsWritten).toBe(1);

    const [, written] = rowObjects(target.builder.finish());
    expect(target.extras.finish(2).map((e) => e.column.length)).toEqual([2]);
    expect(written).toMatchObject({
      TimeGenerated: ticksFromMs(Date.UTC(2024, 4, 1, 13, 2, 11)) + 2,
      OperationName: 'Pull',
      DurationMs: '',
      Identity: 'alex@contoso.com',
      Size: 1,
      Repository: 'repo2',
      Tag: 'v2',
      Category: REPO,
      Region: 'westeurope',
      Type: REPO,
      TenantId: '',
      SourceSystem: 'Azure',
      _ResourceId: RESOURCE_ID.toLowerCase(),
    });
  });
});

describe('loadResourceLogFile of JSON Lines laid out alike', () => {
  const repository = (i: number): string => (i % 3 === 0 ? 'équipe/测试-🐳' : `team/app${i % 5}`);
  function lines(count: number): string[] {
    return Array.from({ length: count }, (_, i) =>
      JSON.stringify({
        time: `2024-05-01T13:02:${String(i % 60).padStart(2, '0')}.5Z`,
        resourceId: RESOURCE_ID,
        operationName: 'Pull',
        category: REPO,
        correlationId: `c-${i}`,
        properties: { repository: repository(i), size: i },
      }),
    );
  }

  it('loads every record, reports a malformed line by its number and keeps the rest, wherever the chunks are cut', async () => {
    const source = lines(60);
    // Line 21 is broken, line 31 blank, lines 41-45 end with CRLF.
    const text = source
      .map((line, i) => (i === 20 ? line.slice(0, -5) : i === 30 ? '' : line))
      .map((line, i) => (i >= 40 && i < 45 ? `${line}\r\n` : `${line}\n`))
      .join('');
    const kept = source.map((_, i) => i).filter((i) => i !== 20 && i !== 30);
    for (const chunkSize of [7, 37, 100, 1 << 20]) {
      const result = await loadResourceLogFile(textFile(text), { chunkSize });
      expect(result.error).toBeUndefined();
      expect(result.skipped).toEqual([{ line: 21, reason: 'not valid JSON' }]);
      const rows = rowObjects(tableNamed(result.tables, REPO));
      expect(rows.map((r) => r.Repository)).toEqual(kept.map(repository));
      expect(rows.map((r) => r.CorrelationId)).toEqual(kept.map((i) => `c-${i}`));
      expect(rows.map((r) => r.Size)).toEqual(kept);
      expect(rows.map((r) => r.TimeGenerated)).toEqual(kept.map((i) => ticksFromMs(Date.UTC(2024, 4, 1, 13, 2, i % 60)) + 5_000_000));
    }
  });
});
