/**
 * JSON formats: a streaming, path-aware JSON scanner and one `FormatParser` per JSON family
 * (Log Analytics API, Kusto v1/v2, az CLI, raw resource-log records / Event Hub bodies incl.
 * activity logs, generic NDJSON / JSON arrays).
 */
export { parseLogAnalyticsApi } from './logAnalyticsApi';
export { parseAdxV1 } from './adxV1';
export { parseAdxV2 } from './adxV2';
export { parseAzCliJson, parseGenericJson } from './objectRows';
export { parseResourceRecords } from './resourceRecords';
export { ACTIVITY_CATEGORIES, isActivityLogRecord, mapActivityRecord } from './activityLog';
export type { ActivityMapping } from './activityLog';
export { RecordSink } from './recordSink';
export { mapResourceRecord } from './resourceRecordMapper';
export { Destinations, ResultRouter, tableNameFromFile } from './destinations';
export type { ResultColumn } from './destinations';
export { JsonScanner } from './scanner';
export type { ContainerPlan, JsonPath, JsonScanFailure, JsonScanHandler, JsonScannerOptions } from './scanner';
export { readDynamic, typedCell, kqlTypeOfName } from './typedCells';
export { CANCELLED } from './scanRun';
