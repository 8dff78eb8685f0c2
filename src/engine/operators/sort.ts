/**
 * `sort by` / `order by`: computes a permutation of the rows and returns it as a selection.
 * Each key's direction and null placement come from the plan (Kusto: nulls first for asc,
 * last for desc, unless written). Strings compare ordinally via per-dictionary ranks.
 */
import type { SortKey } from '../plan';
import type { Column } from '../table/column';
import { evaluateKeepingExact } from '../functions/evaluate';
import { broadcast, pollCancel } from '../functions/vector';
import { compareScalars } from '../functions/comparison';
import { cellOf } from '../table/rows';
import type { Relation, RunContext } from './relation';
import { columnSource, firstPositions, selectPositions } from './relation';

/**
 * Reads one key vector. `missing` classes a row: 0 a value, 1 NaN, 2 null. Kusto groups NaN
 * with nulls (docs: sort-operator, "Using special floating-point values"): with nulls first the
 * order is null, NaN, values; with nulls last it is values, NaN, null — in either direction.
 * `compare` orders two rows of class 0, ascending.
 */
interface KeyReader {
  missing(row: number): number;
  compare(a: number, b: number): number;
}

function readerOf(column: Column): KeyReader {
  switch (column.kind) {
    case 'number': {
      const { data, nulls, exact } = column;
      if (exact !== undefined) {
        // Exact 64-bit longs (`sort by`/`top` keys, a result column sorted in the grid): compared as integers.
        return { missing: (r) => (nulls !== null && nulls[r] === 1 ? 2 : 0), compare: (a, b) => (exact[a] < exact[b] ? -1 : exact[a] > exact[b] ? 1 : 0) };
      }
      return {
        missing: (r) => (nulls !== null && nulls[r] === 1 ? 2 : Number.isNaN(data[r]) ? 1 : 0),
        compare: (a, b) => {
          const x = data[a];
          const y = data[b];
          return x < y ? -1 : x > y ? 1 : 0;
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
      return { missing: (r) => (codes[r] < 0 ? 2 : 0), compare: (a, b) => rank[codes[a]] - rank[codes[b]] };
    }
    case 'dynamic':
      return {
        missing: (r) => (column.values[r] === null ? 2 : 0),
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

/**
 * Evaluates the sort keys over `relation` (each broadcast to its rows): the columns a row order
 * reads, in key order. A key of exact 64-bit longs keeps its `exact` values (compared as integers).
 */
export function sortKeyColumns(relation: Relation, keys: readonly SortKey[], run: RunContext): Column[] {
  const source = columnSource(relation, run);
  return keys.map((k) => broadcast(evaluateKeepingExact(k.expr, source), relation.rowCount));
}

/**
 * The total order of rows under `keys` (over the evaluated `columns`): negative when row `a`
 * comes first. Ties on every key keep input order (the position decides), so sorting with it is
 * stable and any selection of the first N rows under it is unique.
 */
export function rowComparator(keys: readonly SortKey[], columns: readonly Column[]): (a: number, b: number) => number {
  const readers = keys.map((key, k) => ({ reader: readerOf(columns[k]), key }));
  return (a, b) => {
    for (const { reader, key } of readers) {
      const aMissing = reader.missing(a);
      const bMissing = reader.missing(b);
      if (aMissing !== 0 || bMissing !== 0) {
        if (aMissing === bMissing) continue;
        return key.nullsFirst ? bMissing - aMissing : aMissing - bMissing;
      }
      const c = reader.compare(a, b);
      if (c !== 0) return key.descending ? -c : c;
    }
    return a - b;
  };
}

/** The row positions of `relation` in sorted order (stable: ties keep input order). */
export function sortedPositions(relation: Relation, keys: readonly SortKey[], run: RunContext): Int32Array {
  const compare = rowComparator(keys, sortKeyColumns(relation, keys, run));
  const positions = firstPositions(relation.rowCount);
  let calls = 0;
  positions.sort((a, b) => {
    if ((++calls & 0xffff) === 0) pollCancel(run.cancel);
    return compare(a, b);
  });
  return positions;
}

/** Applies `sort by`. */
export function applySort(relation: Relation, keys: readonly SortKey[], run: RunContext): Relation {
  return selectPositions(relation, sortedPositions(relation, keys, run));
}

/**
 * Sorts `positions` (rows of `column`) in place by that one column with `sort by`'s defaults:
 * ascending puts nulls (and NaN) first, descending puts them last; ties keep their order.
 * Used by the worker to re-sort a kept query result without building row objects.
 */
export function sortPositionsByColumn(column: Column, positions: Int32Array, descending: boolean): Int32Array {
  const reader = readerOf(column);
  const order = new Int32Array(column.length);
  positions.forEach((row, i) => {
    order[row] = i;
  });
  return positions.sort((a, b) => {
    const aMissing = reader.missing(a);
    const bMissing = reader.missing(b);
    if (aMissing !== 0 || bMissing !== 0) {
      if (aMissing !== bMissing) return descending ? aMissing - bMissing : bMissing - aMissing;
    } else {
      const c = reader.compare(a, b);
      if (c !== 0) return descending ? -c : c;
    }
    return order[a] - order[b];
  });
}
