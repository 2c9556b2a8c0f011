// jixiao test: the project's own regression cases (fixtures/cases/) through the command,
// a failing case with expected, actual and trace, JSON, JUnit XML, and the exit codes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

describe('jixiao test', () => {
  it('fixtures/cases all pass: the reference case and rule edges, exit 0', async () => {
    const run = await runInProcess(['test', 'fixtures/cases'], ROOT);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.trim().split('\n')).toEqual([
      '✓ 各规则恰在满分边界（fixtures/cases/at-full.yaml）',
      '✓ 各规则在零分边界（fixtures/cases/at-zero.yaml）',
      '✓ 海南 2015 年自评表模板（fixtures/cases/hainan-self-check.yaml）',
      '✓ 判断类规则在上限（fixtures/cases/judged-high-edges.yaml）',
      '✓ 判断类规则在下限（fixtures/cases/judged-low-edges.yaml）',
      '✓ 各规则刚低于满分边界（fixtures/cases/just-below.yaml）',
      '✓ 2020 年自评模板 预算执行率（fixtures/cases/national-2020-template.yaml）',
      '✓ 2020 年共性指标框架模板（fixtures/cases/national-common-framework.yaml）',
      '✓ 不适用按比例折算（fixtures/cases/not-applicable.yaml）',
      '✓ 目标完成比例 在目标处（fixtures/cases/ratio-at-target.yaml）',
      '✓ 目标完成比例 低于目标（fixtures/cases/ratio-below-target.yaml）',
      '✓ 目标完成比例 远超目标（fixtures/cases/ratio-far-above.yaml）',
      '✓ 襄垣县评价报告的得分（fixtures/cases/xiangyuan.yaml）',
      '13 个用例：通过 13 个，未通过 0 个',
    ]);
  });

  it('a case that fails shows expected, actual and the trace; exit 1; JSON and JUnit say the same', async () => {
    const dir = copyFixture('cases');
    writeFileSync(join(dir, 'ratio-below-target.yaml'), readFileSync(join(dir, 'ratio-below-target.yaml'), 'utf8').replace('scores: { r: 9.89 }', 'scores: { r: 9.9 }, findings: [score-warning]'));
    const junitFile = join(mkdtempSync(join(tmpdir(), 'jixiao-junit-')), 'report.xml');
    const run = await runInProcess(['test', join(dir, 'ratio-below-target.yaml'), '--junit', junitFile], dir);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      '✗ 目标完成比例 低于目标（ratio-below-target.yaml）',
      '    到位率（r）：期望 9.9，实际 9.89（到位率 94.00%，目标 ≥95%，完成率 98.95%，按 完成值 ÷ 目标值 × 10 计 9.8947 分）',
      '    问题 score-warning：期望 出现，实际 未出现（没有任何问题）',
      '1 个用例：通过 0 个，未通过 1 个',
    ]);
    const xml = readFileSync(junitFile, 'utf8');
    expect(xml).toContain('<testsuite name="jixiao test" tests="1" failures="1">');
    expect(xml).toContain('<failure message="到位率（r）：期望 9.9，实际 9.89（到位率 94.00%，目标 ≥95%，完成率 98.95%，按 完成值 ÷ 目标值 × 10 计 9.8947 分）">');
    const json = JSON.parse((await runInProcess(['test', join(dir, 'ratio-below-target.yaml'), '--format', 'json'], dir)).stdout);
    expect([json.result.passed, json.result.failed, json.result.cases[0].mismatches[0]]).toEqual([0, 1, { what: '到位率（r）', expected: '9.9', actual: '9.89', trace: '到位率 94.00%，目标 ≥95%，完成率 98.95%，按 完成值 ÷ 目标值 × 10 计 9.8947 分', at: ['expect', 'scores', 'r'], replacement: 9.89 }]);
    // a tolerance lets 0.01 pass
    writeFileSync(join(dir, 'ratio-below-target.yaml'), readFileSync(join(dir, 'ratio-below-target.yaml'), 'utf8').replace(', findings: [score-warning]', '').concat('tolerance: 0.01\n'));
    expect((await runInProcess(['test', join(dir, 'ratio-below-target.yaml')], dir)).code).toBe(0);
  });

  it('a case file that is no case exits 2 with the field; a case whose tree cannot score fails with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-cases-'));
    writeFileSync(join(dir, 'bad.yaml'), 'name: x\nexpect: { totl: 1 }\ntree: t.yaml\n');
    const bad = await runInProcess(['test', 'bad.yaml'], dir);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, '错误 [case-invalid] bad.yaml：未知字段 expect.totl 建议：totl 是否应为 total？此处可用的字段：total、grade、scores、findings']);
    writeFileSync(join(dir, 't.yaml'), 'title: t\ntype: evaluation\ntotal: 1\nindicators: [{ id: a, name: 甲, weight: 1, rule: { kind: ratio, metric: x.y, target: "≥1" } }]\n');
    writeFileSync(join(dir, 'missing.yaml'), 'tree: t.yaml\nexpect: { total: 1 }\n');
    const missing = await runInProcess(['test', 'missing.yaml'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('    无法评分：缺少指标数据 x.y');
  });
});

