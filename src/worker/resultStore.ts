/**
 * The worker's memory of recent query results: the whole result of each of the last few
 * queries, by `resultId`, so the page can sort, search and export all of it although it
 * received at most the capped rows. Bounded: the oldest result is forgotten first.
 */
import type { ResultTable } from '../engine';
import type { ResultLimits } from './resultCap';

/** How many recent results are kept (each may be large; the page shows one at a time). */
export const KEPT_RESULTS = 3;

/** One kept result: its tables and the limits its query ran with. */
export interface KeptResult {
  readonly tables: readonly ResultTable[];
  readonly limits: ResultLimits;
}

/** A bounded, most-recent-first store of query results. */
export class ResultStore {
  private nextId = 1;
  private readonly results = new Map<number, KeptResult>();

  constructor(private readonly capacity: number = KEPT_RESULTS) {}

  /** Keeps `result` and returns its new id; forgets the oldest results beyond the capacity. */
  add(result: KeptResult): number {
    const id = this.nextId++;
    this.results.set(id, result);
    while (this.results.size > this.capacity) {
      const oldest = this.results.keys().next().value;
      if (oldest === undefined) break;
      this.results.delete(oldest);
    }
    return id;
  }

  /** The kept result `id`, or undefined when it was forgotten (or never existed). */
  get(id: number): KeptResult | undefined {
    return this.results.get(id);
  }

  /** Forgets every result (the tables they came from changed). */
  clear(): void {
    this.results.clear();
  }
}
