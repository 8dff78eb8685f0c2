/**
 * `evaluate sliding_window_counts(IdColumn, TimelineColumn, Start, End, LookbackWindow, Bin [, dim ...])`
 * (sliding-window-counts-plugin.md): for each analysis bin from `Start` to `End`, the number of
 * records (`Count`) and of distinct non-null ids (`Dcount`) in the lookback window ending with
 * that bin, per combination of the dimensions.
 *
 * As the page defines it (and its "sliding window" technique, a record copied into each window it
 * falls in and then summarized):
 * - bins are `Bin` wide and counted from `Start`; the window of bin `w` is the `L` bins ending with
 *   `w`, where `L = floor(LookbackWindow / Bin)` (the lookback is rounded down to whole bins; at
 *   least one bin, so a window always holds its own bin);
 * - windows run from the bin of `Start` to the bin of `End` (inclusive), so records up to `L - 1`
 *   bins before `Start` count in the first windows;
 * - a window without any record gives no row (the summarize technique has nothing to group);
 * - rows come per slice (first appearance), then by time.
 */
import type { ColumnSchema } from '../../table/column';
import type { Expr, WindowPlugin } from '../../plan';
import { POLL_MASK, pollCancel } from '../../functions/vector';
import type { Relation, RunContext } from '../relation';
import { WindowRows, hasNumber, idsOf, numericInput, orderedRows, positiveConstant, constantNumber, sliceByDims, windowIndex, windowOutput } from './windowCommon';

type Args = Extract<WindowPlugin, { name: 'sliding_window_counts' }>;

/** Runs `sliding_window_counts` over `relation`; `schema` is the node's output schema. */
export function applySlidingWindowCounts(relation: Relation, args: Args, dims: readonly Expr[], schema: readonly ColumnSchema[], run: RunContext): Relation {
  const start = constantNumber(args.start, relation, run, 'sliding_window_counts: Start');
  const end = constantNumber(args.end, relation, run, 'sliding_window_counts: End');
  const bin = positiveConstant(args.bin, relation, run, 'sliding_window_counts: Bin');
  const lookback = constantNumber(args.lookback, relation, run, 'sliding_window_counts: LookbackWindow');
  const span = Math.max(1, Math.floor(lookback / bin));
  const lastWindow = windowIndex(end, start, bin);
  const time = numericInput(args.timeline, relation, run, 'sliding_window_counts: TimelineColumn');
  const { ids, cardinality } = idsOf(args.id, relation, run);
  const slices = sliceByDims(dims, relation, run);
  const rowCount = relation.rowCount;
  const bucket = new Float64Array(rowCount);
  for (let i = 0; i < rowCount; i++) bucket[i] = hasNumber(time, i) ? windowIndex(time.data[i], start, bin) : NaN;
  const groupIds = slices.grouping.groupIds;
  const rows = orderedRows(rowCount, (i) => bucket[i] > -span && bucket[i] <= lastWindow, groupIds, [bucket]);
  const out = new WindowRows(2);
  const inWindow = new Int32Array(cardinality);
  let count = 0;
  let distinct = 0;
  const add = (r: number, sign: 1 | -1): void => {
    count += sign;
    const id = ids[r];
    if (id < 0) return;
    const before = inWindow[id];
    inWindow[id] = before + sign;
    if (before === 0) distinct++;
    else if (before === 1 && sign < 0) distinct--;
  };
  let first = 0;
  while (first < rows.length) {
    if ((first & POLL_MASK) === 0) pollCancel(run.cancel);
    const slice = groupIds[rows[first]];
    let last = first;
    while (last < rows.length && groupIds[rows[last]] === slice) last++;
    // Rows [first, last) are this slice's, by bin. `added` and `removed` walk them as the window moves.
    let added = first;
    let removed = first;
    let w = Math.max(0, bucket[rows[first]]);
    const lastInSlice = Math.min(lastWindow, bucket[rows[last - 1]] + span - 1);
    while (w <= lastInSlice) {
      while (added < last && bucket[rows[added]] <= w) add(rows[added++], 1);
      while (removed < added && bucket[rows[removed]] <= w - span) add(rows[removed++], -1);
      if (removed === added) {
        // An empty window: jump to the next bin that has records.
        if (added >= last) break;
        w = bucket[rows[added]];
        continue;
      }
      out.push(slice, start + w * bin, [count, distinct]);
      w++;
    }
    while (removed < added) add(rows[removed++], -1);
    first = last;
  }
  return windowOutput(out, slices, schema);
}
