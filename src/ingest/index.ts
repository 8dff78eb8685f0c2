/**
 * Ingest: turns files people have on disk into the engine's columnar tables.
 * Pure TypeScript without the DOM; runs in the data worker and in Node.
 */
export type { LoadOptions, LoadProgress, LoadResult, ResourceLogFormat } from './resourceLogFile';
export { loadResourceLogFile } from './resourceLogFile';
export type { SkippedLine } from './rowCollector';
export { MAX_LISTED_SKIPPED } from './rowCollector';
export { appendTables, concatTables } from './concatTables';
export { mapRecord } from './recordMapping';
export type { RecordMapping } from './recordMapping';
export { ACR_METRIC_UNITS, parseResourceId, unitOfMetric } from './acrMetrics';
export type { ResourceIdParts } from './acrMetrics';
export {
  AZURE_METRICS,
  CATEGORY_TO_TABLE,
  CONTAINER_REGISTRY_LOGIN_EVENTS,
  CONTAINER_REGISTRY_REPOSITORY_EVENTS,
  EVENT,
  KNOWN_TABLES,
  SYSLOG,
} from './knownTables';
