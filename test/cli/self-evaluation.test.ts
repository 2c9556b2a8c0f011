// The national self-evaluation form (项目支出绩效自评表) of a self-evaluation tree: 执行率 =
// 全年执行数 ÷ 全年预算数 with its 10 points, the indicators with 年度指标值 / 实际完成值,
// 偏差原因 where points were lost (【待填写】 where no reason is given) — in the workbook
// (first sheet) and in the report.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, edit, ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

describe('self-evaluation form (fixtures/self-evaluation: 预算 100,000, 执行 92,000 元)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-self-'));
    const run = await runInProcess(['score', 'fixtures/self-evaluation', '-o', dir, '--no-chart'], ROOT);
    expect(run.stdout).toContain('合计　　　　　　   86.05 / 100  86.05%  评价等级：良');
  });

  it('the form is the first sheet: 年度资金总额 with 执行率 92% and its 9.20 of 10 points, each source below', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '自评结果.xlsx'));
    expect(wb.worksheets[0]!.name).toBe('项目支出绩效自评表');
    const ws = wb.worksheets[0]!;
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1, 8);
    expect(row(3)).toEqual(['项目资金（元）', '项目资金（元）', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    expect(row(4)).toEqual(['年度资金总额', '年度资金总额', '100000.00', '92000.00', '10', '92%', '9.20']);
    expect(row(5).slice(0, 4)).toEqual(['其中：省财政', '其中：省财政', '60000.00', '56000.00']);
  });

  it('the indicators without the 执行率 leaf (it is the funds line); 偏差原因 the reason given, or 【待填写】 where points were lost without one', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '自评结果.xlsx'));
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => {
      if (n > 9) rows.push((r.values as unknown[]).slice(1));
    });
    expect(rows.map((r) => [r[2], r[5], r[6], r[7] ?? ''])).toEqual([
      ['帮扶人次', '20', '16.67', '部分职工年内脱困退出帮扶，全年帮扶 10 人次；下一年度按在档人数核定目标。'],
      ['帮扶资金发放合规率', '10', '9.18', '一笔医疗救助超过 1 万元未见市总工会审批记录，已要求补办；今后先审批后发放。'],
      ['救助时效', '10', '10.00', ''],
      ['支出控制在预算内', '10', '10.00', ''],
      ['缓解困难职工生活压力', '30', '21.00', '帮扶标准偏低，对大病家庭的缓解有限；下一年度提高医疗救助标准，并与民政救助衔接。'],
      ['困难职工满意度', '10', '10.00', ''],
      // 总分 over the five merged cells
      ['总分', '100', '86.05', ''],
    ]);
  });

  it('where points were lost without a reason, and without 年度总体目标, the form says 【待填写】', async () => {
    const dir = copyFixture('self-evaluation');
    edit(dir, 'judgements.yaml', (t) => t.replace(/  person_times:\n    reason: .*\n/, '').replace(/  goal: .*\n/, ''));
    const o = mkdtempSync(join(tmpdir(), 'jixiao-self-'));
    await runInProcess(['score', dir, '-o', o, '-q', '--no-chart'], ROOT);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(o, '自评结果.xlsx'));
    const ws = wb.worksheets[0]!;
    expect([ws.getCell('C8').value, ws.getCell('F8').value, ws.getCell('H10').value, ws.getCell('H11').value]).toEqual(['【待填写】', '全年帮扶 10 人次，资金 92000 元按标准发放到人，执行率 92%。', '【待填写】', expect.stringContaining('一笔医疗救助')]);
  });

  it('the report carries the form after 表 3-2, with the same figures', async () => {
    const o = mkdtempSync(join(tmpdir(), 'jixiao-self-'));
    expect((await runInProcess(['report', 'fixtures/self-evaluation', '-o', o, '--no-chart'], ROOT)).code).toBe(0);
    const md = readFileSync(join(o, '评价报告.md'), 'utf8');
    expect(md).toContain('| 年度资金总额 | 100000.00 | 92000.00 | 10 | 92% | 9.20 |');
    expect(md).toContain('| 产出指标 | 数量指标 | 帮扶人次 | ≥12人次 | 10人次 | 20 | 16.67 | 部分职工年内脱困退出帮扶，全年帮扶 10 人次；下一年度按在档人数核定目标。 |');
    expect(md).toContain('| 总分 |  |  |  |  | 100 | 86.05 |  |');
    expect(md.indexOf('**表 3-3')).toBeGreaterThan(md.indexOf('**表 3-2'));
    // the audit's findings other than notes, each with the person
    expect(md).toContain('评价组对实名制发放花名册 10 人次（10 人）逐笔核查，发现错误 1 个、警告 0 个、提示 0 个。');
    expect(md).toContain('**表 4-1 数据核查发现的问题**\n\n| 级别 | 人员 | 问题 |\n|---|---|---|\n| 错误 | 赵磊，县机械厂 | 全年医疗救助 12000.00 元，须经市总工会审批，花名册未见审批记录 |');
  });
});
