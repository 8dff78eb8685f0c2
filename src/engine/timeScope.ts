/**
 * The time range of a run (the page's time-range picker, as in Log Analytics): applied at
 * execution to every catalog-table scan whose table has a `datetime` `TimeGenerated` column,
 * never baked into the lowered plan (plans are cached by query text). Also the time bounds of
 * a loaded table, which the page uses for "now = newest event" and to explain empty results.
 */
import type { NumericColumn } from './table/column';
import type { Table } from './table/table';
import { msFromTicks, ticksFromMs } from './types/datetime';
import type { Relation } from './operators/relation';
import { relationOfTable, selectPositions } from './operators/relation';

/** The column the time range applies to. */
export const TIME_COLUMN_NAME = 'TimeGenerated';

/**
 * An inclusive range of instants, in milliseconds since the Unix epoch: a row is kept when
 * `fromMs <= TimeGenerated <= toMs` (as `between` would); a null `TimeGenerated` is never kept.
 */
export interface TimeRange {
  readonly fromMs: number;
  readonly toMs: number;
}

/** The oldest and newest non-null `TimeGenerated` of a table, in milliseconds since the epoch. */
export interface TimeBounds {
  readonly minMs: number;
  readonly maxMs: number;
}

/** The table's `TimeGenerated` column when it is a `datetime` column, else null. */
export function timeColumnOf(table: Table): NumericColumn | null {
  const index = table.schema.findIndex((c) => c.name === TIME_COLUMN_NAME && c.type === 'datetime');
  if (index < 0) return null;
  const column = table.columns[index];
  return column.kind === 'number' ? column : null;
}

/**
 * Positions of the rows of `column` inside `range` (ascending), or null when every row is
 * inside (the caller then keeps the table as it is, without an index vector).
 */
export function rowsInTimeRange(column: NumericColumn, range: TimeRange): Int32Array | null {
  const from = ticksFromMs(range.fromMs);
  const to = ticksFromMs(range.toMs);
  const { data, nulls, length } = column;
  const kept = new Int32Array(length);
  let count = 0;
  for (let i = 0; i < length; i++) {
    const t = data[i];
    // NaN-safe: a comparison with NaN is false, so such a row is dropped like a null.
    if (t >= from && t <= to && (nulls === null || nulls[i] === 0)) kept[count++] = i;
  }
  return count === length ? null : kept.slice(0, count);
}

/**
 * A catalog table as the relation a scan starts from: the whole table without a range or
 * without a `datetime` `TimeGenerated` column, else a selection of its rows inside `range`.
 */
export function scanInTimeRange(table: Table, range: TimeRange | undefined): Relation {
  const whole = relationOfTable(table);
  if (range === undefined) return whole;
  const column = timeColumnOf(table);
  if (column === null) return whole;
  const positions = rowsInTimeRange(column, range);
  return positions === null ? whole : selectPositions(whole, positions);
}

const boundsCache = new WeakMap<Table, TimeBounds | null>();

/**
 * The oldest and newest non-null `TimeGenerated` of `table` (null without a `datetime`
 * `TimeGenerated` column or without a non-null value). Cached per table object: tables are
 * immutable, appending rows makes a new one.
 */
export function timeBoundsOf(table: Table): TimeBounds | null {
  const cached = boundsCache.get(table);
  if (cached !== undefined) return cached;
  const column = timeColumnOf(table);
  let bounds: TimeBounds | null = null;
  if (column !== null) {
    let min = Infinity;
    let max = -Infinity;
    const { data, nulls, length } = column;
    for (let i = 0; i < length; i++) {
      if (nulls !== null && nulls[i] !== 0) continue;
      const t = data[i];
      if (t < min) min = t;
      if (t > max) max = t;
    }
    // Rounded outwards, so a range ending at `maxMs` includes the newest event.
    if (min <= max) bounds = { minMs: Math.floor(msFromTicks(min)), maxMs: Math.ceil(msFromTicks(max)) };
  }
  boundsCache.set(table, bounds);
  return bounds;
}
