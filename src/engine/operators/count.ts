/** `count`: one row, one `long` column with the number of input rows. */
import type { ColumnSchema } from '../table/column';
import type { Relation } from './relation';

/** Applies `count`; the column is named as the binder's schema says (`Count`). */
export function applyCount(relation: Relation, schema: readonly ColumnSchema[]): Relation {
  const name = schema[0]?.name ?? 'Count';
  return {
    rowCount: 1,
    columns: [{ name, data: { kind: 'number', type: 'long', data: Float64Array.of(relation.rowCount), nulls: null, length: 1 }, rows: null }],
  };
}
