/**
 * Every error the engine reports is built here, with a stable code.
 * Offsets (`span`) are UTF-16 offsets into the query text; line/column is computed
 * only at the edge (editor markers, error text).
 */

/** A range of the query text: `start` offset and `length`, both in UTF-16 code units. */
export interface SourceSpan {
  readonly start: number;
  readonly length: number;
}

/** Stable error codes; tests assert on these, never on message text. */
export type EngineErrorCode =
  /** The official parser/binder rejected the query (syntax or semantic error). */
  | 'E_ANALYSIS'
  /** Valid KQL that this engine does not implement yet. */
  | 'E_UNSUPPORTED'
  /** The query failed while running (e.g. a bad argument value). */
  | 'E_RUNTIME'
  /** The query was cancelled by the user. */
  | 'E_CANCELLED'
  /** The query text holds no query (empty or only comments). */
  | 'E_EMPTY'
  /** A bug in the engine. */
  | 'E_INTERNAL';

/** A structured engine error. */
export interface EngineError {
  readonly code: EngineErrorCode;
  readonly message: string;
  /** Where in the query text; null when the error has no position. */
  readonly span: SourceSpan | null;
  /** The Kusto.Language diagnostic code (e.g. `KS204`) for `E_ANALYSIS` errors. */
  readonly kustoCode?: string;
}

/** Thrown inside the engine and turned into an `EngineError` result at the API boundary. */
export class EngineFailure extends Error {
  constructor(readonly error: EngineError) {
    super(error.message);
  }
}

export function analysisError(message: string, span: SourceSpan | null, kustoCode?: string): EngineError {
  return { code: 'E_ANALYSIS', message, span, kustoCode };
}

/** "not supported yet: <name>" at the position of the construct. */
export function unsupported(name: string, span: SourceSpan | null): EngineError {
  return { code: 'E_UNSUPPORTED', message: `not supported yet: ${name}`, span };
}

export function runtimeError(message: string, span: SourceSpan | null = null): EngineError {
  return { code: 'E_RUNTIME', message, span };
}

export function cancelledError(): EngineError {
  return { code: 'E_CANCELLED', message: 'Query cancelled', span: null };
}

export function emptyQueryError(): EngineError {
  return { code: 'E_EMPTY', message: 'The query is empty', span: null };
}

export function internalError(message: string, span: SourceSpan | null = null): EngineError {
  return { code: 'E_INTERNAL', message: `internal error: ${message}`, span };
}
