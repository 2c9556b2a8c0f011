// jixiao batch on the two seeds' tables (Jiangmen: allocation and use by district;
// Hainan: funds by source, the part passed straight to five industry unions, the
// balance carried forward) and on a generated set of units with planted problems:
// every figure to the fen, every count, each planted problem flagged with its row and
// nothing else.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

const out = () => mkdtempSync(join(tmpdir(), 'jixiao-batch-'));

interface Envelope {
  ok: boolean;
  problems: { severity: string; code: string; message: string; where: { file?: string; row?: number; column?: string; path?: string[] }; expected?: string; found?: string }[];
  result: { files: { file: string; read: boolean; rows: number }[]; rows: number; units: { unit: string; parent?: string; own: Record<string, string>; total: Record<string, string>; directToSubUnits?: string; details: unknown[] }[] };
}

async function batchJson(args: string[], cwd = ROOT): Promise<{ code: number; json: Envelope; dir: string }> {
  const dir = out();
  const run = await runInProcess(['batch', ...args, '-o', dir, '--format', 'json'], cwd);
  return { code: run.code, json: JSON.parse(run.stdout) as Envelope, dir };
}

const unitOf = (json: Envelope, name: string) => json.result.units.find((u) => u.unit === name)!;
const codes = (json: Envelope) => json.problems.map((p) => [p.code, p.where.path?.join(' / ') ?? p.where.file ?? '', p.where.row ?? null]);

/** A sheet's data rows: below the title, the subtitle (where there is one) and the header. */
async function sheetRows(file: string, sheet: string, first = 4): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row, n) => {
    if (n >= first) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('batch: Jiangmen, allocation by district and use by district and aid type (万元)', () => {
  it('joins the two tables by district: allocated = used everywhere, 100 万元, 192 counted things', async () => {
    const { code, json } = await batchJson(['fixtures/batch/jiangmen', '--notice-total', '100万元']);
    expect(code).toBe(0);
    expect(json.result.files.map((f) => [f.file, f.read, f.rows])).toEqual([
      ['fixtures/batch/jiangmen/使用表.csv', true, 11],
      ['fixtures/batch/jiangmen/分配表.csv', true, 8],
    ]);
    expect(json.result.units.map((u) => [u.unit, u.own.planned, u.own.spent, u.own.personTimes, u.own.executionRatePlanned])).toEqual([
      ['市直', '9', '9', '16', '1'],
      ['蓬江区', '15', '15', '21', '1'],
      ['江海区', '11', '11', '25', '1'],
      ['新会区', '18', '18', '28', '1'],
      ['台山市', '18', '18', '27', '1'],
      ['开平市', '8', '8', '30', '1'],
      ['鹤山市', '12', '12', '18', '1'],
      ['恩平市', '9', '9', '27', '1'],
    ]);
    // no 到位 column: the national execution rate (spent ÷ arrived) is absent, not taken from the other
    expect(json.result.units.some((u) => 'executionRate' in u.own || 'arrived' in u.own)).toBe(false);
    expect(unitOf(json, '恩平市').details).toEqual([
      { aidType: '生活救助', figures: { spent: '7.8', personTimes: '20' } },
      { aidType: '医疗救助', figures: { spent: '0.89', personTimes: '3' } },
      { aidType: '金秋助学', figures: { spent: '0.31', personTimes: '4' } },
      { figures: { planned: '9' } },
    ]);
  });

  it('finds what the figures reveal: 192 adds 户 and 名; 开平市 pays far less per household than the others', async () => {
    const { json } = await batchJson(['fixtures/batch/jiangmen', '--notice-total', '100万元']);
    expect(codes(json)).toEqual([
      ['count-mixed-units', 'fixtures/batch/jiangmen/使用表.csv', 14],
      ['amount-outlier', '开平市 / 生活救助', 9],
    ]);
    const [mixed, outlier] = json.problems;
    expect([mixed!.severity, mixed!.where.column, mixed!.message]).toEqual(['warning', '帮扶人次', '合计把不同单位的数加在一起（户、名）']);
    expect([outlier!.message, outlier!.expected]).toEqual(['人次均金额 2666.67 元，与同类单位相差较大（中位数 6080.95 元）', '接近 6080.95 元（8 个单位的中位数）']);
  });

  it('the workbook: 汇总 without the columns no table fills (no 到位, no 户数), 预警 with the tables\' own finding too', async () => {
    const { dir } = await batchJson(['fixtures/batch/jiangmen']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '资金汇总.xlsx'));
    expect((wb.getWorksheet('汇总')!.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '单位', '下达数', '支出数', '执行率（支出÷下达）', '人次', '预警']);
    expect((wb.getWorksheet('汇总')!.getRow(4).values as unknown[]).slice(1, 6)).toEqual([1, '开平市', 8, 8, 1]);
    expect((await sheetRows(join(dir, '资金汇总.xlsx'), '预警', 3)).map((r) => r.slice(0, 3))).toEqual([
      ['警告', '（表格）', '合计把不同单位的数加在一起（户、名）'],
      ['警告', '开平市 / 生活救助', '人次均金额 2666.67 元，与同类单位相差较大（中位数 6080.95 元）'],
    ]);
  });

  it('the notice total: 1 万元 off is an error with both sums', async () => {
    const { code, json } = await batchJson(['fixtures/batch/jiangmen', '--notice-total', '101万元']);
    expect(code).toBe(1);
    const p = json.problems.find((x) => x.code === 'notice-total-mismatch')!;
    expect([p.message, p.expected, p.found]).toEqual(['各单位下达数之和与下达通知的合计不符，差 1 万元', '101 万元', '100 万元（8 个单位）']);
    expect((await batchJson(['fixtures/batch/jiangmen', '--notice-total', '1000000'])).json.problems.map((x) => x.code)).not.toContain('notice-total-mismatch');
  });
});

