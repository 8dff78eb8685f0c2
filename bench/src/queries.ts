/**
 * The six queries of issue 4, each written for every system: KQL for the engine, SQL for
 * DuckDB, verbs for arquero; plus what their answers look like so they can be compared.
 */

/** How a result column is compared across systems. */
export type ColumnCheck =
  /** Equal values (group keys, counts, text). */
  | 'exact'
  /** Floating-point aggregate: equal within 1e-9 relative (summation order differs). */
  | 'float'
  /** Estimates whose method differs by system (percentile): within max(1, 2 %). */
  | 'estimate';

/** One result column: its Kusto name and how to compare it. */
export interface ResultColumn {
  readonly name: string;
  readonly check: ColumnCheck;
}

/** Identifiers of the queries, in table order. */
export type QueryId = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5' | 'Q6';

/** A query and the shape of its answer. */
export interface QuerySpec {
  readonly id: QueryId;
  /** One line for the table's legend. */
  readonly summary: string;
  readonly kql: string;
  readonly sql: string;
  readonly columns: readonly ResultColumn[];
  /**
   * For `top N by <column> desc`: rows tied with the last kept value may differ by system,
   * so only rows above that value are compared one by one, and the tied ones by count.
   */
  readonly topBy?: string;
  /** Whether the query counts in the "sum of the six" line (room for extra, uncounted queries). */
  readonly inSum: boolean;
}

const REPO = 'ContainerRegistryRepositoryEvents';
const LOGIN = 'ContainerRegistryLoginEvents';

function q4(id: QueryId, needle: string, summary: string, inSum: boolean): QuerySpec {
  return {
    id,
    summary,
    kql: `${REPO} | where Repository contains "${needle}" | summarize dcount(Identity), avg(todouble(DurationMs)), percentile(todouble(DurationMs), 95) by Repository`,
    // ILIKE: KQL `contains` is a case-insensitive substring test.
    sql: `SELECT Repository, count(DISTINCT Identity) AS dcount_Identity, avg(TRY_CAST(DurationMs AS DOUBLE)) AS avg_DurationMs,
            quantile_cont(TRY_CAST(DurationMs AS DOUBLE), 0.95) AS percentile_DurationMs_95
          FROM repo WHERE Repository ILIKE '%${needle}%' GROUP BY Repository`,
    columns: [
      { name: 'Repository', check: 'exact' },
      { name: 'dcount_Identity', check: 'exact' },
      { name: 'avg_DurationMs', check: 'float' },
      { name: 'percentile_DurationMs_95', check: 'estimate' },
    ],
    inSum,
  };
}

/** The queries, in the order of the issue. */
export const QUERIES: readonly QuerySpec[] = [
  {
    id: 'Q1',
    summary: 'where OperationName == "Pull" | count',
    kql: `${REPO} | where OperationName == "Pull" | count`,
    sql: `SELECT count(*) AS "Count" FROM repo WHERE OperationName = 'Pull'`,
    columns: [{ name: 'Count', check: 'exact' }],
    inSum: true,
  },
  {
    id: 'Q2',
    summary: 'summarize count() by bin(TimeGenerated, 1h), OperationName',
    kql: `${REPO} | summarize count() by bin(TimeGenerated, 1h), OperationName`,
    sql: `SELECT date_trunc('hour', TimeGenerated) AS TimeGenerated, OperationName, count(*) AS count_ FROM repo GROUP BY ALL`,
    columns: [
      { name: 'TimeGenerated', check: 'exact' },
      { name: 'OperationName', check: 'exact' },
      { name: 'count_', check: 'exact' },
    ],
    inSum: true,
  },
  {
    id: 'Q3',
    summary: 'top 100 by TimeGenerated desc | project 5 columns',
    kql: `${REPO} | top 100 by TimeGenerated desc | project TimeGenerated, OperationName, Repository, Identity, DurationMs`,
    sql: `SELECT TimeGenerated, OperationName, Repository, Identity, DurationMs FROM repo ORDER BY TimeGenerated DESC LIMIT 100`,
    columns: [
      { name: 'TimeGenerated', check: 'exact' },
      { name: 'OperationName', check: 'exact' },
      { name: 'Repository', check: 'exact' },
      { name: 'Identity', check: 'exact' },
      { name: 'DurationMs', check: 'exact' },
    ],
    topBy: 'TimeGenerated',
    inSum: true,
  },
  q4('Q4', 'api', 'Repository contains "api" | dcount, avg, percentile 95 by Repository', true),
  {
    id: 'Q5',
    summary: 'ResultDescription != "200" | count by Identity, CallerIpAddress | top 20',
    kql: `${REPO} | where ResultDescription != "200" | summarize count() by Identity, CallerIpAddress | top 20 by count_`,
    sql: `SELECT Identity, CallerIpAddress, count(*) AS count_ FROM repo WHERE ResultDescription <> '200' GROUP BY ALL ORDER BY count_ DESC LIMIT 20`,
    columns: [
      { name: 'Identity', check: 'exact' },
      { name: 'CallerIpAddress', check: 'exact' },
      { name: 'count_', check: 'exact' },
    ],
    topBy: 'count_',
    inSum: true,
  },
  {
    id: 'Q6',
    summary: 'failed logins join (innerunique) repository events on Identity | count by Identity',
    kql: `${LOGIN} | where ResultDescription != "200" | join ${REPO} on Identity | summarize count() by Identity`,
    // Kusto's default join kind is innerunique: one left row per key, then an inner join.
    sql: `SELECT r.Identity AS Identity, count(*) AS count_
          FROM (SELECT DISTINCT Identity FROM login WHERE ResultDescription <> '200') l JOIN repo r ON r.Identity = l.Identity
          GROUP BY r.Identity`,
    columns: [
      { name: 'Identity', check: 'exact' },
      { name: 'count_', check: 'exact' },
    ],
    inSum: true,
  },
];
