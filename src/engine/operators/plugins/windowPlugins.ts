/**
 * The time-window plugins of `evaluate`: `rolling_percentile`, `sliding_window_counts`,
 * `activity_counts_metrics` and `active_users_count`, one file each (their module comments state
 * the semantics and where the pages leave a choice). Their output follows the binder's schema.
 */
import type { WindowPluginOperator } from '../../plan';
import type { ColumnSchema } from '../../table/column';
import type { Relation, RunContext } from '../relation';
import { applyActiveUsersCount } from './activeUsersCount';
import { applyActivityCountsMetrics } from './activityCountsMetrics';
import { applyRollingPercentile } from './rollingPercentile';
import { applySlidingWindowCounts } from './slidingWindowCounts';

/** Applies one time-window plugin; `schema` is the plan node's output schema (named by position). */
export function applyWindowPlugin(relation: Relation, operator: WindowPluginOperator, schema: readonly ColumnSchema[], run: RunContext): Relation {
  const plugin = operator.plugin;
  switch (plugin.name) {
    case 'rolling_percentile':
      return applyRollingPercentile(relation, plugin, operator.dims, schema, run);
    case 'sliding_window_counts':
      return applySlidingWindowCounts(relation, plugin, operator.dims, schema, run);
    case 'activity_counts_metrics':
      return applyActivityCountsMetrics(relation, plugin, operator.dims, schema, run);
    case 'active_users_count':
      return applyActiveUsersCount(relation, plugin, operator.dims, schema, run);
    default: {
      const never: never = plugin;
      return never;
    }
  }
}
