/**
 * Where a column of a resource-log table (one reached through a record's `category`) takes its
 * value from. One description read by both ways a record is mapped: the general mapper
 * (`recordMapping.ts`, field lookups per record) and the fast path for records laid out like
 * an earlier one (`recordShape.ts`), so the two cannot drift apart.
 */

/** How a resource-log column gets its value. */
export type LogColumnRule =
  /** The same value in every row. */
  | { readonly kind: 'constant'; readonly value: string }
  /** The record's `time`, as ticks. */
  | { readonly kind: 'time' }
  /** The destination table's name. */
  | { readonly kind: 'table' }
  /** The record's `resourceId`, lower-case. */
  | { readonly kind: 'lowerResourceId' }
  /**
   * The first of these fields (lower-case names) whose value is neither absent nor null. Note:
   * a later field is read (and so counts as used, not extra) only when the earlier ones had no value.
   */
  | { readonly kind: 'firstPresent'; readonly fields: readonly string[] }
  /** The field of the column's own name (case-insensitive; top level, then `properties`). */
  | { readonly kind: 'ownField' };

/** Columns every table loaded from resource logs shares (metrics included). */
export const COMMON_COLUMN_RULES: ReadonlyMap<string, LogColumnRule> = new Map<string, LogColumnRule>([
  // Why: TenantId is the Log Analytics workspace ID, stamped at ingestion; a raw blob has none
  // (a raw `tenantId` field is the caller's Entra tenant, a different thing).
  ['TenantId', { kind: 'constant', value: '' }],
  ['SourceSystem', { kind: 'constant', value: 'Azure' }],
  ['TimeGenerated', { kind: 'time' }],
  ['Type', { kind: 'table' }],
  ['_ResourceId', { kind: 'lowerResourceId' }],
]);

/** Columns of log tables (not metrics) that do not come from the field of their own name. */
const LOG_ONLY_RULES: ReadonlyMap<string, LogColumnRule> = new Map<string, LogColumnRule>([
  ['Region', { kind: 'firstPresent', fields: ['location', 'region'] }],
]);

const OWN_FIELD: LogColumnRule = { kind: 'ownField' };

/** The rule of a log table's column. */
export function logColumnRule(columnName: string): LogColumnRule {
  return LOG_ONLY_RULES.get(columnName) ?? COMMON_COLUMN_RULES.get(columnName) ?? OWN_FIELD;
}

/** Fields (lower-case) read from every record to classify it, whatever its table. */
export const CLASSIFYING_FIELDS: readonly string[] = ['time', 'category', 'resourceid'];
