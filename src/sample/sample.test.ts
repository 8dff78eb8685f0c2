import { beforeAll, describe, expect, test } from 'vitest';
import type { Column } from '../engine/table/column';
import type { Table } from '../engine/table/table';
import { TICKS_PER_MILLISECOND } from '../engine/types/scalarType';
import { msFromTicks, ticksFromMs } from '../engine/types/datetime';
import {
  AZURE_METRICS, CONTAINER_REGISTRY_LOGIN_EVENTS, CONTAINER_REGISTRY_REPOSITORY_EVENTS, EVENT, KNOWN_TABLES, SYSLOG,
} from '../ingest/knownTables';
import { DEFAULT_SAMPLE_SEED, generateSampleTables } from './index';
import { numbersOf, tableNamed, textsOf } from './testTables';

const ANCHOR_MS = Date.UTC(2025, 4, 14, 10, 30, 12, 345);
const DAY_MS = 86_400_000;
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Byte-wise equality of two columns (typed arrays compared as buffers: toEqual on them is slow). */
function sameColumn(a: Column, b: Column): boolean {
  const bytes = (view: ArrayBufferView): Buffer => Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  if (a.kind === 'number' && b.kind === 'number') {
    return a.type === b.type && bytes(a.data).equals(bytes(b.data)) && (a.nulls === null ? b.nulls === null : b.nulls !== null && bytes(a.nulls).equals(bytes(b.nulls)));
  }
  if (a.kind === 'string' && b.kind === 'string') {
    return a.type === b.type && bytes(a.codes).equals(bytes(b.codes)) && a.dict.length === b.dict.length && a.dict.every((v, i) => v === b.dict[i]);
  }
  return false;
}

let tables: Table[];
let repo: Table;
let login: Table;
let metrics: Table;

beforeAll(() => {
  const started = performance.now();
  tables = generateSampleTables({ seed: DEFAULT_SAMPLE_SEED, anchorMs: ANCHOR_MS });
  const elapsed = performance.now() - started;
  console.log(`sample generated in ${elapsed.toFixed(0)} ms: ${tables.map((t) => `${t.name}=${t.rowCount}`).join(', ')}`);
  repo = tableNamed(tables, CONTAINER_REGISTRY_REPOSITORY_EVENTS);
  login = tableNamed(tables, CONTAINER_REGISTRY_LOGIN_EVENTS);
  metrics = tableNamed(tables, AZURE_METRICS);
});

describe('shape', () => {
  test('the five known tables, in order, with exactly the known schemas', () => {
    expect(tables.map((t) => t.name)).toEqual([CONTAINER_REGISTRY_REPOSITORY_EVENTS, CONTAINER_REGISTRY_LOGIN_EVENTS, AZURE_METRICS, EVENT, SYSLOG]);
    for (const table of tables) {
      const known = KNOWN_TABLES.get(table.name);
      expect(table.schema).toEqual(known);
      expect(table.columns.length).toBe(table.schema.length);
      table.columns.forEach((column, i) => {
        expect(column.type, `${table.name}.${table.schema[i].name}`).toBe(table.schema[i].type);
        expect(column.length, `${table.name}.${table.schema[i].name}`).toBe(table.rowCount);
      });
    }
  });

  test('string dictionaries hold each value once', () => {
    for (const table of tables) {
      for (const column of table.columns) {
        if (column.kind === 'string') expect(new Set(column.dict).size).toBe(column.dict.length);
      }
    }
  });

  test('at least 50,000 repository events at scale 1, and small host tables', () => {
    expect(repo.rowCount).toBeGreaterThanOrEqual(50_000);
    expect(login.rowCount).toBeGreaterThan(500);
    for (const name of [EVENT, SYSLOG]) {
      const rows = tableNamed(tables, name).rowCount;
      expect(rows).toBeGreaterThanOrEqual(200);
      expect(rows).toBeLessThanOrEqual(3000);
    }
  });

  test('constant columns: workspace, source system, type, category, resource ids', () => {
    for (const table of [repo, login]) {
      expect(new Set(textsOf(table, 'Type'))).toEqual(new Set([table.name]));
      expect(new Set(textsOf(table, 'Category'))).toEqual(new Set([table.name]));
      expect(new Set(textsOf(table, 'SourceSystem'))).toEqual(new Set(['Azure']));
      expect(new Set(textsOf(table, 'LoginServer'))).toEqual(new Set(['contosoacr.azurecr.io']));
    }
    const tenants = new Set(tables.flatMap((t) => textsOf(t, 'TenantId')));
    expect(tenants.size).toBe(1);
    expect([...tenants][0]).toMatch(GUID_RE);
    const resourceIds = new Set([...textsOf(repo, '_ResourceId'), ...textsOf(login, '_ResourceId'), ...textsOf(metrics, '_ResourceId')]);
    expect(resourceIds.size).toBe(1);
    const lower = [...resourceIds][0];
    expect(lower).toBe(lower.toLowerCase());
    expect(lower).toMatch(/^\/subscriptions\/[0-9a-f-]{36}\/resourcegroups\/[^/]+\/providers\/microsoft\.containerregistry\/registries\/contosoacr$/);
    expect(new Set(textsOf(metrics, 'ResourceId'))).toEqual(new Set([lower.toUpperCase()]));
    expect(new Set(textsOf(metrics, 'ResourceProvider'))).toEqual(new Set(['MICROSOFT.CONTAINERREGISTRY']));
    expect(new Set(textsOf(metrics, 'Resource'))).toEqual(new Set(['CONTOSOACR']));
  });
});

