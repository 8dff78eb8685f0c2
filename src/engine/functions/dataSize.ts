/**
 * `estimate_data_size(col1, col2, ...)`: an estimate of the bytes of the given values per row.
 * Sizes by type: bool 1, int 4, long/real/datetime/timespan 8, decimal/guid 16, string its UTF-8
 * length (the docs' example: a long and a 10-character string are 18), dynamic the UTF-8 length
 * of its JSON text; a null adds 0. The `*` form (all columns) is not supported yet.
 */
import type { Column } from '../table/column';
import { utf8Bytes } from '../types/digest';
import type { ScalarKernel } from './kernel';
import type { Scalar } from './vector';
import { mapValues } from './vector';

/** Estimated bytes of one value of `type`. */
export function estimatedSize(type: Column['type'], value: Scalar): number {
  if (value === null) return 0;
  switch (type) {
    case 'bool':
      return 1;
    case 'int':
      return 4;
    case 'long':
    case 'real':
    case 'datetime':
    case 'timespan':
      return 8;
    case 'decimal':
    case 'guid':
      return 16;
    case 'string':
      return utf8Bytes(typeof value === 'string' ? value : '').length;
    case 'dynamic':
      return utf8Bytes(JSON.stringify(value)).length;
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** The data size function by Kusto name. */
export const DATA_SIZE_FUNCTIONS: Record<string, ScalarKernel> = {
  estimate_data_size: (args, call, ctx) => {
    const types = args.map((a) => a.type);
    return mapValues(args, call.type, ctx, (values) => values.reduce<number>((sum, v, i) => sum + estimatedSize(types[i], v), 0), false);
  },
};
