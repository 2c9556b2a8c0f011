// A vitest reporter for mutation runs only (vitest.mutate.config.ts). Stryker's vitest
// runner (9.6.1, and 10.0.0 still) builds a mutant's result from the tests it
// collected; a test file whose import throws collects none, so a mutant that stops a
// module from loading (most static mutants of a zod schema do) counts as survived
// although every test of that file would fail (stryker-js#6150). This turns such a
// file into one failed test carrying its load error, before Stryker reads the state.
import type { RunnerTestCase, RunnerTestFile } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

export function loadFailureAsFailedTest(file: RunnerTestFile): RunnerTestCase | undefined {
  if (file.result?.state !== 'fail' || file.tasks.length > 0) return undefined;
  const failed = {
    type: 'test',
    id: `${file.id}_load`,
    name: 'the test file loads',
    mode: 'run',
    meta: {},
    file,
    suite: file,
    timeout: 0,
    annotations: [],
    artifacts: [],
    result: { state: 'fail', errors: file.result.errors ?? [] },
  };
  // vitest types a test with a context only its runner builds; nothing reads it after the run
  return failed as unknown as RunnerTestCase;
}

export default class LoadFailureReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) {
      const failed = loadFailureAsFailedTest(file);
      if (failed) file.tasks.push(failed);
    }
  }
}
