/**
 * Appends raw resource-log records (a `PT1H.json` line, an entry of `{"records":[...]}`) to
 * their Log Analytics tables: ACR log categories and metric records via `mapRecord`,
 * activity-log records via `mapActivityRecord`. Fields no documented column takes are kept
 * as extra columns after the documented ones (`properties.x` as `properties_x`), typed
 * `dynamic` when the first value is an object or array, else `string`.
 */
import type { CellInput } from '../coerce';
import type { JsonObject } from '../fieldLookup';
import { isJsonObject } from '../fieldLookup';
import { mapRecord } from '../recordMapping';
import { KNOWN_TABLES } from '../knownTables';
import { isActivityLogRecord, mapActivityRecord } from './activityLog';
import type { Destinations } from './destinations';
import type { GrowingTable } from './growingTable';

/** The column name of an extra field: `properties.userAgent` -> `properties_userAgent`. */
export function extraColumnName(field: string): string {
  return field.replace(/\./g, '_');
}

function propertiesBag(record: JsonObject): JsonObject | null {
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() !== 'properties') continue;
    const value = record[key];
    if (isJsonObject(value)) return value;
    if (typeof value === 'string') {
      try {
        const parsed: unknown = JSON.parse(value);
        return isJsonObject(parsed) ? parsed : null;
      } catch {
        return null;
      }
    }
    return null;
  }
  return null;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** Maps records and appends them to `destinations`; returns the skip reason of a record that does not load. */
export class RecordSink {
  constructor(private readonly destinations: Destinations) {}

  private addExtra(table: GrowingTable, field: string, value: unknown): void {
    if (isEmpty(value)) return;
    const name = extraColumnName(field);
    const index = table.indexOf(name) ?? table.addColumn(name, typeof value === 'object' ? 'dynamic' : 'string');
    table.set(index, value as CellInput);
    this.destinations.countExtra(table.name, name);
  }

  /** Adds one raw record; null when it loaded, else why it was skipped. */
  add(record: unknown): string | null {
    if (isActivityLogRecord(record)) {
      const mapped = mapActivityRecord(record);
      if (mapped.kind === 'skip') return mapped.reason;
      const table = this.destinations.table(mapped.table);
      for (const [column, cell] of mapped.cells) {
        const index = table.indexOf(column);
        if (index !== undefined) table.set(index, cell);
      }
      for (const [field, value] of mapped.extras) this.addExtra(table, field, value);
      table.commitRow();
      return null;
    }
    const mapped = mapRecord(record);
    switch (mapped.kind) {
      case 'skip':
        return mapped.reason;
      case 'row': {
        const table = this.destinations.table(mapped.table);
        const schema = KNOWN_TABLES.get(mapped.table) ?? [];
        schema.forEach((column, i) => table.set(table.indexOf(column.name) ?? table.addColumn(column.name, column.type), mapped.row[i]));
        const raw = record as JsonObject;
        const bag = mapped.unmappedFields.some((f) => f.startsWith('properties.')) ? propertiesBag(raw) : null;
        for (const field of mapped.unmappedFields) {
          const value = field.startsWith('properties.') ? bag?.[field.slice('properties.'.length)] : raw[field];
          this.addExtra(table, field, value);
        }
        table.commitRow();
        return null;
      }
      default: {
        const never: never = mapped;
        return never;
      }
    }
  }
}
