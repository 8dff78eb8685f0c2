/**
 * The aggregate protocol: `init` a state for a number of groups, `add` a batch of rows
 * (each with its group id), `merge` two states over the same groups (for chunked or
 * parallel runs), and turn the state into the `result` column (one row per group).
 * States are columnar (one typed array slot per group), never one object per row.
 */
import type { Column } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import type { CancelSignal } from '../cancel';

/** One aggregation function, e.g. `sum`. `S` is its state type. */
export interface Aggregate<S> {
  /** A state for `groupCount` groups, every group empty. */
  init(groupCount: number): S;
  /**
   * Adds `rowCount` rows: row i belongs to group `groupIds[i]`; `args` are the evaluated
   * argument vectors (length `rowCount`, or 1 for a constant).
   */
  add(state: S, groupIds: Int32Array, rowCount: number, args: readonly Column[], cancel: CancelSignal): void;
  /** Folds `from` into `into` (both over the same groups). */
  merge(into: S, from: S): void;
  /** One value per group, as a column of `type` (the binder's result type). */
  result(state: S, groupCount: number, type: ScalarType): Column;
}

/** Any aggregate, state type erased (the registry holds these). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAggregate = Aggregate<any>;