describe('batch: Hainan, funds by source, 24 万元 passed straight to five industry unions', () => {
  const args = ['fixtures/batch/hainan', '--config', 'fixtures/batch/hainan/batch.yaml'];

  it('the centre: allocated 447.0716 (24 straight to the unions), received 423.0716, spent 408.772945, balance 14.298655 万; 2059 / 2443 人次', async () => {
    const { json } = await batchJson(args);
    const centre = unitOf(json, '省职工服务中心');
    expect(centre.own).toEqual({
      planned: '423.0716',
      arrived: '423.0716',
      spent: '408.772945',
      balance: '14.298655',
      personTimes: '2059',
      arrivalRate: '1',
      executionRate: '0.966203',
      executionRatePlanned: '0.966203',
      computedBalance: '14.298655',
    });
    expect(centre.directToSubUnits).toBe('24');
    expect([centre.total.planned, centre.total.arrived, centre.total.spent, centre.total.balance, centre.total.personTimes]).toEqual(['447.0716', '447.0716', '431.452945', '15.618655', '2443']);
    expect(json.result.units.filter((u) => u.parent === '省职工服务中心').map((u) => [u.unit, u.own.planned, u.own.spent, u.own.personTimes])).toEqual([
      ['省财贸工会', '8', '8', '103'],
      ['省旅游工会', '1.5', '1.5', '32'],
      ['省工交医药工会', '5', '5', '84'],
      ['省驻琼工会', '8', '8', '160'],
      ['省科文卫体工会', '1.5', '0.18', '5'],
    ]);
  });

  it('finds central 108.6716 and provincial 129.6 not 1 : 1, the report\'s 1928 人次 in neither count, and the unspent 1.32 万', async () => {
    const { code, json } = await batchJson(args);
    expect(code).toBe(1);
    expect(codes(json)).toEqual([
      ['matching-ratio', '省职工服务中心', 3],
      ['execution-low', '省科文卫体工会', 25],
      ['stated-figure-differs', '省职工服务中心', 3],
    ]);
    const [ratio, low, stated] = json.problems;
    expect(ratio!.found).toBe('中央 108.6716 万元 : 省级 129.6 万元 = 1 : 1.1926');
    expect([low!.severity, low!.message]).toEqual(['error', '预算执行率（支出数 ÷ 到位数）为 12.00%，低于严重预警线 70%，差 58 个百分点']);
    expect([stated!.message, stated!.expected]).toEqual(['报告四（二）项目的效率性所写人次 1928 人次 与表中的数都不相同', '本级 2059 人次，含下级 2443 人次']);
  });

  it('without 直达 the unions\' 24 万 would be counted twice and the centre would seem 94.63% arrived', async () => {
    const dir = out();
    const { readFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'no-direct.csv'), readFileSync(join(ROOT, 'fixtures/batch/hainan/2015年帮扶资金收支.csv'), 'utf8').replaceAll(',直达,', ',,'));
    const { json } = await batchJson([join(dir, 'no-direct.csv')]);
    const centre = unitOf(json, '省职工服务中心');
    expect([centre.own.planned, centre.own.arrivalRate, centre.total.planned]).toEqual(['447.0716', '0.946317', '471.0716']);
  });

  it('writes 汇总 riskiest first, in 万元 as the table wrote them, with the rolled-up line under the centre', async () => {
    const { dir } = await batchJson(args);
    const rows = await sheetRows(join(dir, '资金汇总.xlsx'), '汇总');
    expect(rows.map((r) => r.slice(0, 8))).toEqual([
      [1, '省科文卫体工会', '省职工服务中心', 1.5, 1.5, 0.18, 1.32, 1],
      [2, '省职工服务中心', '', 423.0716, 423.0716, 408.772945, 14.298655, 1],
      [undefined, '省职工服务中心（含下级 5 个单位）', '', 447.0716, 447.0716, 431.452945, 15.618655, 1],
      [3, '省财贸工会', '省职工服务中心', 8, 8, 8, 0, 1],
      [4, '省旅游工会', '省职工服务中心', 1.5, 1.5, 1.5, 0, 1],
      [5, '省工交医药工会', '省职工服务中心', 5, 5, 5, 0, 1],
      [6, '省驻琼工会', '省职工服务中心', 8, 8, 8, 0, 1],
    ]);
    expect(rows[0]!.at(-1)).toBe('错误：预算执行率（支出数 ÷ 到位数）为 12.00%，低于严重预警线 70%，差 58 个百分点');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '资金汇总.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '明细', '预警', '文件']);
    expect(wb.getWorksheet('汇总')!.getCell('A2').value).toBe('金额单位：万元；按风险排序：错误多的在前，其次警告，再按执行率从低到高');
    // red for an error, amber for a warning
    expect([(wb.getWorksheet('汇总')!.getCell('B4').fill as ExcelJS.FillPattern).fgColor?.argb, (wb.getWorksheet('汇总')!.getCell('B5').fill as ExcelJS.FillPattern).fgColor?.argb]).toEqual(['FFF8CBAD', 'FFFFE699']);
  });
});

