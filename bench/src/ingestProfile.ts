/**
 * A driver for measuring and profiling the engine's ingest alone: loads the generated NDJSON
 * files with `loadResourceLogFile` `--runs` times in one process, printing per run the MB/s, the
 * wall and process CPU time and the resident memory per million repository events. Read the
 * memory of the first run only: later runs start from a heap that still held earlier tables
 * (their resident delta is meaningless); for several memory figures, run it several times.
 * Run it from `bench/`, under the profiler if wanted:
 *   node --expose-gc --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx src/ingestProfile.ts --rows 200000 --runs 3
 * Options: the benchmark's (--rows --seed --runs). Not part of `npm run bench`.
 */
import { warmUp } from '../../src/engine/index';
import { CONTAINER_REGISTRY_REPOSITORY_EVENTS } from '../../src/ingest/knownTables';
import { ensureDataset } from './dataset';
import { parseOptions } from './options';
import { median, memoryAfterGc } from './stats';
import { loadIntoEngine } from './systems/engine';

const MIB = 1024 * 1024;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const data = ensureDataset(options.rows, options.seed, (line) => console.error(line));
  warmUp();
  const speeds: number[] = [];
  const residents: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const before = memoryAfterGc();
    const cpuBefore = process.cpuUsage();
    let load: Awaited<ReturnType<typeof loadIntoEngine>> | null = await loadIntoEngine([data.repositoryFile, data.loginFile]);
    const cpu = process.cpuUsage(cpuBefore);
    const after = memoryAfterGc();
    const repositoryRows = load.tables.find((t) => t.name === CONTAINER_REGISTRY_REPOSITORY_EVENTS)?.rowCount ?? 0;
    const speed = load.bytes / 1e6 / load.seconds;
    const resident = (after.rss - before.rss) / MIB / (repositoryRows / 1e6);
    speeds.push(speed);
    residents.push(resident);
    console.log(
      `run ${run + 1}: ${speed.toFixed(1)} MB/s (${load.seconds.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU), ` +
        `${resident.toFixed(0)} MiB resident per million repository events, heap+external ${((after.heapAndExternal - before.heapAndExternal) / MIB).toFixed(0)} MiB, ` +
        `${load.skippedLines} skipped`,
    );
    load = null;
  }
  console.log(`median ${median(speeds).toFixed(1)} MB/s; resident median ${median(residents).toFixed(0)} MiB per million`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
