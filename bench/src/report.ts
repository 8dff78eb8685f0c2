/** Prints the benchmark's one table (Markdown, so it can go into the README as is). */
import { compareAnswers } from './answer';
import type { QuerySpec } from './queries';
import type { QueryOutcome } from './systems/outcome';

/** Outcomes of one query, by system name. */
export type QueryResults = ReadonlyMap<string, QueryOutcome>;

/** Figures besides the query timings. */
export interface LoadFigures {
  readonly repositoryRows: number;
  readonly loginRows: number;
  readonly ndjsonBytes: number;
  readonly engineIngestSeconds: number;
  /** RSS after GC minus the baseline before ingest. */
  readonly engineResidentBytes: number;
  /** V8 heap used plus external memory, after minus before. */
  readonly engineHeapBytes: number;
  readonly duckDbLoadSeconds: number | null;
}

const ENGINE = 'engine';
const MIB = 1024 * 1024;

function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function cell(outcome: QueryOutcome | undefined): string {
  if (outcome === undefined) return '—';
  switch (outcome.kind) {
    case 'ok': return ms(outcome.timing.medianMs);
    case 'unsupported': return outcome.message;
    case 'error': return 'error';
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

/** The engine's uncached median (plan cache bypassed: parse + analysis + execution). */
function uncachedCell(outcome: QueryOutcome | undefined): string {
  return outcome?.kind === 'ok' && outcome.uncached !== undefined ? ms(outcome.uncached.medianMs) : '—';
}

function uncachedSum(specs: readonly QuerySpec[], all: ReadonlyMap<string, QueryResults>): number | null {
  let total = 0;
  for (const spec of specs) {
    const o = all.get(spec.id)?.get(ENGINE);
    if (o?.kind !== 'ok' || o.uncached === undefined) return null;
    total += o.uncached.medianMs;
  }
  return total;
}

function ratio(engine: QueryOutcome | undefined, peer: QueryOutcome | undefined): string {
  if (engine?.kind !== 'ok' || peer?.kind !== 'ok') return '—';
  return `${(engine.timing.medianMs / peer.timing.medianMs).toFixed(2)}×`;
}

/** Whether the answers agree: compared with DuckDB's (or arquero's when DuckDB has none). */
export function agreement(spec: QuerySpec, results: QueryResults, systems: readonly string[]): { text: string; problems: string[] } {
  const answered = systems.filter((s) => results.get(s)?.kind === 'ok');
  const problems: string[] = [];
  for (const s of systems) {
    const o = results.get(s);
    if (o?.kind === 'error') problems.push(`${spec.id} ${s} failed: ${o.message}`);
  }
  if (answered.length < 2) return { text: answered.length === 1 ? `only ${answered[0]} answered` : 'no answers', problems };
  const reference = answered.includes('DuckDB') ? 'DuckDB' : answered[0];
  const ref = results.get(reference);
  const disagreeing: string[] = [];
  for (const s of answered) {
    const o = results.get(s);
    if (s === reference || ref?.kind !== 'ok' || o?.kind !== 'ok') continue;
    const why = compareAnswers(ref.answer, o.answer, spec);
    if (why !== null) {
      disagreeing.push(s);
      problems.push(`${spec.id}: ${s} disagrees with ${reference}: ${why}`);
    }
  }
  const rows = ref?.kind === 'ok' ? ref.answer.rows.length : 0;
  const text = disagreeing.length === 0 ? `yes: ${answered.join(', ')} (${rows} ${rows === 1 ? 'row' : 'rows'})` : `NO: ${disagreeing.join(', ')} differ`;
  return { text, problems };
}

function sumOf(specs: readonly QuerySpec[], all: ReadonlyMap<string, QueryResults>, system: string): number | null {
  let total = 0;
  for (const spec of specs) {
    const o = all.get(spec.id)?.get(system);
    if (o?.kind !== 'ok') return null;
    total += o.timing.medianMs;
  }
  return total;
}

function sumRow(label: string, specs: readonly QuerySpec[], all: ReadonlyMap<string, QueryResults>, systems: readonly string[]): string {
  const sums = systems.map((s) => sumOf(specs, all, s));
  const e = sums[systems.indexOf(ENGINE)];
  const ratios = systems.filter((s) => s !== ENGINE).map((s) => {
    const peer = sums[systems.indexOf(s)];
    return e === null || peer === null ? '—' : `${(e / peer).toFixed(2)}×`;
  });
  const uncached = uncachedSum(specs, all);
  return `| ${label} | ${sums.map((v) => (v === null ? '—' : ms(v))).join(' | ')} | ${uncached === null ? '—' : ms(uncached)} | ${ratios.join(' | ')} | |`;
}

/** Formats the table and the figures under it. */
export function formatReport(specs: readonly QuerySpec[], all: ReadonlyMap<string, QueryResults>, systems: readonly string[], load: LoadFigures): string {
  const peers = systems.filter((s) => s !== ENGINE);
  const lines: string[] = [];
  const problems: string[] = [];
  lines.push(`| query | ${systems.map((s) => `${s} ms`).join(' | ')} | engine uncached ms | ${peers.map((p) => `engine/${p}`).join(' | ')} | answers agree |`);
  lines.push(`|---|${systems.map(() => '--:').join('|')}|--:|${peers.map(() => '--:').join('|')}|---|`);
  for (const spec of specs) {
    const results = all.get(spec.id) ?? new Map<string, QueryOutcome>();
    const check = agreement(spec, results, systems);
    problems.push(...check.problems);
    const engine = results.get(ENGINE);
    lines.push(`| ${spec.id} | ${systems.map((s) => cell(results.get(s))).join(' | ')} | ${uncachedCell(engine)} | ${peers.map((p) => ratio(engine, results.get(p))).join(' | ')} | ${check.text} |`);
  }
  const six = specs.filter((s) => s.inSum);
  lines.push(sumRow('sum of the six', six, all, systems));
  const engineAnswered = six.filter((s) => all.get(s.id)?.get(ENGINE)?.kind === 'ok');
  if (engineAnswered.length < six.length && engineAnswered.length > 0) {
    lines.push(sumRow(`sum of ${engineAnswered.map((s) => s.id).join('+')} (engine answered)`, engineAnswered, all, systems));
  }

  const millions = load.repositoryRows / 1e6;
  lines.push('');
  lines.push(`rows: ${load.repositoryRows.toLocaleString('en-US')} repository events + ${load.loginRows.toLocaleString('en-US')} login events; NDJSON ${(load.ndjsonBytes / 1e6).toFixed(0)} MB`);
  lines.push(`engine ingest (NDJSON file -> engine tables, loadResourceLogFile): ${(load.ndjsonBytes / 1e6 / load.engineIngestSeconds).toFixed(1)} MB/s (${load.engineIngestSeconds.toFixed(1)} s, one run)`);
  lines.push(
    `engine resident memory: ${(load.engineResidentBytes / MIB / millions).toFixed(0)} MiB per million repository events ` +
      `(RSS after GC minus baseline: ${(load.engineResidentBytes / MIB).toFixed(0)} MiB for both tables; V8 heap + external: ${(load.engineHeapBytes / MIB).toFixed(0)} MiB)`,
  );
  if (load.duckDbLoadSeconds !== null) {
    lines.push(`for reference, DuckDB read_json of the same files, 1 thread: ${(load.ndjsonBytes / 1e6 / load.duckDbLoadSeconds).toFixed(1)} MB/s (${load.duckDbLoadSeconds.toFixed(1)} s)`);
  }
  lines.push('MB = 10^6 bytes, MiB = 2^20 bytes; ms = median of the timed runs; ratio > 1 means the engine is slower.');
  lines.push('engine ms: re-runs of the same text (plan cache hit: execution only); engine uncached ms: the same query on a fresh catalog, so Kusto.Language parses and analyzes it again (ratios use the cached figure).');
  if (problems.length > 0) {
    lines.push('');
    lines.push('problems:');
    lines.push(...problems.map((p) => `  - ${p}`));
  }
  return lines.join('\n');
}

/** The issue's targets, as met / not met in this run (never asserted anywhere). */
export function formatTargets(specs: readonly QuerySpec[], all: ReadonlyMap<string, QueryResults>, load: LoadFigures): string {
  const six = specs.filter((s) => s.inSum);
  const lines = ['issue 4 targets, this run:'];
  const engineSum = sumOf(six, all, ENGINE);
  const duckSum = sumOf(six, all, 'DuckDB');
  lines.push(
    engineSum === null || duckSum === null
      ? '  - sum of the six <= 0.5x DuckDB: not measurable (the engine did not answer all six)'
      : `  - sum of the six <= 0.5x DuckDB: ${(engineSum / duckSum).toFixed(2)}x -> ${engineSum <= 0.5 * duckSum ? 'met' : 'not met'}`,
  );
  const slow: string[] = [];
  for (const spec of six) {
    const e = all.get(spec.id)?.get(ENGINE);
    const d = all.get(spec.id)?.get('DuckDB');
    if (e?.kind === 'ok' && d?.kind === 'ok' && e.timing.medianMs > 1.5 * d.timing.medianMs) slow.push(`${spec.id} ${(e.timing.medianMs / d.timing.medianMs).toFixed(1)}x`);
    else if (e?.kind !== 'ok') slow.push(`${spec.id} not answered`);
  }
  lines.push(`  - no query above 1.5x DuckDB: ${slow.length === 0 ? 'met' : `not met (${slow.join(', ')})`}`);
  const mbps = load.ndjsonBytes / 1e6 / load.engineIngestSeconds;
  lines.push(`  - ingest >= 150 MB/s: ${mbps.toFixed(1)} MB/s -> ${mbps >= 150 ? 'met' : 'not met'}`);
  const perMillion = load.engineResidentBytes / MIB / (load.repositoryRows / 1e6);
  lines.push(`  - <= 250 MB resident per million repository events: ${perMillion.toFixed(0)} MiB -> ${perMillion <= 250 ? 'met' : 'not met'}`);
  return lines.join('\n');
}
