/** The state layer's public API. */
export type { RunState, RunStatus } from './runState';
export type { DataClient, FileLoadProgress, LoadFilesResult, QueryReply, RunningQuery, SampleRequest } from './dataClient';
export type { BlockFinder, EditorErrorMarker, QueryBlock, RunOrigin } from './queryLogic';
export { errorMarkerFor, errorPositionFor } from './queryLogic';
export type { LineColumn } from './textPosition';
export type { SampleStatus, TableActionStatus, TablesSlice } from './tablesSlice';
export type { CaretRequest, QuerySlice } from './querySlice';
export type { FileLoadState, FilesSlice, PickedFile } from './filesSlice';
export { countLoadedFiles, pathOfFile } from './filesSlice';
export type { LoadedSource, LoadedStatus } from './loadedStatus';
export { loadedStatus } from './loadedStatus';
export type { AppLifecycle, AppState, AppStore, AppStoreDeps, StartOptions } from './store';
export { createAppStore } from './store';
export { sampleScaleFromSearch } from './sampleScale';
export { AppStoreProvider, useAppStore, useAppStoreApi } from './react';
