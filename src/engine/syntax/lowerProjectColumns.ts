/**
 * Operators that only choose, order or rename columns — `project-away`, `project-keep`,
 * `project-reorder` (wildcards, `asc`/`desc`/`granny-asc`/`granny-desc`) and `project-rename`.
 * The binder has already worked out their output (which columns, in which order, under which
 * names), so each lowers to a `project` of plain column references, which the executor passes
 * through without copying data.
 */
import type { NamedExpr, Operator } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { KProjectColumnsOperator } from './kustoTypes';
import { failInternal, isNode, separatedItems, spanOf } from './nodes';

/** For `project-rename new = old, ...`: old name by new name. */
function renames(operator: KProjectColumnsOperator): Map<string, string> {
  const byNewName = new Map<string, string>();
  for (const element of separatedItems(operator.Expressions)) {
    if (!isNode(element, 'SimpleNamedExpression') || !isNode(element.Expression, 'NameReference')) {
      return failInternal('project-rename expects new = old', element);
    }
    byNewName.set(element.Name.SimpleName, element.Expression.SimpleName);
  }
  return byNewName;
}

/**
 * Lowers a column-choosing operator to `project` over the binder's `output` schema; `rename`
 * is true for `project-rename`.
 */
export function lowerProjectColumns(
  operator: KProjectColumnsOperator, input: readonly ColumnSchema[], output: readonly ColumnSchema[], rename: boolean,
): Operator {
  const byNewName = rename ? renames(operator) : new Map<string, string>();
  const inputTypes = new Map(input.map((c) => [c.name, c.type]));
  const span = spanOf(operator);
  const columns: NamedExpr[] = output.map((column) => {
    const source = byNewName.get(column.name) ?? column.name;
    const type = inputTypes.get(source);
    if (type === undefined) return failInternal(`column '${source}' is not in the input`, operator);
    return { name: column.name, expr: { kind: 'column', name: source, type, span } };
  });
  return { op: 'project', columns };
}
