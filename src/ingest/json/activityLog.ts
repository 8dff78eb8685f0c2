/**
 * Activity-log records (`insights-activity-logs` blobs and Event Hub bodies: the registry's
 * create, update, delete and other management events) mapped to Azure Monitor's
 * `AzureActivity` table. The raw record follows the resource-log schema; the mapping to the
 * Activity Log event schema is the table "Schema from storage account and event hubs" of
 * azure-monitor-docs `activity-log-schema.md`:
 * time <- eventTimestamp, operationName <- operationName.value, resultType <- status.value,
 * resultSignature <- subStatus.value, callerIpAddress <- httpRequest.clientIpAddress,
 * identity <- claims and authorization, properties.eventCategory <- category, ...
 */
import type { DynamicValue } from '../../engine/table/column';
import { parseIsoDatetime } from '../../engine/types/datetime';
import type { CellInput } from '../coerce';
import { parseResourceId } from '../acrMetrics';
import type { JsonObject } from '../fieldLookup';
import { isJsonObject, objectField } from '../fieldLookup';
import { AZURE_ACTIVITY } from '../knownTables';

/** Activity-log categories (the `category` of a raw record, or `properties.eventCategory`). */
export const ACTIVITY_CATEGORIES: ReadonlySet<string> = new Set([
  'administrative', 'servicehealth', 'resourcehealth', 'alert', 'autoscale', 'recommendation', 'security', 'policy',
]);

/** A mapped activity record: cells by AzureActivity column, and raw fields no column takes. */
export type ActivityMapping =
  | { readonly kind: 'row'; readonly table: typeof AZURE_ACTIVITY; readonly cells: ReadonlyMap<string, CellInput>; readonly extras: ReadonlyMap<string, unknown> }
  | { readonly kind: 'skip'; readonly reason: string };

const CLAIM_UPN = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn';
const CLAIM_OBJECT_ID = 'http://schemas.microsoft.com/identity/claims/objectidentifier';

/** The record's top-level fields by lower-case key (first spelling wins). */
function lowerKeys(record: JsonObject): Map<string, { key: string; value: unknown }> {
  const fields = new Map<string, { key: string; value: unknown }>();
  for (const key of Object.keys(record)) if (!fields.has(key.toLowerCase())) fields.set(key.toLowerCase(), { key, value: record[key] });
  return fields;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A field of an object by case-insensitive key. */
function member(object: JsonObject | null, lowerName: string): unknown {
  if (object === null) return undefined;
  for (const key of Object.keys(object)) if (key.toLowerCase() === lowerName) return object[key];
  return undefined;
}

/**
 * True for a raw activity-log record: not a metric, and a `category` that is an activity-log
 * category (`Administrative`, `Policy`, ...) or a `properties.eventCategory`.
 */
export function isActivityLogRecord(record: unknown): boolean {
  if (!isJsonObject(record)) return false;
  const fields = lowerKeys(record);
  if (fields.has('metricname')) return false;
  const category = fields.get('category')?.value;
  if (typeof category === 'string' && ACTIVITY_CATEGORIES.has(category.toLowerCase())) return true;
  return member(objectField(fields.get('properties')?.value), 'eventcategory') !== undefined;
}

/** Maps a raw activity-log record to a row of `AzureActivity`. */
export function mapActivityRecord(record: unknown): ActivityMapping {
  if (!isJsonObject(record)) return { kind: 'skip', reason: 'not a JSON object' };
  const fields = lowerKeys(record);
  const used = new Set<string>();
  const get = (name: string): unknown => {
    const field = fields.get(name);
    if (field === undefined) return undefined;
    used.add(name);
    return field.value;
  };
  const time = get('time');
  const ticks = typeof time === 'string' ? parseIsoDatetime(time) : null;
  if (ticks === null) return { kind: 'skip', reason: time === undefined ? 'no time field' : `time is not an ISO 8601 datetime: ${text(time).slice(0, 60)}` };

  const properties = objectField(get('properties'));
  const identity = objectField(fields.get('identity')?.value);
  const claims = objectField(member(identity, 'claims'));
  const authorization = objectField(member(identity, 'authorization'));
  const resourceId = text(get('resourceid'));
  const parts = parseResourceId(resourceId);
  const operation = text(get('operationname'));
  const rawCategory = text(get('category'));
  const eventCategory = member(properties, 'eventcategory');
  // "If properties.eventCategory isn't present, category is Administrative" (activity-log-schema.md).
  const category = typeof eventCategory === 'string' && eventCategory !== ''
    ? eventCategory
    : ACTIVITY_CATEGORIES.has(rawCategory.toLowerCase()) ? rawCategory : 'Administrative';
  const status = text(get('resulttype'));
  const substatus = text(get('resultsignature'));
  const caller = member(claims, CLAIM_UPN) ?? member(claims, CLAIM_OBJECT_ID) ?? member(claims, 'appid') ?? member(properties, 'caller');
  const submission = member(properties, 'eventsubmissiontimestamp');
  const httpRequest = member(properties, 'httprequest');

  const cells = new Map<string, CellInput>([
    ['ActivityStatus', status],
    ['ActivityStatusValue', status],
    ['ActivitySubstatus', substatus],
    ['ActivitySubstatusValue', substatus],
    ['Authorization', authorization === null ? '' : JSON.stringify(authorization)],
    ['Authorization_d', authorization as DynamicValue],
    ['Caller', text(caller)],
    ['CallerIpAddress', text(get('calleripaddress'))],
    ['Category', category],
    ['CategoryValue', category],
    ['Claims', claims === null ? '' : JSON.stringify(claims)],
    ['Claims_d', claims as DynamicValue],
    ['CorrelationId', text(get('correlationid'))],
    ['EventDataId', text(member(properties, 'eventdataid'))],
    ['EventSubmissionTimestamp', typeof submission === 'string' ? parseIsoDatetime(submission) : null],
    ['Hierarchy', text(member(properties, 'hierarchy'))],
    ['HTTPRequest', text(httpRequest)],
    ['Level', text(get('level'))],
    ['OperationId', text(member(properties, 'operationid'))],
    // The raw record has no localized operation name: the value stands for it.
    ['OperationName', operation],
    ['OperationNameValue', operation],
    ['Properties', properties === null ? '' : JSON.stringify(properties)],
    ['Properties_d', properties as DynamicValue],
    ['Resource', parts.resource],
    ['ResourceGroup', parts.resourceGroup],
    ['_ResourceId', resourceId.toLowerCase()],
    ['ResourceId', resourceId],
    ['ResourceProvider', parts.resourceProvider],
    ['ResourceProviderValue', parts.resourceProvider],
    // Why: TenantId is the Log Analytics workspace, stamped at ingestion; a raw record has none.
    ['SourceSystem', 'Azure'],
    ['SubscriptionId', parts.subscriptionId],
    ['_SubscriptionId', parts.subscriptionId],
    ['TenantId', ''],
    ['TimeGenerated', ticks],
    ['Type', AZURE_ACTIVITY],
  ]);
  // identity is consumed when it held claims/authorization only.
  if (identity !== null && Object.keys(identity).every((k) => ['claims', 'authorization'].includes(k.toLowerCase()))) used.add('identity');
  const extras = new Map<string, unknown>();
  for (const [lower, field] of fields) if (!used.has(lower)) extras.set(field.key, field.value);
  return { kind: 'row', table: AZURE_ACTIVITY, cells, extras };
}
