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
  | 'output shown only in part'
  | 'not KQL (SQL)';

/** What happened to one counted example. */
export type Verdict = 'pass' | 'wrong result' | 'not supported yet' | 'error';

const OUT_OF_SCOPE_PAGE = /^geo[-_]|graph|^h3|^s2/i;
const NON_DETERMINISTIC = /\b(now|ago|rand|new_guid|current_principal\w*|current_cluster_endpoint|current_database|cursor_current|ingestion_time|extent_id|extent_tags)\s*\(/i;

/** The query without its leading blank and `//` comment lines. */
function withoutLeadingComments(query: string): string {
  const lines = query.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '' && !line.trim().startsWith('//'));
  return first < 0 ? '' : lines.slice(first).join('\n').trimStart();
}

/** An ellipsis standing for left-out rows, or for left-out items of an array (`[1,2,.....,9]`). */
function isElided(cell: string): boolean {
  return cell === '...' || cell === '…' || /(^|[[,])\s*(\.{3,}|…)\s*([\],]|$)/.test(cell);
}

/** A reason not to run the example at all, from the page and the text alone. */
export function skipBeforeRunning(page: string, query: string, rows: readonly (readonly string[])[]): SkipReason | null {
  const file = page.split('/').pop() ?? page;
  if (OUT_OF_SCOPE_PAGE.test(file)) return 'geospatial or graph page';
  const code = withoutLeadingComments(query);
  if (/^\./.test(code)) return 'management command';
  // sql-cheat-sheet.md: `--` starts a T-SQL query that the service translates (`explain`).
  if (/^--/.test(code)) return 'not KQL (SQL)';
  // `sample` / `sample-distinct` pick rows at random (sample-operator.md shows one draw).
  if (NON_DETERMINISTIC.test(query) || /\|\s*sample(-distinct)?\s/.test(query)) return 'non-deterministic (now, ago, rand, new_guid)';
  if (rows.some((cells) => cells.some(isElided))) return 'output shown only in part';
  return null;
}

/**
 * Operators, plug-ins and signatures newer than the bundled Kusto.Language (`@kusto/language-service-next`):
 * the parser rejects them, so the engine cannot support them yet. Not the engine's mistake and
 * not the page's: counted as "not supported yet".
 */
export function unknownToParser(outcome: QueryOutcome, query: string): string | null {
  if (outcome.ok || outcome.error.code !== 'E_ANALYSIS') return null;
  if (/\bproject-by-names\b/.test(query)) return 'project-by-names (unknown to the bundled Kusto.Language)';
  // The bundled Kusto.Language declares make_timespan's seconds as an integer (the page: `real`)
  // and knows bag_unpack's options only by position, so it rejects these documented forms.
  if (/\bmake_timespan\s*\([^)]*\d\.\d/.test(query) && /must be an integer/.test(outcome.error.message)) {
    return 'make_timespan with fractional seconds (the bundled Kusto.Language takes integer seconds)';
  }
  if (/\bbag_unpack\s*\([^)]*\b(ignoredProperties|columnsConflict)\s*=/.test(query)) {
    return 'bag_unpack with named options (unknown to the bundled Kusto.Language)';
  }
  const plugin = /The plug-in function '([^']+)' is not defined/.exec(outcome.error.message);
  return plugin === null ? null : `evaluate ${plugin[1]} (unknown to the bundled Kusto.Language)`;
}

const UNKNOWN_ENTITY = /does not refer to any known|not a known|could not be found|unknown (table|database|cluster)|cluster\(|database\(/i;

/** After a run on an empty catalog: the example needs the help cluster's tables. */
export function needsExternalData(outcome: QueryOutcome, query: string): boolean {
  if (/\b(cluster|database|external_table|materialized_view|table)\s*\(/.test(query)) return true;
  // `search` / `find` without `let`s read the database's tables (search-operator.md's Contoso
  // examples); on the empty catalog they answer an empty table instead of an unknown-table error.
  if (/^(search|find)\b/.test(withoutLeadingComments(query)) && !/(^|\n)\s*let\s/.test(query)) return true;
  return !outcome.ok && outcome.error.code === 'E_ANALYSIS' && UNKNOWN_ENTITY.test(outcome.error.message);
}
