/**
 * A bounded cache of lowered query plans, so re-running or refreshing a query skips
 * Kusto.Language's parse and analysis (~3.5 ms per query, more for long ones).
 *
 * A plan depends only on the query text and the catalog's tables (names and schemas): the
 * lowering never reads row data, and `now()`/`ago()` stay calls that the executor evaluates
 * with the run's own `now`. So the cache is keyed by the text, per catalog.
 *
 * Why the key is `catalog.tables` and not the `Catalog` object: the worker hands every query
 * a fresh `{ tables }` wrapper around the same map, and replaces the map (never mutates it)
 * when tables are loaded or removed. The map is therefore the catalog's identity. As a guard
 * against a caller that does mutate its map, each per-catalog cache also remembers which
 * `Table` objects it was built against and starts over when they differ.
 */
import type { QueryPlan } from './plan';
import type { Catalog, Table } from './table/table';

/** How many plans are kept per catalog (least recently used ones are dropped first). */
export const PLAN_CACHE_CAPACITY = 64;

interface CatalogPlans {
  /** The tables the plans were lowered against, in the map's order. */
  tables: readonly Table[];
  /** Plans by query text; a `Map` iterates in insertion order, so the first key is the least recently used. */
  readonly plans: Map<string, QueryPlan>;
}

/** Cached plans for one catalog map; dropped with the map when nothing else holds it. */
const byCatalog = new WeakMap<ReadonlyMap<string, Table>, CatalogPlans>();

function sameTables(remembered: readonly Table[], current: ReadonlyMap<string, Table>): boolean {
  if (remembered.length !== current.size) return false;
  let i = 0;
  for (const table of current.values()) {
    if (table !== remembered[i]) return false;
    i++;
  }
  return true;
}

function plansFor(catalog: Catalog): CatalogPlans {
  const existing = byCatalog.get(catalog.tables);
  if (existing !== undefined) {
    if (!sameTables(existing.tables, catalog.tables)) {
      existing.plans.clear();
      existing.tables = [...catalog.tables.values()];
    }
    return existing;
  }
  const fresh: CatalogPlans = { tables: [...catalog.tables.values()], plans: new Map() };
  byCatalog.set(catalog.tables, fresh);
  return fresh;
}

/**
 * The plan of `text` over `catalog`: the cached one when this text was lowered against the
 * same catalog before, otherwise `lower()`'s result, which is then cached. A `lower()` that
 * throws caches nothing (the error propagates).
 */
export function cachedPlan(text: string, catalog: Catalog, lower: () => QueryPlan): QueryPlan {
  const entry = plansFor(catalog);
  const hit = entry.plans.get(text);
  if (hit !== undefined) {
    // Re-insert to mark it most recently used.
    entry.plans.delete(text);
    entry.plans.set(text, hit);
    return hit;
  }
  const plan = lower();
  entry.plans.set(text, plan);
  if (entry.plans.size > PLAN_CACHE_CAPACITY) {
    const oldest = entry.plans.keys().next();
    if (oldest.done !== true) entry.plans.delete(oldest.value);
  }
  return plan;
}

/** How many plans are cached for `catalog` (for tests and diagnostics). */
export function cachedPlanCount(catalog: Catalog): number {
  return byCatalog.get(catalog.tables)?.plans.size ?? 0;
}
