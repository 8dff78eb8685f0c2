/** The interface every benchmarked system offers, and what running a query on it gave. */
import type { Answer } from '../answer';
import type { QuerySpec } from '../queries';
import type { Timing } from '../stats';

/** A query ready to run again and again on one system. */
export interface PreparedQuery {
  /** Runs the query once to the end (its result fully computed). */
  run(): unknown;
  /** The answer of the latest run, normalized. */
  answer(): Answer;
  /**
   * Runs the query once without any cache of earlier runs (the engine: a fresh catalog, so
   * its plan cache misses and Kusto.Language parses and analyzes again). Systems without
   * such a cache leave it out.
   */
  runUncached?(): unknown;
}

/** A query after its first run: ready, or refused ("not supported yet") or failed. */
export type Preparation =
  | { readonly kind: 'ready'; readonly query: PreparedQuery }
  | { readonly kind: 'unsupported'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

/** A system the queries run on. */
export interface BenchSystem {
  readonly name: string;
  /** Runs the query once (the first warm-up) and hands it back ready for the timed runs. */
  prepare(spec: QuerySpec): Promise<Preparation>;
}

/** Outcome of one query on one system: timed answer, a "not supported yet" from the engine, or an error. */
export type QueryOutcome =
  | { readonly kind: 'ok'; readonly answer: Answer; readonly timing: Timing; readonly uncached?: Timing }
  | { readonly kind: 'unsupported'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

/** The message of an unknown thrown value. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
