/**
 * `row_window_session(expr, maxDistanceFromFirst, maxDistanceBetweenNeighbors[, restart])`
 * (row-window-session-function.md), a window function over the serialized rows: each row gets
 * the value that started its session. A row starts a new session when there is no session (the
 * first row, or the row after a null), when it is at or past the session start plus
 * `maxDistanceFromFirst`, at or past the previous value plus `maxDistanceBetweenNeighbors`, or
 * when `restart` is true. A null `expr` gives null and ends the session.
 */
import type { ScalarKernel } from './kernel';
import { POLL_MASK, at, pollCancel, writerFor } from './vector';

/** The kernel (registered with the window functions, so it needs a serialized input). */
export const rowWindowSession: ScalarKernel = (args, call, ctx) => {
  const [value, fromFirst, betweenNeighbors, restart] = args;
  const n = ctx.rowCount;
  const out = writerFor(call.type, n);
  let sessionStart: number | null = null;
  let previous: number | null = null;
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(ctx.cancel);
    const v = at(value, i);
    if (typeof v !== 'number') {
      out.set(i, null);
      sessionStart = null;
      previous = null;
      continue;
    }
    const maxFirst = at(fromFirst, i);
    const maxNeighbors = at(betweenNeighbors, i);
    const starts = sessionStart === null || previous === null
      || (typeof maxFirst === 'number' && v >= sessionStart + maxFirst)
      || (typeof maxNeighbors === 'number' && v >= previous + maxNeighbors)
      || (restart !== undefined && at(restart, i) === true);
    if (starts) sessionStart = v;
    previous = v;
    out.set(i, sessionStart);
  }
  return out.finish();
};
