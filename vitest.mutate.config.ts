// The tests Stryker runs against each mutant (npm run mutate): the in-process ones.
// End-to-end tests run the compiled bin/ (they never see a mutant), and the fuzz slice
// would spend its time budget on every mutant it covers; test/meta reads the source
// text, which Stryker's instrumented copy changes.
//
// MUTATE_TESTS narrows the suite to comma-separated globs (e.g. 'test/schema/**,test/io/read-messy*').
// Static mutants (module-level code such as zod schemas) run every included test, so a
// folder's run is hours with the whole suite and minutes with the tests that can reach it.
// A narrowed run can only under-report: a mutant it lets survive may be killed elsewhere.
import { defineConfig } from 'vitest/config';
import LoadFailureReporter from './test/helpers/load-failure-reporter.js';

const narrowed = process.env.MUTATE_TESTS?.split(',').map((glob) => glob.trim()).filter(Boolean);

export default defineConfig({
  test: {
    include: narrowed?.length ? narrowed : ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/fuzz/**', 'test/meta/**', '**/node_modules/**'],
    reporters: ['default', new LoadFailureReporter()],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
