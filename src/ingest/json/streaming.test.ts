import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../engine/table/rows';
import type { CancelSignal } from '../../engine/cancel';
import type { JsonPath, JsonScanHandler } from './scanner';
import { JsonScanner } from './scanner';
import { parseAdxV2, parseGenericJson, parseLogAnalyticsApi, parseResourceRecords } from './index';
import { bytesSource, recordingContext } from './testSources';

/** Records what a scanner reports, capturing every element of the top-level `rows` arrays. */
function recorder(): { handler: JsonScanHandler; events: string[] } {
  const events: string[] = [];
  const handler: JsonScanHandler = {
    container: (path: JsonPath) => (path[path.length - 1] === 'rows' || path.length === 0 ? 'descend' : 'capture'),
    value: (path, value, line) => events.push(`${path.join('.')}=${JSON.stringify(value)}@${line}`),
    invalid: (path, line, reason) => events.push(`invalid ${path.join('.')}@${line}: ${reason.split(' (')[0]}`),
    end: (path, kind) => events.push(`end ${kind} ${path.join('.')}`),
  };
  return { handler, events };
}

function scan(bytes: Uint8Array, cuts: readonly number[]): { events: string[]; failure: string | null } {
  const { handler, events } = recorder();
  const scanner = new JsonScanner(handler);
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    scanner.push(bytes.slice(from, cut));
    from = cut;
  }
  const failure = scanner.finish();
  return { events, failure: failure === null ? null : `${failure.kind}@${failure.line}` };
}

const DOC = '\ufeff{"name":"t\\u00e9 \\"q\\"","rows":[[1,"a,b]",{"x":[true,null]}],\n  [-2.5e3,"é"],\n  [1,,2]],"n":false}';

describe('JsonScanner', () => {
  const bytes = new TextEncoder().encode(DOC);
  const whole = scan(bytes, []);

  it('reports scalars, captured elements, invalid elements and ends with their lines', () => {
    expect(whole.failure).toBeNull();
    expect(whole.events).toEqual([
      'name="té \\"q\\""@1',
      'rows.0=[1,"a,b]",{"x":[true,null]}]@1',
      'rows.1=[-2500,"é"]@2',
      'invalid rows.2@3: not valid JSON',
      'end array rows',
      'n=false@3',
      'end object ',
    ]);
  });

  it('gives the same events for a split at every byte and for one-byte chunks', () => {
    for (let cut = 1; cut < bytes.length; cut++) expect(scan(bytes, [cut])).toEqual(whole);
    expect(scan(bytes, Array.from({ length: bytes.length - 1 }, (_, i) => i + 1))).toEqual(whole);
  });

  it('reports truncation at every cut short of the end, keeping the elements completed before it', () => {
    for (let cut = 4; cut < bytes.length; cut++) {
      const { events, failure } = scan(bytes.slice(0, cut), []);
      expect(failure).toMatch(/^truncated@/);
      expect(whole.events.slice(0, events.length)).toEqual(events);
    }
  });

  it('reports a syntax error with its line and stops', () => {
    const { events, failure } = scan(new TextEncoder().encode('{"rows":[[1]],\n"a" 2}'), []);
    expect(failure).toBe('syntax@2');
    expect(events).toEqual(['rows.0=[1]@1', 'end array rows']);
  });

  it('reads values concatenated back to back and on separate lines', () => {
    const { events, failure } = scan(new TextEncoder().encode('{"a":1}{"a":2}\n{"a":3} 4'), []);
    expect(failure).toBeNull();
    expect(events).toEqual(['a=1@1', 'end object ', 'a=2@1', 'end object ', 'a=3@2', 'end object ', '=4@2']);
  });
});

const LA = JSON.stringify({ tables: [{ name: 'PrimaryResult', columns: [{ name: 'n', type: 'long' }, { name: 's', type: 'string' }], rows: Array.from({ length: 50 }, (_, i) => [i, `row ${i}`]) }] });

