/**
 * `evaluate activity_counts_metrics(IdColumn, TimelineColumn, Start, End, Step [, dim ...])`
 * (activity-counts-metrics-plugin.md): for each time window, per combination of the dimensions,
 * `count` (records), `dcount` (distinct non-null ids), `new_dcount` (distinct ids not seen in any
 * earlier window of the slice) and `aggregated_dcount` (distinct ids from the first window to this
 * one, inclusive).
 *
 * Windows are `Step` wide, counted from `Start`; records from the window of `Start` to the window
 * of `End` (inclusive) count, earlier and later ones are ignored ("previous windows" start at
 * `Start`). A window without records gives no row. Rows come per slice (first appearance), then
 * by time.
 */
import type { ColumnSchema } from '../../table/column';
import type { Expr, WindowPlugin } from '../../plan';
import { POLL_MASK, pollCancel } from '../../functions/vector';
import type { Relation, RunContext } from '../relation';
import { WindowRows, constantNumber, hasNumber, idsOf, numericInput, orderedRows, positiveConstant, sliceByDims, windowIndex, windowOutput } from './windowCommon';

type Args = Extract<WindowPlugin, { name: 'activity_counts_metrics' }>;

/** Runs `activity_counts_metrics` over `relation`; `schema` is the node's output schema. */
export function applyActivityCountsMetrics(relation: Relation, args: Args, dims: readonly Expr[], schema: readonly ColumnSchema[], run: RunContext): Relation {
  const start = constantNumber(args.start, relation, run, 'activity_counts_metrics: Start');
  const end = constantNumber(args.end, relation, run, 'activity_counts_metrics: End');
  const step = positiveConstant(args.step, relation, run, 'activity_counts_metrics: Step');
  const lastWindow = windowIndex(end, start, step);
  const time = numericInput(args.timeline, relation, run, 'activity_counts_metrics: TimelineColumn');
  const { ids, cardinality } = idsOf(args.id, relation, run);
  const slices = sliceByDims(dims, relation, run);
  const rowCount = relation.rowCount;
  const bucket = new Float64Array(rowCount);
  for (let i = 0; i < rowCount; i++) bucket[i] = hasNumber(time, i) ? windowIndex(time.data[i], start, step) : NaN;
  const groupIds = slices.grouping.groupIds;
  const rows = orderedRows(rowCount, (i) => bucket[i] >= 0 && bucket[i] <= lastWindow, groupIds, [bucket]);
  // Stamps instead of sets: an id was seen in the current window / slice when its stamp is the current one.
  const seenInWindow = new Int32Array(cardinality);
  const seenInSlice = new Int32Array(cardinality);
  let windowStamp = 0;
  let sliceStamp = 0;
  const out = new WindowRows(4);
  let k = 0;
  while (k < rows.length) {
    const slice = groupIds[rows[k]];
    sliceStamp++;
    let aggregated = 0;
    while (k < rows.length && groupIds[rows[k]] === slice) {
      const w = bucket[rows[k]];
      windowStamp++;
      let count = 0;
      let distinct = 0;
      let fresh = 0;
      for (; k < rows.length && groupIds[rows[k]] === slice && bucket[rows[k]] === w; k++) {
        if ((k & POLL_MASK) === 0) pollCancel(run.cancel);
        count++;
        const id = ids[rows[k]];
        if (id < 0) continue;
        if (seenInWindow[id] !== windowStamp) {
          seenInWindow[id] = windowStamp;
          distinct++;
        }
        if (seenInSlice[id] !== sliceStamp) {
          seenInSlice[id] = sliceStamp;
          fresh++;
          aggregated++;
        }
      }
      out.push(slice, start + w * step, [count, distinct, fresh, aggregated]);
    }
  }
  return windowOutput(out, slices, schema);
}
