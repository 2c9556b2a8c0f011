// jixiao explain: one indicator's trace with its rule, inputs and sources, rounding; a
// group's children and their sum; an indicator not in the tree named with the closest.
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

const explain = (...args: string[]) => runInProcess(['explain', ...args], ROOT);

describe('jixiao explain', () => {
  it('a leaf of the reference case by id: weight, score, target, rule, parts, metrics with sources, rounding, note', async () => {
    const run = await explain('fixtures/xiangyuan', 'aid_completion');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.slice(0, 3)).toEqual(['项目产出 > 帮扶数量 > 帮扶工作完成情况（aid_completion）', '权重 10 分，得分 10 分，得分率 100.00%', '目标值：100%　完成值：100.00%；100.00%']);
    expect(lines).toContain('评分规则：组合计分（composite）');
    expect(lines).toContain('  部分「帮扶开展率」5 / 5 分：帮扶开展率 100.00%，落在分档「≥100%」，得 5 分');
    expect(lines).toContain('  registration.aid_rate（困难职工建档人员救助率）= 100.00%，评价人员给出');
    expect(lines).toContain('    出处：报告第四部分：建档后的困难职工总工会全部发放补助资金');
    expect(lines).toContain('取整：每个末级指标保留 2 位小数，四舍五入');
  });

  it('by name: a derived metric with its formula; a rounded leaf with its exact points', async () => {
    const derived = (await explain('fixtures/scopes', '各年平均帮扶开展率')).stdout;
    expect(derived).toContain('    公式：mean({roster.launch_rate@2022}, {@2023}) = mean(80.00%, 75.00%) = 77.50%\n');
    const rounded = (await explain('fixtures/scopes', '资金 > 2023年市财政资金执行率')).stdout.trim().split('\n');
    expect(rounded[1]).toBe('权重 10 分，得分 9.47 分，得分率 94.70%');
    expect(rounded.at(-1)).toBe('取整：每个末级指标保留 2 位小数，四舍五入；取整前 9.473684210526315789473684210526316 分');
  });

  it('a group: its children and their sum', async () => {
    const run = await explain('fixtures/xiangyuan', '帮扶数量');
    expect(run.stdout.trim().split('\n').slice(2)).toEqual(['下级指标：', '  帮扶工作完成情况（aid_completion）10 / 10 分', '  质量达标情况（quality）10 / 10 分', '  帮扶职工数量（aided_workers）10 / 10 分', '合计 10 + 10 + 10 = 30 分']);
  });

  it('an indicator not in the tree: exit 2 with the closest names; JSON carries the lines and metrics', async () => {
    const run = await explain('fixtures/xiangyuan', '帮扶人数');
    expect([run.code, run.stderr.trim()]).toEqual([2, '错误 [indicator-unknown] 指标体系中没有「帮扶人数」 建议：给出指标的编号、名称或路径；最接近的：帮扶效益、帮扶数量、帮扶有效性、帮扶职工数量、满意度']);
    const json = JSON.parse((await explain('fixtures/scopes', 'launch_2023', '--format', 'json')).stdout);
    expect([json.result.id, json.result.metrics.map((m: { name: string }) => m.name), json.result.lines[0]]).toEqual(['launch_2023', ['roster.person_times@2023', 'budget.planned_person_times@2023'], '产出 > 2023年帮扶人次完成率（launch_2023）']);
  });
});
