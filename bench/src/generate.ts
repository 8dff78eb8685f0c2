/**
 * Child-process entry: generates the sample at the requested size and writes it as NDJSON
 * raw resource-log records. Usage: `generate.ts --rows N --seed S --out DIR`.
 * Writes into a temporary folder and renames it at the end, so a half-written data set is never reused.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Table } from '../../src/engine/index';
import { generateSampleTables } from '../../src/sample/index';
import { CONTAINER_REGISTRY_LOGIN_EVENTS, CONTAINER_REGISTRY_REPOSITORY_EVENTS } from '../../src/ingest/knownTables';
import type { DatasetInfo } from './dataset';
import { REPOSITORY_ROWS_PER_SCALE } from './dataset';
import type { RawRecord } from './records';
import { loginRecords, repositoryRecords } from './records';

/** Fixed "now" of the data, so a seed always gives the same files. */
const ANCHOR_MS = Date.UTC(2026, 0, 8, 0, 0, 0);
/** Lines joined per write. */
const LINES_PER_WRITE = 20_000;

function argument(name: string): string {
  const i = process.argv.indexOf(name);
  const value = i < 0 ? undefined : process.argv[i + 1];
  if (value === undefined) throw new Error(`missing ${name}`);
  return value;
}

function writeNdjson(file: string, rows: number, recordOf: (row: number) => RawRecord): number {
  const fd = openSync(file, 'w');
  try {
    let lines: string[] = [];
    for (let row = 0; row < rows; row++) {
      lines.push(JSON.stringify(recordOf(row)));
      if (lines.length === LINES_PER_WRITE) {
        writeSync(fd, lines.join('\n') + '\n');
        lines = [];
      }
    }
    if (lines.length > 0) writeSync(fd, lines.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
  return statSync(file).size;
}

function tableNamed(tables: readonly Table[], name: string): Table {
  const table = tables.find((t) => t.name === name);
  if (table === undefined) throw new Error(`the sample has no ${name}`);
  return table;
}

function main(): void {
  const requestedRows = Number(argument('--rows'));
  const seed = Number(argument('--seed'));
  const out = argument('--out');
  const started = performance.now();
  const scale = requestedRows / REPOSITORY_ROWS_PER_SCALE;
  const tables = generateSampleTables({ seed, anchorMs: ANCHOR_MS, scale });
  const repository = tableNamed(tables, CONTAINER_REGISTRY_REPOSITORY_EVENTS);
  const login = tableNamed(tables, CONTAINER_REGISTRY_LOGIN_EVENTS);
  console.log(`data: generated ${repository.rowCount.toLocaleString('en-US')} repository and ${login.rowCount.toLocaleString('en-US')} login events in ${((performance.now() - started) / 1000).toFixed(1)} s; writing NDJSON ...`);

  const temporary = `${out}.partial`;
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  const repositoryFile = 'ContainerRegistryRepositoryEvents.ndjson';
  const loginFile = 'ContainerRegistryLoginEvents.ndjson';
  const repositoryBytes = writeNdjson(join(temporary, repositoryFile), repository.rowCount, repositoryRecords(repository));
  const loginBytes = writeNdjson(join(temporary, loginFile), login.rowCount, loginRecords(login));
  const info: DatasetInfo = {
    dir: out,
    repositoryFile: join(out, repositoryFile),
    loginFile: join(out, loginFile),
    repositoryRows: repository.rowCount,
    loginRows: login.rowCount,
    repositoryBytes,
    loginBytes,
    seed,
    anchorMs: ANCHOR_MS,
    scale,
    generateSeconds: (performance.now() - started) / 1000,
  };
  writeFileSync(join(temporary, 'meta.json'), JSON.stringify(info, null, 2));
  rmSync(out, { recursive: true, force: true });
  renameSync(temporary, out);
  console.log(`data: wrote ${((repositoryBytes + loginBytes) / 1e6).toFixed(0)} MB in ${info.generateSeconds.toFixed(1)} s`);
}

main();
