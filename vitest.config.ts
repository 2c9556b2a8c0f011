import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the JSON report feeds the plain "N passed, N failed" line CI reads (.ci/run)
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
    // vitest runs availableParallelism - 1 files at once: one, on the 2-core machines here;
    // half the suite waits on child processes and the disk, so two at a time pays
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
