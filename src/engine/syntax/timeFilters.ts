/**
 * Does a query filter on time itself? Log Analytics' time-range picker steps aside ("Set in
 * query") when it does; this module answers the question with the official binder, so the
 * answer follows column provenance rather than spelling.
 *
 * The rule: the query filters on time when some `where` (or its alias `filter`, or `find ... where`) operator,
 * anywhere in the query (pipes, union legs, join sides, `let` bodies, function bodies), has a
 * predicate that references a `datetime` column which IS a catalog table's `TimeGenerated`
 * column — either that table column itself, or a column that union/join built from one (the
 * binder lists those as the column's original columns).
 * Consequences: `T | where TimeGenerated > ago(1d)` and `union A, B | where TimeGenerated
 * between (...)` filter on time; `datatable(TimeGenerated:datetime)[...] | where TimeGenerated
 * > ago(1d)` does not (no catalog table), nor does a filter on a computed column
 * (`extend TimeGenerated = now()`, `summarize ... by bin(TimeGenerated, 1h)`, `project T2 =
 * TimeGenerated`), nor a filter on another column (`where Timestamp > ago(1d)`).
 */
import type { Catalog } from '../table/table';
import { globalStateFor } from './globalState';
import { kustoLanguage } from './kustoLibrary';
import type { BridgeList, KColumnSymbol, KGlobalState, KNode, KSymbol, KSyntaxElement } from './kustoTypes';
import { isColumnSymbol, isNode } from './nodes';
import { isOperators4Node } from './kustoOperators4Types';

/** The name of the time column the picker scopes. */
const TIME_COLUMN = 'TimeGenerated';

/** Members of Kusto.Language used here that `kustoTypes.ts` does not declare (checked against v11.5.3). */
interface ColumnProvenance extends KColumnSymbol {
  /** The columns a union or join column was made from (empty for a plain column). */
  readonly OriginalColumns: BridgeList<KColumnSymbol> | null;
}
interface TableLookup extends KGlobalState {
  /** The database table that declares `column`, or null for a column made by the query. */
  GetTable(column: KColumnSymbol): KSymbol | null;
}

/** True when `column` is, or was built by union/join from, a catalog table's datetime `TimeGenerated`. */
function isCatalogTimeColumn(globals: TableLookup, column: ColumnProvenance, depth = 0): boolean {
  if (column.Name === TIME_COLUMN && column.Type.Name === 'datetime' && globals.GetTable(column) !== null) return true;
  const originals = column.OriginalColumns;
  if (originals === null || depth > 8) return false;
  for (let i = 0; i < originals.Count; i++) {
    if (isCatalogTimeColumn(globals, originals.getItem(i) as ColumnProvenance, depth + 1)) return true;
  }
  return false;
}

/** Calls `visit` for `element` and every descendant (depth first). */
function walk(element: KSyntaxElement, visit: (element: KSyntaxElement) => boolean): boolean {
  if (visit(element)) return true;
  for (let i = 0; i < element.ChildCount; i++) {
    const child = element.GetChild(i);
    if (child !== null && walk(child, visit)) return true;
  }
  return false;
}

/** True when the predicate references a catalog `TimeGenerated` column (see the module comment). */
function referencesCatalogTime(globals: TableLookup, predicate: KSyntaxElement): boolean {
  return walk(predicate, (element) => {
    if (!isNode(element, 'NameReference')) return false;
    const symbol = (element as KNode).ReferencedSymbol;
    return symbol !== null && isColumnSymbol(symbol) && isCatalogTimeColumn(globals, symbol as ColumnProvenance);
  });
}

/**
 * Whether `text` filters on a catalog table's `TimeGenerated` (the rule is in the module
 * comment). Parses and binds against `catalog`; works on queries with errors too (as far as
 * the binder got). Never throws for a query: an unparsable text answers false.
 */
export function queryFiltersOnTime(text: string, catalog: Catalog): boolean {
  const code = kustoLanguage().KustoCode.ParseAndAnalyze(text, globalStateFor(catalog));
  const globals = code.Globals as TableLookup;
  return walk(code.Syntax, (element) => {
    if (isNode(element, 'FilterOperator')) return referencesCatalogTime(globals, element.Condition);
    return isOperators4Node(element, 'FindOperator') && referencesCatalogTime(globals, element.Condition);
  });
}