/** A unit's table as a county sends it: by source and aid type, in 元, with a 合计 row. */
function unitTable(name: string, rows: [string, string, number, number, number, number | '', number][], total?: { households: number }): string {
  const lines = ['单位,资金来源,帮扶类型,下达数,到位数,支出数,结余,户数', ...rows.map((r) => [name, ...r].join(','))];
  const sum = (i: number) => rows.reduce((n, r) => n + Number(r[i] || 0), 0);
  lines.push(['合计', '', '', sum(2), sum(3), sum(4), sum(5), total?.households ?? sum(6)].join(','));
  return `${lines.join('\n')}\n`;
}

describe('batch: a generated set of 12 units with planted problems', () => {
  function plant(): string {
    const dir = join(out(), '各县');
    mkdirSync(dir);
    // 1,000 元 per household everywhere but where planted
    const normal = (name: string) =>
      unitTable(name, [
        ['中央财政', '生活救助', 100000, 100000, 95000, 5000, 95],
        ['省财政', '生活救助', 100000, 100000, 96000, 4000, 96],
      ]);
    for (let i = 1; i <= 6; i += 1) writeFileSync(join(dir, `县${i}.csv`), normal(`县${i}`));
    // execution 60% (an error), 80% (a warning)
    writeFileSync(join(dir, '低执行.csv'), unitTable('低执行', [['中央财政', '生活救助', 100000, 100000, 60000, 40000, 60], ['省财政', '生活救助', 100000, 100000, 60000, 40000, 60]]));
    writeFileSync(join(dir, '较低执行.csv'), unitTable('较低执行', [['中央财政', '生活救助', 100000, 100000, 80000, 20000, 80], ['省财政', '生活救助', 100000, 100000, 80000, 20000, 80]]));
    // a balance 100 元 off
    writeFileSync(join(dir, '结余不符.csv'), unitTable('结余不符', [['中央财政', '生活救助', 100000, 100000, 95000, 5100, 95], ['省财政', '生活救助', 100000, 100000, 96000, 4000, 96]]));
    // spent above arrived
    writeFileSync(join(dir, '超支.csv'), unitTable('超支', [['中央财政', '生活救助', 100000, 100000, 105000, '', 102], ['省财政', '生活救助', 100000, 100000, 100000, '', 103]]));
    // five times the others' amount per household
    writeFileSync(join(dir, '户均异常.csv'), unitTable('户均异常', [['中央财政', '生活救助', 100000, 100000, 95000, 5000, 19], ['省财政', '生活救助', 100000, 100000, 96000, 4000, 19]]));
    // the households' 合计 one off
    writeFileSync(join(dir, '合计错.csv'), unitTable('合计错', [['中央财政', '生活救助', 100000, 100000, 95000, 5000, 95], ['省财政', '生活救助', 100000, 100000, 96000, 4000, 96]], { households: 190 }));
    writeFileSync(join(dir, '损坏.xlsx'), 'not a workbook');
    return dir;
  }

  it('flags each planted problem at its row, and nothing else', async () => {
    const dir = plant();
    const { code, json } = await batchJson([dir], dir);
    expect(code).toBe(1);
    const found = json.problems.map((p) => [p.code, p.severity, p.where.path?.[0] ?? p.where.file, p.where.row ?? null]);
    expect(found).toEqual([
      ['total-mismatch', 'error', join(dir, '合计错.csv'), 4],
      ['xlsx-invalid', 'error', join(dir, '损坏.xlsx'), null],
      ['execution-low', 'error', '低执行', 2],
      ['balance-mismatch', 'error', '结余不符', 2],
      ['spent-above-arrived', 'error', '超支', 2],
      ['execution-low', 'warning', '较低执行', 2],
      ['amount-outlier', 'warning', '户均异常', 2],
    ]);
    expect(json.result.files.filter((f) => !f.read).map((f) => f.file)).toEqual([join(dir, '损坏.xlsx')]);
    expect(json.result.units).toHaveLength(12);
  });
});

