import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rowsOf } from '../../engine/table/rows';
import { tableNamed } from '../testHelpers';
import { parseLogAnalyticsApi } from './logAnalyticsApi';
import { parseAdxV1 } from './adxV1';
import { parseAdxV2 } from './adxV2';
import { bytesSource, recordingContext } from './testSources';
import { ticksFromMs } from '../../engine/types/datetime';

/** `src/ingest/testdata/shared/`: the team's shared fixtures, copied into the repository. */
const fixture = (name: string, chunkSize?: number) =>
  bytesSource(new Uint8Array(readFileSync(fileURLToPath(new URL(`../testdata/shared/${name}`, import.meta.url)))), name, chunkSize);

const utc = (...parts: [number, number, number, number?, number?, number?]): number => {
  const [y, mo, d, h = 0, mi = 0, s = 0] = parts;
  return ticksFromMs(Date.UTC(y, mo - 1, d, h, mi, s));
};
const DAY = 864_000_000_000;
const SECOND = 10_000_000;

describe('Log Analytics query API fixture (oms-get-example.json)', () => {
  for (const chunkSize of [undefined, 1, 7, 64]) {
    it(`loads the Usage rows with the declared types (chunks of ${chunkSize ?? 'all'} bytes)`, async () => {
      const outcome = await parseLogAnalyticsApi(fixture('loganalytics-api-response-oms-get-example.json', chunkSize), recordingContext());
      expect(outcome.error).toBeUndefined();
      expect(outcome.format).toBe('loganalytics-api');
      expect(outcome.tables.map((t) => t.name)).toEqual(['Usage']);
      const usage = tableNamed(outcome.tables, 'Usage');
      expect(usage.schema.map((c) => `${c.name}:${c.type}`)).toEqual([
        'TenantId:string', 'Computer:string', 'TimeGenerated:datetime', 'SourceSystem:string', 'StartTime:datetime',
        'EndTime:datetime', 'ResourceUri:string', 'LinkedResourceUri:string', 'DataType:string', 'Solution:string',
        'BatchesWithinSla:long', 'BatchesOutsideSla:long', 'BatchesCapped:long', 'TotalBatches:long',
        'AvgLatencyInSeconds:real', 'Quantity:real', 'QuantityUnit:string', 'IsBillable:bool', 'MeterId:string',
        'LinkedMeterId:string', 'Type:string',
      ]);
      const uri = '/subscriptions/e4272367-5645-4c4e-9c67-3b74b59a6982/resourcegroups/contosoazurehq/providers/microsoft.operationalinsights/workspaces/contosoretail-it';
      const common = (computer: string, latency: number, quantity: number): unknown[] => [
        'b438b4f6-912a-46d5-9cb1-b44069212abc', computer, utc(2017, 8, 24, 6, 59, 59), 'OMS', utc(2017, 8, 24, 6),
        utc(2017, 8, 24, 6, 59, 59), uri, '', 'Perf', 'LogManagement', 1, 0, 0, 1, latency, quantity, 'MBytes', true,
        'a4e29a95-5b4c-408b-80e3-113f9410566e', '00000000-0000-0000-0000-000000000000', 'Usage',
      ];
      expect(rowsOf(usage)).toEqual([common('ContosoSQLSrv1', 1.286, 0.076408), common('Store010Web3', 1.7, 0.106767)]);
      expect(outcome.skippedCount).toBe(0);
      expect(outcome.warnings).toEqual([]);
    });
  }
});

describe('Kusto v1 fixture (adminthenquery.json)', () => {
  it('loads only the query result named by the TableOfContents, named after the file', async () => {
    const outcome = await parseAdxV1(fixture('kusto-v1-response-adminthenquery.json', 5), recordingContext());
    expect(outcome.error).toBeUndefined();
    expect(outcome.tables.map((t) => t.name)).toEqual(['kusto_v1_response_adminthenquery']);
    const [table] = outcome.tables;
    expect(table.schema).toEqual([{ name: 'DatabaseName', type: 'string' }, { name: 'TableName', type: 'string' }]);
    expect(rowsOf(table)).toEqual([['Kuskus', 'KustoLogs'], ['Kuskus', 'LiorTmp']]);
    expect(outcome.warnings).toEqual(['table Table_1 is not a query result: ignored', 'table Table_2 is not a query result: ignored']);
  });
});

describe('Kusto v2 fixture (deft.json)', () => {
  it('loads the PrimaryResult table Deft with every type, nulls and negative timespans', async () => {
    const outcome = await parseAdxV2(fixture('kusto-v2-response-deft.json', 13), recordingContext());
    expect(outcome.error).toBeUndefined();
    expect(outcome.tables.map((t) => t.name)).toEqual(['kusto_v2_response_deft']);
    const [table] = outcome.tables;
    expect(table.schema.map((c) => `${c.name}:${c.type}`)).toEqual([
      'rownumber:int', 'rowguid:string', 'xdouble:real', 'xfloat:real', 'xbool:bool', 'xint16:int', 'xint32:int',
      'xint64:long', 'xuint8:long', 'xuint16:long', 'xuint32:long', 'xuint64:long', 'xdate:datetime',
      'xsmalltext:string', 'xtext:string', 'xnumberAsText:string', 'xtime:timespan', 'xtextWithNulls:string',
      'xdynamicWithNulls:dynamic',
    ]);
    const rows = rowsOf(table);
    expect(rows).toHaveLength(11);
    expect(rows[0]).toEqual([null, '', null, null, null, null, null, null, null, null, null, null, null, '', '', '', null, '', null]);
    const words = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];
    for (let k = 0; k <= 9; k++) {
      const span = k * DAY + k * SECOND + k * 10_000 + k; // k.00:00:0k.00k000k
      expect(rows[k + 1]).toEqual([
        k, `0000000${k}-0000-0000-0001-020304050607`, Number(`${k}.000${k}`), Number(`${k}.0${k}`), k % 2 === 1, k, k, k, k, k, k, k,
        utc(2014 + k, 1, 1, 1, 1, 1), words[k], words[k], String(k), k % 2 === 0 && k > 0 ? -span : span, '',
        k === 0 ? null : { rowId: k, arr: [0, k] },
      ]);
    }
    expect(outcome.warnings).toEqual([
      'table @ExtendedProperties (QueryProperties) is not a primary result: ignored',
      'table QueryCompletionInformation (QueryCompletionInformation) is not a primary result: ignored',
    ]);
  });
});
