/**
 * The catalog every golden case runs against: one small table, `Events`, and a fixed `now()`.
 *
 * Events (8 rows; the row number `#` is not a column):
 *
 * | # | Timestamp            | Kind   | Repository | Status | DurationMs | SizeBytes | Success | CorrelationId                        | Props                 | Latency     |
 * |---|----------------------|--------|------------|--------|------------|-----------|---------|--------------------------------------|-----------------------|-------------|
 * | 1 | 2024-01-15T10:00:00Z | Push   | app/web    | 200    | 120.5      | 1000      | true    | 00000000-0000-0000-0000-000000000001 | {"tag":"v1"}          | 00:00:01    |
 * | 2 | 2024-01-15T10:05:00Z | Pull   | app/web    | 200    | 30         | 500       | true    | 00000000-0000-0000-0000-000000000002 | {"tag":"v1"}          | 00:00:00.5  |
 * | 3 | 2024-01-15T10:10:00Z | Pull   | app/api    | 404    | 15.25      | null      | false   | 00000000-0000-0000-0000-000000000003 | null                  | null        |
 * | 4 | 2024-01-15T11:00:00Z | Delete | app/api    | 202    | null       | 0         | true    | null                                 | {"tag":"v2","n":2}    | 00:00:02    |
 * | 5 | 2024-01-15T11:30:00Z | Pull   | ""         | 401    | 5          | 20        | false   | 00000000-0000-0000-0000-000000000005 | []                    | 00:00:00.1  |
 * | 6 | 2024-01-14T23:59:59Z | Push   | lib/core   | 500    | 900.75     | 123456789 | false   | 00000000-0000-0000-0000-000000000006 | {"tag":null}          | 00:01:00    |
 * | 7 | null                 | Pull   | App/Web    | null   | 30         | 2048      | null    | 00000000-0000-0000-0000-000000000007 | "text"                | 00:00:03    |
 * | 8 | 2024-01-15T12:00:00Z | Login  | ""         | 200    | 0          | null      | true    | 00000000-0000-0000-0000-000000000008 | {"user":"a"}          | 00:00:00    |
 *
 * Types: Timestamp datetime, Kind string, Repository string, Status int, DurationMs real,
 * SizeBytes long, Success bool, CorrelationId guid, Props dynamic, Latency timespan.
 * Edge cases on purpose: a null in every nullable column, empty strings (rows 5, 8), a
 * repository differing only in case (`App/Web`, row 7), a tie on DurationMs (30, rows 2 and 7),
 * a zero (row 8), a row the day before (row 6) and one exactly at `now()` (row 8).
 * Rows are stored in this order, so `Events | take 3` gives rows 1-3.
 *
 * Do not change existing rows: other engineers' cases depend on them. Add a new table instead.
 */
import type { Catalog, ColumnSchema, DynamicValue } from '../../src/engine';
import { catalogOf, tableFromRows } from '../../src/engine';
import { parseIsoDatetime, parseTimespan } from '../../src/engine/types/datetime';

/** `now()` of every golden query: 2024-01-15T12:00:00Z, in milliseconds since the Unix epoch. */
export const GOLDEN_NOW_MS = Date.UTC(2024, 0, 15, 12, 0, 0);

/** The schema of `Events`. */
export const EVENTS_SCHEMA: readonly ColumnSchema[] = [
  { name: 'Timestamp', type: 'datetime' },
  { name: 'Kind', type: 'string' },
  { name: 'Repository', type: 'string' },
  { name: 'Status', type: 'int' },
  { name: 'DurationMs', type: 'real' },
  { name: 'SizeBytes', type: 'long' },
  { name: 'Success', type: 'bool' },
  { name: 'CorrelationId', type: 'guid' },
  { name: 'Props', type: 'dynamic' },
  { name: 'Latency', type: 'timespan' },
];

type Row = [string | null, string, string, number | null, number | null, number | null, boolean | null, string | null, DynamicValue, string | null];

const guid = (n: number): string => `00000000-0000-0000-0000-00000000000${n}`;

const EVENTS_ROWS: readonly Row[] = [
  ['2024-01-15T10:00:00Z', 'Push', 'app/web', 200, 120.5, 1000, true, guid(1), { tag: 'v1' }, '00:00:01'],
  ['2024-01-15T10:05:00Z', 'Pull', 'app/web', 200, 30, 500, true, guid(2), { tag: 'v1' }, '00:00:00.5'],
  ['2024-01-15T10:10:00Z', 'Pull', 'app/api', 404, 15.25, null, false, guid(3), null, null],
  ['2024-01-15T11:00:00Z', 'Delete', 'app/api', 202, null, 0, true, null, { tag: 'v2', n: 2 }, '00:00:02'],
  ['2024-01-15T11:30:00Z', 'Pull', '', 401, 5, 20, false, guid(5), [], '00:00:00.1'],
  ['2024-01-14T23:59:59Z', 'Push', 'lib/core', 500, 900.75, 123456789, false, guid(6), { tag: null }, '00:01:00'],
  [null, 'Pull', 'App/Web', null, 30, 2048, null, guid(7), 'text', '00:00:03'],
  ['2024-01-15T12:00:00Z', 'Login', '', 200, 0, null, true, guid(8), { user: 'a' }, '00:00:00'],
];

function ticksOr(parse: (text: string) => number | null, text: string | null): number | null {
  if (text === null) return null;
  const ticks = parse(text);
  if (ticks === null) throw new Error(`golden catalog: cannot parse ${text}`);
  return ticks;
}

/** Builds a fresh golden catalog (tables are immutable, so one instance may be shared). */
export function goldenCatalog(): Catalog {
  const rows = EVENTS_ROWS.map(([ts, kind, repo, status, duration, size, success, id, props, latency]) => [
    ticksOr(parseIsoDatetime, ts), kind, repo, status, duration, size,
    success === null ? null : success ? 1 : 0, id, props, ticksOr(parseTimespan, latency),
  ]);
  return catalogOf([tableFromRows('Events', EVENTS_SCHEMA, rows)]);
}
