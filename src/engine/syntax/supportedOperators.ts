/**
 * The Kusto query operators (tabular operators and sources, by their keyword as written in a
 * query) that the engine executes today. Read by the KQL coverage table generator; anything not
 * listed answers `not supported yet: <keyword>` at its position. Keep it in step with
 * `lowerTabular.ts`.
 */
export const SUPPORTED_QUERY_OPERATORS: ReadonlySet<string> = new Set([
  // sources
  'print', 'range', 'datatable', 'union',
  // filters and shaping
  'where', 'filter', 'project', 'extend', 'project-away', 'project-keep', 'project-rename', 'project-reorder',
  'serialize', 'as', 'getschema', 'invoke', 'mv-expand',
  // aggregation, ordering, row limits
  'summarize', 'count', 'distinct', 'top', 'take', 'limit', 'sort', 'order',
  // combining and presenting
  'join', 'render',
  // series, nesting and search (lowerMoreOperators.ts)
  'make-series', 'top-nested', 'search', 'parse-kv', 'mv-apply',
  // parsing text, looking up dimension tables, sampling (lowerOperators2.ts)
  'parse', 'parse-where', 'lookup', 'sample', 'sample-distinct', 'scan', 'partition',
  // several results, cross-table search, heavy hitters (lowerOperators4.ts)
  'fork', 'facet', 'find', 'top-hitters',
  // plugins (lowerEvaluate.ts; which ones: SUPPORTED_EVALUATE_PLUGINS)
  'evaluate',
]);
