/** `datatable(a:long, b:string, ...) [values]`: the constant values, row by row, into typed columns. */
import type { Expr } from '../plan';
import type { ColumnSchema } from '../table/column';
import { at, writerFor } from '../functions/vector';
import { retypeColumn } from '../table/gather';
import type { Relation, RunContext } from './relation';
import { evaluateConstant } from './constantSource';

/** Executes `datatable` (also the lowered form of `getschema`). */
export function executeDataTable(values: readonly Expr[], schema: readonly ColumnSchema[], run: RunContext): Relation {
  const width = schema.length;
  const rowCount = width === 0 ? 0 : Math.floor(values.length / width);
  const columns = schema.map((target, c) => {
    const writer = writerFor(target.type, rowCount);
    for (let r = 0; r < rowCount; r++) {
      let cell = evaluateConstant(values[r * width + c], run);
      // A value of another numeric type (`datatable(x:real)[1]`) is stored as the column's type.
      if (cell.type !== target.type) cell = retypeColumn(cell, target.type) ?? cell;
      writer.set(r, at(cell, 0));
    }
    return { name: target.name, data: writer.finish(), rows: null };
  });
  return { rowCount, columns };
}
