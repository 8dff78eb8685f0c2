import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Table } from '../../src/engine/index';
import { rowsOf } from '../../src/engine/index';
import { mapRecord } from '../../src/ingest/index';
import { CONTAINER_REGISTRY_LOGIN_EVENTS, CONTAINER_REGISTRY_REPOSITORY_EVENTS } from '../../src/ingest/knownTables';
import { generateSampleTables } from '../../src/sample/index';
import type { RawRecord } from './records';
import { loginRecords, repositoryRecords } from './records';

const tables = generateSampleTables({ seed: 7, anchorMs: Date.UTC(2026, 0, 8), scale: 0.05 });

function table(name: string): Table {
  const found = tables.find((t) => t.name === name);
  if (found === undefined) throw new Error(name);
  return found;
}

/** Writes every row as a raw record (through JSON text, as the files do), maps it back with the app's ingest and compares. */
function assertRoundTrip(source: Table, recordOf: (row: number) => RawRecord): void {
  const expected = rowsOf(source);
  assert.ok(expected.length > 10, 'the sample has rows');
  const tenant = source.schema.findIndex((c) => c.name === 'TenantId');
  for (let row = 0; row < expected.length; row++) {
    const mapped = mapRecord(JSON.parse(JSON.stringify(recordOf(row))));
    assert.equal(mapped.kind, 'row');
    if (mapped.kind !== 'row') return;
    assert.equal(mapped.table, source.name);
    assert.deepEqual(mapped.unmappedFields, ['level']);
    // TenantId is the workspace ID stamped at ingestion: raw records do not carry it.
    const want = expected[row].map((v, i) => (i === tenant ? '' : v));
    assert.deepEqual(mapped.row, want, `row ${row}`);
  }
}

describe('raw records', () => {
  it('map back to the repository rows they were written from', () => {
    assertRoundTrip(table(CONTAINER_REGISTRY_REPOSITORY_EVENTS), repositoryRecords(table(CONTAINER_REGISTRY_REPOSITORY_EVENTS)));
  });

  it('map back to the login rows they were written from', () => {
    assertRoundTrip(table(CONTAINER_REGISTRY_LOGIN_EVENTS), loginRecords(table(CONTAINER_REGISTRY_LOGIN_EVENTS)));
  });
});
