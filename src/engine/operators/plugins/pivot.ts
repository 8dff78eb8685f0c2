/**
 * `evaluate pivot(column [, aggregate] [, keys ...])` (pivot-plugin.md). The lowering puts a
 * `summarize value = aggregate by keys, column` below this node, so here every row is one
 * (keys, pivot value) cell: the output has one row per distinct key tuple and one column per
 * distinct value of the pivot column (named by its text), in order of first appearance, after the
 * key columns. A key tuple without rows for a pivot value gets the aggregate's value for no rows:
 * 0 for `count`/`dcount`/`sum` (as the page's examples show), `[]` for `make_list`/`make_set`,
 * `{}` for `make_bag`, null for the others. A pivot value named like an earlier column gets a
 * number appended (`Name1`). With an output schema, its columns are taken by name (a column the
 * data lacks holds the no-rows value), and a type the data contradicts fails the query.
 */
import type { PivotOperator } from '../../plan';
import type { Column, ColumnSchema, DynamicValue } from '../../table/column';
import type { ScalarType } from '../../types/scalarType';
import type { SourceSpan } from '../../errors';
import { EngineFailure, internalError, runtimeError } from '../../errors';
import { appendValue, columnBuilderFor } from '../../table/builder';
import { concatColumns, retypeColumn } from '../../table/gather';
import { asText } from '../../functions/textVector';
import { POLL_MASK, pollCancel } from '../../functions/vector';
import type { RelColumn, Relation, RunContext } from '../relation';
import { readColumn } from '../relation';
import { groupByExprs, groupKeyColumns } from '../summarize';

/** The value of a cell without rows, by aggregate (see the module comment). */
function emptyValue(aggregate: string): DynamicValue {
  switch (aggregate) {
    case 'count': case 'countif': case 'dcount': case 'dcountif': case 'sum': case 'sumif':
      return 0;
    case 'make_list': case 'make_list_if': case 'make_set': case 'make_set_if': case 'make_list_with_nulls':
      return [];
    case 'make_bag': case 'make_bag_if':
      return {};
    default:
      return null;
  }
}

/** One row holding the no-rows value, as a column of `type`. */
function emptyCell(type: ScalarType, aggregate: string): Column {
  const builder = columnBuilderFor(type);
  const value = emptyValue(aggregate);
  appendValue(builder, type === 'dynamic' || typeof value === 'number' ? value : null);
  return builder.finish();
}

/** `name`, or `name1`, `name2`, ... when taken. */
function uniqueName(name: string, taken: Set<string>): string {
  let unique = name;
  for (let i = 1; taken.has(unique); i++) unique = `${name}${i}`;
  taken.add(unique);
  return unique;
}

function columnOf(relation: Relation, name: string, span: SourceSpan): RelColumn {
  const column = relation.columns.find((c) => c.name === name);
  if (column === undefined) throw new EngineFailure(internalError(`pivot input lacks column '${name}'`, span));
  return column;
}

/** Applies `pivot` to the summarized cells; `schema` is the node's (the output schema, if given). */
export function applyPivot(cells: Relation, operator: PivotOperator, schema: readonly ColumnSchema[], run: RunContext, span: SourceSpan): Relation {
  const keyExprs = operator.keys.map((name) => {
    const column = readColumn(columnOf(cells, name, span));
    return { name, expr: { kind: 'column' as const, name, type: column.type, span } };
  });
  const rows = groupByExprs(cells, keyExprs, run);
  const keyColumns = groupKeyColumns(cells, keyExprs, rows, run);
  const pivot = readColumn(columnOf(cells, operator.pivotColumn, span));
  const pivots = groupByExprs(cells, [{ name: operator.pivotColumn, expr: { kind: 'column', name: operator.pivotColumn, type: pivot.type, span } }], run);
  const titles = asText(pivot, { rowCount: cells.rowCount, nowTicks: run.nowTicks, cancel: run.cancel });
  const value = readColumn(columnOf(cells, operator.value, span));
  // Row `cells.rowCount` of `withEmpty` is the no-rows value; every output cell reads one row of it.
  const withEmpty = concatColumns(value.type, [value, emptyCell(value.type, operator.aggregate)]);
  // Without keys, grouping gives one group even for no rows (summarize's rule); pivot has no row then.
  const groupCount = cells.rowCount === 0 ? 0 : rows.groupCount;
  const positions: Int32Array[] = [];
  for (let p = 0; p < pivots.groupCount; p++) positions.push(new Int32Array(groupCount).fill(cells.rowCount));
  for (let r = 0; r < cells.rowCount; r++) {
    if ((r & POLL_MASK) === 0) pollCancel(run.cancel);
    positions[pivots.groupIds[r]][rows.groupIds[r]] = r;
  }
  const taken = new Set(operator.keys);
  const pivotColumns: RelColumn[] = positions.map((rowsOfValue, p) => {
    const title = titles.dict[titles.codes[pivots.firstRows[p]]] ?? '';
    return { name: uniqueName(title, taken), data: withEmpty, rows: rowsOfValue };
  });
  const produced = [...keyColumns, ...pivotColumns];
  if (operator.schemaFromData) return { rowCount: groupCount, columns: produced };
  // An output schema: its columns by name, each of its type.
  const byName = new Map(produced.map((c) => [c.name, c]));
  const columns = schema.map((s): RelColumn => {
    const column = byName.get(s.name) ?? { name: s.name, data: withEmpty, rows: new Int32Array(groupCount).fill(cells.rowCount) };
    const data = retypeColumn(column.data, s.type);
    if (data === null) throw new EngineFailure(runtimeError(`pivot: column '${s.name}' is ${column.data.type}, but the output schema says ${s.type}`, span));
    return { name: s.name, data, rows: column.rows };
  });
  return { rowCount: groupCount, columns };
}
