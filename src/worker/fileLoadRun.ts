/**
 * One `loadFiles` request in the worker: fingerprints each file (to skip content loaded
 * before), loads it with the ingest loader, posts progress over the whole set of files, and
 * collects the tables and one summary per loaded file (per entry of a zip archive).
 * DOM-free; `DataService` runs it and appends the tables at the end.
 */
import type { CancelSignal } from '../engine/cancel';
import type { Table } from '../engine/table/table';
import type { FileLoadOutcome, LoadedFile, LoadFileOptions } from '../ingest/load';
import { FingerprintCancelled } from '../ingest/load';
import type { FileLoadSummary, WorkerRequest, WorkerResponse } from './protocol';

/** Loads one file (the ingest `loadFile`). */
export type FileLoader = (file: File, options: LoadFileOptions) => Promise<FileLoadOutcome>;
/** Computes a content fingerprint (the ingest `fingerprintBlob`). */
export type Fingerprinter = (file: File, options: { cancel?: CancelSignal }) => Promise<string>;

/** A file loaded earlier (or being loaded now), by content fingerprint. */
export interface KnownFile {
  readonly fileName: string;
  /** Tables the file put rows into. */
  readonly tables: Set<string>;
}

/** What a finished run produced. */
export interface FileLoadRunResult {
  readonly summaries: FileLoadSummary[];
  /** Rows to append, per table, in file order. */
  readonly added: Map<string, Table[]>;
  /** Fingerprints of the files that loaded, to remember once the tables are appended. */
  readonly loaded: Map<string, KnownFile>;
  readonly cancelled: boolean;
}

/** The least time between two progress events of one request (the last one of each file is always sent). */
const PROGRESS_INTERVAL_MS = 50;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The summary of one loaded file (or archive entry). */
export function summaryOf(file: LoadedFile): FileLoadSummary {
  return {
    fileName: file.name,
    bytes: file.bytes,
    format: file.format,
    rowsByTable: file.rowsByTable,
    skippedCount: file.skippedCount,
    skipped: file.skipped,
    extraColumns: file.extraColumns,
    warnings: file.warnings,
    compression: file.compression,
    ...(file.error === undefined ? {} : { error: file.error }),
  };
}

/** Runs one `loadFiles` request. `known` holds fingerprints loaded before or in flight (it is updated for in-flight files). */
export async function runFileLoad(
  request: Extract<WorkerRequest, { type: 'loadFiles' }>,
  deps: { loadFile: FileLoader; fingerprint: Fingerprinter; post: (response: WorkerResponse) => void; cancel: CancelSignal; known: Map<string, KnownFile> },
): Promise<FileLoadRunResult> {
  const { files } = request;
  const summaries: FileLoadSummary[] = [];
  const added = new Map<string, Table[]>();
  const loaded = new Map<string, KnownFile>();
  const inFlight: string[] = [];
  const setTotalBytes = files.reduce((sum, f) => sum + f.size, 0);
  let bytesBefore = 0;
  let rowsBefore = 0;
  let lastPost = -Infinity;
  let cancelled = false;

  try {
    for (let fileIndex = 0; fileIndex < files.length; fileIndex++) {
      const file = files[fileIndex];
      const name = request.paths?.[fileIndex] ?? (typeof file.name === 'string' && file.name !== '' ? file.name : `file ${fileIndex + 1}`);
      const progress = (bytesRead: number, totalBytes: number, rows: number, force: boolean): void => {
        const now = Date.now();
        if (!force && now - lastPost < PROGRESS_INTERVAL_MS) return;
        lastPost = now;
        deps.post({
          type: 'loadProgress', id: request.id, fileName: name, bytesRead, totalBytes, rows,
          fileIndex, fileCount: files.length, setBytesRead: bytesBefore + bytesRead, setTotalBytes, setRows: rowsBefore + rows,
        });
      };
      progress(0, file.size, 0, true);
      let fingerprint: string;
      try {
        fingerprint = await deps.fingerprint(file, { cancel: deps.cancel });
      } catch (e) {
        if (e instanceof FingerprintCancelled) {
          cancelled = true;
          break;
        }
        summaries.push({ fileName: name, bytes: file.size, format: 'unknown', rowsByTable: {}, skippedCount: 0, skipped: [], error: `could not read the file: ${messageOf(e)}` });
        continue;
      }
      const earlier = deps.known.get(fingerprint) ?? loaded.get(fingerprint);
      if (earlier !== undefined) {
        summaries.push({ fileName: name, bytes: file.size, format: 'unknown', rowsByTable: {}, skippedCount: 0, skipped: [], duplicateOf: earlier.fileName });
        bytesBefore += file.size;
        continue;
      }
      // Claim the content while it loads, so a second request with the same file sees it.
      const claim: KnownFile = { fileName: name, tables: new Set() };
      deps.known.set(fingerprint, claim);
      inFlight.push(fingerprint);

      let outcome: FileLoadOutcome;
      let lastRows = 0;
      try {
        outcome = await deps.loadFile(file, {
          name,
          cancel: deps.cancel,
          onProgress: (p) => {
            lastRows = p.rows;
            progress(p.bytesRead, p.totalBytes, p.rows, false);
          },
        });
      } catch (e) {
        summaries.push({ fileName: name, bytes: file.size, format: 'unknown', rowsByTable: {}, skippedCount: 0, skipped: [], error: `could not load the file: ${messageOf(e)}` });
        continue;
      }
      progress(file.size, file.size, lastRows, true);
      if (outcome.cancelled || deps.cancel.isCancelled()) {
        cancelled = true;
        break;
      }
      for (const part of outcome.files) {
        summaries.push(summaryOf(part));
        for (const table of part.tables) {
          const parts = added.get(table.name) ?? [];
          parts.push(table);
          added.set(table.name, parts);
          claim.tables.add(table.name);
        }
      }
      if (outcome.files.some((f) => f.error === undefined)) loaded.set(fingerprint, claim);
      bytesBefore += file.size;
      rowsBefore += outcome.files.reduce((sum, f) => sum + f.tables.reduce((s, t) => s + t.rowCount, 0), 0);
    }
  } finally {
    // In-flight claims are released; the caller registers `loaded` once the tables are appended.
    for (const fingerprint of inFlight) deps.known.delete(fingerprint);
  }
  return { summaries, added, loaded, cancelled };
}
