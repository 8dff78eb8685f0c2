/**
 * Ingest: turns files people have on disk into the engine's columnar tables.
 * Pure TypeScript without the DOM; runs in the data worker and in Node.
 *
 * Entry point: `loadFile(file, options)` detects the container (.gz / .zip) and the format of
 * each content, runs its parser and returns the tables with a summary per file.
 */
export type { Compression, FileLoadOutcome, FileProgress, LoadedFile, LoadFileOptions, FormatDetection, Container, ZipEntry, ReadTracker } from './load';
export {
  blobByteSource,
  bytesByteSource,
  describeFormat,
  detectContainer,
  detectFormat,
  fingerprintBlob,
  FingerprintCancelled,
  FINGERPRINT_BLOCK_BYTES,
  gzipByteSource,
  listZipEntries,
  loadFile,
  parserFor,
  readHead,
  SNIFF_BYTES,
  ZipError,
  zipEntrySource,
} from './load';
export type { ByteSource, FileFormat, FormatParser, ParseContext, ParseOutcome } from './formats/contract';
export type { LoadOptions, LoadProgress, LoadResult, ResourceLogFormat, ResourceLogOptions } from './resourceLogFile';
export { createResourceLogParser, loadResourceLogFile, parseResourceLog, rowsByTableOf } from './resourceLogFile';
export type { RecordMapper, SkippedLine } from './rowCollector';
export { MAX_LISTED_SKIPPED, RowCollector } from './rowCollector';
export { appendTables, concatTables } from './concatTables';
export { mapRecord } from './recordMapping';
export type { ExtraField, RecordMapping } from './recordMapping';
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
