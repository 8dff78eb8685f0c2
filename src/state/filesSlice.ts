/**
 * The files slice: files dropped or opened by the user, their load progress and the
 * per-file summaries once loaded.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { FileLoadSummary } from '../worker/protocol';
import type { DataClient, FileLoadProgress } from './dataClient';
import { messageOf } from './dataClient';

/** Status of the latest file load, as a union. */
export type FileLoadState =
  | { readonly status: 'idle' }
  | {
      readonly status: 'loading';
      readonly fileNames: readonly string[];
      /** Latest progress event; null until the worker reports the first one. */
      readonly progress: FileLoadProgress | null;
    }
  | { readonly status: 'done'; readonly summaries: readonly FileLoadSummary[] }
  | { readonly status: 'failed'; readonly message: string };

/** State and actions of the files slice. */
export interface FilesSlice {
  readonly fileLoad: FileLoadState;
  /** Files loaded without a file-level error since the page opened (for the header status). */
  readonly loadedFileCount: number;
  /** Loads `files` in the worker, appending their rows to the tables (never rejects). */
  loadFiles(files: readonly File[]): Promise<void>;
  /** Hides the summary (or failure) of the last load. */
  dismissFileLoad(): void;
}

/** Number of summaries whose file loaded (no file-level error). */
export function countLoadedFiles(summaries: readonly FileLoadSummary[]): number {
  return summaries.filter((s) => s.error === undefined).length;
}

/** Creates the files slice. */
export function createFilesSlice<S extends FilesSlice>(client: DataClient): StateCreator<S, [], [], FilesSlice> {
  // Only the latest load drives `fileLoad`; an earlier one still finishing is counted but not shown.
  let loadCounter = 0;
  return (set, get) => {
    const patch = (partial: Partial<FilesSlice>): void => set(partial as Partial<S>);
    return {
      fileLoad: { status: 'idle' },
      loadedFileCount: 0,
      loadFiles: async (files) => {
        if (files.length === 0) return;
        const loadId = ++loadCounter;
        const fileNames = files.map((f) => f.name);
        patch({ fileLoad: { status: 'loading', fileNames, progress: null } });
        try {
          const summaries = await client.loadFiles([...files], (progress) => {
            if (loadId === loadCounter) patch({ fileLoad: { status: 'loading', fileNames, progress } });
          });
          patch({ loadedFileCount: get().loadedFileCount + countLoadedFiles(summaries) });
          if (loadId === loadCounter) patch({ fileLoad: { status: 'done', summaries } });
        } catch (e) {
          if (loadId === loadCounter) patch({ fileLoad: { status: 'failed', message: messageOf(e) } });
        }
      },
      dismissFileLoad: () => {
        if (get().fileLoad.status !== 'loading') patch({ fileLoad: { status: 'idle' } });
      },
    };
  };
}
