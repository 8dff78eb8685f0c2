/**
 * Cooperative cancellation. The engine polls `isCancelled()` between chunks of work;
 * in the worker it reads a SharedArrayBuffer flag the page sets, so a synchronous
 * query loop sees the cancel without returning to the event loop.
 */
export interface CancelSignal {
  isCancelled(): boolean;
}

/** A signal that never fires. */
export const NEVER_CANCELLED: CancelSignal = { isCancelled: () => false };

/** A signal backed by an Int32Array cell (shared memory in the worker); non-zero means cancelled. */
export function cancelSignalFromFlag(flag: Int32Array): CancelSignal {
  return { isCancelled: () => Atomics.load(flag, 0) !== 0 };
}
