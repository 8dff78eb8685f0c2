/**
 * Per-block summaries of numeric columns: for every block of `BLOCK_ROWS` consecutive rows, the
 * smallest and largest value and whether the block holds a null or NaN. Operators use them to
 * skip blocks that cannot hold a wanted row (e.g. `top 100 by TimeGenerated desc` over logs that
 * arrive nearly in time order only needs the newest few blocks).
 *
 * Computed lazily, once per column object: columns are immutable, so the summary is cached in a
 * WeakMap keyed by the column and dropped with it.
 */
import type { NumericColumn } from './column';

/** Rows per block. */
export const BLOCK_ROWS = 4096;

/** The summary of one numeric column, one entry per block (block b covers rows [b * blockRows, (b + 1) * blockRows)). */
export interface BlockStats {
  readonly blockRows: number;
  readonly blockCount: number;
  /** Smallest non-null, non-NaN value of the block; +Infinity when it has none. */
  readonly min: Float64Array;
  /** Largest non-null, non-NaN value of the block; -Infinity when it has none. */
  readonly max: Float64Array;
  /** 1 when the block holds a null or a NaN. */
  readonly hasMissing: Uint8Array;
}

const cache = new WeakMap<NumericColumn, BlockStats>();

function computeBlockStats(column: NumericColumn): BlockStats {
  const { data, nulls, length } = column;
  const blockCount = Math.ceil(length / BLOCK_ROWS);
  const min = new Float64Array(blockCount).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(blockCount).fill(Number.NEGATIVE_INFINITY);
  const hasMissing = new Uint8Array(blockCount);
  for (let b = 0; b < blockCount; b++) {
    const end = Math.min(length, (b + 1) * BLOCK_ROWS);
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    let missing = 0;
    for (let i = b * BLOCK_ROWS; i < end; i++) {
      const v = data[i];
      if ((nulls !== null && nulls[i] === 1) || v !== v) {
        missing = 1;
        continue;
      }
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    min[b] = lo;
    max[b] = hi;
    hasMissing[b] = missing;
  }
  return { blockRows: BLOCK_ROWS, blockCount, min, max, hasMissing };
}

/** The block summary of `column`, computed on first use and cached for the column's lifetime. */
export function blockStatsOf(column: NumericColumn): BlockStats {
  let stats = cache.get(column);
  if (stats === undefined) {
    stats = computeBlockStats(column);
    cache.set(column, stats);
  }
  return stats;
}