describe('time', () => {
  test('every TimeGenerated lies in [anchor - 7d, anchor] and rows ascend', () => {
    const lo = ticksFromMs(ANCHOR_MS - 7 * DAY_MS);
    const hi = ticksFromMs(ANCHOR_MS);
    for (const table of tables) {
      const times = numbersOf(table, 'TimeGenerated');
      let previous = -Infinity;
      for (const t of times) {
        expect(t).not.toBeNull();
        const v = t as number;
        if (v < lo || v > hi) throw new Error(`${table.name}: ${v} outside the window`);
        if (v < previous) throw new Error(`${table.name}: rows not in ascending TimeGenerated`);
        previous = v;
      }
    }
    const eventTimes = numbersOf(tableNamed(tables, SYSLOG), 'EventTime') as number[];
    expect(eventTimes.every((t) => t >= lo && t <= hi)).toBe(true);
  });

  test('the data reaches close to the anchor and covers the whole week', () => {
    const hourAgo = ticksFromMs(ANCHOR_MS - 3_600_000);
    const dayTicks = DAY_MS * TICKS_PER_MILLISECOND;
    for (const table of [repo, login]) {
      const times = numbersOf(table, 'TimeGenerated') as number[];
      expect(times.filter((t) => t > hourAgo).length, table.name).toBeGreaterThan(0);
      expect(times[0] - (ticksFromMs(ANCHOR_MS) - 7 * dayTicks)).toBeLessThan(dayTicks / 24);
    }
  });

  test('union Event, Syslog | where TimeGenerated > ago(1h) | where EventLevelName == "Error" or SeverityLevel == "err" has rows', () => {
    const hourAgo = ticksFromMs(ANCHOR_MS - 3_600_000);
    const recentErrors = (table: Table, column: string, value: string): number => {
      const times = numbersOf(table, 'TimeGenerated') as number[];
      const levels = textsOf(table, column);
      return times.filter((t, i) => t > hourAgo && levels[i] === value).length;
    };
    expect(recentErrors(tableNamed(tables, EVENT), 'EventLevelName', 'Error')).toBeGreaterThan(0);
    expect(recentErrors(tableNamed(tables, SYSLOG), 'SeverityLevel', 'err')).toBeGreaterThan(0);
  });

  test('pushes happen mostly on weekday working hours, pulls around the clock', () => {
    const times = numbersOf(repo, 'TimeGenerated') as number[];
    const ops = textsOf(repo, 'OperationName');
    const busy = (t: number): boolean => {
      const d = new Date(msFromTicks(t));
      return d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && d.getUTCHours() >= 7 && d.getUTCHours() < 22;
    };
    const share = (op: string): number => {
      const rows = times.filter((_, i) => ops[i] === op);
      return rows.filter(busy).length / rows.length;
    };
    expect(share('Push')).toBeGreaterThan(0.8);
    expect(share('Pull')).toBeLessThan(0.75);
  });
});

describe('determinism', () => {
  test('same seed and anchor give identical tables', () => {
    const again = generateSampleTables({ seed: DEFAULT_SAMPLE_SEED, anchorMs: ANCHOR_MS });
    expect(again.length).toBe(tables.length);
    again.forEach((table, i) => {
      expect(table.rowCount).toBe(tables[i].rowCount);
      table.columns.forEach((column, c) => expect(sameColumn(column, tables[i].columns[c]), `${table.name}.${table.schema[c].name}`).toBe(true));
    });
  });

  test('a different seed gives different rows', () => {
    const a = generateSampleTables({ seed: 1, anchorMs: ANCHOR_MS, days: 1 });
    const b = generateSampleTables({ seed: 2, anchorMs: ANCHOR_MS, days: 1 });
    const ta = tableNamed(a, CONTAINER_REGISTRY_REPOSITORY_EVENTS);
    const tb = tableNamed(b, CONTAINER_REGISTRY_REPOSITORY_EVENTS);
    expect(numbersOf(ta, 'TimeGenerated').slice(0, 50)).not.toEqual(numbersOf(tb, 'TimeGenerated').slice(0, 50));
    expect(textsOf(ta, 'CorrelationId').slice(0, 50)).not.toEqual(textsOf(tb, 'CorrelationId').slice(0, 50));
  });

  test('volume grows linearly with scale', () => {
    const rows = (scale: number): number => tableNamed(generateSampleTables({ seed: 5, anchorMs: ANCHOR_MS, days: 1, scale }), CONTAINER_REGISTRY_REPOSITORY_EVENTS).rowCount;
    const one = rows(1);
    const three = rows(3);
    expect(three / one).toBeGreaterThan(2.6);
    expect(three / one).toBeLessThan(3.3);
  });

  test('invalid options are refused', () => {
    expect(() => generateSampleTables({ seed: 1, anchorMs: Number.NaN })).toThrow(RangeError);
    expect(() => generateSampleTables({ seed: 1, anchorMs: Date.UTC(10_000, 0, 1) })).toThrow(RangeError);
    expect(() => generateSampleTables({ seed: 1, anchorMs: ANCHOR_MS, days: 0 })).toThrow(RangeError);
    expect(() => generateSampleTables({ seed: 1, anchorMs: ANCHOR_MS, scale: -1 })).toThrow(RangeError);
  });
});
