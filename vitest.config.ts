import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the JSON report feeds the plain "N passed, N failed" line CI reads (.ci/run)
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
