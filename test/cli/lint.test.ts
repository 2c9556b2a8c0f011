// jixiao lint on trees alone: the printed 附件1 of the Xiangyuan report (every rule whose
// points cannot add up to its weight or contradict its text is reported), the tree as
// scored (one printed contradiction left in its criteria), acknowledgements, exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, edit, ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

const lint = (args: string[], cwd = ROOT) => runInProcess(['lint', ...args], cwd);
const found = (stdout: string) =>
  (JSON.parse(stdout).problems as { severity: string; code: string; where: { path?: string[] }; message: string }[]).map((p) => [p.severity, p.code, (p.where.path ?? []).slice(-1)[0], p.message]);

describe('jixiao lint', () => {
  it('the printed 附件1: each of its six contradictory leaves is reported, nothing else', async () => {
    const run = await lint(['fixtures/xiangyuan-printed', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(found(run.stdout)).toEqual([
      ['warning', 'rule-non-monotone', '预算执行率', '更好的取值（分档「≥100%」）可能比更差的取值（分档「(70%,100%)」）得分更少'],
      ['warning', 'criteria-points', '项目执行有效性', '评分标准「*4（1分）」自相矛盾：乘以 4，却写 1 分'],
      ['error', 'rule-max-points', '帮扶工作完成情况', '评分规则最多给 15 分，与指标权重 10 分不符'],
      ['warning', 'bands-gap', '帮扶工作完成情况', '部分「帮扶开展率」：高于分档「=100%」的取值不在任何分档内'],
      ['warning', 'bands-gap', '帮扶工作完成情况', '部分「困难职工建档人员救助率」：高于分档「=100%」的取值不在任何分档内'],
      ['error', 'rule-max-points', '质量达标情况', '评分规则最多给 15 分，与指标权重 10 分不符'],
      ['warning', 'bands-gap', '质量达标情况', '部分「困难职工建档合格率」：高于分档「=100%」的取值不在任何分档内'],
      ['warning', 'bands-gap', '质量达标情况', '部分「帮扶资金发放合规率」：高于分档「=100%」的取值不在任何分档内'],
      ['warning', 'criteria-points', '政策知晓情况', '评分标准中各项分值 *5*5 合计 10 分，与权重 5 分不符'],
      ['error', 'rule-max-points', '政策知晓情况', '评分规则最多给 10 分，与指标权重 5 分不符'],
      ['warning', 'criteria-points', '帮扶有效性', '评分标准中各项分值 *2*5 合计 7 分，与权重 6 分不符'],
      ['error', 'rule-max-points', '帮扶有效性', '评分规则最多给 10 分，与指标权重 6 分不符'],
    ]);
    expect(JSON.parse(run.stdout).result.trees).toEqual([
      { file: 'fixtures/xiangyuan-printed/tree.yaml', readable: true, title: '襄垣县困难职工帮扶资金绩效评价指标体系（附件1 原样）', leaves: 21, counts: { error: 4, warning: 8, info: 0 }, acknowledged: [] },
    ]);
  });

  it('the tree as scored: only the printed *4（1分） left in a criteria text, a warning (exit 0; 1 with --fail-on warning)', async () => {
    const run = await lint(['fixtures/xiangyuan']);
    expect([run.code, run.stdout.trim()]).toEqual([0, '! fixtures/xiangyuan/tree.yaml：「襄垣县困难职工帮扶资金绩效评价指标体系」，21 个末级指标；错误 0 个，警告 1 个，提示 0 个']);
    expect(run.stderr).toContain('警告 [criteria-points] fixtures/xiangyuan/tree.yaml 项目过程 > 组织实施 > 项目执行有效性：评分标准「*4（1分）」自相矛盾：乘以 4，却写 1 分');
    expect((await lint(['fixtures/xiangyuan', '--fail-on', 'warning'])).code).toBe(1);
  });

  it('an acknowledged finding is listed apart and not counted; --all shows it with its reason', async () => {
    const dir = copyFixture('xiangyuan');
    edit(dir, 'tree.yaml', (t) => t.replace('            note: 附件1 的「现有资料总数/应有资料总数*4」', '            lint: { ignore: [criteria-points], reason: 按「以上每项1分」读 }\n            note: 附件1 的「现有资料总数/应有资料总数*4」'));
    const run = await lint([dir, '--fail-on', 'warning'], dir);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('错误 0 个，警告 0 个，提示 0 个；已确认 1 个（--all 列出）');
    const all = await lint([dir, '--all'], dir);
    expect(all.stderr).toContain('提示 [criteria-points]');
    expect(all.stderr).toContain('（已确认：按「以上每项1分」读）评分标准「*4（1分）」自相矛盾：乘以 4，却写 1 分');
    const json = JSON.parse((await lint([dir, '--format', 'json'], dir)).stdout);
    expect(json.result.trees[0].acknowledged).toEqual([{ code: 'criteria-points', path: ['项目过程', '组织实施', '项目执行有效性'], message: '评分标准「*4（1分）」自相矛盾：乘以 4，却写 1 分', reason: '按「以上每项1分」读' }]);
    // score lists it in 说明, its figures unchanged
    const out = mkdtempSync(join(tmpdir(), 'jixiao-lint-'));
    const score = await runInProcess(['score', dir, '-o', out, '--no-chart'], dir);
    expect([score.code, score.stdout.includes('88.50 / 100')]).toEqual([0, true]);
  });

  it('exit 2 only for a file that cannot be read or parsed; a tree that fails its schema is a finding (1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-lint-'));
    writeFileSync(join(dir, 'bad.yaml'), 'title: x\n  type: [\n');
    writeFileSync(join(dir, 'wrong.yaml'), 'title: x\ntype: evaluation\nindicators: [{ id: a, name: 甲, weight: 1 }]\n');
    expect((await lint([join(dir, 'missing.yaml')], dir)).code).toBe(2);
    expect((await lint([join(dir, 'bad.yaml')], dir)).code).toBe(2);
    const wrong = await lint(['wrong.yaml'], dir);
    expect([wrong.code, wrong.stderr.trim()]).toEqual([1, '错误 [tree-node-invalid] wrong.yaml 甲：末级指标缺少评分规则 rule 建议：写明 rule.kind（linear、bands、checklist 等）及其参数']);
    const empty = mkdtempSync(join(tmpdir(), 'jixiao-lint-'));
    const none = await lint([empty], empty);
    expect([none.code, none.stderr.includes('目录中没有 evaluation.yaml，也没有 tree.yaml')]).toEqual([2, true]);
  });

  it('a self-evaluation tree off the national split warns, unless it says weights: custom', async () => {
    const dir = copyFixture('self-evaluation');
    const base = await lint(['tree.yaml', '--format', 'json'], dir);
    expect(found(base.stdout)).toEqual([]);
    edit(dir, 'tree.yaml', (t) => t.replace(/(name: 预算执行率\n\s+weight: )10/, '$115').replace(/(name: 产出指标\n\s+weight: )50/, '$145'));
    const off = await lint(['tree.yaml', '--format', 'json'], dir);
    expect(found(off.stdout).filter((f) => f[1] === 'weights-national-split').map((f) => f[3])).toEqual([
      '预算执行率的权重 15 分，全国通用的自评权重为 10 分（预算执行率 10、产出 50、效益 30、满意度 10）',
      '产出指标的权重 45 分，全国通用的自评权重为 50 分（预算执行率 10、产出 50、效益 30、满意度 10）',
    ]);
    edit(dir, 'tree.yaml', (t) => t.replace('type: self-evaluation', 'type: self-evaluation\nweights: custom'));
    expect(found((await lint(['tree.yaml', '--format', 'json'], dir)).stdout).filter((f) => f[1] === 'weights-national-split')).toEqual([]);
  });
});
