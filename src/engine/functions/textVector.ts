/** Converting any vector to a `string` vector, the way `tostring()` prints values. */
import type { Column, StringColumn } from '../table/column';
import { formatValue } from '../types/format';
import type { EvalContext } from './vector';
import { POLL_MASK, pollCancel, writerFor } from './vector';

/** The vector as strings: `string` columns as they are; guids, numbers and dynamics formatted (null -> ''). */
export function asText(column: Column, ctx: EvalContext): StringColumn {
  if (column.kind === 'string' && column.type === 'string') return column;
  if (column.kind === 'string' && !column.codes.includes(-1)) return { ...column, type: 'string' };
  const w = writerFor('string', column.length);
  for (let i = 0; i < column.length; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(ctx.cancel);
    w.set(i, formatValue(column, i));
  }
  return w.finish() as StringColumn;
}
