// jixiao test --jobs runs the built program (workers load the compiled modules): the
// output in worker threads is byte for byte the one of a single thread.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture } from '../helpers/fixture-copy.js';
import { runCli } from '../helpers/run-cli.js';
describe('jixiao test --jobs', () => {
  it('in worker threads (the built program): the same output, in the same order, as in one thread; a failing and an unreadable case included', () => {
    const dir = copyFixture('cases');
    writeFileSync(join(dir, 'ratio-below-target.yaml'), readFileSync(join(dir, 'ratio-below-target.yaml'), 'utf8').replace('scores: { r: 9.89 }', 'scores: { r: 9.9 }'));
    writeFileSync(join(dir, 'broken.yaml'), 'tree: trees/ratio.yaml\nexpect: { totl: 1 }\n');
    const one = runCli(['test', '.', '--format', 'json'], dir);
    const three = runCli(['test', '.', '--format', 'json', '--jobs', '3'], dir);
    expect([one.code, three.code]).toEqual([2, 2]);
    expect(three.stdout).toBe(one.stdout);
    const env = JSON.parse(one.stdout);
    const failed = (env.result.cases as { file: string; passed: boolean }[]).filter((c) => !c.passed).map((c) => c.file);
    // the Xiangyuan case's ../xiangyuan is not beside the copy: it cannot score, in both runs alike
    expect([env.result.cases.length, failed, env.problems[0].code]).toEqual([13, ['ratio-below-target.yaml', 'xiangyuan.yaml'], 'case-invalid']);
    const bad = runCli(['test', '.', '--jobs', '0'], dir);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, '错误 [usage] --jobs 应为 1 到 64 的整数，实际为「0」']);
  });
});
