// End to end: the real bin/ on fixtures/, the workbook read back with exceljs.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, copyFixture, edit } from '../helpers/fixture-copy.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';

const FIXTURE = join(ROOT, 'fixtures/xiangyuan');

function findRow(ws: ExcelJS.Worksheet, column: number, text: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(column).value === text) found = row;
  });
  if (!found) throw new Error(`no row with ${text} in column ${column} of ${ws.name}`);
  return found;
}

describe('jixiao score fixtures/xiangyuan', () => {
  let cwd: string;
  let run: CliRun;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
    run = runCli(['score', FIXTURE], cwd);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(cwd, 'jixiao-out/评分结果.xlsx'));
  });

  it('exits 0 and prints the total and grade', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('88.50 / 100  88.50%  评价等级：良');
    expect(run.stdout).toContain('已写入 jixiao-out/评分结果.xlsx');
  });

  it('writes 附件1 评分表 with its title block, merged level cells, scores and traces', () => {
    const ws = wb.getWorksheet('附件1 评分表')!;
    expect(ws.getCell('A1').value).toBe('襄垣县总工会困难职工帮扶省财政配套资金绩效评价评分表（2020-2022年）');
    expect(ws.getCell('A2').value).toBe('评价机构：山西隆聚源绩效科技有限公司　　评价期间：2020-2022年　　报告日期：2023年10月');
    expect(ws.getRow(3).values).toEqual([undefined, '一级指标', '二级指标', '三级指标', '指标解释', '评分标准', '目标值', '完成值', '分值', '得分', '得分率', '评分依据']);
    const first = ws.getRow(4);
    expect(first.getCell(1).value).toBe('项目决策（20分）');
    expect(first.getCell(2).value).toBe('项目立项（5分）');
    expect(first.getCell(3).value).toBe('立项依据充分性');
    expect(ws.getCell('A5').isMerged).toBe(true);
    expect(ws.getCell('A5').master.address).toBe('A4');

    const arrival = findRow(ws, 3, '资金到位率');
    expect(arrival.getCell(6).value).toBe('≥100%');
    expect(arrival.getCell(7).value).toBe('100.00%');
    expect(arrival.getCell(8).value).toBe(2);
    expect(arrival.getCell(9).value).toBe(2);
    expect(arrival.getCell(10).value).toBe(1);
    expect(arrival.getCell(9).numFmt).toBe('0.00');
    expect(arrival.getCell(11).value).toBe('资金到位率 100.00% ≥ 100.00%，得满分 2 分');

    const effectiveness = findRow(ws, 3, '项目执行有效性');
    expect(effectiveness.getCell(7).value).toBe('符合 4/5 项');
    expect(effectiveness.getCell(9).value).toBe(4);
    expect(effectiveness.getCell(10).value).toBe(0.8);
    expect(String(effectiveness.getCell(11).value)).toContain('按要求进行宣传工作（1 分）：不符合，得 0 分');
    expect(String(effectiveness.getCell(11).value)).toContain('评价依据：帮扶信息与决算表一致');

    const awareness = findRow(ws, 3, '政策知晓情况');
    expect(awareness.getCell(9).value).toBe(2.5);
    const satisfaction = findRow(ws, 3, '职工满意度');
    expect(satisfaction.getCell(7).value).toBe('91.32%');
    expect(satisfaction.getCell(9).value).toBe(14);

    const total = findRow(ws, 1, '合计');
    expect(total.getCell(8).value).toEqual({ formula: 'SUM(H4:H24)', result: 100 });
    expect(total.getCell(9).value).toEqual({ formula: 'SUM(I4:I24)', result: 88.5 });
    expect(total.getCell(10).value).toBe(0.885);
    expect(total.getCell(11).value).toBe('评价等级：良');
  });

  it('writes 表3-2 得分汇总', () => {
    const ws = wb.getWorksheet('表3-2 得分汇总')!;
    const rows: unknown[][] = [];
    // 小计 and 合计 hold SUM formulas: their cached results are what a reader sees
    const shown = (v: unknown) => (v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v);
    ws.eachRow((row, n) => {
      if (n >= 4) rows.push((row.values as unknown[]).slice(1).map(shown));
    });
    expect(rows).toEqual([
      ['项目决策', '项目立项', 5, 5, 1],
      ['项目决策', '绩效目标', 6, 0, 0],
      ['项目决策', '资金投入', 9, 9, 1],
      ['项目决策', '小计', 20, 14, 0.7],
      ['项目过程', '资金管理', 8, 8, 1],
      ['项目过程', '组织实施', 12, 11, 0.9167],
      ['项目过程', '小计', 20, 19, 0.95],
      ['项目产出', '帮扶数量', 30, 30, 1],
      ['项目产出', '小计', 30, 30, 1],
      ['项目效益', '帮扶效益', 11, 8.5, 0.7727],
      ['项目效益', '可持续影响', 5, 3, 0.6],
      ['项目效益', '满意度', 14, 14, 1],
      ['项目效益', '小计', 30, 25.5, 0.85],
      ['合计', '合计', 100, 88.5, 0.885],
      ['评价等级', '评价等级', '良', '良', '良'],
    ]);
  });

  it('sets up the sheet for reading and printing', () => {
    const ws = wb.getWorksheet('附件1 评分表')!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: false, scale: 95, printTitlesRow: '1:3' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getCell('K4').alignment?.wrapText).toBe(true);
    expect(ws.getCell('K4').font?.size).toBe(10);
  });

  it('adds the audit of the rosters', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附件1 评分表', '表3-2 得分汇总', '指标数据', '说明', '数据核查', '核查汇总', '问题清单']);
    expect(run.stdout).toContain('数据核查：29 人次，25 人；错误 0 个，警告 0 个，提示 3 个（详见工作簿「数据核查」）');
  });

  it('lists the metrics with their sources', () => {
    const ws = wb.getWorksheet('指标数据')!;
    const persons = findRow(ws, 5, 'roster.persons');
    expect((persons.values as unknown[]).slice(1)).toEqual(['帮扶人数', '25人', '数据计算', 'rosters/2020.csv 第 3-21 行；rosters/2021.csv 第 3-7 行；rosters/2022.csv 第 3-7 行', 'roster.persons']);
  });
});

