#!/usr/bin/env node
/**
 * `npm run kql:coverage`: writes docs/kql-coverage.md, every operator, function, aggregate and
 * plugin Kusto.Language knows against the engine's registries (scripts/kqlCoverage.run.ts).
 */
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['vitest', 'run', '--config', 'scripts/kqlCoverage.vitest.config.ts'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
