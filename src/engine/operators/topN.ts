/**
 * Top-N selection for `top N by ...` and `sort by ... | take N`: the first N rows of the sorted
 * order, without sorting every row. A bounded heap keeps the N best rows seen so far (its root is
 * the worst of them); a row that does not beat the root is dropped.
 *
 * When the first key is a stored numeric column (e.g. `TimeGenerated`), its per-block min/max
 * summary (table/blockStats.ts) orders the blocks best-first and skips every block whose best
 * value is strictly worse than the current root: logs arrive nearly in time order, so
 * `top 100 by TimeGenerated desc` reads only the last few blocks. Equal values are never skipped,
 * so ties still resolve by input position exactly as the stable sort does. A first key of exact
 * 64-bit longs uses the same tests on its rounded doubles, which order values monotonically.
 */
import type { SortKey } from '../plan';
import type { NumericColumn } from '../table/column';
import { blockStatsOf, BLOCK_ROWS } from '../table/blockStats';
import type { BlockStats } from '../table/blockStats';
import { pollCancel } from '../functions/vector';
import type { Relation, RunContext } from './relation';
import { rowComparator, sortKeyColumns, sortedPositions } from './sort';

/** A max-heap of row positions under `compare` (the root is the worst kept row), holding at most `capacity`. */
class BoundedHeap {
  readonly rows: Int32Array;
  size = 0;
  constructor(readonly capacity: number, private readonly compare: (a: number, b: number) => number) {
    this.rows = new Int32Array(capacity);
  }
  get full(): boolean {
    return this.size === this.capacity;
  }
  get root(): number {
    return this.rows[0];
  }
  /** Adds a row while the heap is not full. */
  push(row: number): void {
    const { rows, compare } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(rows[parent], row) >= 0) break;
      rows[i] = rows[parent];
      i = parent;
    }
    rows[i] = row;
  }
  /** Replaces the root (the worst row) by a better one. */
  replaceRoot(row: number): void {
    const { rows, compare, size } = this;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const worse = right < size && compare(rows[right], rows[left]) > 0 ? right : left;
      if (compare(rows[worse], row) <= 0) break;
      rows[i] = rows[worse];
      i = worse;
    }
    rows[i] = row;
  }
  /** The kept rows, best first. */
  sorted(): Int32Array {
    return this.rows.slice(0, this.size).sort(this.compare);
  }
}

/** Reads the first key for the quick "strictly worse than the root" test and block skipping. */
interface FirstKey {
  readonly column: NumericColumn;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
  readonly stats: BlockStats | null;
}

function firstKeyOf(keys: readonly SortKey[], column: NumericColumn | null, rowCount: number): FirstKey | null {
  if (column === null || column.length !== rowCount) return null;
  const key = keys[0];
  // Only a stored column is worth summarizing (the summary is cached with it); a computed key
  // would pay a full pass for one query.
  const stats = key.expr.kind === 'column' && rowCount >= 2 * BLOCK_ROWS ? blockStatsOf(column) : null;
  return { column, descending: key.descending, nullsFirst: key.nullsFirst, stats };
}

/** Blocks best-first for the first key: blocks that may hold nulls/NaN first when those sort first, then by best value. */
function blockOrder(first: FirstKey, stats: BlockStats): Int32Array {
  const order = Int32Array.from({ length: stats.blockCount }, (_, b) => b);
  const { min, max, hasMissing } = stats;
  return order.sort((a, b) => {
    if (first.nullsFirst && hasMissing[a] !== hasMissing[b]) return hasMissing[b] - hasMissing[a];
    const c = first.descending ? max[b] - max[a] : min[a] - min[b];
    // Infinite bounds of blocks without values give NaN: keep block order then.
    return c > 0 ? 1 : c < 0 ? -1 : a - b;
  });
}

/**
 * The positions of the first `count` rows of `relation` in the order of `keys` (the same rows,
 * in the same order, as the stable sort's first `count`).
 */
export function topPositions(relation: Relation, keys: readonly SortKey[], count: number, run: RunContext): Int32Array {
  const rowCount = relation.rowCount;
  const wanted = Math.min(count, rowCount);
  if (wanted === 0) return new Int32Array(0);
  // A heap nearly as large as the input is a slower sort.
  if (keys.length === 0 || wanted * 4 >= rowCount) return sortedPositions(relation, keys, run).slice(0, wanted);

  const columns = sortKeyColumns(relation, keys, run);
  const compare = rowComparator(keys, columns);
  const heap = new BoundedHeap(wanted, compare);
  const head = columns[0];
  const first = firstKeyOf(keys, head.kind === 'number' ? head : null, rowCount);

  // The root's first-key value when the heap is full and the root holds a value; rows strictly
  // worse than it on the first key cannot enter.
  let threshold = Number.NaN;
  const refreshThreshold = (): void => {
    if (first === null || !heap.full) return;
    const root = heap.root;
    const nulls = first.column.nulls;
    threshold = nulls !== null && nulls[root] === 1 ? Number.NaN : first.column.data[root];
  };

  const descending = first?.descending ?? false;
  // Exact 64-bit longs: their rounded doubles (`data`) order them monotonically, so "strictly
  // worse in doubles" stays strictly worse, but equal doubles may hide different values.
  const singleKey = keys.length === 1 && first?.column.exact === undefined;
  // The kept rows do not depend on the order rows are offered in (the order is total), so a
  // descending key reads each block backwards: over rows in ascending order (logs) the best rows
  // come first and the rest fail the quick threshold test instead of churning the heap.
  const scan = (start: number, end: number): void => {
    const data = first?.column.data;
    const nulls = first?.column.nulls ?? null;
    const step = descending ? -1 : 1;
    for (let i = descending ? end - 1 : start; i >= start && i < end; i += step) {
      if (!heap.full) {
        heap.push(i);
        if (heap.full) refreshThreshold();
        continue;
      }
      if (data !== undefined && threshold === threshold && (nulls === null || nulls[i] === 0)) {
        const v = data[i];
        if (descending ? v < threshold : v > threshold) continue;
        // With one key, a tie on the value is decided by position alone.
        if (singleKey && v === threshold && i > heap.root) continue;
      }
      if (compare(i, heap.root) < 0) {
        heap.replaceRoot(i);
        refreshThreshold();
      }
    }
  };

  const stats = first?.stats ?? null;
  if (first === null || stats === null) {
    for (let start = 0; start < rowCount; start += BLOCK_ROWS) {
      pollCancel(run.cancel);
      scan(start, Math.min(rowCount, start + BLOCK_ROWS));
    }
    return heap.sorted();
  }
  for (const b of blockOrder(first, stats)) {
    pollCancel(run.cancel);
    if (heap.full && threshold === threshold && (!first.nullsFirst || stats.hasMissing[b] === 0)) {
      const strictlyWorse = first.descending ? stats.max[b] < threshold : stats.min[b] > threshold;
      if (strictlyWorse) continue;
    }
    const start = b * stats.blockRows;
    scan(start, Math.min(rowCount, start + stats.blockRows));
  }
  return heap.sorted();
}
