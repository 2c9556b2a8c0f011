// jixiao init: a folder from a built-in tree that `score` reads at once (listing every gap
// in one run), and scores once filled in; the bundled example ready to score; the folder
// rules (new or empty only), unknown templates and a missing period.
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

const ROSTER_HEADER = '序号,姓名,性别,工作单位,身份证号,银行卡号,帮扶金额,已支付金额,帮扶项目,预算执行率,发放日期,所属工会,困难类型,致困原因,审批,发放方式,领取人签字';
const BUDGET_HEADER = '年度,资金来源,项目,帮扶类型,计划金额,到位金额,支出金额,计划帮扶人次';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'jixiao-init-')), 'demo');
const codes = (stdout: string) => (JSON.parse(stdout).problems as { code: string }[]).map((p) => p.code);
const countOf = (list: string[]) => list.reduce<Record<string, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {});

/** Rows under the template's header, each cell by header name. */
function appendRows(file: string, rows: Record<string, string>[]): void {
  const header = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(',');
  appendFileSync(file, rows.map((r) => `${header.map((h) => r[h] ?? '').join(',')}\r\n`).join(''));
}

describe('jixiao init from a built-in tree', () => {
  it('writes the evaluation, the tree, blank judgements and input templates (CSV with BOM, XLSX)', async () => {
    const dir = fresh();
    const run = await runInProcess(['init', dir, '--template', 'national-common-framework-2020', '--period', '2023-2024', '--project', '某县困难职工帮扶资金', '--format', 'json'], ROOT);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const result = JSON.parse(run.stdout).result as { files: { path: string }[]; judgements: number; example: boolean };
    expect(result.files.map((f) => f.path)).toEqual([
      'evaluation.yaml',
      'tree.yaml',
      'judgements.yaml',
      'inputs/花名册2023.csv',
      'inputs/花名册2023.xlsx',
      'inputs/花名册2024.csv',
      'inputs/花名册2024.xlsx',
      'inputs/预算资金表.csv',
      'inputs/预算资金表.xlsx',
      'inputs/满意度问卷.csv',
      'inputs/满意度问卷.xlsx',
    ]);
    expect([result.judgements, result.example]).toEqual([11, false]);
    // the tree is the template's bytes, its header comment included
    expect(readFileSync(join(dir, 'tree.yaml'), 'utf8')).toBe(readFileSync(join(ROOT, 'indicators/national-common-framework-2020.yaml'), 'utf8'));
    const evaluation = parse(readFileSync(join(dir, 'evaluation.yaml'), 'utf8'));
    expect(evaluation.project).toBe('某县困难职工帮扶资金');
    expect(evaluation.period).toEqual([2023, 2024]);
    expect(evaluation.inputs.map((i: { kind: string; year?: number }) => `${i.kind}${i.year ?? ''}`)).toEqual(['roster2023', 'roster2024', 'budget', 'survey', 'judgements']);
    expect(evaluation.settings).toEqual({ audit: { deadline: null } });
    // Excel opens a CSV as UTF-8 only with the byte-order mark
    const csv = readFileSync(join(dir, 'inputs/花名册2023.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toBe(`\uFEFF${ROSTER_HEADER}\r\n`);
    expect(readFileSync(join(dir, 'inputs/预算资金表.csv'), 'utf8')).toBe(`\uFEFF${BUDGET_HEADER}\r\n`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'inputs/花名册2023.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['花名册', '填写说明']);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1).join(',')).toBe(ROSTER_HEADER);
    const help = wb.getWorksheet('填写说明')!;
    const helpRows = [] as string[];
    help.eachRow((row, n) => {
      if (n >= 4) helpRows.push((row.values as unknown[]).slice(1, 3).join(' '));
    });
    expect(helpRows.slice(0, 3)).toEqual(['序号 可选', '姓名 必填', '性别 可选']);
    // every leaf that waits for the evaluator, every answer blank, with the criteria above it
    const text = readFileSync(join(dir, 'judgements.yaml'), 'utf8');
    const judgements = parse(text).judgements as Record<string, Record<string, unknown>>;
    expect(Object.keys(judgements)).toEqual(['basis_sufficiency', 'procedure_compliance', 'goal_rationality', 'goal_clarity', 'budget_soundness', 'allocation_rationality', 'fund_use_compliance', 'rules_soundness', 'rules_effectiveness', 'social_effect', 'sustainable_impact']);
    expect(judgements.fund_use_compliance).toEqual({ items: { regulations: null, approvals: null, intended_use: null }, vetoes: { misuse: null }, reason: null });
    expect(judgements.social_effect).toEqual({ grade: null, points: null, reason: null });
    expect(text).toContain('  # 决策 > 项目立项 > 立项程序规范性（2 分，逐项计分）\n  # 评分标准：评价要点：①项目是否按照规定的程序申请设立；');
    expect(text).toContain('      # 否决项：存在截留、挤占、挪用、虚列支出等情况：不存在 / 存在\n      misuse: ~\n');
    expect(text).toContain('    # 评定的等级：达成 / 部分达成 / 未达成\n    grade: ~\n');
  });

  it('score on it at once lists every gap in one run: empty inputs, blank judgements, missing metrics', async () => {
    const dir = fresh();
    await runInProcess(['init', dir, '-t', 'national-common-framework-2020', '--period', '2023-2024', '-q'], ROOT);
    const run = await runInProcess(['score', dir, '-o', join(dir, '..', 'out'), '--format', 'json'], ROOT);
    expect(run.code).toBe(2);
    expect(countOf(codes(run.stdout))).toEqual({ 'input-empty': 4, 'judgement-missing': 11, 'metric-missing': 7 });
    const first = JSON.parse(run.stdout).problems[0];
    expect([first.message, first.where.file, first.hint]).toEqual(['只有表头，还没有数据行', 'inputs/花名册2023.csv', '填入数据；本评价不用这份数据时，从 evaluation.yaml 的 inputs 中删去第 1 项']);
    expect(readdirSync(join(dir, '..'))).toEqual(['demo']);
  });

  it('filled in, it scores: the figures as worked out by hand (planned ≠ arrived ≠ spent)', async () => {
    const dir = fresh();
    await runInProcess(['init', dir, '-t', 'national-common-framework-2020', '--period', '2023-2024', '-q'], ROOT);
    const paid = (name: string, date: string) => ({ 姓名: name, 工作单位: '县机械厂', 帮扶金额: '1000', 已支付金额: '1000', 帮扶项目: '生活救助', 发放日期: date, 发放方式: '银行卡' });
    appendRows(join(dir, 'inputs/花名册2023.csv'), [paid('张三', '2023-11-20'), paid('李四', '2023-11-20'), paid('王五', '2023-11-30')]);
    // paid on 12-05, after the 11-30 deadline: 5 of 6 on time, and that row is not compliant
    appendRows(join(dir, 'inputs/花名册2024.csv'), [paid('赵六', '2024-11-20'), paid('钱七', '2024-11-21'), paid('孙八', '2024-12-05')]);
    appendRows(join(dir, 'inputs/预算资金表.csv'), [
      { 年度: '2023', 计划金额: '10000', 到位金额: '10000', 支出金额: '9000', 计划帮扶人次: '3' },
      { 年度: '2024', 计划金额: '10000', 到位金额: '8000', 支出金额: '8000', 计划帮扶人次: '3' },
    ]);
    // (4.75 + 4.25) ÷ 10 = 90%, on the ≥90% band's limit
    appendRows(join(dir, 'inputs/满意度问卷.csv'), [
      { 序号: '1', 问题1: '非常满意', 问题2: '非常满意', 问题3: '满意', 问题4: '非常满意', 问题5: '非常满意' },
      { 序号: '2', 问题1: '满意', 问题2: '非常满意', 问题3: '非常满意', 问题4: '一般', 问题5: '非常满意' },
    ]);
    writeFileSync(join(dir, 'evaluation.yaml'), readFileSync(join(dir, 'evaluation.yaml'), 'utf8').replace('deadline: ~', 'deadline: "11-30"'));
    let text = readFileSync(join(dir, 'judgements.yaml'), 'utf8')
      .replace('misuse: ~', 'misuse: 不存在')
      .replace(/^( {6}\w+): ~$/gm, '$1: 符合');
    text = text.replace('grade: ~', 'grade: 达成').replace('points: ~', 'points: 9').replace(/(social_effect:[\s\S]*?)reason: ~/, '$1reason: 缓解了生活压力');
    text = text.replace('grade: ~', 'grade: 部分达成').replace('points: ~', 'points: 7').replace(/(sustainable_impact:[\s\S]*?)reason: ~/, '$1reason: 后续机制尚在建立');
    writeFileSync(join(dir, 'judgements.yaml'), text);
    const run = await runInProcess(['score', dir, '-o', join(dir, '..', 'out'), '--format', 'json'], ROOT);
    expect(codes(run.stdout)).toEqual(['paid-late']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout).result as { total: string; grade: string; indicators: { id: string; score: string; children?: unknown[] }[] };
    // 决策 15 + 过程 (3.6 + 17000/18000×4 = 3.78 + 4 + 3 + 5) + 产出 (10 + 5/6×10 = 8.33 + 8.33 + 5) + 效益 (9 + 7 + 10)
    expect(result.indicators.map((n) => [n.id, n.score])).toEqual([
      ['decision', '15.00'],
      ['process', '19.38'],
      ['output', '31.66'],
      ['benefit', '26.00'],
    ]);
    expect([result.total, result.grade]).toEqual(['92.04', '优']);
  });
});

describe('jixiao init: what it prints and writes, word for word', () => {
  it('the summary: every file with what it is for, aligned, and the next steps (no inputs/ when the tree needs no data)', async () => {
    const dir = fresh();
    const run = await runInProcess(['init', dir, '-t', 'fixtures/cases/trees/answers.yaml', '--period', '2024'], ROOT);
    expect([run.code, run.stdout.split('\n')]).toEqual([
      0,
      [
        `已创建评价目录 ${dir}（判断类规则，来自 fixtures/cases/trees/answers.yaml）：`,
        '  evaluation.yaml  评价的设置：项目、年度、输入文件',
        '  tree.yaml        指标体系（fixtures/cases/trees/answers.yaml 的副本，改动只影响本评价）',
        '  judgements.yaml  评价判断：4 个末级指标待填写，1 项指标数据待给出',
        '下一步：在 judgements.yaml 中填写 4 个末级指标的判断',
        `（或 jixiao worksheet ${dir} 生成评分底稿在 Excel 中填写），然后 jixiao score ${dir}；现在运行 score 会列出尚缺的数据和判断。`,
        '',
      ],
    ]);
  });

  it('the judgements file for every kind of answer: points, counts, items, vetoes, grades, a composite’s parts, a metric to give', async () => {
    const dir = fresh();
    await runInProcess(['init', dir, '-t', 'fixtures/cases/trees/answers.yaml', '--period', '2024', '-q'], ROOT);
    expect(readFileSync(join(dir, 'judgements.yaml'), 'utf8')).toBe(
      [
        '# 判断类规则：评价判断',
        '# 每个 ~ 处填写回答；没有填写的，jixiao score 会逐项列出。共 4 个末级指标需要评价人员判断，',
        '# 由数据算出的指标不在这里（需要说明时可加 reason）。也可以用 jixiao worksheet 生成评分底稿在 Excel 中填写。',
        '# 逐项计分的检查项除 符合 / 不符合 / 不适用 外，也可填完成比例（0 到 1）或 { have: 现有数, need: 应有数 }。',
        '',
        '# 评价人员或评价机构',
        'evaluator: ~',
        'judgements:',
        '  # 档案（4 分，人工评分）',
        '  # 评分标准：抽查档案',
        '  m:',
        '    # 评定的得分（0 到 4 分）',
        '    points: ~',
        '    # 理由（未得满分必填）',
        '    reason: ~',
        '  # 制度（6 分，逐项计分）',
        '  c:',
        '    items:',
        '      a:',
        '        # 制度健全（3 分）：发现的处数（每处扣该项 1/3，3 处及以上不得分）：0 或正整数',
        '        findings: ~',
        '      # 审批完整（3 分）：符合 / 不符合 / 不适用',
        '      b: ~',
        '    vetoes:',
        '      # 否决项：挪用：不存在 / 存在',
        '      v: ~',
        '    # 发现问题的处数（每处扣 1 分）：0 或正整数',
        '    findings: ~',
        '    # 理由（未得满分必填）',
        '    reason: ~',
        '  # 影响（5 分，等级评分）',
        '  g:',
        '    # 评定的等级：好 / 一般 / 差',
        '    grade: ~',
        '    # 等级内的得分（该等级为分值范围时）：0 到 5 分',
        '    points: ~',
        '    # 理由（未得满分必填）',
        '    reason: ~',
        '  # 完成（5 分，组合计分）',
        '  p:',
        '    parts:',
        '      r:',
        '        # 比率：完成值远超目标时的原因说明',
        '        explanation: ~',
        '      j:',
        '        # 判断：评定的等级：是 / 否',
        '        grade: ~',
        '    # 理由（未得满分必填）',
        '    reason: ~',
        '# 指标体系用到、但输入文件算不出的指标数据：填写 value（比例写 0.95 或 95%）和 source（出处：文件、访谈、现场核查）',
        '# x.r：完成',
        'metrics:',
        '  x.r:',
        '    value: ~',
        '    label: 比率',
        '    kind: ratio',
        '    source: ~',
        '',
      ].join('\n'),
    );
    // blank, it reads as not answered: each leaf is listed; the composite stops first at its missing metric
    const run = await runInProcess(['score', dir, '-o', join(dir, '..', 'out'), '--format', 'json'], ROOT);
    expect(countOf(codes(run.stdout))).toEqual({ 'judgement-missing': 3, 'metric-missing': 1 });
  });

  it('each file’s purpose; the input templates’ required columns and 填写说明 (ID and card columns as text)', async () => {
    const dir = fresh();
    const run = await runInProcess(['init', dir, '-t', 'xiangyuan-hardship-aid', '--period', '2022', '--format', 'json'], ROOT);
    const files = JSON.parse(run.stdout).result.files as { path: string; purpose: string }[];
    expect(files.map((f) => `${f.path} ${f.purpose}`)).toEqual([
      'evaluation.yaml 评价的设置：项目、年度、输入文件',
      'tree.yaml 指标体系（xiangyuan-hardship-aid 的副本，改动只影响本评价）',
      'judgements.yaml 评价判断：15 个末级指标待填写，1 项指标数据待给出',
      'inputs/花名册.csv 花名册模板（必填：姓名、已支付金额、帮扶项目）',
      'inputs/花名册.xlsx 花名册模板（XLSX，含填写说明）',
      'inputs/预算资金表.csv 预算资金表模板（必填：计划金额 / 到位金额 / 支出金额 至少一列）',
      'inputs/预算资金表.xlsx 预算资金表模板（XLSX，含填写说明）',
      'inputs/建档名单.csv 建档名单模板（必填：姓名、建档日期）',
      'inputs/建档名单.xlsx 建档名单模板（XLSX，含填写说明）',
      'inputs/满意度问卷.csv 满意度问卷模板（必填：问题1、问题2、问题3、问题4、问题5）',
      'inputs/满意度问卷.xlsx 满意度问卷模板（XLSX，含填写说明）',
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'inputs/预算资金表.xlsx'));
    const help: string[] = [];
    wb.getWorksheet('填写说明')!.eachRow((row, n) => {
      if (n >= 4) help.push((row.values as unknown[]).slice(1).join('|'));
    });
    expect(help).toEqual([
      '年度|可选|年份',
      '资金来源|可选|来源',
      '项目|可选|项目名称、子项目、子项目名称',
      '帮扶类型|可选|救助类别、救助类型、帮扶项目',
      '计划金额|金额列至少一列|下达金额、预算金额、预算数、计划投入、下达资金、全年预算数、预算安排',
      '到位金额|金额列至少一列|实际到位、到位资金、到位数',
      '支出金额|金额列至少一列|实际支出、支出数、已支出、执行数、全年执行数',
      '计划帮扶人次|可选|计划人次、预算帮扶人次',
    ]);
    const roster = new ExcelJS.Workbook();
    await roster.xlsx.readFile(join(dir, 'inputs/花名册.xlsx'));
    const sheet = roster.getWorksheet('花名册')!;
    expect([sheet.getColumn(5).numFmt, sheet.getColumn(6).numFmt, sheet.getColumn(2).numFmt, sheet.getColumn(5).width, sheet.getColumn(2).width]).toEqual(['@', '@', undefined, 22, 8]);
    expect([sheet.views[0]?.state, (sheet.views[0] as { ySplit?: number }).ySplit, sheet.getRow(1).font?.bold]).toEqual(['frozen', 1, true]);
  });
});

describe('jixiao init: examples and refusals', () => {
  it('xiangyuan-example is the reference case, ready to score: 88.50, 良', async () => {
    const dir = fresh();
    const run = await runInProcess(['init', dir, '-t', 'xiangyuan-example'], ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').slice(-1)).toEqual([`下一步：jixiao score ${dir}`]);
    const scored = await runInProcess(['score', dir, '-o', join(dir, '..', 'out'), '--format', 'json'], ROOT);
    const result = JSON.parse(scored.stdout).result;
    expect([scored.code, result.total, result.grade]).toEqual([0, '88.50', '良']);
  });

  it('a folder that is not empty is refused and left as it was; exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-init-'));
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const run = await runInProcess(['init', dir, '-t', 'xiangyuan-example'], ROOT);
    expect([run.code, run.stderr.trim()]).toEqual([2, `错误 [init-target-exists] ${dir}：目录不是空的：init 只写入新的或空的目录，不覆盖已有的文件 建议：换一个新的目录名，或先清空这个目录`]);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('an empty folder is filled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-init-'));
    const run = await runInProcess(['init', dir, '-t', 'core-indicators-2021', '--period', '2024', '-q'], ROOT);
    expect([run.code, run.stdout]).toEqual([0, '']);
    expect(readdirSync(dir).sort()).toEqual(['evaluation.yaml', 'inputs', 'judgements.yaml', 'tree.yaml']);
    // one year: one roster without the year in its name
    expect(readdirSync(join(dir, 'inputs')).sort()).toEqual(['满意度问卷.csv', '满意度问卷.xlsx', '花名册.csv', '花名册.xlsx', '预算资金表.csv', '预算资金表.xlsx']);
  });

  it('an unknown template lists what there is; a tree without --period asks for it; exit 2, nothing written', async () => {
    const dir = fresh();
    const unknown = await runInProcess(['init', dir, '-t', 'natonal'], ROOT);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      2,
      '错误 [template-unknown] 没有名为「natonal」的内置指标体系或示例 建议：可用：core-indicators-2021、hainan-self-check-2015、national-2020-self-evaluation、national-common-framework-2020、xiangyuan-hardship-aid、xiangyuan-example、self-evaluation-example（jixiao indicators list），或给出指标体系文件的路径',
    ]);
    const noPeriod = await runInProcess(['init', dir, '-t', 'national-2020-self-evaluation'], ROOT);
    expect([noPeriod.code, noPeriod.stderr.trim()]).toEqual([2, '错误 [usage] 缺少评价期间 建议：用 --period 给出评价的年度，如 --period 2024 或 --period 2022-2024']);
    const badPeriod = await runInProcess(['init', dir, '-t', 'national-2020-self-evaluation', '--period', '2024-2022'], ROOT);
    expect([badPeriod.code, badPeriod.stderr.trim()]).toEqual([2, '错误 [usage] 评价期间「2024-2022」应为年度，如 2024、2022-2024 或 2022,2023']);
    expect(readdirSync(join(dir, '..'))).toEqual([]);
  });

  it('a tree file of ones own; metrics no input gives go to the judgements file, blank', async () => {
    const dir = fresh();
    const run = await runInProcess(['init', dir, '-t', 'fixtures/cases/trees/ratio.yaml', '--period', '2024', '--format', 'json'], ROOT);
    expect(run.code).toBe(0);
    const files = (JSON.parse(run.stdout).result.files as { path: string }[]).map((f) => f.path);
    expect(files).toEqual(['evaluation.yaml', 'tree.yaml', 'judgements.yaml']);
    const j = parse(readFileSync(join(dir, 'judgements.yaml'), 'utf8'));
    expect(Object.values(j.metrics as Record<string, { value: unknown; source: unknown }>).every((m) => m.value === null && m.source === null)).toBe(true);
  });
});
