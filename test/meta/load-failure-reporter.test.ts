// The mutation runs' reporter: a test file that failed to load becomes one failed
// test (so Stryker scores the mutant killed); a file that loaded is left alone.
import { describe, expect, it } from 'vitest';
import type { RunnerTestFile } from 'vitest';
import LoadFailureReporter, { loadFailureAsFailedTest } from '../helpers/load-failure-reporter.js';

const file = (state: 'pass' | 'fail', tasks: unknown[] = []) =>
  ({ id: 'f1', name: 'test/x.test.ts', type: 'suite', tasks, result: { state, errors: state === 'fail' ? [{ message: 'boom' }] : [] } }) as unknown as RunnerTestFile;

describe('load failures as failed tests', () => {
  it('a failed file without tests gets one failed test carrying the load error', () => {
    const failed = loadFailureAsFailedTest(file('fail'));
    expect(failed).toMatchObject({ type: 'test', id: 'f1_load', name: 'the test file loads', result: { state: 'fail', errors: [{ message: 'boom' }] } });
  });

  it('a file that loaded is left alone, failed or passed', () => {
    expect(loadFailureAsFailedTest(file('fail', [{ type: 'test' }]))).toBeUndefined();
    expect(loadFailureAsFailedTest(file('pass'))).toBeUndefined();
  });

  it('the reporter adds the test to the files the run keeps, where Stryker reads them', () => {
    const files = [file('fail'), file('pass')];
    const reporter = new LoadFailureReporter();
    reporter.onInit({ state: { getFiles: () => files } } as never);
    reporter.onTestRunEnd();
    expect(files.map((f) => f.tasks.length)).toEqual([1, 0]);
  });
});
