// jixiao diff: the Xiangyuan tree against a revision of it (fixtures/diff), scored on the
// Xiangyuan inputs; two git revisions of one file; exit codes and --fail-on.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

const diff = (args: string[], cwd = ROOT) => runInProcess(['diff', ...args], cwd);

describe('jixiao diff', () => {
  it('lists each score that moves with why, and the definitions that changed without moving a score', async () => {
    const run = await diff(['fixtures/xiangyuan/tree.yaml', 'fixtures/diff/xiangyuan-revised.yaml', '--inputs', 'fixtures/xiangyuan']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.trim().split('\n')).toEqual([
      '原：fixtures/xiangyuan/tree.yaml（襄垣县困难职工帮扶资金绩效评价指标体系）',
      '新：fixtures/diff/xiangyuan-revised.yaml（襄垣县困难职工帮扶资金绩效评价指标体系）',
      '按 fixtures/xiangyuan 的数据和评价判断评分',
      // 2 − (100% − 80%) ÷ (110% − 80%) × 2 = 0.67 and 10 − (30 − 25) = 5 fewer
      '合计 88.50 → 82.83（−5.67），评价等级 良 → 良',
      '得分变化的指标（6 个）：',
      '  项目过程：19.00 → 18.33（−0.67）',
      '    下级指标的得分变化',
      '  项目过程 > 资金管理：8.00 → 7.33（−0.67）',
      '    下级指标的得分变化',
      '  项目过程 > 资金管理 > 预算执行率：2.00 → 1.33（−0.67）',
      '    规则参数 zero_at：0.7 → 0.8',
      '    规则参数 full_at：1 → 1.1',
      '    原：预算执行率 100.00% ≥ 100.00%，得满分 2 分',
      '    新：预算执行率 100.00% 介于 80.00% 与 110.00% 之间，按比例计算：(100.00% − 80.00%) ÷ (110.00% − 80.00%) × 2 = 1.3333 分',
      '  项目产出：30.00 → 25.00（−5.00）',
      '    下级指标的得分变化',
      '  项目产出 > 帮扶数量：30.00 → 25.00（−5.00）',
      '    下级指标的得分变化',
      '  项目产出 > 帮扶数量 > 帮扶职工数量：10.00 → 5.00（−5.00）',
      '    目标值 ≥10人 → ≥30人',
      '    规则参数 target：10 → 30',
      '    原：帮扶人数 25人 ≥ 目标 10人，得满分 10 分',
      '    新：帮扶人数 25人，比目标 30人 少 5人，每少 1人 扣 1 分，扣 5 分，得 5 分',
      '定义有改动、得分不变的指标（1 个）：',
      '  项目决策 > 项目立项 > 立项依据充分性：3.00 分',
      '    评分标准文字改动（规则未变）',
    ]);
  });

  it('JSON: both totals, every change with its status; each moved score a score-changed warning, so --fail-on warning exits 1', async () => {
    const run = await diff(['fixtures/xiangyuan/tree.yaml', 'fixtures/diff/xiangyuan-revised.yaml', '--inputs', 'fixtures/xiangyuan', '--format', 'json', '--fail-on', 'warning']);
    expect(run.code).toBe(1);
    const env = JSON.parse(run.stdout);
    expect([env.result.a.total, env.result.a.grade, env.result.b.total, env.result.b.grade]).toEqual(['88.50', '良', '82.83', '良']);
    expect(env.result.changes.map((c: { id: string; status: string }) => `${c.id} ${c.status}`)).toEqual(['basis_sufficiency same-score', 'process changed', 'fund_management changed', 'execution_rate changed', 'output changed', 'aid_quantity changed', 'aided_workers changed']);
    const leaf = env.result.changes.find((c: { id: string }) => c.id === 'aided_workers');
    expect([leaf.a.score, leaf.b.score, leaf.why]).toEqual(['10.00', '5.00', ['目标值 ≥10人 → ≥30人', '规则参数 target：10 → 30']]);
    expect(new Set(env.problems.map((p: { code: string }) => p.code))).toEqual(new Set(['score-changed']));
    expect(env.problems.map((p: { code: string; message: string }) => `${p.code} ${p.message}`)).toEqual([
      'score-changed 得分 19.00 → 18.33',
      'score-changed 得分 8.00 → 7.33',
      'score-changed 得分 2.00 → 1.33',
      'score-changed 得分 30.00 → 25.00',
      'score-changed 得分 30.00 → 25.00',
      'score-changed 得分 10.00 → 5.00',
    ]);
  });

  it('the same tree twice: nothing moves, exit 0 even with --fail-on warning', async () => {
    const run = await diff(['fixtures/xiangyuan/tree.yaml', 'indicators/xiangyuan-hardship-aid.yaml', '--inputs', 'fixtures/xiangyuan', '--fail-on', 'warning']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').slice(3)).toEqual(['合计 88.50 → 88.50（不变），评价等级 良 → 良', '没有指标的得分变化。']);
  });

  it('two git revisions of one file (rev:path); an unreadable revision is exit 2 with git’s reason', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'jixiao-diff-git-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    copyFileSync(join(ROOT, 'fixtures/xiangyuan/tree.yaml'), join(repo, 'tree.yaml'));
    git('add', 'tree.yaml');
    git('commit', '-q', '-m', 'v1');
    writeFileSync(join(repo, 'tree.yaml'), readFileSync(join(ROOT, 'fixtures/diff/xiangyuan-revised.yaml')));
    const inputs = join(ROOT, 'fixtures/xiangyuan');
    const run = await diff(['HEAD:tree.yaml', 'tree.yaml', '--inputs', inputs], repo);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual(['原：HEAD:tree.yaml（襄垣县困难职工帮扶资金绩效评价指标体系）', '新：tree.yaml（襄垣县困难职工帮扶资金绩效评价指标体系）', `按 ${inputs} 的数据和评价判断评分`, '合计 88.50 → 82.83（−5.67），评价等级 良 → 良']);
    const bad = await diff(['HEAD~5:tree.yaml', 'tree.yaml', '--inputs', inputs], repo);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^错误 \[revision-unreadable\] HEAD~5:tree.yaml：无法从 git 读取 HEAD~5:tree.yaml：fatal: /);
    const badJson = await diff(['HEAD~5:tree.yaml', 'tree.yaml', '--inputs', inputs, '--format', 'json'], repo);
    expect(JSON.parse(badJson.stdout).problems.map((p: { code: string }) => p.code)).toEqual(['revision-unreadable']);
  });

  it('a tree with lint errors is refused (exit 2); a JSON tree from git and an absolute path read as well', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-diff-'));
    writeFileSync(join(dir, 'bad.yaml'), 'title: t\ntype: evaluation\ntotal: 10\nindicators:\n  - { id: x, name: 甲, weight: 8, rule: { kind: manual } }\n');
    const bad = await diff(['bad.yaml', join(ROOT, 'fixtures/xiangyuan/tree.yaml'), '--inputs', join(ROOT, 'fixtures/xiangyuan'), '--format', 'json'], dir);
    expect([bad.code, JSON.parse(bad.stdout).problems.map((p: { code: string; where: { file?: string } }) => `${p.code} ${p.where.file}`)]).toEqual([2, ['tree-weights bad.yaml']]);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    const tree = readFileSync(join(ROOT, 'fixtures/diff/xiangyuan-revised.yaml'), 'utf8');
    const { parse } = await import('yaml');
    writeFileSync(join(dir, 'tree.json'), JSON.stringify(parse(tree)));
    git('add', 'tree.json');
    git('commit', '-q', '-m', 'json');
    const abs = join(ROOT, 'fixtures/xiangyuan/tree.yaml');
    const run = await diff([abs, 'HEAD:tree.json', '--inputs', join(ROOT, 'fixtures/xiangyuan')], dir);
    expect([run.code, run.stdout.split('\n').slice(0, 2), run.stdout.split('\n')[3]]).toEqual([0, [`原：${abs}（襄垣县困难职工帮扶资金绩效评价指标体系）`, '新：HEAD:tree.json（襄垣县困难职工帮扶资金绩效评价指标体系）'], '合计 88.50 → 82.83（−5.67），评价等级 良 → 良']);
  });

  it('a leaf only the new version has is 待评 (no judgement for it), and its removal is listed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-diff-'));
    const a = 'title: t\ntype: evaluation\ntotal: 10\nindicators:\n  - { id: x, name: 甲, weight: 10, rule: { kind: manual } }\n';
    const b = 'title: t\ntype: evaluation\ntotal: 10\nindicators:\n  - { id: y, name: 乙, weight: 10, rule: { kind: manual } }\n';
    writeFileSync(join(dir, 'a.yaml'), a);
    writeFileSync(join(dir, 'b.yaml'), b);
    writeFileSync(join(dir, 'evaluation.yaml'), 'project: p\nperiod: [2024]\ntree: a.yaml\ninputs:\n  - { kind: judgements, file: j.yaml }\n');
    writeFileSync(join(dir, 'j.yaml'), 'judgements:\n  x: { points: 8, reason: 部分完成 }\n');
    const run = await diff(['a.yaml', 'b.yaml', '--inputs', '.'], dir);
    expect(run.code).toBe(0);
    // 8 of 10 is graded on the rate under the default bands (80% → 良); the new leaf has no judgement yet
    expect(run.stdout.trim().split('\n').slice(3)).toEqual(['合计 8.00 → 0.00（−8.00），评价等级 良 → 差，1 项待评', '得分变化的指标（2 个）：', '  乙：新增，待评 / 10 分', '  甲：删去（原 8.00 / 10 分）']);
  });
});
