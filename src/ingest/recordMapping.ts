/**
 * Maps one raw resource-log record (a `PT1H.json` line or an entry of `{"records":[...]}`)
 * to a row of its Log Analytics table (shared/docs/acr-logs.md §2.4).
 */
import type { ColumnSchema } from '../engine/table/column';
import { AZURE_METRICS, CATEGORY_TO_TABLE, KNOWN_TABLES } from './knownTables';
import { parseResourceId, unitOfMetric } from './acrMetrics';
import type { CellInput } from './coerce';
import { coerceCell } from './coerce';
import type { JsonObject } from './fieldLookup';
import { FieldLookup } from './fieldLookup';
import { parseIsoDatetime } from '../engine/types/datetime';

/** The outcome of mapping one record: a row of `table` in its schema order, or why it was skipped. */
export type RecordMapping =
  | {
      readonly kind: 'row';
      readonly table: string;
      readonly row: CellInput[];
      /** Names of the fields no documented column takes; nested ones as `properties.<key>`. */
      readonly unmappedFields: string[];
      /** The same fields with their values (`nested` for those inside `properties`), to keep as extra columns. */
      readonly extraFields: readonly ExtraField[];
    }
  | { readonly kind: 'skip'; readonly reason: string };

/** A raw field that no documented column takes. */
export interface ExtraField {
  readonly key: string;
  readonly value: unknown;
  /** True when the field sits inside the record's `properties` bag. */
  readonly nested: boolean;
}

/** What a column's value is computed from, besides the record's fields. */
interface RecordContext {
  readonly fields: FieldLookup;
  readonly table: string;
  readonly timeTicks: number;
  readonly resourceId: string;
}

type ColumnResolver = (context: RecordContext, column: ColumnSchema) => CellInput;

/** The column's own name, looked up case-insensitively (top level, then `properties`). */
const byName: ColumnResolver = (c, column) => coerceCell(c.fields.get(column.name.toLowerCase()), column.type);
const constant = (value: CellInput): ColumnResolver => () => value;
const timeGenerated: ColumnResolver = (c) => c.timeTicks;
const tableName: ColumnResolver = (c) => c.table;
const lowerResourceId: ColumnResolver = (c) => c.resourceId.toLowerCase();

/** Columns shared by every table loaded from resource logs. */
const COMMON_RESOLVERS: Readonly<Record<string, ColumnResolver>> = {
  // Why: TenantId is the Log Analytics workspace ID, stamped at ingestion; a raw blob has none
  // (a raw `tenantId` field is the caller's Entra tenant, a different thing).
  TenantId: constant(''),
  SourceSystem: constant('Azure'),
  TimeGenerated: timeGenerated,
  Type: tableName,
  _ResourceId: lowerResourceId,
};

const LOG_RESOLVERS: Readonly<Record<string, ColumnResolver>> = {
  ...COMMON_RESOLVERS,
  Region: (c, column) => coerceCell(c.fields.get('location') ?? c.fields.get('region'), column.type),
};

const resourcePart = (part: 'subscriptionId' | 'resourceGroup' | 'resourceProvider' | 'resource', upper: boolean): ColumnResolver =>
  (c) => {
    const text = parseResourceId(c.resourceId)[part];
    return upper ? text.toUpperCase() : text.toLowerCase();
  };

const METRIC_RESOLVERS: Readonly<Record<string, ColumnResolver>> = {
  ...COMMON_RESOLVERS,
  ResourceId: (c) => c.resourceId.toUpperCase(),
  SubscriptionId: resourcePart('subscriptionId', false),
  ResourceGroup: resourcePart('resourceGroup', true),
  ResourceProvider: resourcePart('resourceProvider', true),
  Resource: resourcePart('resource', true),
  UnitName: (c) => {
    const given = c.fields.get('unitname') ?? c.fields.get('unit');
    const metricName = c.fields.get('metricname');
    return typeof given === 'string' && given !== '' ? given : typeof metricName === 'string' ? unitOfMetric(metricName) : '';
  },
};

function schemaOf(table: string): readonly ColumnSchema[] {
  const schema = KNOWN_TABLES.get(table);
  if (schema === undefined) throw new Error(`no known schema for table ${table}`);
  return schema;
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Maps a parsed record. Metric records (with `metricName`) go to `AzureMetrics`; log records
 * to the table of their `category`. Every column of the known schema gets a value (empty
 * string / null when the record lacks it); fields no column takes are listed in `unmappedFields`.
 */
export function mapRecord(record: unknown): RecordMapping {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { kind: 'skip', reason: 'not a JSON object' };
  }
  const fields = new FieldLookup(record as JsonObject);
  const time = fields.get('time');
  if (time === undefined || time === null || time === '') return { kind: 'skip', reason: 'no time field' };
  const timeTicks = typeof time === 'string' ? parseIsoDatetime(time) : null;
  if (timeTicks === null) return { kind: 'skip', reason: `time is not an ISO 8601 datetime: ${describe(time)}` };

  const isMetric = fields.has('metricname');
  let table: string;
  if (isMetric) {
    table = AZURE_METRICS;
  } else {
    const category = fields.get('category');
    if (typeof category !== 'string' || category === '') return { kind: 'skip', reason: 'no category field' };
    const known = CATEGORY_TO_TABLE.get(category.toLowerCase());
    if (known === undefined) return { kind: 'skip', reason: `unknown category: ${describe(category)}` };
    table = known;
  }
  const resourceIdValue = fields.get('resourceid');
  const context: RecordContext = {
    fields,
    table,
    timeTicks,
    resourceId: typeof resourceIdValue === 'string' ? resourceIdValue : '',
  };
  const resolvers = isMetric ? METRIC_RESOLVERS : LOG_RESOLVERS;
  const row = schemaOf(table).map((column) => (resolvers[column.name] ?? byName)(context, column));
  const extraFields = fields.unusedFields();
  const unmappedFields = extraFields.map((f) => (f.nested ? `properties.${f.key}` : f.key));
  return { kind: 'row', table, row, unmappedFields, extraFields };
}