describe('batch: inputs, settings and what it refuses', () => {
  it('folders, files and glob patterns (for shells that do not expand them), each file once', async () => {
    const { json } = await batchJson(['fixtures/batch/*/*.csv', 'fixtures/batch/jiangmen/分配表.csv']);
    expect(json.result.files.map((f) => f.file)).toEqual(['fixtures/batch/hainan/2015年帮扶资金收支.csv', 'fixtures/batch/jiangmen/使用表.csv', 'fixtures/batch/jiangmen/分配表.csv']);
  });

  it('an empty folder and a pattern matching nothing are said; nothing readable at all exits 2 without a workbook', async () => {
    const empty = out();
    const run = await runInProcess(['batch', empty, join(empty, '*.xlsx'), '-o', empty], empty);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`警告 [folder-empty] ${empty}：文件夹中没有 CSV 或 XLSX 文件`);
    expect(run.stderr).toContain('[file-unreadable]');
    writeFileSync(join(empty, 'a.csv'), '姓名,金额\n张三,1\n');
    const unknown = await runInProcess(['batch', join(empty, 'a.csv'), '-o', empty], empty);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('[header-missing]')]);
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(empty, '资金汇总.xlsx'))).toBe(false);
  });

  it('settings are checked like every configuration: a wrong key is named with its place', async () => {
    const dir = out();
    writeFileSync(join(dir, 'b.yaml'), 'execution: { warn: 0.9 }\n');
    const run = await runInProcess(['batch', 'fixtures/batch/jiangmen', '--config', join(dir, 'b.yaml'), '-o', dir], ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[batch-config-invalid]');
    const bad = await runInProcess(['batch', 'fixtures/batch/jiangmen', '--notice-total', '一百万', '-o', dir], ROOT);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('无法识别的下达通知合计 一百万')]);
  });

  it('sub-units written under their unit (其中：) roll up into it', async () => {
    const dir = out();
    writeFileSync(join(dir, 'two-level.csv'), '单位,下达数,支出数\n市总,100,90\n其中：甲区,30,30\n其中：乙区,20,10\n县总,50,50\n');
    const { json } = await batchJson([join(dir, 'two-level.csv')], dir);
    expect(json.result.units.map((u) => [u.unit, u.parent ?? '', u.own.planned, u.total.planned, u.total.spent])).toEqual([
      ['市总', '', '100.00', '150.00', '130.00'],
      ['甲区', '市总', '30.00', '30.00', '30.00'],
      ['乙区', '市总', '20.00', '20.00', '10.00'],
      ['县总', '', '50.00', '50.00', '50.00'],
    ]);
  });

  it('text output: the count of files, rows and units, the unreadable ones by name, where the workbook went', async () => {
    const dir = plantBroken();
    const run = await runInProcess(['batch', dir, '-o', dir], dir);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('资金汇总：2 个文件（1 个无法读取），1 行，1 个单位');
    expect(lines[1]).toMatch(new RegExp(`^  无法读取：${join(dir, '坏.xlsx').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：\\S`));
    expect(lines.slice(2)).toEqual(['问题：错误 1 个，警告 0 个（读取表格的问题和预警，见 预警 与 文件 两张表）', `已写入 ${join(dir, '资金汇总.xlsx')}`, '']);
  });
});

