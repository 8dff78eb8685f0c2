/**
 * The binder's view of the catalog: a Kusto.Language `GlobalState` whose database holds one
 * `TableSymbol` per loaded table with its typed columns. Building it is cheap but not free,
 * so the last one is reused while the catalog's schema stays the same.
 */
import type { Catalog } from '../table/table';
import { kustoLanguage } from './kustoLibrary';
import type { KGlobalState, KSymbol } from './kustoTypes';

let cached: { readonly key: string; readonly globals: KGlobalState } | null = null;

/** A key that changes whenever a table or column name or type changes. */
function schemaKey(catalog: Catalog): string {
  const parts: string[] = [];
  for (const [name, table] of catalog.tables) {
    parts.push(JSON.stringify([name, table.schema.map((c) => [c.name, c.type])]));
  }
  return parts.join('\n');
}

/** The `GlobalState` for `catalog`'s schema (cached per schema). */
export function globalStateFor(catalog: Catalog): KGlobalState {
  const key = schemaKey(catalog);
  if (cached !== null && cached.key === key) return cached.globals;
  const K = kustoLanguage();
  const S = K.Symbols;
  const tables: KSymbol[] = [];
  for (const [name, table] of catalog.tables) {
    const columns = table.schema.map((c) => new S.ColumnSymbol(c.name, S.ScalarTypes.GetSymbol(c.type)));
    tables.push(new S.TableSymbol.$ctor4(name, columns));
  }
  // Why `.ctor` and not `$ctor2`: the latter was measured not to bind the tables.
  const database = new S.DatabaseSymbol.ctor('db', tables);
  const globals = K.GlobalState.Default.WithDatabase(database);
  cached = { key, globals };
  return globals;
}
