#!/usr/bin/env node
/**
 * `npm run kql:conformance -- <dataexplorer-docs clone>`: runs Microsoft's documented KQL
 * examples through the engine (tests/conformance/conformance.run.ts) and writes
 * docs/kql-conformance.md. Get the docs with
 * `git clone --depth 1 https://github.com/MicrosoftDocs/dataexplorer-docs`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const docs = process.argv[2] ?? process.env.KQL_DOCS_DIR;
if (docs === undefined || !existsSync(join(docs, 'data-explorer', 'kusto', 'query'))) {
  console.error('usage: npm run kql:conformance -- <path to a clone of MicrosoftDocs/dataexplorer-docs>');
  process.exit(2);
}
const git = spawnSync('git', ['-C', docs, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
const commit = process.env.KQL_DOCS_COMMIT ?? (git.status === 0 ? git.stdout.trim() : 'unknown');
const result = spawnSync('npx', ['vitest', 'run', '--config', 'tests/conformance/vitest.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, KQL_DOCS_DIR: resolve(docs), KQL_DOCS_COMMIT: commit },
});
process.exit(result.status ?? 1);
