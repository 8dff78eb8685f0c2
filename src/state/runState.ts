/**
 * The state of one query run, as a status union (never loose booleans).
 */
import type { EngineError, RenderSpec, ResultTable } from '../engine';
import type { LineColumn } from './textPosition';
import type { RunTimeScope } from './timeLogic';
import type { ResultTotal } from '../worker/protocol';

export type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly queryText: string; readonly startedAt: number }
  | {
      readonly status: 'success';
      readonly queryText: string;
      readonly tables: readonly ResultTable[];
      readonly render?: RenderSpec;
      readonly elapsedMs: number;
      /** What the time-range picker did to this run (absent when the run had no time range). */
      readonly timeScope?: RunTimeScope;
      /** The worker's id of the whole result (sort, search, export over all rows). */
      readonly resultId?: number;
      /** Per table: its full row count and why `tables[i]` holds fewer rows (Kusto's limits). */
      readonly totals?: readonly ResultTotal[];
    }
  | {
      readonly status: 'error';
      readonly queryText: string;
      readonly error: EngineError;
      /** Offset of the run query block inside the editor text, to place the error marker. */
      readonly blockStart: number;
      /** Line and column of `blockStart` in the editor text, so the error's position can be shown in editor terms. */
      readonly blockPosition: LineColumn;
    }
  | { readonly status: 'cancelled'; readonly queryText: string };

export type RunStatus = RunState['status'];