describe('parsers: chunking, progress, cancel, truncation', () => {
  it('Log Analytics: the same table whatever the chunk boundaries', async () => {
    const reference = rowsOf((await parseLogAnalyticsApi(bytesSource(LA, 'x.json'), recordingContext())).tables[0]);
    expect(reference).toHaveLength(50);
    expect(reference[49]).toEqual([49, 'row 49']);
    for (const size of [1, 2, 3, 5, 8, 13, 100]) {
      const outcome = await parseLogAnalyticsApi(bytesSource(LA, 'x.json', size), recordingContext());
      expect(rowsOf(outcome.tables[0])).toEqual(reference);
    }
  });

  it('Event Hub bodies: a split at every byte gives the same rows', async () => {
    const record = (i: number) => ({ time: `2024-05-01T13:0${i}:00Z`, category: 'ContainerRegistryLoginEvents', operationName: 'Login', resourceId: '/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.CONTAINERREGISTRY/REGISTRIES/R', identity: `id-${i}` });
    const text = `${JSON.stringify({ records: [record(1), record(2)] })}${JSON.stringify({ records: [record(3)] })}\n${JSON.stringify(record(4))}`;
    const reference = rowsOf((await parseResourceRecords(bytesSource(text, 'PT1H.json'), recordingContext())).tables[0]);
    expect(reference.map((r) => r[5])).toEqual(['id-1', 'id-2', 'id-3', 'id-4']);
    const bytes = new TextEncoder().encode(text);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const source = { name: 'PT1H.json', size: bytes.length, async *chunks() { yield bytes.slice(0, cut); yield bytes.slice(cut); } };
      expect(rowsOf((await parseResourceRecords(source, recordingContext())).tables[0])).toEqual(reference);
    }
  });

  it('reports bytes and rows after every chunk', async () => {
    const context = recordingContext();
    await parseLogAnalyticsApi(bytesSource(LA, 'x.json', 100), context);
    const total = new TextEncoder().encode(LA).length;
    expect(context.bytes).toEqual(Array.from({ length: Math.ceil(total / 100) }, (_, i) => Math.min(total, (i + 1) * 100)));
    expect(context.rows.length).toBeGreaterThanOrEqual(context.bytes.length);
    expect(context.rows[context.rows.length - 1]).toBe(50);
    for (let i = 1; i < context.rows.length; i++) expect(context.rows[i]).toBeGreaterThanOrEqual(context.rows[i - 1]);
  });

  it('stops when cancelled, with error "cancelled" and no tables', async () => {
    let polls = 0;
    const cancel: CancelSignal = { isCancelled: () => ++polls > 3 };
    const context = recordingContext(cancel);
    const outcome = await parseLogAnalyticsApi(bytesSource(LA, 'x.json', 50), context);
    expect(outcome.error).toBe('cancelled');
    expect(outcome.tables).toEqual([]);
    expect(context.bytes).toEqual([50, 100, 150]);
  });

  it('truncated at every byte: never throws, keeps the complete rows, says the file is truncated', async () => {
    const text = JSON.stringify([
      { FrameType: 'DataSetHeader' },
      { FrameType: 'DataTable', TableId: 1, TableKind: 'PrimaryResult', TableName: 'R', Columns: [{ ColumnName: 'n', ColumnType: 'int' }], Rows: [[1], [2], [3]] },
      { FrameType: 'DataSetCompletion', HasErrors: false },
    ]);
    const rowsEnd = text.indexOf(']]') + 2;
    for (let cut = 1; cut < text.length; cut++) {
      const outcome = await parseAdxV2(bytesSource(text.slice(0, cut), 'r.json'), recordingContext());
      const rows = outcome.tables.length > 0 ? rowsOf(outcome.tables[0]).map((r) => r[0]) : [];
      const complete = [1, 2, 3].filter((n) => text.indexOf(`[${n}]`) + 3 <= cut);
      expect(rows).toEqual(complete);
      if (rows.length === 0) expect(outcome.error).toMatch(/truncated|no primary result/);
      else {
        expect(outcome.error).toBeUndefined();
        expect(outcome.warnings.join(' ')).toMatch(/truncated/);
      }
      if (cut >= rowsEnd) expect(rows).toEqual([1, 2, 3]);
    }
  });

  it('an empty or non-JSON file is a file-level error', async () => {
    expect((await parseGenericJson(bytesSource('', 'e.json'), recordingContext())).error).toBe('no JSON objects found');
    expect((await parseLogAnalyticsApi(bytesSource('\u0089PNG\r\n', 'i.png'), recordingContext())).error).toMatch(/^not valid JSON at line 1/);
    expect((await parseResourceRecords(bytesSource('a,b\n1,2\n', 'x.csv'), recordingContext())).error).toMatch(/no resource-log records/);
  });
});
