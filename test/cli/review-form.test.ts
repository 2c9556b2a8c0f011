// jixiao review on self-evaluation forms (项目支出绩效自评表): 执行率 = 全年执行数 ÷ 全年预算数 to
// the printed decimals, its 得分 = 执行率 × 分值 capped at 100%, the 其中 lines within the
// 年度资金总额, 总分 = the funds line's 得分 + the indicators', 偏差原因 wherever a target is missed
// or points are lost, and cells left 【待填写】. Our own form passes once it is filled in;
// slips planted in it and in fixtures/review/self-evaluation are found at their cells.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, edit, ROOT } from '../helpers/fixture-copy.js';
import { brief, review } from '../helpers/review-run.js';
import { runInProcess } from '../helpers/run-in-process.js';

const FORM = '项目支出绩效自评表';

describe('review: fixtures/review/self-evaluation (our form as CSV, with slips planted as README lists them)', () => {
  it('finds the wrong rate, the score that follows it, the 其中 lines over the total, the wrong 总分, and the missing reasons; exit 1', async () => {
    const { code, env } = await review(['fixtures/review/self-evaluation']);
    expect(code).toBe(1);
    expect(brief(env.problems)).toEqual([
      ['error', 'execution-rate-mismatch', `${FORM}.csv`, 4, '执行率'],
      ['error', 'execution-score-mismatch', `${FORM}.csv`, 4, '得分'],
      ['error', 'funds-parts-exceed', `${FORM}.csv`, 4, '全年预算数'],
      ['warning', 'full-despite-miss', `${FORM}.csv`, 11, '得分'],
      ['warning', 'deviation-missing', `${FORM}.csv`, 11, '偏差原因分析及改进措施'],
      ['warning', 'deviation-missing', `${FORM}.csv`, 14, '偏差原因分析及改进措施'],
      ['error', 'total-mismatch', `${FORM}.csv`, 16, '得分'],
    ]);
    expect(env.problems.map((p) => p.message)).toEqual([
      '执行率印作 95%，按 全年执行数 92000.00 ÷ 全年预算数 100000.00 应为 92%',
      // the score follows the wrong rate, so it is wrong too
      '执行率的得分印作 9.50，按 执行率 92.00% × 分值 10 应为 9.20',
      '「其中」各项的全年预算数之和 110000（70000.00 + 40000.00）超过年度资金总额的 100000.00',
      '完成值「90.00%」未达到目标值「≥98%」，却得满分 10.00 分',
      '完成值「90.00%」未达到年度指标值「≥98%」，偏差原因分析及改进措施却为空',
      '未得满分（21.00/30 分），偏差原因分析及改进措施却为空',
      '总分的得分印作 87.71，7 项之和为 87.17（9.50 + 16.67 + 10.00 + 10.00 + 10.00 + 21.00 + 10.00）',
    ]);
    expect(env.problems[1]).toMatchObject({ expected: '9.20', found: '9.50', where: { path: ['年度资金总额'] } });
    expect(env.result.tables.map((t) => [t.rows, t.findings.error, t.findings.warning])).toEqual([[13, 4, 3]]);
  });

  it('审核结果.xlsx copies the form with its funds block: the faulty funds cells filled under their own header, texts spanning the blank cells after them', async () => {
    const { env } = await review(['fixtures/review/self-evaluation']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(env.result.output!);
    const ws = wb.worksheets[0]!;
    const byRow = new Map<number, number>();
    ws.eachRow((r, n) => {
      if (typeof r.getCell(1).value === 'number') byRow.set(r.getCell(1).value as number, n);
    });
    const line = ws.getRow(byRow.get(4)!);
    // 行 | 项目资金 … : 全年预算数 (D), 执行率 (G) and 得分 (H) are red; 全年执行数 (E) and 分值 (F) are not
    expect(['D', 'E', 'F', 'G', 'H'].map((c) => (line.getCell(c).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb ?? '')).toEqual(['FFF4B6B6', '', '', 'FFF4B6B6', 'FFF4B6B6']);
    expect(ws.model.merges).toEqual(expect.arrayContaining([`B${byRow.get(4)}:C${byRow.get(4)}`, `D${byRow.get(8)}:F${byRow.get(8)}`, `G${byRow.get(8)}:I${byRow.get(8)}`]));
    expect(line.getCell('J').value).toBe(
      ['错误：执行率印作 95%，按 全年执行数 92000.00 ÷ 全年预算数 100000.00 应为 92%', '错误：执行率的得分印作 9.50，按 执行率 92.00% × 分值 10 应为 9.20', '错误：「其中」各项的全年预算数之和 110000（70000.00 + 40000.00）超过年度资金总额的 100000.00'].join('\n'),
    );
  });
});

describe('review of our own self-evaluation workbook', () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'jixiao-own-form-'));
    // exit 1: the roster holds one error of its own (an approval not on record)
    expect((await runInProcess(['score', 'fixtures/self-evaluation', '-o', out, '-q', '--no-chart'], ROOT)).code).toBe(1);
  });

  it('as the fixture writes it: nothing at all (表3-2’s 预算执行率, a level-1 leaf, counts in the 合计); exit 0', async () => {
    const { code, env } = await review([join(out, '自评结果.xlsx')]);
    expect([code, env.problems.filter((p) => p.code !== 'sheet-skipped')]).toEqual([0, []]);
    expect(env.result.tables.map((t) => t.rows)).toEqual([13, 8, 12]);
  });

  it('without a reason for 帮扶人次 and without 预期目标: the cells the form leaves 【待填写】 are warnings, nothing else', async () => {
    const dir = copyFixture('self-evaluation');
    edit(dir, 'judgements.yaml', (t) => t.replace(/  person_times:\n    reason: .*\n/, '').replace(/  goal: .*\n/, ''));
    const o = mkdtempSync(join(tmpdir(), 'jixiao-own-form-'));
    expect((await runInProcess(['score', dir, '-o', o, '-q', '--no-chart'], ROOT)).code).toBe(1);
    const { code, env } = await review([join(o, '自评结果.xlsx')]);
    expect(code).toBe(0);
    expect(brief(env.problems.filter((p) => p.code !== 'sheet-skipped'))).toEqual([
      ['warning', 'cell-unfilled', '自评结果.xlsx', 8, '预期目标'],
      ['warning', 'deviation-missing', '自评结果.xlsx', 10, '偏差原因分析及改进措施'],
    ]);
    expect(env.problems[1]!.message).toBe('完成值「10人次」未达到年度指标值「≥12人次」，偏差原因分析及改进措施却尚未填写');
  });

  it('slips planted in the generated workbook: the 总分 one cent off, a reason wiped, the 执行率 score uncapped', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, '自评结果.xlsx'));
    const ws = wb.getWorksheet(FORM)!;
    expect([ws.getCell('G4').value, ws.getCell('G16').value, ws.getCell('H14').value]).toEqual(['9.20', '86.05', expect.stringContaining('帮扶标准偏低')]);
    ws.getCell('G16').value = '86.06';
    ws.getCell('H14').value = '无';
    // 全年执行数 above 全年预算数: 105% counts as 100%, so 10.50 is both uncapped and above its 10 points
    ws.getCell('D4').value = '105000.00';
    ws.getCell('F4').value = '105%';
    ws.getCell('G4').value = '10.50';
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-planted-'));
    await wb.xlsx.writeFile(join(dir, 'planted.xlsx'));
    const { env } = await review(['planted.xlsx'], dir);
    const form = env.problems.filter((p) => p.where.sheet === FORM);
    expect(form.map((p) => [p.code, p.where.row, p.where.column, p.found, p.expected])).toEqual([
      ['score-above-weight', 4, '得分', '10.50', '不高于 10'],
      ['execution-score-mismatch', 4, '得分', '10.50', '10.00'],
      ['deviation-missing', 14, '偏差原因分析及改进措施', undefined, undefined],
      ['total-mismatch', 16, '得分', '86.06', '87.35'],
    ]);
    expect(form[1]!.message).toBe('执行率的得分印作 10.50，按 执行率 105.00% × 分值 10（执行率超过 100% 的按 100% 计）应为 10.00');
    expect(form[2]!.message).toBe('未得满分（21.00/30 分），偏差原因分析及改进措施却只写了「无」');
  });
});

