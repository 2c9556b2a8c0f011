// The tests Stryker runs against each mutant (npm run mutate): the in-process ones.
// End-to-end tests run the compiled bin/ (they never see a mutant), and the fuzz slice
// would spend its time budget on every mutant it covers; test/meta reads the source
// text, which Stryker's instrumented copy changes.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/fuzz/**', 'test/meta/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
