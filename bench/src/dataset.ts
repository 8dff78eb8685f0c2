/**
 * The benchmark's data set on disk: two NDJSON files of raw resource-log records
 * (repository and login events) under `bench/data/`, generated once per size, seed and
 * version of the generator, then reused.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_DIR = resolve(BENCH_DIR, '..');
/** Where generated files go (git-ignored). */
export const DATA_DIR = join(BENCH_DIR, 'data');

/** Repository events the sample generator makes per unit of `scale` (7 days; measured ~55,500-56,600). */
export const REPOSITORY_ROWS_PER_SCALE = 55_500;

/** What `meta.json` of a generated data set records. */
export interface DatasetInfo {
  readonly dir: string;
  readonly repositoryFile: string;
  readonly loginFile: string;
  readonly repositoryRows: number;
  readonly loginRows: number;
  readonly repositoryBytes: number;
  readonly loginBytes: number;
  readonly seed: number;
  readonly anchorMs: number;
  readonly scale: number;
  /** Seconds the generator and the NDJSON writer took. */
  readonly generateSeconds: number;
}

/** Hash of the sources that decide the files' content, so a changed generator makes new files. */
function generatorFingerprint(): string {
  const hash = createHash('sha256');
  const sampleDir = join(REPO_DIR, 'src', 'sample');
  const sources = readdirSync(sampleDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => join(sampleDir, f));
  sources.push(join(REPO_DIR, 'src', 'ingest', 'knownTables.ts'), join(BENCH_DIR, 'src', 'records.ts'), join(BENCH_DIR, 'src', 'generate.ts'), join(BENCH_DIR, 'src', 'dataset.ts'));
  for (const file of sources) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 10);
}

function datasetPrefix(requestedRows: number, seed: number): string {
  return `acr-${requestedRows}-seed${seed}-`;
}

/** The folder of the data set of this size and seed for the current generator. */
export function datasetDir(requestedRows: number, seed: number): string {
  return join(DATA_DIR, `${datasetPrefix(requestedRows, seed)}${generatorFingerprint()}`);
}

/** Removes data sets of this size and seed made by an older generator (they are large). */
function removeStale(requestedRows: number, seed: number, keep: string): void {
  if (!existsSync(DATA_DIR)) return;
  const prefix = datasetPrefix(requestedRows, seed);
  for (const name of readdirSync(DATA_DIR)) {
    const dir = join(DATA_DIR, name);
    if (name.startsWith(prefix) && dir !== keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads the data set's `meta.json`, or null when it was not (completely) generated. */
export function readDataset(dir: string): DatasetInfo | null {
  const metaFile = join(dir, 'meta.json');
  if (!existsSync(metaFile)) return null;
  return JSON.parse(readFileSync(metaFile, 'utf8')) as DatasetInfo;
}

/**
 * Returns the data set, generating it first when absent. Generation runs in a child
 * process so that its garbage does not inflate this process's resident memory figure.
 */
export function ensureDataset(requestedRows: number, seed: number, log: (line: string) => void): DatasetInfo {
  const dir = datasetDir(requestedRows, seed);
  const existing = readDataset(dir);
  if (existing !== null) {
    log(`data: reusing ${dir}`);
    return existing;
  }
  removeStale(requestedRows, seed, dir);
  log(`data: generating ~${requestedRows.toLocaleString('en-US')} repository events into ${dir} (once) ...`);
  execFileSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', join(BENCH_DIR, 'src', 'generate.ts'), '--rows', String(requestedRows), '--seed', String(seed), '--out', dir], {
    stdio: 'inherit',
    cwd: BENCH_DIR,
  });
  const made = readDataset(dir);
  if (made === null) throw new Error(`the generator did not write ${join(dir, 'meta.json')}`);
  return made;
}
