/**
 * The files slice: files dropped or opened by the user (single files or whole folders),
 * their load progress and the per-file summaries once loaded.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { FileLoadSummary } from '../worker/protocol';
import type { DataClient, FileLoadProgress } from './dataClient';
import { messageOf } from './dataClient';

/** A file picked or dropped, with the path to report (its relative path inside a folder). */
export interface PickedFile {
  readonly file: File;
  readonly path: string;
}

/** Status of the latest file load, as a union. */
export type FileLoadState =
  | { readonly status: 'idle' }
  | {
      readonly status: 'loading';
      readonly fileNames: readonly string[];
      /** Latest progress event; null until the worker reports the first one. */
      readonly progress: FileLoadProgress | null;
      /** True once the user asked to cancel (the worker stops between chunks). */
      readonly cancelling: boolean;
    }
  | { readonly status: 'done'; readonly summaries: readonly FileLoadSummary[] }
  /** The load was cancelled: nothing of it was kept. */
  | { readonly status: 'cancelled'; readonly fileCount: number }
  | { readonly status: 'failed'; readonly message: string };

/** State and actions of the files slice. */
export interface FilesSlice {
  readonly fileLoad: FileLoadState;
  /** Files loaded without a file-level error since the page opened (for the header status). */
  readonly loadedFileCount: number;
  /** Loads `files` in the worker, appending their rows to the tables (never rejects). */
  loadFiles(files: readonly File[]): Promise<void>;
  /** Loads files with explicit paths (a dropped or picked folder), appending their rows (never rejects). */
  loadPickedFiles(files: readonly PickedFile[]): Promise<void>;
  /** Cancels the load in progress; nothing of it is kept. */
  cancelFileLoad(): void;
  /** Hides the summary (or failure) of the last load. */
  dismissFileLoad(): void;
}

/** Number of summaries whose file loaded (no file-level error, not skipped as a duplicate). */
export function countLoadedFiles(summaries: readonly FileLoadSummary[]): number {
  return summaries.filter((s) => s.error === undefined && s.duplicateOf === undefined).length;
}

/** The path of a file chosen through a folder picker (`webkitRelativePath`), else its name. */
export function pathOfFile(file: File): string {
  return typeof file.webkitRelativePath === 'string' && file.webkitRelativePath !== '' ? file.webkitRelativePath : file.name;
}

/** Creates the files slice. */
export function createFilesSlice<S extends FilesSlice>(client: DataClient): StateCreator<S, [], [], FilesSlice> {
  // Only the latest load drives `fileLoad`; an earlier one still finishing is counted but not shown.
  let loadCounter = 0;
  return (set, get) => {
    const patch = (partial: Partial<FilesSlice>): void => set(partial as Partial<S>);
    const load = async (files: readonly PickedFile[]): Promise<void> => {
      let picked = files;
      if (picked.length === 0) return;
      const loadId = ++loadCounter;
      // By path: a folder's files load in a stable order (storage downloads: hour by hour).
      picked = [...picked].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const fileNames = picked.map((f) => f.path);
      patch({ fileLoad: { status: 'loading', fileNames, progress: null, cancelling: false } });
      try {
        const { summaries, cancelled } = await client.loadFiles(
          picked.map((f) => f.file),
          (progress) => {
            const current = get().fileLoad;
            if (loadId === loadCounter && current.status === 'loading') patch({ fileLoad: { ...current, progress } });
          },
          fileNames,
        );
        if (cancelled) {
          if (loadId === loadCounter) patch({ fileLoad: { status: 'cancelled', fileCount: picked.length } });
          return;
        }
        patch({ loadedFileCount: get().loadedFileCount + countLoadedFiles(summaries) });
        if (loadId === loadCounter) patch({ fileLoad: { status: 'done', summaries } });
      } catch (e) {
        if (loadId === loadCounter) patch({ fileLoad: { status: 'failed', message: messageOf(e) } });
      }
    };
    return {
      fileLoad: { status: 'idle' },
      loadedFileCount: 0,
      loadFiles: (files) => load(files.map((file) => ({ file, path: pathOfFile(file) }))),
      loadPickedFiles: (files) => load(files),
      cancelFileLoad: () => {
        const current = get().fileLoad;
        if (current.status !== 'loading') return;
        client.cancelLoads();
        patch({ fileLoad: { ...current, cancelling: true } });
      },
      dismissFileLoad: () => {
        if (get().fileLoad.status !== 'loading') patch({ fileLoad: { status: 'idle' } });
      },
    };
  };
}
