import { defineConfig } from 'vitest/config';

/** Runs only the coverage table writer (`npm run kql:coverage`). */
export default defineConfig({
  test: { include: ['scripts/kqlCoverage.run.ts'], environment: 'node', testTimeout: 60_000, reporters: ['default'] },
});