describe('judged rules just outside their limits', () => {
  it('a points value 0.01 outside the chosen level’s range cannot score, at either end', async () => {
    const dir = copyFixture('cases');
    const high = readFileSync(join(dir, 'judged-high-edges.yaml'), 'utf8');
    const low = readFileSync(join(dir, 'judged-low-edges.yaml'), 'utf8');
    writeFileSync(join(dir, 'over.yaml'), high.replace('{ grade: 一般, points: 3,', '{ grade: 一般, points: 3.01,'));
    writeFileSync(join(dir, 'under.yaml'), low.replace('{ grade: 一般, points: 1,', '{ grade: 一般, points: 0.99,'));
    writeFileSync(join(dir, 'manual-over.yaml'), high.replace('manual: { points: 5,', 'manual: { points: 5.01,'));
    for (const file of ['over.yaml', 'under.yaml', 'manual-over.yaml']) {
      const run = await runInProcess(['test', file, '--format', 'json'], dir);
      const c = JSON.parse(run.stdout).result.cases[0];
      expect([file, run.code, c.passed, c.errors.length > 0]).toEqual([file, 1, false, true]);
    }
    const over = JSON.parse((await runInProcess(['test', 'over.yaml', '--format', 'json'], dir)).stdout).result.cases[0];
    expect(over.errors[0].message).toContain('所给分值超出等级「一般」的分值范围');
  });
});

describe('jixiao test --update', () => {
  it('rewrites the failing expectations with the actual values, keeps the comments, says what changed; then the case passes', async () => {
    const dir = copyFixture('cases');
    const file = join(dir, 'ratio-below-target.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('scores: { r: 9.89 }', 'scores: { r: 9.9 }, findings: [score-warning]'));
    const run = await runInProcess(['test', 'ratio-below-target.yaml', '--update'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').slice(-4)).toEqual(['已更新 ratio-below-target.yaml：', '    expect.scores.r：9.9 → 9.89', '    expect.findings：去掉未出现的 score-warning', '1 个用例：通过 0 个，未通过 0 个，已按实际值更新 1 个']);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# 目标完成比例：低于目标 1 个百分点')).toBe(true);
    expect(text).toContain('scores: { r: 9.89 }');
    expect(text).toContain('findings: []');
    expect((await runInProcess(['test', 'ratio-below-target.yaml'], dir)).code).toBe(0);
  });
  it('a case that cannot score is left as it is and still fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-cases-'));
    writeFileSync(join(dir, 't.yaml'), 'title: t\ntype: evaluation\ntotal: 1\nindicators: [{ id: a, name: 甲, weight: 1, rule: { kind: ratio, metric: x.y, target: "≥1" } }]\n');
    writeFileSync(join(dir, 'c.yaml'), 'tree: t.yaml\nexpect: { total: 1 }\n');
    const run = await runInProcess(['test', 'c.yaml', '--update'], dir);
    expect([run.code, readFileSync(join(dir, 'c.yaml'), 'utf8')]).toEqual([1, 'tree: t.yaml\nexpect: { total: 1 }\n']);
  });
});

