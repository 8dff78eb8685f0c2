/**
 * Families of Kusto names for the coverage table, and why a name is "not yet": a reason per
 * family, with a few per-name reasons on top.
 */

/** What a row of the coverage table is. */
export type CoverageKind = 'operator' | 'function' | 'aggregate' | 'plugin';

const FUNCTION_FAMILIES: readonly (readonly [string, RegExp])[] = [
  ['geo', /^geo_/],
  ['series', /^series_|^fft$|^ifft$/],
  // `column_ifexists` reads the input's columns; it has a meaning over local files.
  ['columns', /^column_?ifexists$|^iscolumnexists$/],
  ['graph', /^(graph_|node_degree|all$|any$|inner_nodes|map$)/],
  ['window', /^(row_|prev$|next$)/],
  ['ipv4/ipv6', /ipv4|ipv6|^ip_|^format_ipv/],
  ['hash', /^hash/],
  ['url', /url/],
  ['scope and metadata', /^(cluster|database|table|external_table|materialized_view|stored_query_result|cursor_|ingestion_time|extent_|current_|estimate_data_size|toscalar|entity_group|_)/],
  ['dynamic', /^(array_|bag_|pack|set_|zip$|jaccard_index|treepath|todynamic|toobject|parse_json|parse_xml|dynamic_to_json|make_bag|repeat$)/],
  ['datetime', /date|time|^ago$|^now$|^startof|^endof|^dayof|^week|^month|^getmonth|^getyear|^hourof|^unixtime|^bin_at$|^make_timespan/],
  ['conversion', /^to(bool|boolean|int|long|real|double|decimal|string|guid|hex|upper|lower)?$|^to[a-z]+$/],
  ['string', /str|^sub|trim|replace|split|indexof|extract|base64|^parse_|reverse|countof|^has_|^translate|^punycode|^unicode|^format_|^regex|^concat|^case$|^isascii|^isutf8|^quote|^escape|^_?string/],
  ['math', /^(abs|sqrt|log|exp|pow|round|floor|ceiling|sign|sin|cos|tan|asin|acos|atan|cot|degrees|radians|pi|isnan|isinf|isfinite|gamma|loggamma|rand|max_of|min_of|bin|beta_|erf|binary_|bitset|welch|percentrank|percentile|new_guid|coalesce)/],
  ['conditional and logic', /^(iff|iif|case|not|isnull|isnotnull|isempty|isnotempty|coalesce|gettype|strcmp|hll_|tdigest|merge_|rank_tdigest|percentile_tdigest|dcount_hll)/],
];

/** The family of a scalar function (first matching pattern), or `other`. */
export function functionFamily(name: string): string {
  return FUNCTION_FAMILIES.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';
}

const OPERATOR_FAMILIES: Readonly<Record<string, string>> = {
  'graph-match': 'graph', 'graph-merge': 'graph', 'graph-to-table': 'graph', 'make-graph': 'graph', 'graph-mark-components': 'graph',
  'make-series': 'series', evaluate: 'plugins', 'execute-and-cache': 'scope and metadata', 'macro-expand': 'scope and metadata',
  'assert-schema': 'scope and metadata', consume: 'scope and metadata', find: 'search', search: 'search',
};

/** The family of a query operator keyword. */
export function operatorFamily(keyword: string): string {
  return OPERATOR_FAMILIES[keyword] ?? 'tabular operators';
}

/** The family of an aggregate. */
export function aggregateFamily(name: string): string {
  if (/tdigest|hll|percentilew|percentilesw/.test(name)) return 'sketches and weighted';
  return 'aggregates';
}

const FAMILY_REASONS: Readonly<Record<string, string>> = {
  geo: 'geospatial — last, per the issue',
  series: 'series analysis: not yet (the docs do not define the algorithm exactly enough, or not reached)',
  graph: 'graph semantics: not planned yet',
  plugins: 'plugin (evaluate)',
  'scope and metadata': 'cluster/database scope or service metadata: no meaning over local files',
  search: 'search/find over every table: not yet',
  'sketches and weighted': 'sketch (hll/tdigest) or weighted percentiles: not yet',
};

const NAME_REASONS: Readonly<Record<string, string>> = {
  scan: 'needs the scan state machine',
  fork: 'several results from one input: not yet',
  partition: 'needs subqueries per partition',
  'partition-by': 'needs subqueries per partition',
  make_list_with_nulls: 'not yet',
};

const REMOTE_PLUGIN = 'queries a service outside the page: not planned (the app never leaves its origin)';
const CODE_PLUGIN = 'runs user code in a sandbox on the cluster: not planned in the browser';
const CLUSTER_PLUGIN = 'reads cluster storage or metadata: no meaning over local files';

const PLUGIN_REASONS: Readonly<Record<string, string>> = {
  http_request: REMOTE_PLUGIN, http_request_post: REMOTE_PLUGIN, sql_request: REMOTE_PLUGIN, mysql_request: REMOTE_PLUGIN,
  postgresql_request: REMOTE_PLUGIN, cosmosdb_sql_request: REMOTE_PLUGIN, azure_digital_twins_query_request: REMOTE_PLUGIN,
  execute_query: REMOTE_PLUGIN, execute_show_command: REMOTE_PLUGIN,
  python: CODE_PLUGIN, r: CODE_PLUGIN, csharp: CODE_PLUGIN,
  infer_storage_schema: CLUSTER_PLUGIN, external_datatable: CLUSTER_PLUGIN, estimate_rows_count: CLUSTER_PLUGIN,
};

/** Why `name` is not implemented yet. */
export function reasonFor(kind: CoverageKind, name: string, family: string): string {
  if (kind === 'plugin') return PLUGIN_REASONS[name] ?? 'plugin: not yet';
  return NAME_REASONS[name] ?? FAMILY_REASONS[family] ?? 'not yet';
}
