/**
 * `evaluate active_users_count(IdColumn, TimelineColumn, Start, End, LookbackWindow, Period,
 * ActivePeriodsCount, Bin [, dim ...])` (active-users-count-plugin.md): for each analysis bin, per
 * combination of the dimensions, the number of distinct ids with at least one active appearance
 * in the bin.
 *
 * An appearance (a record of an id at time t, with t in the bins from `Start` to `End`) is active
 * when the id's appearances at times s with `t - LookbackWindow < s <= t` fall in at least
 * `ActivePeriodsCount` distinct periods. Appearances before `Start` count for the lookback only.
 * The start of the lookback is exclusive: the page's example gives no row for the bin of
 * 2018-07-08, where user B's 06-30 appearance is exactly 8 days (the lookback) before 07-08.
 * Bins and periods are counted from `Start` (the example's 7-day bins start on Sunday 07-01, its
 * `Start`). A bin without active users gives no row (as in the example). Rows come per slice
 * (first appearance), then by time.
 */
import type { ColumnSchema } from '../../table/column';
import type { Expr, WindowPlugin } from '../../plan';
import { POLL_MASK, pollCancel } from '../../functions/vector';
import type { Relation, RunContext } from '../relation';
import { WindowRows, constantNumber, hasNumber, idsOf, numericInput, orderedRows, positiveConstant, sliceByDims, windowIndex, windowOutput } from './windowCommon';

type Args = Extract<WindowPlugin, { name: 'active_users_count' }>;

/** Runs `active_users_count` over `relation`; `schema` is the node's output schema. */
export function applyActiveUsersCount(relation: Relation, args: Args, dims: readonly Expr[], schema: readonly ColumnSchema[], run: RunContext): Relation {
  const what = 'active_users_count';
  const start = constantNumber(args.start, relation, run, `${what}: Start`);
  const end = constantNumber(args.end, relation, run, `${what}: End`);
  const lookback = positiveConstant(args.lookback, relation, run, `${what}: LookbackWindow`);
  const period = positiveConstant(args.period, relation, run, `${what}: Period`);
  const activePeriods = constantNumber(args.activePeriods, relation, run, `${what}: ActivePeriodsCount`);
  const bin = positiveConstant(args.bin, relation, run, `${what}: Bin`);
  const lastBin = windowIndex(end, start, bin);
  const time = numericInput(args.timeline, relation, run, `${what}: TimelineColumn`);
  const { ids } = idsOf(args.id, relation, run);
  const slices = sliceByDims(dims, relation, run);
  const rowCount = relation.rowCount;
  const times = new Float64Array(rowCount);
  const idKey = new Float64Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    times[i] = hasNumber(time, i) ? time.data[i] : NaN;
    idKey[i] = ids[i];
  }
  const groupIds = slices.grouping.groupIds;
  // Records that can matter: a known id, before the end of the last bin, not older than one lookback before Start.
  const rows = orderedRows(rowCount, (i) => ids[i] >= 0 && times[i] > start - lookback && windowIndex(times[i], start, bin) <= lastBin, groupIds, [idKey, times]);
  // Active ids per (slice, bin): each id is counted once per bin, since its appearances come in time order.
  const activeCounts = new Map<number, number>();
  const binsPerSlice = lastBin + 1;
  let first = 0;
  while (first < rows.length) {
    if ((first & POLL_MASK) === 0) pollCancel(run.cancel);
    const slice = groupIds[rows[first]];
    const id = ids[rows[first]];
    let last = first;
    while (last < rows.length && groupIds[rows[last]] === slice && ids[rows[last]] === id) last++;
    // Rows [first, last): one id's appearances in time order. The lookback is rows [left, j].
    let left = first;
    let distinctPeriods = 0;
    let lastCounted = -1;
    for (let j = first; j < last; j++) {
      const t = times[rows[j]];
      if (j === first || windowIndex(t, start, period) !== windowIndex(times[rows[j - 1]], start, period)) distinctPeriods++;
      while (times[rows[left]] <= t - lookback) {
        // Dropping `left`: its period leaves the count unless the next row (still in the window) shares it.
        if (windowIndex(times[rows[left + 1]], start, period) !== windowIndex(times[rows[left]], start, period)) distinctPeriods--;
        left++;
      }
      const b = windowIndex(t, start, bin);
      if (b < 0 || b === lastCounted || distinctPeriods < activePeriods) continue;
      lastCounted = b;
      const key = slice * binsPerSlice + b;
      activeCounts.set(key, (activeCounts.get(key) ?? 0) + 1);
    }
    first = last;
  }
  const out = new WindowRows(1);
  for (const key of [...activeCounts.keys()].sort((a, b) => a - b)) {
    const slice = Math.floor(key / binsPerSlice);
    const b = key - slice * binsPerSlice;
    out.push(slice, start + b * bin, [activeCounts.get(key) ?? 0]);
  }
  return windowOutput(out, slices, schema);
}
