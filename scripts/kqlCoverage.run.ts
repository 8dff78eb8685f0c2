/**
 * Writes docs/kql-coverage.md (run by `npm run kql:coverage` through Vitest, which loads the
 * TypeScript engine and Kusto.Language the same way the unit tests do).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { SUPPORTED_AGGREGATES } from '../src/engine/aggregates/registry';
import { SUPPORTED_SCALAR_FUNCTIONS } from '../src/engine/functions/registry';
import { SUPPORTED_QUERY_OPERATORS } from '../src/engine/syntax/supportedOperators';
import { SUPPORTED_EVALUATE_PLUGINS } from '../src/engine/syntax/lowerEvaluate';
import { knownKustoNames } from '../src/engine/syntax/kustoSymbols';
import { buildCoverage, engineOnlyNames, renderCoverageMarkdown } from '../src/engine/coverage/coverage';

it('writes docs/kql-coverage.md', () => {
  const known = knownKustoNames();
  const implemented = {
    operators: SUPPORTED_QUERY_OPERATORS, functions: SUPPORTED_SCALAR_FUNCTIONS, aggregates: SUPPORTED_AGGREGATES, plugins: SUPPORTED_EVALUATE_PLUGINS,
  };
  const rows = buildCoverage(known, implemented);
  const target = resolve(process.cwd(), 'docs/kql-coverage.md');
  writeFileSync(target, renderCoverageMarkdown(rows, engineOnlyNames(known, implemented)));
  expect(rows.length).toBeGreaterThan(0);
  console.log(`${target}: ${rows.filter((r) => r.implemented).length} of ${rows.length} implemented`);
});
