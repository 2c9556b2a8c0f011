// jixiao indicators import: a printed score table to a tree file. Round trip: our own 附件1
// 评分表 imported with --like the Xiangyuan tree gives back its ids and every rule, and scores
// 88.50 with the fixture's judgements unchanged. The report's 附件1 as printed: the leaves whose
// criteria contradict their weights stay manual, the others score as the fixture does.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { copyFixture, ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

interface Leaf {
  path: string[];
  id: string;
  kind: string;
  note: string;
  recognised: boolean;
}

const importJson = async (args: string[]) => {
  const out = mkdtempSync(join(tmpdir(), 'jixiao-import-'));
  const run = await runInProcess(['indicators', 'import', ...args, '-o', out, '--format', 'json'], ROOT);
  return { ...run, out, env: JSON.parse(run.stdout) as { problems: { code: string; severity: string; message: string; where: { path?: string[] } }[]; result: { output: string; leaves: Leaf[]; recognised: number } } };
};

interface Node {
  id: string;
  name: string;
  weight: number;
  criteria?: string;
  target?: string;
  rule?: Record<string, unknown>;
  children?: Node[];
}
const leavesOf = (ns: Node[]): Node[] => ns.flatMap((n) => (n.children ? leavesOf(n.children) : [n]));

/** Each leaf's score from score --format json, by id. */
async function leafScores(dir: string): Promise<{ total: string; scores: Record<string, string>; code: number }> {
  const run = await runInProcess(['score', dir, '-o', join(dir, 'out'), '--format', 'json', '--no-chart'], ROOT);
  const env = JSON.parse(run.stdout) as { result: { total: string; indicators: { id: string; score: string; children?: unknown[] }[] } };
  const scores: Record<string, string> = {};
  const walk = (ns: { id: string; score: string; children?: unknown[] }[]) => ns.forEach((n) => (n.children ? walk(n.children as typeof ns) : (scores[n.id] = n.score)));
  walk(env.result.indicators);
  return { total: env.result.total, scores, code: run.code };
}

describe('indicators import: round trip of our own 附件1 评分表', () => {
  let imported: Awaited<ReturnType<typeof importJson>>;
  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'jixiao-own-'));
    expect((await runInProcess(['score', 'fixtures/xiangyuan', '-o', out, '-q', '--no-chart'], ROOT)).code).toBe(0);
    imported = await importJson([join(out, '评分结果.xlsx'), '--like', 'fixtures/xiangyuan/tree.yaml']);
  });

  it('every leaf is read as a rule, with the ids, item ids and metrics of the tree it came from', async () => {
    expect([imported.code, imported.env.result.recognised, imported.env.result.leaves.length]).toEqual([0, 21, 21]);
    const tree = parse(readFileSync(join(imported.out, '指标体系.yaml'), 'utf8')) as { total: number; indicators: Node[] };
    const original = parse(readFileSync(join(ROOT, 'fixtures/xiangyuan/tree.yaml'), 'utf8')) as { indicators: Node[] };
    const mine = leavesOf(tree.indicators);
    const theirs = leavesOf(original.indicators);
    expect(tree.total).toBe(100);
    expect(mine.map((l) => [l.id, l.name, l.weight, l.criteria, l.target, l.rule?.kind])).toEqual(theirs.map((l) => [l.id, l.name, l.weight, l.criteria, l.target, l.rule?.kind]));
    // the rules themselves, but where the fixture reads otherwise than printed (its note says why):
    // 资金使用合规性 prints 1 + 3 points, the fixture scores 2 + 2; texts the fixture shortened
    const byId = new Map(theirs.map((l) => [l.id, l]));
    const same = mine.filter((l) => !['fund_use_compliance', 'organisation', 'execution_effectiveness', 'goal_rationality', 'goal_clarity', 'aid_rules', 'sustainable_impact'].includes(l.id));
    for (const l of same) expect([l.id, l.rule]).toEqual([l.id, byId.get(l.id)!.rule]);
    // the per-finding deduction with the words the criteria print (the fixture adds 目标)
    expect(mine.find((l) => l.id === 'goal_rationality')!.rule!.per_finding).toEqual({ points: 1.5, text: '能够量化而不量化' });
    expect(mine.find((l) => l.id === 'aid_rules')!.rule!.per_finding).toEqual({ points: 1, text: '不完整' });
    // the lowest level named as printed (未发挥显著效益; the fixture shortens it to 未发挥)
    expect((mine.find((l) => l.id === 'sustainable_impact')!.rule!.levels as { name: string }[]).map((l) => l.name)).toEqual(['显著', '较好', '一般', '未发挥显著效益']);
    expect((mine.find((l) => l.id === 'fund_use_compliance')!.rule!.items as { id: string; points: number }[]).map((i) => [i.id, i.points])).toEqual([
      ['approval_procedure', 1],
      ['intended_use', 3],
    ]);
  });

  it('scored with the fixture’s judgements, as they are: 88.50 and every leaf the same', async () => {
    const dir = copyFixture('xiangyuan');
    writeFileSync(join(dir, 'tree.yaml'), readFileSync(join(imported.out, '指标体系.yaml')));
    const ours = await leafScores(join(ROOT, 'fixtures/xiangyuan'));
    const theirs = await leafScores(dir);
    expect(theirs.code).toBe(0);
    expect(theirs.total).toBe('88.50');
    expect(theirs.scores).toEqual(ours.scores);
  });
});

