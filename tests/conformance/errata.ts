/**
 * Documented examples whose output table does not match the page's own query: a column the
 * query never names, a typo in a value, inputs in the table that differ from the query's, rows
 * left out without an ellipsis. Each was checked by hand against the page (and the pages it
 * links to); the report lists them apart, counted neither as passes nor as failures, each with
 * its reason and what the engine returned. Only clear page mistakes belong here.
 */

/** One documented example the page gets wrong. */
export interface Erratum {
  /** Page path relative to the docs' `query/` folder. */
  readonly page: string;
  /** 1-based line of the example's opening code fence. */
  readonly line: number;
  /** One line: what is wrong on the page. */
  readonly reason: string;
}

const PRINT_NAME = 'an unnamed `print` expression is named `print_0`';
const PROJECT_NAME = 'an unnamed `project` expression is named `Column1`';
const SERIES_INPUT = 'the table shows the input as [-6.5,0,8.2] but the query uses dynamic([-1,0,1]) (the outputs are for [-1,0,1])';
// A query statement that is a scalar expression runs as an implicit `print` of it (as the pages'
// own "Run the query" links do), so its one column has print's name for an unnamed expression.
// percentiles-aggregation-function.md shows `percentiles_Value` for `percentiles_array(Value, ...)`,
// and Kusto.Language names `percentiles_array` and `percentilesw_array` columns alike.
const PERCENTILES_ARRAY_NAME = 'a `percentiles_array` / `percentilesw_array` column is named `percentiles_<expr>` (as percentiles-aggregation-function.md shows: `percentiles_Value`)';
const SCALAR_STATEMENT_NAME = 'the query names no column: a scalar expression run as a query is an implicit `print`, whose unnamed column is `print_0`';

