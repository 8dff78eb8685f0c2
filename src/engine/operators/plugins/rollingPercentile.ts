/**
 * `evaluate rolling_percentile(ValueColumn, Percentile, IndexColumn, BinSize, BinsPerWindow [, dim ...])`
 * (rolling-percentile-plugin.md): per combination of the dimensions and per bin of the index
 * column, the percentile of the values in the window of `BinsPerWindow` bins ending with that bin
 * (inclusive).
 *
 * - Bins are the engine's `bin(IndexColumn, BinSize)` (the plan hands them over already binned).
 * - The percentile is the nearest-rank percentile of `percentile()` (`aggregates/percentile.ts`):
 *   Kusto estimates it, the exact nearest-rank value lies within the estimate's bounds; the page's
 *   examples (the median of 1..24 is 12, of 1..72 is 36) are nearest-rank values.
 * - Windows run from each slice's first bin to its last (the page's 10 days of data give 10 rows,
 *   not 12: windows past the data are not reported); a window without values gives no row.
 * - Null index or value rows are ignored. Rows come per slice (first appearance), then by bin.
 */
import type { ColumnSchema } from '../../table/column';
import type { Expr, WindowPlugin } from '../../plan';
import { EngineFailure, runtimeError } from '../../errors';
import { POLL_MASK, pollCancel } from '../../functions/vector';
import { nearestRankIndex, selectInPlace } from '../../aggregates/percentile';
import type { Relation, RunContext } from '../relation';
import { WindowRows, constantNumber, hasNumber, numericInput, orderedRows, positiveConstant, sliceByDims, windowOutput } from './windowCommon';

type Args = Extract<WindowPlugin, { name: 'rolling_percentile' }>;

function percentOf(args: Args, relation: Relation, run: RunContext): number {
  const percent = constantNumber(args.percent, relation, run, 'rolling_percentile: Percentile');
  if (percent < 0 || percent > 100) throw new EngineFailure(runtimeError(`rolling_percentile: Percentile must be between 0 and 100, got ${percent}`, args.percent.span));
  return percent;
}

function binsPerWindowOf(args: Args, relation: Relation, run: RunContext): number {
  const bins = constantNumber(args.binsPerWindow, relation, run, 'rolling_percentile: BinsPerWindow');
  if (!Number.isInteger(bins) || bins < 1) throw new EngineFailure(runtimeError(`rolling_percentile: BinsPerWindow must be a whole number of at least 1, got ${bins}`, args.binsPerWindow.span));
  return bins;
}

/** Runs `rolling_percentile` over `relation`; `schema` is the node's output schema. */
export function applyRollingPercentile(relation: Relation, args: Args, dims: readonly Expr[], schema: readonly ColumnSchema[], run: RunContext): Relation {
  const percent = percentOf(args, relation, run);
  const size = positiveConstant(args.binSize, relation, run, 'rolling_percentile: BinSize');
  const binsPerWindow = binsPerWindowOf(args, relation, run);
  const binned = numericInput(args.binnedIndex, relation, run, 'rolling_percentile: IndexColumn');
  const value = numericInput(args.value, relation, run, 'rolling_percentile: ValueColumn');
  const slices = sliceByDims(dims, relation, run);
  const groupIds = slices.grouping.groupIds;
  const rows = orderedRows(relation.rowCount, (i) => hasNumber(binned, i) && hasNumber(value, i), groupIds, [binned.data]);
  const scratch = new Float64Array(rows.length);
  const out = new WindowRows(1);
  let first = 0;
  while (first < rows.length) {
    const slice = groupIds[rows[first]];
    let last = first;
    while (last < rows.length && groupIds[rows[last]] === slice) last++;
    // Bin numbers relative to the slice's first bin (differences only, so any tick base works).
    const origin = binned.data[rows[first]];
    const binNumber = (k: number): number => Math.round((binned.data[rows[k]] - origin) / size);
    const lastBin = binNumber(last - 1);
    let start = first; // first row of the window
    let end = first; // one past the window's last row
    for (let w = 0; w <= lastBin; w++) {
      if ((w & POLL_MASK) === 0) pollCancel(run.cancel);
      while (end < last && binNumber(end) <= w) end++;
      while (start < end && binNumber(start) <= w - binsPerWindow) start++;
      if (start === end) {
        // No value in this window: jump to the next bin that has rows.
        if (end >= last) break;
        w = binNumber(end) - 1;
        continue;
      }
      const n = end - start;
      for (let k = 0; k < n; k++) scratch[k] = value.data[rows[start + k]];
      const picked = selectInPlace(scratch, 0, n, nearestRankIndex(percent, n));
      // The bin's own value when it has rows (exactly what bin() gave), else counted from the origin.
      const time = binNumber(end - 1) === w ? binned.data[rows[end - 1]] : origin + w * size;
      out.push(slice, time, [picked]);
    }
    first = last;
  }
  return windowOutput(out, slices, schema);
}
