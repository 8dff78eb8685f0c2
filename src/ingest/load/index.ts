/** The file loader: containers (.gz, .zip), format sniffing, dispatch to parsers, fingerprints. */
export type { Compression, FileLoadOutcome, FileProgress, LoadedFile, LoadFileOptions } from './loadFile';
export { loadFile } from './loadFile';
export type { Container, FormatDetection } from './detectFormat';
export { detectContainer, detectFormat, SNIFF_BYTES } from './detectFormat';
export { describeFormat, parserFor } from './parsers';
export { FINGERPRINT_BLOCK_BYTES, FingerprintCancelled, fingerprintBlob } from './fingerprint';
export type { ReadTracker } from './byteSource';
export { blobByteSource, bytesByteSource, gzipByteSource, readHead } from './byteSource';
export type { ZipEntry } from './zip';
export { listZipEntries, zipEntrySource, ZipError } from './zip';
