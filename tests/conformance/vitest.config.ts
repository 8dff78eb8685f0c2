import { defineConfig } from 'vitest/config';

/** Runs only the documented-examples conformance measurement (not part of `npm test`). */
export default defineConfig({
  test: {
    include: ['tests/conformance/conformance.run.ts'],
    environment: 'node',
    testTimeout: 600_000,
    reporters: ['default'],
  },
});