/** The documentation errata, by page and line. */
export const ERRATA: readonly Erratum[] = [
  { page: 'base64-decode-toguid-function.md', line: 39, reason: 'a GUID\'s third group is little-endian like the first two (.NET byte layout; base64-encode-fromguid-function.md encodes 49ae as bytes ae 49): bytes 75 4c give 4c75, not 754c' },
  { page: 'binary-all-xor-aggregation-function.md', line: 41, reason: 'header `results`: the query names the column `result`' },
  { page: 'bin-function.md', line: 62, reason: 'typo: 14 days is the timespan 14.00:00:00, shown as 14:00:00:00' },
  { page: 'cos-function.md', line: 40, reason: `header \`result\`: ${PRINT_NAME}` },
  { page: 'cot-function.md', line: 37, reason: `header \`result\`: ${PRINT_NAME}` },
  { page: 'sin-function.md', line: 32, reason: `header \`result\`: ${PRINT_NAME}` },
  { page: 'strlen-function.md', line: 76, reason: `header \`length\`: ${PRINT_NAME}` },
  { page: 'parse-command-line-function.md', line: 38, reason: `header \`Result\`: ${PRINT_NAME}` },
  { page: 'split-function.md', line: 42, reason: 'typo in the header: `print4` for `print_4`' },
  { page: 'tohex-function.md', line: 41, reason: 'typo in the header: `print_04` for `print_4`' },
  { page: 'max-of-function.md', line: 64, reason: `header \`result\`: ${PROJECT_NAME}` },
  { page: 'min-of-function.md', line: 60, reason: `header \`result\`: ${PROJECT_NAME}` },
  { page: 'zip-function.md', line: 65, reason: `header \`print_0\`: the query uses \`project\`, and ${PROJECT_NAME}` },
  { page: 'let-statement.md', line: 184, reason: 'header `result`: the `count` operator names its column `Count` (count-operator.md)' },
  { page: 'variancep-aggregation-function.md', line: 43, reason: 'header `variance_x`: `variancep(x)` is named `variancep_x`' },
  { page: 'extract-all-function.md', line: 51, reason: 'header `ID`: the query names the column `Id`' },
  { page: 'extract-all-function.md', line: 69, reason: 'header `ID`: the query names the column `Id`' },
  { page: 'extract-all-function.md', line: 91, reason: 'header `ID`: the query names the column `Id`' },
  { page: 'extract-all-function.md', line: 109, reason: 'header `ID`: the query names the column `Id`' },
  { page: 'array-iff-function.md', line: 86, reason: '`condition` shows [true, false, true] but the query\'s condition is ["some string value", datetime, null]' },
  { page: 'mv-apply-operator.md', line: 198, reason: 'header `Val1`: the query\'s column is `Val` (and row 1 quotes "A2\' with a stray apostrophe)' },
  { page: 'parse-operator.md', line: 291, reason: 'kind=relaxed keeps every row whose delimiters all appear: all 5 input rows (the last two with valid dates); the table shows 3' },
  { page: 'parse-where-operator.md', line: 92, reason: 'header `previousLockTime`: the query names the column `previouLockTime`' },
  { page: 'parse-where-operator.md', line: 167, reason: 'the table shows one row of empty cells for an empty result (the next paragraph: "No result was obtained"; the case-sensitive "RESOURCENAME=" matches nothing)' },
  { page: 'mv-expand-operator.md', line: 212, reason: 'typo in the header: `getschema` returns `DataType`, shown as `DateType`' },
  { page: 'series-magnitude-function.md', line: 39, reason: 'header `s1, s2, series_magnitude` with two cells per row: the query\'s columns are `arr, series_magnitude`' },
  { page: 'series-sum-function.md', line: 37, reason: 'header `s1`: the query names the column `arr`' },
  { page: 'series-acos-function.md', line: 37, reason: SERIES_INPUT },
  { page: 'series-atan-function.md', line: 37, reason: SERIES_INPUT },
  { page: 'series-cos-function.md', line: 37, reason: SERIES_INPUT },
  { page: 'series-sin-function.md', line: 37, reason: SERIES_INPUT },
  { page: 'series-tan-function.md', line: 37, reason: SERIES_INPUT },
  { page: 'series-asin-function.md', line: 39, reason: 'two of the three results are printed as strings ("-1.5707963267948966"); the page\'s Returns says a dynamic array of calculated values' },
  { page: 'series-fill-linear-function.md', line: 50, reason: 'row 2, `with_const`: shows 74 and 38 where the same fill without a constant gives 73 and 36 (36 is an input value, never filled); the constant only replaces an all-missing series' },
  { page: 'series-iir-function.md', line: 59, reason: 'range(1.0, 10, 1) gives 10 rows after mv-expand; the table shows the first 4 with no ellipsis' },
  { page: 'range-function.md', line: 94, reason: 'a stray row `1,000,000` (from the next example) precedes the output row' },
  { page: 'range-operator.md', line: 77, reason: 'the union of 2024-01-01..05 and 2024-01-06..10 by 1d has 10 rows; the table starts at 2024-01-04 (three rows left out, no ellipsis)' },
  { page: 'join-rightanti.md', line: 41, reason: 'header `Key, Value1`: rightanti returns the right table\'s columns (the page\'s own Returns), i.e. `Key, Value2`' },
  { page: 'join-innerunique.md', line: 125, reason: 'the page says innerunique may keep either left row and both outputs are correct, and shows the other one for the same query at line 101; the engine keeps the first row (line 101\'s output)' },
  { page: 'replace-regex-function.md', line: 41, reason: '`range x from 1 to 5 step 1` is a long column and tostring(1) is "1"; the page shows "1.000000"' },
  { page: 'replace-string-function.md', line: 68, reason: '`range x from 1 to 5 step 1` is a long column and tostring(1) is "1"; the page shows "1.000000"' },
  { page: 'toguid-function.md', line: 44, reason: 'row 3 input: the query has "a string that is not a guid", the table "a string that isn\'t a guid"' },
  { page: 'url-encode-function.md', line: 40, reason: '`original` shows a trailing "/" that the query\'s url does not have' },
  { page: 'url-encode-component-function.md', line: 39, reason: 'the url ends with "/" (shown in `original`) but `encoded` leaves out its %2f' },
  { page: 'strcat-function.md', line: 63, reason: 'the table shows the web UI\'s expanded row view (numbered lines, the column name), not the cell value "Line 1\\nLine 2\\nLine 3"' },
  { page: 'summarize-operator.md', line: 200, reason: '`count(x)`: count() takes no argument (count-aggregation-function.md: syntax `count()`), and Kusto.Language rejects it' },
  { page: 'summarize-operator.md', line: 247, reason: '`count(y)`: count() takes no argument (count-aggregation-function.md: syntax `count()`), and Kusto.Language rejects it' },
  { page: 'asin-function.md', line: 37, reason: `header \`result\`: ${SCALAR_STATEMENT_NAME}; and asin(0.5) is pi/6 = 0.5235987755982989, not 1.2532358975033751` },
  { page: 'atan-function.md', line: 37, reason: `header \`result\`: ${SCALAR_STATEMENT_NAME}` },
  { page: 'binary-not-function.md', line: 37, reason: `header \`result\`: ${SCALAR_STATEMENT_NAME}` },
  { page: 'binary-shift-left-function.md', line: 39, reason: `header \`Result\`: ${SCALAR_STATEMENT_NAME}` },
  { page: 'binary-shift-right-function.md', line: 39, reason: `header \`Result\`: ${SCALAR_STATEMENT_NAME}` },
  { page: 'binary-xor-function.md', line: 38, reason: `header \`Result\`: ${SCALAR_STATEMENT_NAME}` },
  { page: 'binary-xor-function.md', line: 53, reason: `header \`Result\`: ${SCALAR_STATEMENT_NAME}` },
  { page: 'day-of-month-function.md', line: 39, reason: `header \`result\`: ${SCALAR_STATEMENT_NAME}` },
  { page: 'day-of-year-function.md', line: 39, reason: `header \`result\`: ${SCALAR_STATEMENT_NAME}` },
  { page: 'scan-operator.md', line: 247, reason: 'column order: the query ends with `project start, end, userID, sessionDuration`; the table puts `userID` first' },
  { page: 'percentilesw-aggregation-function.md', line: 142, reason: `header \`percentile_LatencyBucket\`: ${PERCENTILES_ARRAY_NAME}` },
  { page: 'percentilesw-aggregation-function.md', line: 167, reason: `header \`percentile_LatencyBucket\`: ${PERCENTILES_ARRAY_NAME}` },
  { page: 'sliding-window-counts-plugin.md', line: 52, reason: 'header `dcount` (in code format): the plugin\'s columns are `Count` and `Dcount` (Kusto.Language\'s schema; the same header capitalizes `Count`)' },
  { page: 'parse-url-function.md', line: 39, reason: 'Path "this/is/a/path": a URL\'s path after the authority starts with "/" (RFC 3986 path-abempty; .NET Uri.AbsolutePath gives "/this/is/a/path"); the hand-written table also quotes the Query Parameters object as a string' },
];

/** The erratum for the example at `page`:`line`, if it is listed. */
export function erratumFor(page: string, line: number): Erratum | undefined {
  return ERRATA.find((e) => e.page === page && e.line === line);
}
