/**
 * Times the stages of the NDJSON ingest on text already in memory (no file reads): splitting
 * lines, JSON.parse, and the mapping into column builders, to see where ingest time goes.
 * From `bench/`: node --expose-gc --import tsx src/ingestStages.ts --rows 200000 --runs 3
 */
import { readFileSync } from 'node:fs';
import { LineSplitter, Utf8LineDecoder } from '../../src/ingest/readLines';
import { RowCollector } from '../../src/ingest/rowCollector';
import { ensureDataset } from './dataset';
import { parseOptions } from './options';
import { collectGarbage, median } from './stats';

const SLICE_BYTES = 120 * 1024;

function decodedPieces(bytes: Uint8Array): string[] {
  const decoder = new Utf8LineDecoder();
  const pieces: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += SLICE_BYTES) pieces.push(...decoder.push(bytes.slice(offset, offset + SLICE_BYTES)));
  pieces.push(decoder.end());
  return pieces;
}

function splitOnly(pieces: readonly string[]): number {
  const splitter = new LineSplitter();
  let n = 0;
  for (const piece of pieces) n += splitter.push(piece).length;
  return n;
}

function splitAndParse(pieces: readonly string[]): number {
  const splitter = new LineSplitter();
  let n = 0;
  for (const piece of pieces) for (const line of splitter.push(piece)) if (line.text !== '') n += JSON.parse(line.text) === null ? 0 : 1;
  return n;
}

function full(pieces: readonly string[]): number {
  const splitter = new LineSplitter();
  const collector = new RowCollector();
  for (const piece of pieces) for (const line of splitter.push(piece)) if (line.text !== '') collector.add(JSON.parse(line.text), line.line);
  return collector.finish().length;
}

function time(name: string, runs: number, body: () => number): void {
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const before = process.cpuUsage();
    body();
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  console.log(`${name.padEnd(14)} median ${median(cpu).toFixed(0)} ms CPU (${cpu.map((c) => c.toFixed(0)).join(' ')})`);
}

const options = parseOptions(process.argv.slice(2));
const data = ensureDataset(options.rows, options.seed, (line) => console.error(line));
const bytes = readFileSync(data.repositoryFile);
console.log(`${(bytes.length / 1e6).toFixed(0)} MB`);
time('decode', options.runs, () => decodedPieces(bytes).length);
const pieces = decodedPieces(bytes);
time('split', options.runs, () => splitOnly(pieces));
time('split+parse', options.runs, () => splitAndParse(pieces));
time('full', options.runs, () => full(pieces));
