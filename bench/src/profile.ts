/**
 * A driver for profiling the engine alone: loads the generated data and runs each query (or
 * the ones named with --only Q2,Q4) many times, printing per query the median wall time, the
 * runs, the median minor page faults and the median process CPU time (all threads, so it
 * includes V8's background GC work). Run it under the profiler, e.g. from `bench/`:
 *   node --expose-gc --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx src/profile.ts --rows 200000 --runs 40
 * Options besides the benchmark's (--rows --seed --runs --warmups): --only Q2,Q4; --gc collects
 * garbage before every run as the benchmark does. Environment: SETTLE_MS=100 waits that long
 * after the collection; RUN_MARKERS=1 prints a line before each run (to read with --trace-opt).
 * Not part of `npm run bench`; measures nothing against the peers.
 */
import { catalogOf, runQuery, warmUp } from '../../src/engine/index';
import { ensureDataset } from './dataset';
import { parseOptions } from './options';
import { QUERIES } from './queries';
import { collectGarbage, median } from './stats';
import { loadIntoEngine } from './systems/engine';

const NOW_MS = Date.UTC(2026, 0, 8);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const gcEach = argv.includes('--gc');
  const settleMs = Number(process.env.SETTLE_MS ?? '0');
  if (gcEach) argv.splice(argv.indexOf('--gc'), 1);
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : null;
  const options = parseOptions(onlyAt >= 0 ? [...argv.slice(0, onlyAt), ...argv.slice(onlyAt + 2)] : argv);
  const data = ensureDataset(options.rows, options.seed, (line) => console.error(line));
  warmUp();
  const load = await loadIntoEngine([data.repositoryFile, data.loginFile]);
  console.error(`ingest: ${(load.bytes / 1e6 / load.seconds).toFixed(1)} MB/s`);
  const catalog = catalogOf(load.tables);
  for (const spec of QUERIES) {
    if (only !== null && !only.has(spec.id)) continue;
    const times: number[] = [];
    const faults: number[] = [];
    const cpuMs: number[] = [];
    for (let i = 0; i < options.warmups + options.runs; i++) {
      if (gcEach) collectGarbage();
      if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
      if (process.env.RUN_MARKERS !== undefined) console.log(`RUN ${spec.id} ${i}`);
      const faultsBefore = process.resourceUsage().minorPageFault;
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const outcome = runQuery(spec.kql, catalog, { now: NOW_MS });
      const elapsed = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      const faultCount = process.resourceUsage().minorPageFault - faultsBefore;
      if (!outcome.ok) throw new Error(`${spec.id}: ${outcome.error.message}`);
      if (i < options.warmups) continue;
      times.push(elapsed);
      cpuMs.push((cpu.user + cpu.system) / 1000);
      faults.push(faultCount);
    }
    console.log(`${spec.id} median ${median(times).toFixed(2)} ms (min ${Math.min(...times).toFixed(2)}; ${times.map((t) => t.toFixed(1)).join(' ')}; page faults ${median(faults)}; process CPU median ${median(cpuMs).toFixed(2)} ms)`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