describe('indicators import: the report’s 附件1 as printed (fixtures/review/xiangyuan/附件1.csv)', () => {
  it('16 leaves read; the 5 whose printed criteria contradict their weight stay manual, each saying why', async () => {
    const { code, env } = await importJson(['fixtures/review/xiangyuan/附件1.csv', '--like', 'fixtures/xiangyuan/tree.yaml']);
    expect([code, env.result.recognised]).toEqual([0, 16]);
    expect(env.result.leaves.filter((l) => !l.recognised).map((l) => [l.id, l.note])).toEqual([
      ['execution_rate', '评分标准写达到 100% 得 1 分，与权重 2 分不符'],
      ['aid_completion', '评分标准不是常见的写法'],
      ['quality', '评分标准不是常见的写法'],
      ['policy_awareness', '评分标准读出的规则最多给 10 分，与权重 5 分不符'],
      ['aid_effectiveness', '评分标准读出的规则最多给 7 分，与权重 6 分不符'],
    ]);
    expect(env.problems.map((p) => [p.severity, p.code, p.where.path?.at(-1)])).toEqual(env.result.leaves.filter((l) => !l.recognised).map((l) => ['info', 'criteria-unrecognised', l.path.at(-1)]));
  });

  it('scored with the fixture’s judgements (the manual leaves given the fixture’s points): every recognised leaf scores as the fixture does, 88.50 in all', async () => {
    const { out, env } = await importJson(['fixtures/review/xiangyuan/附件1.csv', '--like', 'fixtures/xiangyuan/tree.yaml']);
    const ours = await leafScores(join(ROOT, 'fixtures/xiangyuan'));
    const dir = copyFixture('xiangyuan');
    writeFileSync(join(dir, 'tree.yaml'), readFileSync(join(out, '指标体系.yaml')));
    const judgements = parse(readFileSync(join(dir, 'judgements.yaml'), 'utf8')) as { judgements: Record<string, unknown> };
    for (const l of env.result.leaves.filter((x) => !x.recognised)) judgements.judgements[l.id] = { points: Number(ours.scores[l.id]), reason: '按评价组的读法' };
    writeFileSync(join(dir, 'judgements.yaml'), stringify(judgements));
    const theirs = await leafScores(dir);
    expect(theirs.total).toBe('88.50');
    expect(theirs.scores).toEqual(ours.scores);
  });
});

