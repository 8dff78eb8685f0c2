/**
 * Runs Microsoft's documented KQL examples through the engine and writes
 * `docs/kql-conformance.md`: how many pass, and every one that does not, with the reason.
 *
 *   npm run kql:conformance -- <path to a clone of MicrosoftDocs/dataexplorer-docs>
 *
 * (or KQL_DOCS_DIR=<path>). A measurement, not a gate: it is not part of `npm test`.
 */
import { test } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogOf, runQuery } from '../../src/engine';
import type { QueryOutcome, ResultTable } from '../../src/engine';
import { extractExamples } from './extractExamples';
import type { DocExample } from './extractExamples';
import { compareWithDocs } from './compareOutput';
import { needsExternalData, skipBeforeRunning, unknownToParser } from './classify';
import type { SkipReason, Verdict } from './classify';
import { erratumFor } from './errata';

/** An example whose page is wrong (`errata.ts`): listed apart, not counted. */
const ERRATUM = 'documentation erratum';

const FIXED_NOW = Date.UTC(2024, 0, 15, 12);
const PER_QUERY_BUDGET_MS = 10_000;

interface Outcome {
  readonly example: DocExample;
  readonly verdict: Verdict | SkipReason | typeof ERRATUM;
  readonly detail: string;
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(path));
    else if (name.endsWith('.md')) out.push(path);
  }
  return out.sort();
}

/** `table` with its columns in the order of `names` when they are the same set of names; otherwise `table`. */
function inColumnOrder(table: ResultTable, names: readonly string[]): ResultTable {
  const index = names.map((n) => table.columns.findIndex((c) => c.name === n));
  if (names.length !== table.columns.length || index.some((i) => i < 0) || new Set(index).size !== index.length) return table;
  return { ...table, columns: index.map((i) => table.columns[i]), data: index.map((i) => table.data[i]) };
}

/** An erratum's example, still run: says whether the engine agrees with the table apart from the column names. */
function runErratum(example: DocExample, reason: string): Outcome {
  let engine: string;
  try {
    const outcome = runQuery(example.query, catalogOf([]), { now: FIXED_NOW });
    const table = outcome.ok ? outcome.tables[outcome.tables.length - 1] : undefined;
    if (!outcome.ok) engine = `${outcome.error.code}: ${outcome.error.message}`;
    else if (table === undefined) engine = 'no result table';
    else {
      // A page that only orders the columns differently is compared in its own order.
      const shown = inColumnOrder(table, example.columns);
      const names = shown.columns.length === example.columns.length ? shown.columns.map((c) => c.name) : example.columns;
      const comparison = compareWithDocs(shown, names, example.rows);
      engine = comparison.ok ? 'values as shown' : comparison.reason;
    }
  } catch (e) {
    engine = `threw: ${e instanceof Error ? e.message : String(e)}`;
  }
  return { example, verdict: ERRATUM, detail: `${reason} — engine: ${engine}` };
}

/** Runs one example; a counted failure listed in `errata.ts` becomes an erratum (a passing one stays a pass). */
function runExample(example: DocExample): Outcome {
  const outcome = judgeExample(example);
  const erratum = erratumFor(example.page, example.line);
  if (erratum === undefined || outcome.verdict === 'pass' || !(COUNTED as readonly string[]).includes(outcome.verdict)) return outcome;
  return runErratum(example, erratum.reason);
}

