/**
 * Dispatch: the parser of each detected format. Formats whose parser is not available give a
 * clear "not supported yet" error instead of a wrong load.
 */
import type { FileFormat, FormatParser } from '../formats/contract';
import { createResourceLogParser } from '../resourceLogFile';
import { parseCsv, parseTsv } from '../csv';
import { mapResourceRecord, parseAdxV1, parseAdxV2, parseAzCliJson, parseGenericJson, parseLogAnalyticsApi, parseResourceRecords } from '../json';

/** `PT1H.json` JSON Lines: the line parser, with activity-log records mapped too. */
const parseResourceLogLines = createResourceLogParser({ mapRecord: mapResourceRecord });

/** A readable name of each format, for summaries and messages. */
export function describeFormat(format: FileFormat): string {
  switch (format) {
    case 'resource-log-jsonl':
      return 'resource-log JSON Lines (PT1H.json)';
    case 'resource-log-records':
      return 'resource-log {"records":[...]} JSON';
    case 'loganalytics-api':
      return 'Log Analytics query API JSON';
    case 'adx-v1':
      return 'Azure Data Explorer v1 response';
    case 'adx-v2':
      return 'Azure Data Explorer v2 response';
    case 'az-cli':
      return 'az monitor log-analytics query output';
    case 'portal-csv':
      return 'Log Analytics portal CSV export';
    case 'csv':
      return 'CSV';
    case 'tsv':
      return 'TSV';
    case 'ndjson':
      return 'JSON Lines';
    case 'json-array':
      return 'JSON array';
    case 'unknown':
      return 'unknown';
    case 'empty':
      return 'empty';
    default: {
      const never: never = format;
      return never;
    }
  }
}

/**
 * The parser that reads `format`, or null when none is available.
 * `PT1H.json` JSON Lines go to the line parser (`../resourceLogFile`); `{"records":[...]}`
 * documents and Event Hub bodies (possibly concatenated, of any size) to the streaming JSON
 * records parser (`../json`).
 */
export function parserFor(format: FileFormat): FormatParser | null {
  switch (format) {
    case 'resource-log-jsonl':
      return parseResourceLogLines;
    case 'resource-log-records':
      return parseResourceRecords;
    case 'loganalytics-api':
      return parseLogAnalyticsApi;
    case 'adx-v1':
      return parseAdxV1;
    case 'adx-v2':
      return parseAdxV2;
    case 'az-cli':
      return parseAzCliJson;
    case 'ndjson':
    case 'json-array':
      return parseGenericJson;
    case 'portal-csv':
    case 'csv':
      return parseCsv;
    case 'tsv':
      return parseTsv;
    case 'unknown':
    case 'empty':
      return null;
    default: {
      const never: never = format;
      return never;
    }
  }
}