function plantBroken(): string {
  const dir = out();
  writeFileSync(join(dir, '好.csv'), '单位,下达数,支出数\n甲,100,95\n');
  writeFileSync(join(dir, '坏.xlsx'), 'broken');
  return dir;
}

describe('batch: options that change what is read and written', () => {
  it("--sheet '*' reads every sheet of a workbook (the first only without it); --title heads the sheets", async () => {
    const dir = out();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('甲县').addRows([['单位', '下达数', '支出数'], ['甲县', 100, 90]]);
    wb.addWorksheet('乙县').addRows([['单位', '下达数', '支出数'], ['乙县', 50, 50]]);
    await wb.xlsx.writeFile(join(dir, '各县.xlsx'));
    const first = await batchJson([join(dir, '各县.xlsx')], dir);
    expect(first.json.result.units.map((u) => u.unit)).toEqual(['甲县']);
    const all = await batchJson([join(dir, '各县.xlsx'), '--sheet', '*', '--title', '2023年帮扶资金'], dir);
    expect(all.json.result.units.map((u) => u.unit)).toEqual(['甲县', '乙县']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(all.dir, '资金汇总.xlsx'));
    expect(book.worksheets.map((w) => w.getCell('A1').value)).toEqual(['2023年帮扶资金 汇总', '2023年帮扶资金 明细', '2023年帮扶资金 预警', '2023年帮扶资金 读取的文件']);
  });
});
