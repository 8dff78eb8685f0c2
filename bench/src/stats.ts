/** Timing and memory helpers of the benchmark. */

/** The median of `values` (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Collects garbage (several passes, so weak and finalized objects go too). Needs `--expose-gc`. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run node with --expose-gc (npm run bench does)');
  for (let i = 0; i < 3; i++) gc();
}

/** Timings of one query on one system. */
export interface Timing {
  readonly medianMs: number;
  readonly runsMs: readonly number[];
}

/**
 * Times several runnables round-robin: `warmups` untimed rounds, then `runs` timed rounds in
 * which each runs once (garbage collected before each, outside the timing). Interleaving
 * spreads the noise of a shared machine over all systems alike, which keeps ratios fair.
 * A runnable that throws gets its error back instead of a timing and leaves the rounds.
 */
export async function timeInterleaved(runnables: readonly (() => unknown)[], warmups: number, runs: number): Promise<(Timing | Error)[]> {
  const runsMs: number[][] = runnables.map(() => []);
  const failures: (Error | null)[] = runnables.map(() => null);
  for (let round = 0; round < warmups + runs; round++) {
    for (let k = 0; k < runnables.length; k++) {
      if (failures[k] !== null) continue;
      collectGarbage();
      const started = performance.now();
      try {
        await runnables[k]();
      } catch (e) {
        failures[k] = e instanceof Error ? e : new Error(String(e));
        continue;
      }
      if (round >= warmups) runsMs[k].push(performance.now() - started);
    }
  }
  return runnables.map((_, k) => failures[k] ?? { medianMs: median(runsMs[k]), runsMs: runsMs[k] });
}

/** Memory figures of the process, in bytes. */
export interface MemorySnapshot {
  readonly rss: number;
  /** V8 heap in use plus memory outside it (typed-array buffers). */
  readonly heapAndExternal: number;
}

/** The process's memory after collecting garbage. */
export function memoryAfterGc(): MemorySnapshot {
  collectGarbage();
  const m = process.memoryUsage();
  return { rss: m.rss, heapAndExternal: m.heapUsed + m.external };
}
