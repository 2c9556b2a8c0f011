// fixtures/scopes: metrics scoped by year, source, sub-project, aid type × year and survey
// name, derived metrics and a target taken from another metric. Each leaf's figure sits
// where the neighbouring definition gives another score: the derived mean of the years'
// launch rates (77.5%) against the overall rate (17 ÷ 22 = 77.27%) across a band edge at
// 77.5%; 子项目A's spent ÷ planned (85%) against its spent ÷ arrived (89.47%); 生活救助
// persons in 2023 (7) against 2023's persons (9) and 生活救助's persons (8).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { scoreEvaluation, type EvaluationResult } from '../../src/run/score-evaluation.js';
import { metricValue, nodeOf } from '../helpers/scored-evaluation.js';
import { copyFixture, edit, ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

let result: EvaluationResult;
beforeEach(async () => {
  result = await scoreEvaluation(join(ROOT, 'fixtures/scopes'));
});

const leaf = (id: string) => nodeOf(result, id);
const value = (name: string) => metricValue(result, name);

describe('scoped metrics', () => {
  it('budget by sub-project, source × year: 子项目A spent ÷ planned 170,000 ÷ 200,000, 市财政 2023 45,000 ÷ 50,000', () => {
    expect([value('budget.spent[project=子项目A]'), value('budget.planned[project=子项目A]'), value('budget.arrived[project=子项目A]')]).toEqual(['170000', '200000', '190000']);
    expect(value('budget.execution_rate[project=子项目A]')).toBe('0.8947368421052631578947368421052632');
    expect(value('budget.execution_rate[source=市财政]@2023')).toBe('0.9');
    expect(value('budget.execution_rate[source=市财政]')).toBe('0.9444444444444444444444444444444444');
    expect(value('budget.execution_rate@2023')).toBe('0.9642857142857142857142857142857143');
    expect(value('budget.execution_rate[source=省财政, project=子项目A]@2022')).toBe('0.8');
    expect(result.loaded.metrics.get('budget.execution_rate[source=市财政]@2023')?.label).toBe('2023年 市财政 预算执行率');
    expect(result.loaded.metrics.get('budget.execution_rate[source=市财政]@2023')?.provenance).toEqual([{ file: 'budget.csv', rows: '5' }]);
    // 9.4737 before the leaf's rounding: 0.9 ÷ 0.95 × 10
    expect(leaf('city_2023').score.toString()).toBe('9.47');
  });

  it('roster type × year: 生活救助 in 2023 counts its own persons (7), not 2023’s (9) or 生活救助’s (8)', () => {
    expect([value('roster.persons[生活救助]@2023'), value('roster.persons@2023'), value('roster.persons[生活救助]'), value('roster.persons[生活救助]@2022')]).toEqual(['7', '9', '8', '6']);
    expect(leaf('life_persons_2023').score.toString()).toBe('3');
    expect(leaf('life_persons_2023').trace).toBe('2023年生活救助帮扶人数 7人，比目标 9人 少 2人，每少 1人 扣 1 分，扣 2 分，得 3 分');
  });

  it('two named surveys give their own satisfaction: 主办方 5.5 of 7 answers, 参与职工 a counts table 85.75 of 100', () => {
    expect([value('survey.satisfaction[主办方]'), value('survey.respondents[主办方]')]).toEqual(['0.7857142857142857142857142857142857', '4']);
    expect([value('survey.satisfaction[参与职工]'), value('survey.respondents[参与职工]'), value('survey.score_total[参与职工]')]).toEqual(['0.8575', '50', '85.75']);
    expect(result.loaded.metrics.has('survey.satisfaction')).toBe(false);
    expect([leaf('sat_host').score.toString(), leaf('sat_staff').score.toString()]).toEqual(['3', '5']);
    expect(result.loaded.metrics.get('survey.satisfaction[参与职工]')?.provenance).toEqual([{ file: 'survey-staff.csv', rows: '2-3', note: '2 个题目，共 100 人次作答' }]);
  });
});

describe('derived metrics', () => {
  it('mean of the years’ launch rates 77.5% reaches the band at 77.5% (the overall 77.27% would not)', () => {
    expect([value('roster.launch_rate@2022'), value('roster.launch_rate@2023'), value('derived.launch_rate_mean'), value('roster.launch_rate')]).toEqual(['0.8', '0.75', '0.775', '0.7727272727272727272727272727272727']);
    expect(leaf('launch_mean').score.toString()).toBe('10');
    expect(leaf('launch_mean').trace).toBe('各年帮扶开展率的平均 77.50%，落在分档「[77.5%,100%]」，得 10 分；其中各年帮扶开展率的平均 = mean({roster.launch_rate@2022}, {@2023}) = mean(80.00%, 75.00%) = 77.50%');
  });

  it('keeps the formula and its inputs’ sources as provenance', () => {
    const m = result.loaded.metrics.get('derived.project_a_execution');
    expect(m?.provenance).toEqual([{ file: 'evaluation.yaml', note: '公式 {budget.spent[project=子项目A]} / {budget.planned[project=子项目A]}' }, { file: 'budget.csv', rows: '2, 4' }]);
    expect(m?.derivation).toBe('{budget.spent[project=子项目A]} / {budget.planned[project=子项目A]} = 170000.00 元 ÷ 200000.00 元 = 85.00%');
    expect(leaf('a_exec').score.toString()).toBe('6.25');
  });

  it('a target from another metric: 2023 person-times 9 against the 12 planned, no plan typed into the tree', () => {
    expect(leaf('launch_2023').score.toString()).toBe('7.5');
    expect(leaf('launch_2023').trace).toBe('2023年帮扶人次 9人次，目标 2023年 计划帮扶人次 12人次，完成率 75%，按 完成值 ÷ 目标值 × 10 计 7.5 分');
    expect(leaf('launch_2023').metrics?.map((m) => m.name)).toEqual(['roster.person_times@2023', 'budget.planned_person_times@2023']);
  });

  it('total 44.22 of 55', () => {
    expect([result.scored.total.toString(), result.scored.grade]).toEqual(['44.22', '良']);
  });
});

describe('指标数据 lists the finer cuts only where used', () => {
  it('the workbook and the JSON show each scoped metric a leaf or a derived metric uses, and no other', async () => {
    const out = mkdtempSync(join(tmpdir(), 'jixiao-scopes-'));
    const run = await runInProcess(['score', 'fixtures/scopes', '-o', out, '--format', 'json', '--no-chart'], ROOT);
    expect(run.code).toBe(0);
    const names: string[] = JSON.parse(run.stdout).result.metrics.map((m: { name: string }) => m.name);
    const detail = names.filter((n) => /\]@|^budget\..*[[@]|^roster\.launch_rate@/.test(n));
    expect(detail).toEqual([
      'budget.execution_rate[source=市财政]@2023',
      'budget.planned[project=子项目A]',
      'budget.planned_person_times@2023',
      'budget.spent[project=子项目A]',
      'roster.launch_rate@2022',
      'roster.launch_rate@2023',
      'roster.persons[生活救助]@2023',
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, '评分结果.xlsx')) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('指标数据')!;
    const column: string[] = [];
    sheet.getColumn(5).eachCell((c, row) => {
      if (row > 2) column.push(String(c.value));
    });
    expect(column.filter((n) => n !== '指标体系中的名称')).toEqual(names);
    const derivedRow = sheet.getRow(column.indexOf('derived.project_a_execution') + 3);
    expect([derivedRow.getCell(1).value, derivedRow.getCell(2).value, derivedRow.getCell(4).value]).toEqual([
      '子项目A预算执行率（支出 ÷ 下达）',
      '85.00%',
      'evaluation.yaml 公式 {budget.spent[project=子项目A]} / {budget.planned[project=子项目A]}；budget.csv 第 2, 4 行',
    ]);
  });
});

describe('errors a user of scopes and formulas meets', () => {
  const score = async (dir: string) => runInProcess(['score', dir, '-o', mkdtempSync(join(tmpdir(), 'jixiao-scopes-')), '--no-chart'], dir);

  it('two surveys without names: an error naming both files, never one overwriting the other', async () => {
    const dir = copyFixture('scopes');
    edit(dir, 'evaluation.yaml', (t) => t.replace('    name: 主办方\n', '').replace('    name: 参与职工\n', ''));
    const run = await score(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('错误 [survey-name-missing] evaluation.yaml：有 2 份问卷（survey-host.csv、survey-staff.csv），其中 survey-host.csv、survey-staff.csv 没有名称 name，各问卷的满意度会互相覆盖');
  });

  it('two surveys of one name: metric-duplicate naming both files', async () => {
    const dir = copyFixture('scopes');
    edit(dir, 'evaluation.yaml', (t) => t.replace('name: 参与职工', 'name: 主办方'));
    const run = await score(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('错误 [metric-duplicate] evaluation.yaml：问卷 survey-host.csv、survey-staff.csv 同名「主办方」，会给出同一组指标数据 survey.satisfaction[主办方]');
  });

  it('a scope value the data lacks lists the values it has', async () => {
    const dir = copyFixture('scopes');
    edit(dir, 'tree.yaml', (t) => t.replace('budget.execution_rate[source=市财政]@2023', 'budget.execution_rate[source=县财政]@2023'));
    const run = await score(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('缺少指标数据 budget.execution_rate[source=县财政]@2023 建议：数据中没有资金来源「县财政」，现有：市财政、省财政。在 evaluation.yaml 中加入');
  });

  it('a formula that cannot be read stops loading at its place; one whose input is missing is a warning and the rule says the metric is missing', async () => {
    const bad = copyFixture('scopes');
    edit(bad, 'evaluation.yaml', (t) => t.replace('mean({roster.launch_rate@2022}, {@2023})', 'mean({roster.launch_rate@2022}, process.exit())'));
    const run = await score(bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('错误 [evaluation-invalid] evaluation.yaml：派生指标 derived.launch_rate_mean：公式「mean({roster.launch_rate@2022}, process.exit())」调用的函数不可用，只有 min、max、mean、sum');

    const missing = copyFixture('scopes');
    edit(missing, 'evaluation.yaml', (t) => t.replace('{@2023}', '{@2024}'));
    const run2 = await score(missing);
    expect(run2.code).toBe(2);
    expect(run2.stderr).toContain('警告 [derived-input-missing] evaluation.yaml：派生指标 derived.launch_rate_mean（各年帮扶开展率的平均）缺少指标数据 roster.launch_rate@2024，未计算 建议：数据中没有 2024 年，现有：2022、2023');
    expect(run2.stderr).toContain('[metric-missing] 产出 > 各年平均帮扶开展率：缺少指标数据 derived.launch_rate_mean');
  });

  it('derived metrics that refer to each other are a cycle; a derived name taken by data is refused', async () => {
    const cycle = copyFixture('scopes');
    edit(cycle, 'evaluation.yaml', (t) => t.replace('mean({roster.launch_rate@2022}, {@2023})', '"{derived.project_a_execution} + 0"').replace('"{budget.spent[project=子项目A]} / {budget.planned[project=子项目A]}"', '"{derived.launch_rate_mean} * 2"'));
    const run = await score(cycle);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('错误 [derived-cycle] evaluation.yaml：派生指标 derived.launch_rate_mean → derived.project_a_execution → derived.launch_rate_mean 互相引用，无法计算');

    const clash = copyFixture('scopes');
    edit(clash, 'evaluation.yaml', (t) => t.replace('derived.project_a_execution:', 'budget.spent:'));
    const run2 = await score(clash);
    expect(run2.code).toBe(2);
    expect(run2.stderr).toContain('错误 [metric-duplicate] evaluation.yaml：派生指标 budget.spent 与数据算出的指标数据同名');
  });

  it('a zero divisor leaves the derived metric out with the reason', async () => {
    const dir = copyFixture('scopes');
    edit(dir, 'evaluation.yaml', (t) => t.replace('mean({roster.launch_rate@2022}, {@2023})', '"{roster.launch_rate@2022} / ({@2023} - 0.75)"'));
    const run = await runInProcess(['score', dir, '--draft', '-o', mkdtempSync(join(tmpdir(), 'jixiao-scopes-')), '--no-chart'], dir);
    expect(run.stderr).toContain('警告 [derived-not-computed] evaluation.yaml：派生指标 derived.launch_rate_mean（各年帮扶开展率的平均）无法计算：公式「{roster.launch_rate@2022} / ({@2023} - 0.75)」中除数为 0');
  });

  it('target and target_metric together are refused', async () => {
    const dir = copyFixture('scopes');
    edit(dir, 'tree.yaml', (t) => t.replace('target_metric: budget.planned_person_times@2023', 'target_metric: budget.planned_person_times@2023, target: "≥10人次"'));
    const run = await score(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('target 和 target_metric 只能写一个');
  });
});

describe('what a reviewer would raise', () => {
  it('a metric the evaluator gives that no rule reads is a note naming it', async () => {
    const dir = copyFixture('scopes');
    writeFileSync(join(dir, 'judgements.yaml'), 'metrics:\n  roster.household_count: { value: 12, label: 帮扶户数, kind: count, source: 走访记录 }\n');
    edit(dir, 'evaluation.yaml', (t) => t.replace('derived:', '  - { kind: judgements, file: judgements.yaml }\nderived:'));
    const run = await runInProcess(['score', dir, '-o', mkdtempSync(join(tmpdir(), 'jixiao-scopes-')), '--no-chart', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    const notes = JSON.parse(run.stdout).problems.filter((p: { code: string }) => p.code === 'metric-given-unused');
    expect(notes.map((p: { severity: string; message: string; where: { file: string } }) => [p.severity, p.message, p.where.file])).toEqual([
      ['info', '评价判断给出的指标数据 roster.household_count（帮扶户数）没有被任何评分规则使用', 'judgements.yaml'],
    ]);
  });
});
