/**
 * Appends raw resource-log records (a `PT1H.json` line, an entry of `{"records":[...]}`) to
 * their Log Analytics tables: ACR log categories and metric records via `mapRecord`,
 * activity-log records via `mapActivityRecord` (see `mapResourceRecord`).
 *
 * Why a `RowCollector` underneath: the `PT1H.json` line parser uses the same one, so both
 * resource-log parsers build the same tables from the same records. Fields no documented
 * column takes are kept as extra columns by `ExtraColumns` (`../load/extraColumns`): a
 * top-level key as is, `properties.x` as `properties_x`, a name clashing case-insensitively
 * with another column prefixed `raw_` (with a warning), typed from all the column's values.
 */
import { RowCollector } from '../rowCollector';
import type { Table } from '../../engine/table/table';
import { mapResourceRecord } from './resourceRecordMapper';

/** Maps records and appends them to their tables; returns the skip reason of a record that does not load. */
export class RecordSink {
  private readonly collector = new RowCollector(mapResourceRecord);

  /** Adds one raw record; null when it loaded, else why it was skipped. */
  add(record: unknown): string | null {
    return this.collector.load(record);
  }

  /** Rows loaded so far, over all tables. */
  get rowCount(): number {
    return this.collector.rows;
  }

  /** Per table, per extra column: how many rows carried the field it keeps. */
  get extraColumns(): Record<string, Record<string, number>> {
    return this.collector.extraColumns;
  }

  /** Notes for fields whose extra column got another name than the field (a clash). */
  get warnings(): string[] {
    return this.collector.warnings;
  }

  /** The tables that received rows, in order of first row; extra columns after the documented ones. */
  finish(): Table[] {
    return this.collector.finish();
  }
}