function judgeExample(example: DocExample): Outcome {
  const skip = skipBeforeRunning(example.page, example.query, example.rows);
  if (skip !== null) return { example, verdict: skip, detail: '' };
  const deadline = Date.now() + PER_QUERY_BUDGET_MS;
  let outcome: QueryOutcome;
  try {
    outcome = runQuery(example.query, catalogOf([]), { now: FIXED_NOW, cancel: { isCancelled: () => Date.now() > deadline } });
  } catch (e) {
    return { example, verdict: 'error', detail: `threw: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (needsExternalData(outcome, example.query)) return { example, verdict: 'needs tables from the help cluster', detail: '' };
  const tooNew = unknownToParser(outcome, example.query);
  if (tooNew !== null) return { example, verdict: 'not supported yet', detail: tooNew };
  if (!outcome.ok) {
    const { code, message } = outcome.error;
    return { example, verdict: code === 'E_UNSUPPORTED' ? 'not supported yet' : 'error', detail: `${code}: ${message}` };
  }
  const table = outcome.tables[outcome.tables.length - 1];
  if (table === undefined) return { example, verdict: 'wrong result', detail: 'no result table' };
  const comparison = compareWithDocs(table, example.columns, example.rows);
  return comparison.ok ? { example, verdict: 'pass', detail: '' } : { example, verdict: 'wrong result', detail: comparison.reason };
}

const COUNTED: readonly Verdict[] = ['pass', 'wrong result', 'not supported yet', 'error'];

function report(outcomes: readonly Outcome[], docsCommit: string): string {
  const counted = outcomes.filter((o) => (COUNTED as readonly string[]).includes(o.verdict));
  const by = (v: string): number => outcomes.filter((o) => o.verdict === v).length;
  const passed = by('pass');
  const pct = counted.length === 0 ? 0 : (100 * passed) / counted.length;
  const lines: string[] = [
    '# KQL conformance against Microsoft\'s documented examples',
    '',
    'Generated by `npm run kql:conformance -- <dataexplorer-docs clone>`: every ```kusto example of',
    '`data-explorer/kusto/query/` followed by an output table is run through the engine (empty catalog,',
    '`now()` fixed) and its result compared with the table (numbers within the digits shown, datetimes',
    'and timespans as ticks, dynamic as JSON, rows in order or as a multiset). Nothing of the docs is',
    `stored here. Docs revision: ${docsCommit}.`,
    '',
    `**${passed} of ${counted.length} counted examples pass (${pct.toFixed(1)} %).**`,
    '',
    '| Verdict | Examples |',
    '|---|---|',
    ...COUNTED.map((v) => `| ${v} | ${by(v)} |`),
    '',
    'Not counted (cannot run here, or outside the issue\'s scope):',
    '',
    '| Reason | Examples |',
    '|---|---|',
  ];
  const skipReasons = [...new Set(outcomes.map((o) => o.verdict))].filter((v) => !(COUNTED as readonly string[]).includes(v) && v !== ERRATUM).sort();
  for (const reason of skipReasons) lines.push(`| ${reason} | ${by(reason)} |`);
  const errata = outcomes.filter((o) => o.verdict === ERRATUM);
  lines.push(
    '', '## Documentation errata', '',
    `${errata.length} examples whose output table does not match the page's own query (\`tests/conformance/errata.ts\`).`,
    'Not counted as passes or failures; "engine" says what the engine returned, compared with the table with',
    'the engine\'s column names.', '', '| Page | Line | Reason |', '|---|---|---|',
  );
  for (const o of errata) lines.push(`| ${o.example.page} | ${o.example.line} | ${o.detail.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 400)} |`);
  lines.push('', '## Examples that do not pass', '', '| Page | Line | Verdict | Detail |', '|---|---|---|---|');
  for (const o of counted.filter((c) => c.verdict !== 'pass')) {
    const detail = o.detail.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 200);
    lines.push(`| ${o.example.page} | ${o.example.line} | ${o.verdict} | ${detail} |`);
  }
  return `${lines.join('\n')}\n`;
}

test('documented examples', () => {
  const docsRoot = process.env.KQL_DOCS_DIR;
  if (docsRoot === undefined || docsRoot === '') throw new Error('Set KQL_DOCS_DIR (npm run kql:conformance -- <dataexplorer-docs clone>)');
  const queryDir = join(docsRoot, 'data-explorer', 'kusto', 'query');
  const outcomes: Outcome[] = [];
  for (const file of markdownFiles(queryDir)) {
    const page = relative(queryDir, file);
    for (const example of extractExamples(page, readFileSync(file, 'utf8'))) outcomes.push(runExample(example));
  }
  const commit = process.env.KQL_DOCS_COMMIT ?? 'unknown';
  writeFileSync(process.env.KQL_CONFORMANCE_OUT ?? 'docs/kql-conformance.md', report(outcomes, commit));
  const counted = outcomes.filter((o) => (COUNTED as readonly string[]).includes(o.verdict));
  console.log(`conformance: ${counted.filter((o) => o.verdict === 'pass').length} of ${counted.length} counted examples pass (${outcomes.length} examples found)`);
}, 600_000);
