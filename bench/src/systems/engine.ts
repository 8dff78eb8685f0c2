/**
 * The project's own engine: ingest of the NDJSON files with `loadResourceLogFile`, queries
 * with `runQuery` (parse, analysis and execution, as the app runs them).
 */
import { openAsBlob } from 'node:fs';
import type { Catalog, QueryOutcome as EngineOutcome, ResultTable, Table } from '../../../src/engine/index';
import { catalogOf, rowsOf, runQuery } from '../../../src/engine/index';
import { loadResourceLogFile } from '../../../src/ingest/index';
import { msFromTicks } from '../../../src/engine/types/datetime';
import type { Answer, Cell } from '../answer';
import type { QuerySpec } from '../queries';
import type { BenchSystem, PreparedQuery, Preparation } from './outcome';

/** Fixed `now()` of every run (the queries do not use it). */
const NOW_MS = Date.UTC(2026, 0, 8);

/** What loading the files gave. */
export interface EngineLoad {
  readonly tables: Table[];
  readonly seconds: number;
  readonly bytes: number;
  readonly skippedLines: number;
}

/** Loads the NDJSON files into engine tables, one file after the other, and times it. */
export async function loadIntoEngine(files: readonly string[]): Promise<EngineLoad> {
  const tables: Table[] = [];
  let bytes = 0;
  let skippedLines = 0;
  const started = performance.now();
  for (const file of files) {
    const blob = await openAsBlob(file);
    bytes += blob.size;
    const result = await loadResourceLogFile(blob);
    if (result.error !== undefined) throw new Error(`engine ingest of ${file} failed: ${result.error}`);
    skippedLines += result.skippedCount;
    tables.push(...result.tables);
  }
  return { tables, seconds: (performance.now() - started) / 1000, bytes, skippedLines };
}

/** The engine's result as a normalized answer (datetimes to milliseconds). */
function answerOf(table: ResultTable): Answer {
  const isTime = table.columns.map((c) => c.type === 'datetime');
  const rows = rowsOf(table).map((row) =>
    row.map((cell, i): Cell => {
      if (cell === null || typeof cell === 'string') return cell;
      if (typeof cell === 'number') return isTime[i] ? msFromTicks(cell) : cell;
      if (typeof cell === 'boolean') return cell ? 1 : 0;
      return JSON.stringify(cell);
    }),
  );
  return { columns: table.columns.map((c) => c.name), rows };
}

/** The engine as a benchmark system over the loaded tables. */
export function engineSystem(tables: readonly Table[]): BenchSystem {
  const catalog: Catalog = catalogOf(tables);
  return {
    name: 'engine',
    async prepare(spec: QuerySpec): Promise<Preparation> {
      const first: EngineOutcome = runQuery(spec.kql, catalog, { now: NOW_MS });
      if (!first.ok) {
        return first.error.code === 'E_UNSUPPORTED'
          ? { kind: 'unsupported', message: first.error.message }
          : { kind: 'error', message: `${first.error.code}: ${first.error.message}` };
      }
      let latest: ResultTable = first.tables[0];
      const query: PreparedQuery = {
        run: () => {
          const outcome = runQuery(spec.kql, catalog, { now: NOW_MS });
          if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
          latest = outcome.tables[0];
        },
        answer: () => answerOf(latest),
        runUncached: () => {
          // A new map of the same tables: the plan cache is per map, so this run lowers again.
          const outcome = runQuery(spec.kql, catalogOf(tables), { now: NOW_MS });
          if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
        },
      };
      return { kind: 'ready', query };
    },
  };
}
