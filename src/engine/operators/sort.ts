/**
 * `sort by` / `order by`: computes a permutation of the rows and returns it as a selection.
 * Each key's direction and null placement come from the plan (Kusto: nulls first for asc,
 * last for desc, unless written). Strings compare ordinally via per-dictionary ranks.
 */
import type { SortKey } from '../plan';
import type { Column } from '../table/column';
import { evaluate } from '../functions/evaluate';
import { broadcast, pollCancel } from '../functions/vector';
import { compareScalars } from '../functions/comparison';
import { cellOf } from '../table/rows';
import type { Relation, RunContext } from './relation';
import { columnSource, firstPositions, selectPositions } from './relation';

/** Compares rows a and b of one key vector, ascending; null handled by the caller. */
interface KeyReader {
  isNull(row: number): boolean;
  compare(a: number, b: number): number;
}

function readerOf(column: Column): KeyReader {
  switch (column.kind) {
    case 'number': {
      const { data, nulls } = column;
      return {
        isNull: (r) => nulls !== null && nulls[r] === 1,
        // NaN sorts below every number.
        compare: (a, b) => {
          const x = data[a];
          const y = data[b];
          if (x < y) return -1;
          if (x > y) return 1;
          if (x === y) return 0;
          return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
        },
      };
    }
    case 'string': {
      const order = Int32Array.from(column.dict.keys()).sort((a, b) => {
        const x = column.dict[a];
        const y = column.dict[b];
        return x < y ? -1 : x > y ? 1 : 0;
      });
      const rank = new Int32Array(column.dict.length);
      order.forEach((code, r) => {
        rank[code] = r;
      });
      const { codes } = column;
      return { isNull: (r) => codes[r] < 0, compare: (a, b) => rank[codes[a]] - rank[codes[b]] };
    }
    case 'dynamic':
      return {
        isNull: (r) => column.values[r] === null,
        compare: (a, b) => {
          const c = compareScalars(cellOf(column, a), cellOf(column, b));
          return Number.isNaN(c) ? 0 : c;
        },
      };
    default: {
      const never: never = column;
      return never;
    }
  }
}

/** The row positions of `relation` in sorted order (stable: ties keep input order). */
export function sortedPositions(relation: Relation, keys: readonly SortKey[], run: RunContext): Int32Array {
  const source = columnSource(relation, run);
  const n = relation.rowCount;
  const readers = keys.map((k) => ({ reader: readerOf(broadcast(evaluate(k.expr, source), n)), key: k }));
  const positions = firstPositions(n);
  let calls = 0;
  positions.sort((a, b) => {
    if ((++calls & 0xffff) === 0) pollCancel(run.cancel);
    for (const { reader, key } of readers) {
      const aNull = reader.isNull(a);
      const bNull = reader.isNull(b);
      if (aNull || bNull) {
        if (aNull && bNull) continue;
        return aNull === key.nullsFirst ? -1 : 1;
      }
      const c = reader.compare(a, b);
      if (c !== 0) return key.descending ? -c : c;
    }
    return a - b;
  });
  return positions;
}

/** Applies `sort by`. */
export function applySort(relation: Relation, keys: readonly SortKey[], run: RunContext): Relation {
  return selectPositions(relation, sortedPositions(relation, keys, run));
}
