/**
 * Which documented examples count towards the conformance figure, and why the others do not.
 * The bar (90 %) is over the examples outside the geospatial and graph families that
 * can run without data from Microsoft's help cluster.
 */
import type { QueryOutcome } from '../../src/engine';

/** Why an example is not counted. */
export type SkipReason =
  | 'geospatial or graph page'
  | 'needs tables from the help cluster'
  | 'management command'
  | 'non-deterministic (now, ago, rand, new_guid)'
  | 'output shown only in part';

/** What happened to one counted example. */
export type Verdict = 'pass' | 'wrong result' | 'not supported yet' | 'error';

const OUT_OF_SCOPE_PAGE = /^geo[-_]|graph|^h3|^s2/i;
const NON_DETERMINISTIC = /\b(now|ago|rand|new_guid|current_principal\w*|current_cluster_endpoint|current_database|cursor_current|ingestion_time|extent_id|extent_tags)\s*\(/i;

/** A reason not to run the example at all, from the page and the text alone. */
export function skipBeforeRunning(page: string, query: string, rows: readonly (readonly string[])[]): SkipReason | null {
  const file = page.split('/').pop() ?? page;
  if (OUT_OF_SCOPE_PAGE.test(file)) return 'geospatial or graph page';
  if (/^\s*\./.test(query)) return 'management command';
  if (NON_DETERMINISTIC.test(query)) return 'non-deterministic (now, ago, rand, new_guid)';
  if (rows.some((cells) => cells.some((c) => c === '...' || c === '…'))) return 'output shown only in part';
  return null;
}

const UNKNOWN_ENTITY = /does not refer to any known|not a known|could not be found|unknown (table|database|cluster)|cluster\(|database\(/i;

/** After a run on an empty catalog: the example needs the help cluster's tables. */
export function needsExternalData(outcome: QueryOutcome, query: string): boolean {
  if (/\b(cluster|database|external_table|materialized_view|table)\s*\(/.test(query)) return true;
  return !outcome.ok && outcome.error.code === 'E_ANALYSIS' && UNKNOWN_ENTITY.test(outcome.error.message);
}
