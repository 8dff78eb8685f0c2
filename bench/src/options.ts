/** Command-line options of `npm run bench`. */
import { DEFAULT_SAMPLE_SEED } from '../../src/sample/index';

/** What the benchmark run measures. */
export interface BenchOptions {
  /** Repository events wanted (the generator lands near it; login events follow). */
  readonly rows: number;
  readonly seed: number;
  /** Timed runs per query (the median is reported). */
  readonly runs: number;
  /** Untimed runs before them. */
  readonly warmups: number;
}

export const USAGE = `usage: npm run bench -- [--rows N] [--seed S] [--runs R] [--warmups W]
  --rows     repository events to generate (default 1000000; login events follow the sample's mix)
  --seed     sample generator seed (default ${DEFAULT_SAMPLE_SEED})
  --runs     timed runs per query; the median is reported (default 7)
  --warmups  untimed runs before them (default 1)`;

function positiveInteger(name: string, text: string | undefined, allowZero = false): number {
  const value = Number(text?.replaceAll('_', ''));
  if (text === undefined || !Number.isInteger(value) || value < (allowZero ? 0 : 1)) throw new Error(`${name} needs a whole number${allowZero ? '' : ' above 0'}, got ${text ?? 'nothing'}\n${USAGE}`);
  return value;
}

/** Parses `argv` (without node and script); throws with the usage on a bad option. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  let rows = 1_000_000;
  let seed = DEFAULT_SAMPLE_SEED;
  let runs = 7;
  let warmups = 1;
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    const value = argv[i + 1];
    switch (name) {
      case '--rows': rows = positiveInteger(name, value); break;
      case '--seed': seed = positiveInteger(name, value, true); break;
      case '--runs': runs = positiveInteger(name, value); break;
      case '--warmups': warmups = positiveInteger(name, value, true); break;
      default: throw new Error(`unknown option ${name}\n${USAGE}`);
    }
  }
  return { rows, seed, runs, warmups };
}
