/**
 * The one mapper of raw resource-log records, shared by both resource-log parsers (the
 * `PT1H.json` line parser and the streaming `{"records":[...]}` parser): activity-log records
 * (`insights-activity-logs`) go to `AzureActivity` through `mapActivityRecord`; every other
 * record through `mapRecord` (ACR categories, metrics).
 */
import { AZURE_ACTIVITY, KNOWN_TABLES } from '../knownTables';
import type { RecordMapping } from '../recordMapping';
import { mapRecord } from '../recordMapping';
import { isActivityLogRecord, mapActivityRecord } from './activityLog';

/** Maps any raw resource-log record (log, metric or activity-log record) to a row of its table. */
export function mapResourceRecord(record: unknown): RecordMapping {
  if (!isActivityLogRecord(record)) return mapRecord(record);
  const mapped = mapActivityRecord(record);
  if (mapped.kind === 'skip') return mapped;
  const schema = KNOWN_TABLES.get(AZURE_ACTIVITY) ?? [];
  const row = schema.map((column) => mapped.cells.get(column.name) ?? null);
  const extraFields = [...mapped.extras].map(([key, value]) => ({ key, value, nested: false }));
  return { kind: 'row', table: AZURE_ACTIVITY, row, unmappedFields: extraFields.map((f) => f.key), extraFields };
}
