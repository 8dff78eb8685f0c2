/** English messages of the `results` namespace. */
export const results = {
  tabs: {
    label: 'Result views',
    results: 'Results',
    chart: 'Chart',
  },
  idle: 'Run a query to see its results here.',
  runningElapsed: 'Running… {{seconds}} s',
  cancelled: 'The query was cancelled. The loaded tables are unchanged.',
  error: {
    title: 'The query failed',
    code: 'Error code: {{code}}',
    kustoCode: 'Kusto diagnostic: {{code}}',
    position: 'line {{line}}, column {{column}}',
  },
  recordCount_one: '{{formatted}} record',
  recordCount_other: '{{formatted}} records',
  duration: '{{seconds}} s',
  durationLabel: 'Query duration',
  tableSelector: 'Result table',
  tableOption: '{{name}} ({{formatted}} rows)',
  noColumns: 'The query returned no columns.',
  noRows: 'No results found.',
  gridLabel: 'Query results: {{name}}',
  columnTitle: '{{name}}: {{type}}',
  resizeColumn: 'Resize column {{name}}',
} as const;