describe('jixiao score conventions', () => {
  // (that no time of writing gets in is tested with a set clock in test/report/determinism.test.ts)
  it('writes byte-identical workbooks on two runs', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jixiao-det-'));
    expect(runCli(['score', FIXTURE, '-o', 'a'], cwd).code).toBe(0);
    expect(runCli(['score', FIXTURE, '-o', 'b'], cwd).code).toBe(0);
    const a = readFileSync(join(cwd, 'a/评分结果.xlsx'));
    const b = readFileSync(join(cwd, 'b/评分结果.xlsx'));
    expect(a.length).toBeGreaterThan(5000);
    expect(a.equals(b)).toBe(true);
  });

  it('prints the scored tree as JSON with decimals as strings', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jixiao-json-'));
    const run = runCli(['score', FIXTURE, '--format', 'json'], cwd);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['schema', 'command', 'ok', 'summary', 'problems', 'result']);
    expect([json.schema, json.command, json.ok]).toEqual([1, 'score', true]);
    expect(Object.keys(json.result).slice(0, 8)).toEqual(['project', 'output', 'title', 'total', 'weight', 'rate', 'grade', 'indicators']);
    expect(json.result.total).toBe('88.50');
    expect(json.result.grade).toBe('良');
    expect(json.result.output).toBe(join('jixiao-out', '评分结果.xlsx'));
    expect(json.result.indicators[1].children[1].children[0]).toMatchObject({ id: 'finance_rules', score: '2.00', weight: '2.00', rate: '1.0000', rule: 'checklist' });
    // the audit's findings on the Xiangyuan rosters are the only problems: three persons aided more than once, as info
    expect(json.summary).toEqual({ errors: 0, warnings: 0, infos: json.problems.length });
    expect(json.result.audit).toMatchObject({ personTimes: 29, persons: 25 });
  });

  it('exits 2 with the indicator path when the tree is invalid, and writes nothing', () => {
    const dir = copyFixture('xiangyuan');
    edit(dir, 'tree.yaml', (t) => t.replace('            name: 绩效目标合理性\n            weight: 3\n', '            name: 绩效目标合理性\n'));
    const cwd = mkdtempSync(join(tmpdir(), 'jixiao-bad-'));
    const run = runCli(['score', dir], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('项目决策 > 绩效目标 > 绩效目标合理性：缺少权重 weight');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(join(cwd, 'jixiao-out'))).toBe(false);
  });

  it('exits 2 when weights do not add up', () => {
    const dir = copyFixture('xiangyuan');
    edit(dir, 'tree.yaml', (t) => t.replace('    name: 项目决策\n    weight: 20\n', '    name: 项目决策\n    weight: 25\n'));
    const run = runCli(['score', dir, '--format', 'json'], mkdtempSync(join(tmpdir(), 'jixiao-w-')));
    expect(run.code).toBe(2);
    const json = JSON.parse(run.stdout);
    expect(json.problems.map((p: { code: string; where: { path?: string[] } }) => [p.code, p.where.path?.join(' > ') ?? ''])).toEqual([
      ['tree-weights', ''],
      ['tree-weights', '项目决策'],
    ]);
  });

  it('exits 2 for a missing folder and for wrong usage', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jixiao-u-'));
    const missing = runCli(['score', 'no-such-dir'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到评价目录或文件 no-such-dir');
    expect(runCli(['score'], cwd).code).toBe(2);
    expect(runCli(['score', FIXTURE, '--format', 'xml'], cwd).code).toBe(2);
  });

  it('exits 1 on warnings only with --fail-on warning', () => {
    const dir = copyFixture('xiangyuan');
    edit(dir, 'judgements.yaml', (t) => t.replace('metrics:\n', 'metrics:\n  survey.satisfaction: { value: 91.38%, label: 满意度, source: 报告正文 }\n'));
    const cwd = mkdtempSync(join(tmpdir(), 'jixiao-f-'));
    const plain = runCli(['score', dir], cwd);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain('警告 [metric-given-differs]');
    expect(runCli(['score', dir, '--fail-on', 'warning'], cwd).code).toBe(1);
    expect(runCli(['score', dir, '--fail-on', 'never'], cwd).code).toBe(0);
  });

  it('worksheet writes 评分底稿.xlsx next to nothing else, and says how to use it', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jixiao-w-'));
    const run = runCli(['worksheet', FIXTURE, '-o', 'paper'], cwd);
    expect([run.code, existsSync(join(cwd, 'paper/评分底稿.xlsx'))]).toEqual([0, true]);
    expect(run.stdout).toContain('已写入 paper/评分底稿.xlsx');
  });

  it('--draft writes the workbook with a judgement missing and exits 1 (without it: 2, nothing written)', () => {
    const dir = copyFixture('xiangyuan');
    edit(dir, 'judgements.yaml', (t) => t.replace(/  goal_clarity:\n(    .*\n)+?(?=  budget_soundness:)/, ''));
    const cwd = mkdtempSync(join(tmpdir(), 'jixiao-d-'));
    expect(runCli(['score', dir], cwd).code).toBe(2);
    expect(existsSync(join(cwd, 'jixiao-out/评分结果.xlsx'))).toBe(false);
    const draft = runCli(['score', dir, '--draft'], cwd);
    expect([draft.code, existsSync(join(cwd, 'jixiao-out/评分结果.xlsx'))]).toEqual([1, true]);
    expect(draft.stdout).toContain('草稿：1 个末级指标待评');
  });
});