describe('indicators import: without an earlier tree, flat rows, errors', () => {
  it('ids by position, metrics by the figure’s name from the catalogue; a figure not in it is said; --fail-on info fails on any leaf left manual', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-flat-'));
    writeFileSync(
      join(dir, '指标.csv'),
      [
        '一级指标,二级指标,指标名称,权重,评分标准,目标值',
        '产出指标,数量指标,帮扶人数,10,帮扶人数≥10人得满分，每少一人扣1分，扣完为止。,≥10人',
        ',质量指标,建档合格率,10,困难职工建档合格率=100%得10分，90%-100%得6分，70%-90%得2分，低于70%不得分,100%',
        '满意度指标,满意度,职工满意度,10,满意度≥90%得满分，低于90%时每少10%减1分,≥90%',
      ].join('\n'),
    );
    const out = mkdtempSync(join(tmpdir(), 'jixiao-flat-out-'));
    const run = await runInProcess(['indicators', 'import', join(dir, '指标.csv'), '-o', out, '--title', '自拟指标体系'], ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 个末级指标，2 个读成了评分规则，1 个为 manual；已写入');
    const tree = parse(readFileSync(join(out, '指标体系.yaml'), 'utf8')) as { title: string; total: number; indicators: Node[] };
    expect([tree.title, tree.total, tree.indicators.map((n) => [n.id, n.name, n.weight])]).toEqual(['自拟指标体系', 30, [['n1', '产出指标', 20], ['n2', '满意度指标', 10]]]);
    expect(leavesOf(tree.indicators).map((l) => [l.id, l.target, l.rule?.kind, l.rule?.metric ?? l.rule?.guidance])).toEqual([
      ['n1_1_1', '≥10人', 'deduct_per_unit', 'roster.persons'],
      ['n1_2_1', '100%', 'manual', '困难职工建档合格率=100%得10分，90%-100%得6分，70%-90%得2分，低于70%不得分'],
      ['n2_1_1', '≥90%', 'step_deduction', 'survey.satisfaction'],
    ]);
    const strict = await runInProcess(['indicators', 'import', join(dir, '指标.csv'), '-o', out, '--fail-on', 'info', '--format', 'json'], ROOT);
    const env = JSON.parse(strict.stdout) as { problems: { code: string; message: string }[] };
    expect([strict.code, env.problems.map((p) => p.message)]).toEqual([1, ['评分标准未读成规则，写为 manual：「困难职工建档合格率」不是已知的指标数据，请在规则中写 metric']]);
  });

  it('a self-evaluation sheet’s 指标类型: 定量 as the 2020 ratio on the indicator’s figure, 定性 as 达成 / 部分达成 / 未达成; standard criteria still come first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-flat-'));
    writeFileSync(
      join(dir, '自评指标.csv'),
      ['一级指标,二级指标,三级指标,指标类型,分值,年度指标值,评分方法', '产出指标,数量指标,帮扶人次,定量,20,≥12人次,', ',质量指标,帮扶资金发放合规率,定量,10,≥98%,按完成比例计分', '效益指标,社会效益指标,缓解困难职工生活压力,定性,30,一定程度缓解,', '满意度指标,服务对象满意度,困难职工满意度,定量,10,≥90%,满意度≥90%得满分，低于90%时每少10%减1分', ',,宣传覆盖面,定量,10,≥80%,'].join('\n'),
    );
    const { env, out } = await importJson([join(dir, '自评指标.csv')]);
    expect(env.result.leaves.map((l) => [l.path.at(-1), l.kind, l.recognised])).toEqual([
      ['帮扶人次', 'ratio', true],
      ['帮扶资金发放合规率', 'ratio', true],
      ['缓解困难职工生活压力', 'grade', true],
      ['困难职工满意度', 'step_deduction', true],
      ['宣传覆盖面', 'manual', false],
    ]);
    const tree = parse(readFileSync(join(out, '指标体系.yaml'), 'utf8')) as { indicators: Node[] };
    expect(leavesOf(tree.indicators).map((l) => l.rule)).toEqual([
      { kind: 'ratio', metric: 'roster.person_times' },
      { kind: 'ratio', metric: 'roster.compliance_rate' },
      { kind: 'grade', preset: 'qualitative-2020' },
      { kind: 'step_deduction', metric: 'survey.satisfaction', threshold: '90%', step: '10%', per_step: 1, partial_step: 'ignore' },
      { kind: 'manual' },
    ]);
    expect(env.result.leaves[4]!.note).toBe('定量指标「宣传覆盖面」不是已知的指标数据，请在规则中写 metric');
  });

  it('a leaf without a weight is an error naming it (exit 2); a file without a score table says what it needs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-flat-'));
    writeFileSync(join(dir, 'a.csv'), '一级指标,二级指标,权重,评分标准\n决策,立项,,符合（1分）\n决策,目标,2,明确（2分）\n');
    const run = await runInProcess(['indicators', 'import', join(dir, 'a.csv'), '-o', join(dir, 'out'), '--format', 'json'], ROOT);
    const env = JSON.parse(run.stdout) as { problems: { code: string; message: string }[] };
    expect([run.code, env.problems.map((p) => [p.code, p.message])]).toEqual([2, [['import-weight-missing', '「决策 > 立项」没有权重（分值）']]]);
    writeFileSync(join(dir, 'b.csv'), '姓名,金额\n张三,100\n');
    const none = await runInProcess(['indicators', 'import', join(dir, 'b.csv'), '-o', join(dir, 'out'), '--format', 'json'], ROOT);
    expect([none.code, (JSON.parse(none.stdout) as { problems: { code: string }[] }).problems.map((p) => p.code)]).toEqual([2, ['header-missing', 'header-missing']]);
  });
});