describe('review of our own self-evaluation report (.docx), where the form is two Word tables', () => {
  it('the funds table (表 3-3) is read with the indicators after it (表 3-4): nothing to report; its findings point at its own table', async () => {
    const out = mkdtempSync(join(tmpdir(), 'jixiao-own-report-'));
    await runInProcess(['report', 'fixtures/self-evaluation', '-o', out, '-q', '--no-chart'], ROOT);
    const clean = await review([join(out, '评价报告.docx')]);
    expect([clean.code, clean.env.problems.filter((p) => p.code !== 'sheet-skipped')]).toEqual([0, []]);
    expect(clean.env.problems.map((p) => p.where.sheet)).toEqual(['表 1-1 资金投入和使用情况（元）', '表 1-2 绩效目标完成情况', '表 4-1 数据核查发现的问题']);
    // a slip in the funds table: the 执行率 printed 93% (the docx rewritten with the jszip exceljs brings)
    const { createRequire } = await import('node:module');
    const req = createRequire(createRequire(import.meta.url).resolve('exceljs'));
    const JSZip = req('jszip') as { loadAsync(b: Buffer): Promise<{ file(n: string): { async(t: 'string'): Promise<string> }; file(n: string, d: string): void; generateAsync(o: { type: 'nodebuffer' }): Promise<Buffer> }> };
    const zip = await JSZip.loadAsync(readFileSync(join(out, '评价报告.docx')));
    const xml = await zip.file('word/document.xml').async('string');
    const at = xml.indexOf('>92%<', xml.indexOf('年度资金总额'));
    expect(at).toBeGreaterThan(0);
    zip.file('word/document.xml', `${xml.slice(0, at)}>93%<${xml.slice(at + 5)}`);
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-own-report-'));
    writeFileSync(join(dir, 'slip.docx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const slip = await review(['slip.docx'], dir);
    expect(slip.env.problems.filter((p) => p.code !== 'sheet-skipped').map((p) => [p.code, p.where.sheet, p.found, p.expected])).toEqual([['execution-rate-mismatch', '表 3-3 项目支出绩效自评表：年度资金（元）（2023年度）', '93%', '92%']]);
  });
});

describe('review: a form’s funds line at its limits', () => {
  const form = (planned: string, spent: string, rate: string, score: string, parts: [string, string] = ['', '']) =>
    [
      '项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值,执行率,得分',
      `年度资金总额,,90,${planned},${spent},10,${rate},${score}`,
      `其中：当年财政拨款,,90,${parts[0]},,,,`,
      `上年结转资金,,,${parts[1]},,,,`,
      '一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施',
      '产出指标,数量指标,帮扶人次,≥12人次,12人次,90,90,',
    ].join('\n');
  const findings = async (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-funds-'));
    writeFileSync(join(dir, 'form.csv'), text);
    return (await review(['form.csv'], dir)).env.problems.map((p) => [p.code, p.found, p.expected]);
  };

  it('执行率 to the printed decimals and half up, read against 全年预算数 (not 年初预算数)', async () => {
    // 91.995 ÷ 100 = 91.995% → 92.00% (half up) and 92.0%; 91.99% and 92.01% are wrong
    expect(await findings(form('100', '91.995', '92.00%', '9.20'))).toEqual([]);
    expect(await findings(form('100', '91.995', '92.0%', '9.2'))).toEqual([]);
    expect(await findings(form('100', '91.995', '91.99%', '9.20'))).toEqual([['execution-rate-mismatch', '91.99%', '92.00%']]);
    expect(await findings(form('100', '91.995', '92.01%', '9.20'))).toEqual([['execution-rate-mismatch', '92.01%', '92.00%']]);
    // a bare ratio reads as a rate too
    expect(await findings(form('100', '92', '0.92', '9.2'))).toEqual([]);
  });

  it('得分 = 执行率 × 分值 to its printed decimals, from the exact ratio or a right printed rate; above 100% it is capped', async () => {
    // 91.995% × 10 = 9.1995 → 9.20; one cent either side is a slip
    expect(await findings(form('100', '91.995', '92.00%', '9.19'))).toEqual([['execution-score-mismatch', '9.19', '9.20']]);
    expect(await findings(form('100', '91.995', '92.00%', '9.21'))).toEqual([['execution-score-mismatch', '9.21', '9.20']]);
    // 100% exactly, just above (100.01%) and well above: 10 points each
    expect(await findings(form('100', '100', '100%', '10'))).toEqual([]);
    expect(await findings(form('100', '100.01', '100.01%', '10.00'))).toEqual([]);
    expect(await findings(form('100', '120', '120%', '10'))).toEqual([]);
    expect(await findings(form('100', '100.01', '100.01%', '9.99'))).toEqual([['execution-score-mismatch', '9.99', '10.00']]);
  });

  it('其中 lines may list part of the total, not more than it: one cent over is a slip', async () => {
    expect(await findings(form('100', '92', '92%', '9.20', ['60', '40']))).toEqual([]);
    expect(await findings(form('100', '92', '92%', '9.20', ['60', '']))).toEqual([]);
    expect(await findings(form('100', '92', '92%', '9.20', ['60.01', '40']))).toEqual([['funds-parts-exceed', '100.01', '不超过 100']]);
  });
});
