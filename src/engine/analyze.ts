/**
 * Analysis of a query without running it: what the page needs while the user types (does the
 * query set its own time filter? is there a construct the engine does not support yet?), and
 * the decision whether a run's time range applies.
 */
import type { Catalog } from './table/table';
import type { EngineError } from './errors';
import { EngineFailure, internalError } from './errors';
import { lowerQuery } from './syntax';
import { queryFiltersOnTime } from './syntax/timeFilters';
import type { TimeRange } from './timeScope';

/** What `analyzeQuery` finds out about a query. */
export interface QueryAnalysis {
  /**
   * True when the query filters on a catalog table's `TimeGenerated` itself (the exact rule is
   * in `syntax/timeFilters.ts`): the page's time range then does not apply ("Set in query").
   */
  readonly filtersOnTime: boolean;
  /** The first error parsing, binding or lowering reports (`E_ANALYSIS`, `E_UNSUPPORTED`, `E_EMPTY`); absent when the query would run. */
  readonly error?: EngineError;
}

function errorOf(e: unknown): EngineError {
  if (e instanceof EngineFailure) return e.error;
  return internalError(e instanceof Error ? e.message : String(e));
}

/**
 * Parses, binds and lowers `text` against `catalog` without executing it. Never throws.
 * Runtime errors (`E_RUNTIME`) can only show up when the query runs.
 */
export function analyzeQuery(text: string, catalog: Catalog): QueryAnalysis {
  let filtersOnTime = false;
  try {
    filtersOnTime = filtersOnTimeCached(text, catalog);
  } catch {
    // The detection walks whatever tree the parser produced; a failure there only means "no".
  }
  try {
    lowerQuery(text, catalog);
    return { filtersOnTime };
  } catch (e) {
    return { filtersOnTime, error: errorOf(e) };
  }
}

/**
 * Answers per set of loaded tables and query text (bounded), so re-runs of a query do not parse
 * it once more for this. Keyed by the tables map, not the catalog object: the worker makes a new
 * catalog object per query but replaces the map whenever the tables change.
 */
const answers = new WeakMap<Catalog['tables'], Map<string, boolean>>();
const ANSWERS_PER_CATALOG = 64;

function filtersOnTimeCached(text: string, catalog: Catalog): boolean {
  let byText = answers.get(catalog.tables);
  if (byText === undefined) {
    byText = new Map();
    answers.set(catalog.tables, byText);
  }
  const known = byText.get(text);
  if (known !== undefined) return known;
  const answer = queryFiltersOnTime(text, catalog);
  if (byText.size >= ANSWERS_PER_CATALOG) {
    const oldest = byText.keys().next();
    if (oldest.done !== true) byText.delete(oldest.value);
  }
  byText.set(text, answer);
  return answer;
}

/**
 * The time range a run of `text` applies: `range` itself, or undefined when the query filters
 * on time itself (Log Analytics' "Set in query") or no range was asked for. Never throws.
 */
export function effectiveTimeRange(text: string, catalog: Catalog, range: TimeRange | undefined): TimeRange | undefined {
  if (range === undefined) return undefined;
  try {
    return filtersOnTimeCached(text, catalog) ? undefined : range;
  } catch {
    return range;
  }
}
