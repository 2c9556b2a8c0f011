// The reference case: the Xiangyuan report's every leaf score, every subtotal of
// 表3-2, total 88.5, grade 良 — computed from the rosters, budget table, questionnaire
// and judgements in fixtures/xiangyuan, and changed inputs that prove it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScoredNode } from '../../src/engine/score.js';
import { InputError } from '../../src/problems/problem.js';
import { scoreEvaluation } from '../../src/run/score-evaluation.js';
import { ROOT, copyFixture, edit } from '../helpers/fixture-copy.js';

function byName(nodes: readonly ScoredNode[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (ns: readonly ScoredNode[]) => {
    for (const n of ns) {
      out.set(n.node.path.join(' > '), n.score.toFixed(2));
      if (n.children) walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

async function leafScore(dir: string, id: string): Promise<ScoredNode> {
  const { scored } = await scoreEvaluation(dir);
  const find = (ns: readonly ScoredNode[]): ScoredNode | undefined => {
    for (const n of ns) {
      if (n.node.id === id) return n;
      const f = n.children && find(n.children);
      if (f) return f;
    }
    return undefined;
  };
  const found = find(scored.nodes);
  if (!found) throw new Error(`no leaf ${id}`);
  return found;
}

describe('Xiangyuan reference case', () => {
  it('reproduces every score of 表3-1 and 表3-2, total 88.5, grade 良', async () => {
    const { scored, problems } = await scoreEvaluation(join(ROOT, 'fixtures/xiangyuan'));
    expect(problems).toEqual([]);
    expect(scored.total.toFixed(2)).toBe('88.50');
    expect(scored.grade).toBe('良');
    expect(Object.fromEntries(byName(scored.nodes))).toEqual({
      项目决策: '14.00',
      '项目决策 > 项目立项': '5.00',
      '项目决策 > 项目立项 > 立项依据充分性': '3.00',
      '项目决策 > 项目立项 > 立项程序规范性': '2.00',
      '项目决策 > 绩效目标': '0.00',
      '项目决策 > 绩效目标 > 绩效目标合理性': '0.00',
      '项目决策 > 绩效目标 > 绩效目标明确性': '0.00',
      '项目决策 > 资金投入': '9.00',
      '项目决策 > 资金投入 > 预算编制科学性': '3.00',
      '项目决策 > 资金投入 > 资金分配合理性': '3.00',
      '项目决策 > 资金投入 > 分配结果情况': '3.00',
      项目过程: '19.00',
      '项目过程 > 资金管理': '8.00',
      '项目过程 > 资金管理 > 资金到位率': '2.00',
      '项目过程 > 资金管理 > 预算执行率': '2.00',
      '项目过程 > 资金管理 > 资金使用合规性': '4.00',
      '项目过程 > 组织实施': '11.00',
      '项目过程 > 组织实施 > 财务管理制度健全性': '2.00',
      '项目过程 > 组织实施 > 组织管理保障性': '2.00',
      '项目过程 > 组织实施 > 帮扶管理制度的健全性': '3.00',
      '项目过程 > 组织实施 > 项目执行有效性': '4.00',
      项目产出: '30.00',
      '项目产出 > 帮扶数量': '30.00',
      '项目产出 > 帮扶数量 > 帮扶工作完成情况': '10.00',
      '项目产出 > 帮扶数量 > 质量达标情况': '10.00',
      '项目产出 > 帮扶数量 > 帮扶职工数量': '10.00',
      项目效益: '25.50',
      '项目效益 > 帮扶效益': '8.50',
      '项目效益 > 帮扶效益 > 政策知晓情况': '2.50',
      '项目效益 > 帮扶效益 > 帮扶有效性': '6.00',
      '项目效益 > 可持续影响': '3.00',
      '项目效益 > 可持续影响 > 可持续影响': '3.00',
      '项目效益 > 满意度': '14.00',
      '项目效益 > 满意度 > 职工满意度': '14.00',
    });
  });

  it('computes its metrics from the data, not from typed figures', async () => {
    const { loaded } = await scoreEvaluation(join(ROOT, 'fixtures/xiangyuan'));
    const v = (name: string) => loaded.metrics.get(name)?.value.toString();
    expect(v('roster.paid')).toBe('171600');
    expect(v('roster.person_times')).toBe('29');
    expect(v('roster.persons')).toBe('25');
    expect(v('roster.paid[医疗救助]')).toBe('7000');
    expect(v('roster.person_times@2020')).toBe('19');
    expect(v('budget.arrival_rate')).toBe('1');
    expect(v('budget.execution_rate')).toBe('1');
    expect(v('roster.launch_rate')).toBe('1');
    expect(loaded.metrics.get('survey.satisfaction')?.value.toFixed(4)).toBe('0.9132');
    expect(loaded.metrics.get('survey.satisfaction')?.provenance).toEqual([{ file: 'survey.csv', rows: '3-28', note: '26 份问卷，9 个计分题' }]);
    expect(loaded.metrics.get('registration.aid_rate')?.source).toBe('judgement');
    expect(loaded.metrics.get('roster.compliance_rate')?.provenance[0]?.note).toBe('数据核查');
  });

  it('audits the rosters: 29 person-times, 25 persons, three persons aided in more than one year', async () => {
    const { loaded } = await scoreEvaluation(join(ROOT, 'fixtures/xiangyuan'));
    const { audit } = loaded;
    expect(audit.context.records).toHaveLength(29);
    expect(audit.identities.persons).toHaveLength(25);
    expect(audit.identities.persons.filter((p) => p.records.length > 1).map((p) => [p.name, p.records.length, p.matches.map((m) => m.rule)])).toEqual([
      ['刘勇', 3, ['name-unit-normalised', 'name-unit-normalised']],
      ['胡占华', 2, ['name-unit-same']],
      ['连峰', 2, ['name-unit-contained']],
    ]);
    expect(audit.findings.map((f) => f.severity)).toEqual(['info', 'info', 'info']);
  });
});

describe('Xiangyuan with changed inputs', () => {
  it('资金到位率 85% → 1.00 of 2', async () => {
    const dir = copyFixture('xiangyuan');
    edit(dir, 'budget.csv', (t) => t.replace('2020,省财政配套,126600,126600,126600', '2020,省财政配套,126600,100860,100860'));
    const leaf = await leafScore(dir, 'arrival_rate');
    expect(leaf.actual).toBe('85.00%');
    expect(leaf.score.toFixed(2)).toBe('1.00');
  });

  it('a roster with 7 distinct persons → 7 of 10 for 帮扶职工数量', async () => {
    const dir = copyFixture('xiangyuan');
    edit(dir, 'rosters/2020.csv', (t) => t.split('\n').filter((line) => !/^(8|9|1\d),/.test(line)).join('\n'));
    edit(dir, 'rosters/2021.csv', (t) => t.split('\n').filter((line) => !/^\d,/.test(line)).join('\n'));
    edit(dir, 'rosters/2022.csv', (t) => t.split('\n').filter((line) => !/^\d,/.test(line)).join('\n'));
    const leaf = await leafScore(dir, 'aided_workers');
    expect(leaf.score.toFixed(2)).toBe('7.00');
    expect(leaf.trace).toBe('帮扶人数 7人，比目标 10人 少 3人，每少 1人 扣 1 分，扣 3 分，得 7 分');
  });

  it('satisfaction 75% → 13 of 14 (whole 10% steps only)', async () => {
    const dir = copyFixture('xiangyuan');
    const rows = ['附件3 满意度调查问卷得分表', '序号,问题1,问题2,问题3,问题4,问题5,问题6,问题7,问题8,问题9,小计,意见', '1,10,10,10,10,10,10,10,10,10,90,', '2,5,5,5,5,5,5,5,5,5,45,'];
    edit(dir, 'survey.csv', () => `${rows.join('\n')}\n`);
    const leaf = await leafScore(dir, 'worker_satisfaction');
    expect(leaf.actual).toBe('75.00%');
    expect(leaf.score.toFixed(2)).toBe('13.00');
  });

  it('a checklist item not met → its points off', async () => {
    const dir = copyFixture('xiangyuan');
    edit(dir, 'judgements.yaml', (t) => t.replace('items: { policy: met, duty: met }', 'items: { policy: met, duty: not_met }'));
    const leaf = await leafScore(dir, 'basis_sufficiency');
    expect(leaf.score.toFixed(2)).toBe('1.50');
    const { scored } = await scoreEvaluation(dir);
    expect(scored.total.toFixed(2)).toBe('87.00');
  });

  it('a veto finding → 0 for 资金使用合规性', async () => {
    const dir = copyFixture('xiangyuan');
    edit(dir, 'judgements.yaml', (t) => t.replace('vetoes: { misuse: none }', 'vetoes: { misuse: found }'));
    const leaf = await leafScore(dir, 'fund_use_compliance');
    expect(leaf.score.toFixed(2)).toBe('0.00');
    const { scored } = await scoreEvaluation(dir);
    expect(scored.total.toFixed(2)).toBe('84.50');
    expect(scored.grade).toBe('良');
  });

  it('a leaf below full points without a reason is an error naming the indicator', async () => {
    const dir = copyFixture('xiangyuan');
    edit(dir, 'judgements.yaml', (t) => t.replace(/reason: 帮扶资金还清了一些债务.*\n/, ''));
    const error = await scoreEvaluation(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((p) => [p.code, p.where.path?.join(' > ')])).toEqual([
      ['judgement-reason-missing', '项目效益 > 可持续影响 > 可持续影响'],
    ]);
  });

  it('a given metric that differs from the data is a warning with both numbers', async () => {
    const dir = copyFixture('xiangyuan');
    edit(dir, 'judgements.yaml', (t) => t.replace('metrics:\n', 'metrics:\n  survey.satisfaction: { value: 91.38%, label: 满意度, source: 报告正文 }\n'));
    const { problems } = await scoreEvaluation(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', code: 'metric-given-differs', expected: '91.32%', found: '91.38%' });
  });

  it('unknown leaf ids and missing answers are errors that name where', async () => {
    const dir = copyFixture('xiangyuan');
    edit(dir, 'judgements.yaml', (t) => t.replace('  basis_sufficiency:\n', '  basis_sufficency:\n'));
    const error = (await scoreEvaluation(dir).catch((e: unknown) => e)) as InputError;
    expect(error.problems.map((p) => [p.code, p.where.file, p.where.path?.join(' > ') ?? ''])).toEqual([
      ['judgement-unknown-id', 'judgements.yaml', ''],
      ['judgement-missing', 'judgements.yaml', '项目决策 > 项目立项 > 立项依据充分性'],
    ]);
  });

  it('reads a questionnaire of answer levels with weights', async () => {
    const dir = copyFixture('xiangyuan');
    edit(dir, 'survey.csv', () => '序号,问题9\n1,满意\n2,较满意\n3,一般\n4,满意\n');
    edit(dir, 'evaluation.yaml', (t) =>
      t.replace(/scoring: \{ mode: scores.*\}/, 'scoring: { mode: levels, items: [问题9], levels: { 满意: 1, 较满意: 0.75, 一般: 0.5, 较不满意: 0.25, 不满意: 0 } }'),
    );
    const leaf = await leafScore(dir, 'worker_satisfaction');
    expect(leaf.actual).toBe('81.25%');
    expect(leaf.score.toFixed(2)).toBe('14.00');
  });
});
