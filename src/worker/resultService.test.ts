import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataService } from './dataService';
import type { ResultViewSpec, WorkerRequest, WorkerResponse } from './protocol';
import { runQuery, rowsOf } from '../engine';
import { generateSampleTables } from '../sample';
import { sendableRows, RESULT_ROW_CAP, RESULT_BYTE_BUDGET } from './resultCap';
import { csvField } from './resultExport';

function ingestFile(name: string): File {
  return new File([readFileSync(fileURLToPath(new URL(`../ingest/testdata/${name}`, import.meta.url)))], name);
}

/** A service with the real engine and loader, and the responses it posted. */
function makeService(): { service: DataService; posted: WorkerResponse[] } {
  const posted: WorkerResponse[] = [];
  return { service: new DataService({ runQuery, generateSampleTables }, (response) => posted.push(response)), posted };
}

async function ask<T extends WorkerResponse['type']>(service: DataService, posted: WorkerResponse[], request: WorkerRequest, type: T): Promise<Extract<WorkerResponse, { type: T }>> {
  const before = posted.length;
  await service.handle(request);
  const reply = posted.slice(before).find((r) => 'id' in r && r.id === request.id);
  if (reply?.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(reply)}`);
  return reply as Extract<WorkerResponse, { type: T }>;
}

async function loaded(): Promise<{ service: DataService; posted: WorkerResponse[] }> {
  const made = makeService();
  await made.service.handle({ type: 'loadFiles', id: 1, files: [ingestFile('csv/generic-inference.csv')] });
  return made;
}

const NO_VIEW: ResultViewSpec = { sort: null, search: '' };

describe('results kept in the worker', () => {
  it('sends at most the row cap, with the total and the reason, and keeps the whole result', async () => {
    const { service, posted } = await loaded();
    const result = await ask(service, posted, { type: 'query', id: 2, text: 'generic_inference | project id', nowMs: 0, cancelFlag: null, rowCap: 4 }, 'queryResult');
    expect(result.tables[0].rowCount).toBe(4);
    expect(rowsOf(result.tables[0]).map((r) => r[0])).toEqual(['001', '002', '003', '004']);
    expect(result.totals).toEqual([{ totalRows: 9, truncation: 'rowLimit' }]);
    expect(result.resultId).toBeTypeOf('number');
    // Export covers all nine rows although four were sent.
    const exported = await ask(service, posted, { type: 'exportResult', id: 3, resultId: result.resultId!, tableIndex: 0, view: NO_VIEW, format: 'csv' }, 'exported');
    expect(exported.rows).toBe(9);
    expect(await exported.blob.text()).toBe('id\r\n001\r\n002\r\n003\r\n004\r\n005\r\n006\r\n007\r\n008\r\n009\r\n');
  });

  it('sends everything below the cap, with no reason', async () => {
    const { service, posted } = await loaded();
    const result = await ask(service, posted, { type: 'query', id: 2, text: 'generic_inference', nowMs: 0, cancelFlag: null }, 'queryResult');
    expect(result.tables[0].rowCount).toBe(9);
    expect(result.totals).toEqual([{ totalRows: 9, truncation: null }]);
  });

  it('sorts the whole result by one column as `sort by` does (nulls first ascending, last descending)', async () => {
    const { service, posted } = await loaded();
    const base = 'generic_inference | project id, ratio, note';
    const result = await ask(service, posted, { type: 'query', id: 2, text: base, nowMs: 0, cancelFlag: null, rowCap: 3 }, 'queryResult');
    for (const descending of [false, true]) {
      const view = await ask(service, posted, { type: 'viewResult', id: 10, resultId: result.resultId!, tableIndex: 0, view: { sort: { column: 1, descending }, search: '' } }, 'resultView');
      const oracle = runQuery(`${base} | sort by ratio ${descending ? 'desc' : 'asc'}`, service.catalog(), { now: 0 });
      if (!oracle.ok) throw new Error(oracle.error.message);
      expect(view.total).toEqual({ totalRows: 9, truncation: 'rowLimit' });
      expect(rowsOf(view.table)).toEqual(rowsOf(oracle.tables[0]).slice(0, 3));
    }
    const asc = await ask(service, posted, { type: 'viewResult', id: 11, resultId: result.resultId!, tableIndex: 0, view: { sort: { column: 1, descending: false }, search: '' } }, 'resultView');
    expect(rowsOf(asc.table).map((r) => r[0])).toEqual(['003', '001', '002']);
    const desc = await ask(service, posted, { type: 'viewResult', id: 12, resultId: result.resultId!, tableIndex: 0, view: { sort: { column: 2, descending: true }, search: '' } }, 'resultView');
    // Strings sort ordinally: z, y, x, last, then the empty ones in input order.
    expect(rowsOf(desc.table).map((r) => r[2])).toEqual(['z', 'y', 'x']);
  });

  it('searches the formatted values of every row, case-insensitively, and counts the matches', async () => {
    const { service, posted } = await loaded();
    const result = await ask(service, posted, { type: 'query', id: 2, text: 'generic_inference', nowMs: 0, cancelFlag: null, rowCap: 1 }, 'queryResult');
    const search = async (text: string) =>
      ask(service, posted, { type: 'viewResult', id: 20, resultId: result.resultId!, tableIndex: 0, view: { sort: null, search: text } }, 'resultView');
    // "LAST" is only in row 009's note; "2024-01-0" in every started datetime but row 004's null.
    expect((await search('LAST')).total).toEqual({ totalRows: 1, truncation: null });
    expect(rowsOf((await search('LAST')).table)[0][0]).toBe('009');
    expect((await search('2024-01-0')).total.totalRows).toBe(8);
    // Dynamic values are searched as JSON text; timespans as Kusto prints them.
    expect((await search('"b":null')).total.totalRows).toBe(1);
    expect((await search('1.02:03:04')).total.totalRows).toBe(1);
    expect((await search('nothing like this')).total).toEqual({ totalRows: 0, truncation: null });
    // Search and sort combine: rows with "true" (bool column) by id descending.
    const both = await ask(service, posted, { type: 'viewResult', id: 21, resultId: result.resultId!, tableIndex: 0, view: { sort: { column: 0, descending: true }, search: 'TRUE' } }, 'resultView');
    expect(both.total.totalRows).toBe(6);
    expect(rowsOf(both.table).map((r) => r[0])).toEqual(['009']);
  });

  it('exports CSV (RFC 4180, 7-digit UTC datetimes, JSON for dynamic, empty nulls) and typed JSON', async () => {
    const { service, posted } = await loaded();
    const text = 'generic_inference | where id in ("001", "002", "004") | project id, ratio, ok, started, elapsed, payload, note = strcat(note, iff(id == "002", "say \\"hi\\", ok", ""))';
    const result = await ask(service, posted, { type: 'query', id: 2, text, nowMs: 0, cancelFlag: null }, 'queryResult');
    const csv = await ask(service, posted, { type: 'exportResult', id: 3, resultId: result.resultId!, tableIndex: 0, view: NO_VIEW, format: 'csv' }, 'exported');
    expect(await csv.blob.text()).toBe(
      'id,ratio,ok,started,elapsed,payload,note\r\n' +
        '001,0.5,true,2024-01-01T00:00:00.0000000Z,00:00:01,"{""a"":1}",x\r\n' +
        '002,1.25,false,2024-01-01T01:00:00.0000000Z,1.02:03:04,"[1,2]","say ""hi"", ok"\r\n' +
        '004,2,true,,,"{""b"":null}",z\r\n',
    );
    const json = await ask(service, posted, { type: 'exportResult', id: 4, resultId: result.resultId!, tableIndex: 0, view: { sort: { column: 1, descending: true }, search: '' }, format: 'json' }, 'exported');
    expect(JSON.parse(await json.blob.text())).toEqual([
      { id: '004', ratio: 2, ok: true, started: null, elapsed: null, payload: { b: null }, note: 'z' },
      { id: '002', ratio: 1.25, ok: false, started: '2024-01-01T01:00:00.0000000Z', elapsed: '1.02:03:04', payload: [1, 2], note: 'say "hi", ok' },
      { id: '001', ratio: 0.5, ok: true, started: '2024-01-01T00:00:00.0000000Z', elapsed: '00:00:01', payload: { a: 1 }, note: 'x' },
    ]);
  });

  it('keeps only the last few results and says so for a forgotten one', async () => {
    const { service, posted } = await loaded();
    const first = await ask(service, posted, { type: 'query', id: 2, text: 'generic_inference', nowMs: 0, cancelFlag: null }, 'queryResult');
    for (let id = 3; id < 8; id++) await ask(service, posted, { type: 'query', id, text: 'generic_inference | take 1', nowMs: 0, cancelFlag: null }, 'queryResult');
    const failed = await ask(service, posted, { type: 'viewResult', id: 9, resultId: first.resultId!, tableIndex: 0, view: { sort: null, search: 'x' } }, 'failed');
    expect(failed.message).toMatch(/no longer kept/);
  });
});

describe('limits', () => {
  it("caps at Kusto's 500,000 rows and at about 64 MB", () => {
    const narrow = [{ kind: 'number' as const, type: 'long' as const, data: new Float64Array(1), nulls: null, length: 1 }];
    expect(sendableRows(narrow, 600_000, { rowCap: RESULT_ROW_CAP, byteBudget: RESULT_BYTE_BUDGET })).toEqual({ rows: 500_000, truncation: 'rowLimit' });
    expect(sendableRows(narrow, 500_000, { rowCap: RESULT_ROW_CAP, byteBudget: RESULT_BYTE_BUDGET })).toEqual({ rows: 500_000, truncation: null });
    // A row of a 1,000-character string: 64 MB hold about 33,000 of them (2 bytes per UTF-16 unit).
    const wide = [{ kind: 'string' as const, type: 'string' as const, codes: new Int32Array(1), dict: ['x'.repeat(1000)], length: 1 }];
    const capped = sendableRows(wide, 100_000, { rowCap: RESULT_ROW_CAP, byteBudget: RESULT_BYTE_BUDGET });
    expect(capped.truncation).toBe('sizeLimit');
    expect(capped.rows).toBeGreaterThan(30_000);
    expect(capped.rows).toBeLessThan(34_000);
  });

  it('quotes CSV fields only when RFC 4180 needs it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});
