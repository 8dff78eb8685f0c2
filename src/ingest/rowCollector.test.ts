import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mapRecord } from './recordMapping';
import { RowCollector } from './rowCollector';
import { rowObjects, tableNamed } from './testHelpers';

const REPO = 'ContainerRegistryRepositoryEvents';

function repositoryRecord(i: number, extra: Record<string, unknown>, properties: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    time: `2024-05-01T13:02:${String(i % 60).padStart(2, '0')}.${String(i).padStart(7, '0')}Z`,
    resourceId: '/SUBSCRIPTIONS/AB/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.CONTAINERREGISTRY/REGISTRIES/ACR',
    operationName: i % 2 === 0 ? 'Pull' : 'Push',
    category: 'ContainerRegistryRepositoryEvents',
    durationMs: i % 5 === 0 ? 12 : String(i),
    correlationId: `c-${i}`,
    location: i % 3 === 0 ? undefined : 'westeurope',
    ...extra,
    properties: { repository: `repo${i % 4}`, size: i % 6 === 0 ? `${i}` : i * 10, tag: i % 7 === 0 ? null : `v${i}`, ...properties },
  };
}

/** Records of every shape the mapping meets: skips, metrics, case variants, extra fields of changing kinds. */
function variedRecords(): unknown[] {
  const text = readFileSync(fileURLToPath(new URL('./testdata/pt1h-mixed.json', import.meta.url)), 'utf8');
  const records: unknown[] = [];
  for (const line of text.split('\n')) {
    try {
      records.push(JSON.parse(line));
    } catch {
      // not JSON: the line parser's business, not the mapping's
    }
  }
  for (let i = 0; i < 300; i++) {
    const extra: Record<string, unknown> = {};
    if (i % 2 === 0) extra.level = i % 4 === 0 ? 'Informational' : 'Warning';
    if (i % 3 === 0) extra.mixed = i < 150 ? `text${i % 5}` : i;
    if (i % 50 === 7) extra.Region = 'northeurope';
    records.push(repositoryRecord(i, extra, i % 10 === 0 ? { note: { n: i } } : {}));
  }
  records.push({ TIME: '2024-05-01T00:00:00Z', Category: 'containerregistryloginevents', Properties: '{"jwtId":"j"}', Identity: 'ID' });
  records.push({ time: 'yesterday', category: 'x' }, { category: REPO }, { time: '2024-05-01T00:00:00Z' }, [1], null, 'text');
  return records;
}

function collect(collector: RowCollector, records: readonly unknown[]) {
  const reasons = records.map((r) => collector.load(r));
  return { reasons, tables: collector.finish(), extraColumns: collector.extraColumns, warnings: collector.warnings, rows: collector.rows };
}

describe('RowCollector', () => {
  it('loads rows straight into the builders exactly as through mapRecord row by row', () => {
    const records = variedRecords();
    const direct = collect(new RowCollector(), records);
    // A mapper other than mapRecord itself takes the general path (a row array per record).
    const general = collect(new RowCollector((record) => mapRecord(record)), records);
    expect(direct.reasons).toEqual(general.reasons);
    expect(direct.tables.map((t) => t.schema)).toEqual(general.tables.map((t) => t.schema));
    expect(direct.tables.map(rowObjects)).toEqual(general.tables.map(rowObjects));
    expect([direct.extraColumns, direct.warnings, direct.rows]).toEqual([general.extraColumns, general.warnings, general.rows]);
    expect(direct.rows).toBeGreaterThan(300);
  });

  it('keeps extra fields: all strings as a string column (absent as ""), mixed kinds as dynamic (absent as null)', () => {
    const collector = new RowCollector();
    for (let i = 0; i < 6; i++) {
      const extra: Record<string, unknown> = {};
      if (i !== 1) extra.level = `L${i}`;
      if (i === 0) extra.mixed = 'a';
      if (i === 4) extra.mixed = 4;
      expect(collector.load(repositoryRecord(i, extra))).toBeNull();
    }
    const table = tableNamed(collector.finish(), REPO);
    expect(table.schema.slice(-2)).toEqual([
      { name: 'level', type: 'string' },
      { name: 'mixed', type: 'dynamic' },
    ]);
    expect(rowObjects(table).map((r) => [r.level, r.mixed])).toEqual([
      ['L0', 'a'],
      ['', null],
      ['L2', null],
      ['L3', null],
      ['L4', 4],
      ['L5', null],
    ]);
    expect(collector.extraColumns).toEqual({ [REPO]: { level: 5, mixed: 2 } });
  });

  it('sizes its columns from an estimate without changing what it loads', () => {
    const records = Array.from({ length: 500 }, (_, i) => repositoryRecord(i, { level: 'x' }));
    const plain = new RowCollector();
    const sized = new RowCollector();
    records.slice(0, 10).forEach((r) => {
      plain.load(r);
      sized.load(r);
    });
    sized.expectRows(400);
    records.slice(10).forEach((r) => {
      plain.load(r);
      sized.load(r);
    });
    const [a, b] = [plain.finish(), sized.finish()];
    expect(b.map(rowObjects)).toEqual(a.map(rowObjects));
    expect(b[0].columns.every((c) => c.length === 500)).toBe(true);
  });
});
