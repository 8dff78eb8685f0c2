/**
 * `npm run bench`: the engine against arquero and DuckDB on generated ACR logs.
 * Steps: generate the NDJSON once (child process), load it into the engine (ingest speed,
 * resident memory), then into arquero and DuckDB (one thread); run each query on the three
 * systems round-robin, check that the answers agree and print one table.
 * Figures are medians, printed, never asserted.
 */
import { cpus } from 'node:os';
import { warmUp } from '../../src/engine/index';
import { CONTAINER_REGISTRY_LOGIN_EVENTS, CONTAINER_REGISTRY_REPOSITORY_EVENTS } from '../../src/ingest/knownTables';
import { ensureDataset } from './dataset';
import type { BenchOptions } from './options';
import { parseOptions, USAGE } from './options';
import type { QuerySpec } from './queries';
import { QUERIES } from './queries';
import type { LoadFigures, QueryResults } from './report';
import { formatReport, formatTargets } from './report';
import type { Timing } from './stats';
import { memoryAfterGc, timeInterleaved } from './stats';
import { arqueroSystem, arqueroTableOf } from './systems/arquero';
import { openDuckDb } from './systems/duckdb';
import { engineSystem, loadIntoEngine } from './systems/engine';
import type { BenchSystem, PreparedQuery, QueryOutcome } from './systems/outcome';
import { messageOf } from './systems/outcome';

function log(line: string): void {
  console.error(line);
}

function describe(name: string, outcome: QueryOutcome): string {
  switch (outcome.kind) {
    case 'ok': {
      const uncached = outcome.uncached === undefined ? '' : `, uncached ${outcome.uncached.medianMs.toFixed(1)} ms`;
      return `${name} ${outcome.timing.medianMs.toFixed(1)} ms (${outcome.timing.runsMs.map((v) => v.toFixed(0)).join(' ')})${uncached}`;
    }
    case 'unsupported': return `${name} ${outcome.message}`;
    case 'error': return `${name} error: ${outcome.message}`;
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

/** Times a system's uncached runs (as many as the timed rounds), when it has a cache to bypass. */
async function timeUncached(query: PreparedQuery, options: BenchOptions): Promise<Timing | undefined> {
  const runUncached = query.runUncached;
  if (runUncached === undefined) return undefined;
  const [timing] = await timeInterleaved([() => runUncached.call(query)], 0, options.runs);
  if (timing instanceof Error) throw timing;
  return timing;
}

/** Runs one query on every system, interleaved, and returns the outcomes by system name. */
async function measureQuery(spec: QuerySpec, systems: readonly BenchSystem[], options: BenchOptions): Promise<Map<string, QueryOutcome>> {
  const outcomes = new Map<string, QueryOutcome>();
  const ready: { name: string; query: PreparedQuery }[] = [];
  for (const system of systems) {
    const prepared = await system.prepare(spec);
    if (prepared.kind === 'ready') ready.push({ name: system.name, query: prepared.query });
    else outcomes.set(system.name, prepared);
  }
  // The first run was in `prepare`: one warm-up round fewer.
  const timings = await timeInterleaved(ready.map((r) => () => r.query.run()), Math.max(0, options.warmups - 1), options.runs);
  for (const [k, r] of ready.entries()) {
    const timing = timings[k];
    if (timing instanceof Error) {
      outcomes.set(r.name, { kind: 'error', message: messageOf(timing) });
      continue;
    }
    try {
      const uncached = await timeUncached(r.query, options);
      const answer = r.query.answer();
      outcomes.set(r.name, uncached === undefined ? { kind: 'ok', answer, timing } : { kind: 'ok', answer, timing, uncached });
    } catch (e) {
      outcomes.set(r.name, { kind: 'error', message: messageOf(e) });
    }
  }
  log(`  ${spec.id}: ${systems.map((s) => describe(s.name, outcomes.get(s.name) ?? { kind: 'error', message: 'no outcome' })).join(' | ')}`);
  return outcomes;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const options = parseOptions(argv);
  const data = ensureDataset(options.rows, options.seed, log);

  // Kusto.Language loads before the baseline, so the memory figure is the tables' alone.
  warmUp();
  const before = memoryAfterGc();
  log('engine: loading the NDJSON files ...');
  const load = await loadIntoEngine([data.repositoryFile, data.loginFile]);
  const after = memoryAfterGc();
  const repository = load.tables.find((t) => t.name === CONTAINER_REGISTRY_REPOSITORY_EVENTS);
  const login = load.tables.find((t) => t.name === CONTAINER_REGISTRY_LOGIN_EVENTS);
  if (repository === undefined || login === undefined) throw new Error('the engine ingest did not produce both ACR tables');
  if (load.skippedLines > 0) log(`engine: ${load.skippedLines} lines skipped by the loader`);
  log(`engine: ${(load.bytes / 1e6).toFixed(0)} MB in ${load.seconds.toFixed(1)} s`);

  log('arquero: building tables from the loaded columns ...');
  const arquero = arqueroSystem(arqueroTableOf(repository), arqueroTableOf(login));
  log('DuckDB: loading the NDJSON files (threads=1) ...');
  const duck = await openDuckDb(data.repositoryFile, data.loginFile);
  log(`DuckDB: loaded in ${duck.loadSeconds.toFixed(1)} s`);

  const systems: BenchSystem[] = [engineSystem(load.tables), arquero, duck.system];
  log(`queries (${options.runs} timed rounds after ${options.warmups} warm-up, systems interleaved) ...`);
  const all = new Map<string, QueryResults>();
  for (const spec of QUERIES) all.set(spec.id, await measureQuery(spec, systems, options));
  duck.close();

  const figures: LoadFigures = {
    repositoryRows: repository.rowCount,
    loginRows: login.rowCount,
    ndjsonBytes: load.bytes,
    engineIngestSeconds: load.seconds,
    engineResidentBytes: after.rss - before.rss,
    engineHeapBytes: after.heapAndExternal - before.heapAndExternal,
    duckDbLoadSeconds: duck.loadSeconds,
  };
  const names = systems.map((s) => s.name);
  console.log('');
  console.log(`ACR log benchmark — ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}; median of ${options.runs} runs after ${options.warmups} warm-up`);
  console.log('');
  console.log(formatReport(QUERIES, all, names, figures));
  console.log('');
  console.log(formatTargets(QUERIES, all, figures));
  console.log('');
  console.log('queries:');
  for (const spec of QUERIES) console.log(`  ${spec.id}  ${spec.summary}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
