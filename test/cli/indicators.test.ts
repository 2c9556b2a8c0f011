// jixiao indicators list / show: the built-in trees with their sources, any tree as an
// indented table; an unknown template name lists the ones there are.
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

describe('jixiao indicators', () => {
  it('list: every template in indicators/, with title, type, leaves and where it comes from', async () => {
    const run = await runInProcess(['indicators', 'list', '--format', 'json'], ROOT);
    const ts = JSON.parse(run.stdout).result.templates as { name: string; title: string; type: string; leaves: number; source: string }[];
    expect(ts.map((t) => [t.name, t.type, t.leaves])).toEqual([
      ['core-indicators-2021', 'self-evaluation', 5],
      ['hainan-self-check-2015', 'self-evaluation', 34],
      ['national-2020-self-evaluation', 'self-evaluation', 7],
      ['national-common-framework-2020', 'evaluation', 18],
      ['xiangyuan-hardship-aid', 'evaluation', 21],
    ]);
    expect(ts[2]!.source.startsWith('单位自评指标体系（财预〔2020〕10号《项目支出绩效评价管理办法》）')).toBe(true);
  });

  it('show: by template name or by file, each node with weight, rule kind, metric and target', async () => {
    const run = await runInProcess(['indicators', 'show', 'national-2020-self-evaluation'], ROOT);
    const lines = run.stdout.trim().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '项目支出绩效自评指标体系（2020）（自评，满分 100）',
      '  预算执行率（budget_execution）10 分  目标完成比例 budget.execution_rate_planned  目标 ≥100%',
      '  产出指标（output）50 分',
      '    数量指标（quantity）20 分',
    ]);
    const file = await runInProcess(['indicators', 'show', 'fixtures/vocabulary/tree.yaml'], ROOT);
    expect(file.stdout).toContain('    立项依据充分性（basis）20/3 分  人工评分\n');
  });

  it('an unknown name: exit 2 with the names there are', async () => {
    const run = await runInProcess(['indicators', 'show', 'natonal'], ROOT);
    expect([run.code, run.stderr.trim()]).toEqual([2, '错误 [template-unknown] 没有名为「natonal」的内置指标体系 建议：可用：core-indicators-2021、hainan-self-check-2015、national-2020-self-evaluation、national-common-framework-2020、xiangyuan-hardship-aid（jixiao indicators list），或给出指标体系文件的路径']);
  });
});
