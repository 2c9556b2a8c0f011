// jixiao review: the Xiangyuan report's score tables as printed (fixtures/review/xiangyuan):
// every misprint found at its cell, no correct cell flagged; the same tables as XLSX with
// merged level cells; planted slips at their limits; our own score workbook passes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';
import { brief, review } from '../helpers/review-run.js';
import { runInProcess } from '../helpers/run-in-process.js';

describe('jixiao review on the Xiangyuan report’s printed tables', () => {
  it('finds each misprint at its cell, with both numbers, and flags nothing else; exit 1', async () => {
    const { code, env } = await review(['fixtures/review/xiangyuan']);
    expect(code).toBe(1);
    const inTables = env.problems.filter((p) => p.where.file !== 'fixtures/review/xiangyuan/正文.txt');
    expect(brief(inTables)).toEqual([
      ['error', 'group-weight-mismatch', '表3-1.csv', 9, '二级指标'],
      ['error', 'group-weight-mismatch', '表3-1.csv', 11, '二级指标'],
      ['warning', 'full-despite-miss', '表3-1.csv', 12, '得分'],
      ['warning', 'full-despite-miss', '表3-1.csv', 13, '得分'],
      ['error', 'rate-mismatch', '表4-2.csv', 6, '得分率'],
      ['error', 'rate-mismatch', '表4-2.csv', 8, '得分率'],
    ]);
    expect(inTables.map((p) => p.message)).toEqual([
      '「资金管理（8分）」印作 8 分，其下各项权重之和为 4（资金到位率 2 + 预算执行率 2）',
      '「组织实施（12分）」印作 12 分，其下各项权重之和为 16（资金使用合规性 4 + 财务管理制度健全性 2 + 组织管理保障性 2 + 帮扶管理制度的健全性 3 + 项目执行有效性 5）',
      '完成值「不健全」未达到目标值「健全」，却得满分 2 分',
      '完成值「较有保障」未达到目标值「有保障」，却得满分 2 分',
      '得分率印作 75.00%，按 得分 2 ÷ 权重 2 应为 100.00%',
      '得分率印作 100.00%，按 得分 4 ÷ 权重 5 应为 80.00%',
    ]);
    expect(env.problems[4]).toMatchObject({ expected: '100.00%', found: '75.00%', where: { path: ['项目过程', '组织实施', '组织管理保障性'] } });
    expect(env.result.tables.map((t) => [t.file.replace(/^.*\//, ''), t.rows, t.findings.error, t.findings.warning])).toEqual([
      ['表3-1.csv', 22, 2, 2],
      ['表3-2.csv', 14, 0, 0],
      ['表4-1.csv', 8, 0, 0],
      ['表4-2.csv', 8, 2, 0],
      ['表4-3.csv', 4, 0, 0],
      ['表4-4.csv', 5, 0, 0],
      // 附件1 as printed adds up (资金使用合规性 sits under 资金管理 there)
      ['附件1.csv', 22, 0, 0],
    ]);
  });

  it('the report’s text (正文.txt, its score statements as printed) against its tables: 项目效益’s figures printed under the name 项目产出, found three times over', async () => {
    const { env } = await review(['fixtures/review/xiangyuan']);
    const inText = env.problems.filter((p) => p.where.file === 'fixtures/review/xiangyuan/正文.txt');
    expect(inText.map((p) => [p.code, (p.where as { paragraph?: number }).paragraph, p.found, p.expected, p.message])).toEqual([
      ['text-disagrees', 22, '25.5', '30', '正文写「项目产出」得分 25.5 分，表3-2.csv 第 10 行印作 30'],
      ['text-disagrees', 22, '3', '1', '正文写「项目产出」有 3 个二级指标，表3-1.csv 中有 1 个'],
      ['text-disagrees', 22, '5', '3', '正文写「项目产出」有 5 个三级指标，表3-1.csv 中有 3 个'],
    ]);
    expect(inText[0]!.hint).toBe('核对这一段与表中的数；所写的数与「项目效益」的相符，可能是名称写错了：「项目产出由 3 个二级指标和 5 个三级指标组成，共计 30 分，实际得分 25.5 分，得分率 85 %，具体情况如表…」');
    // the 21 indicator statements, the other three level-1 ones, the total 88.5 and the grade 良 all agree
    expect(env.result.texts).toEqual([{ file: 'fixtures/review/xiangyuan/正文.txt', paragraphs: 26, findings: { error: 3, warning: 0, info: 0 } }]);
  });

  it('the text’s own slips: a total or grade the tables do not print, a rate that is not score ÷ weight, an indicator’s weight', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-review-text-'));
    writeFileSync(join(dir, '表3-2.csv'), readFileSync(join(ROOT, 'fixtures/review/xiangyuan/表3-2.csv')));
    writeFileSync(join(dir, '表3-1.csv'), readFileSync(join(ROOT, 'fixtures/review/xiangyuan/表3-1.csv'), 'utf8').replace(/\n$/, '\n评价等级,良\n'));
    writeFileSync(
      join(dir, '报告.txt'),
      ['本项目总得分为 88.6 分，绩效评级为“优”。', '“项目执行有效性”指标权重 5 分，得分 4 分，得分率为 80.01%。', '“资金到位率”指标权重 3 分，得分 2 分，得分率为 66.67%。', '“不在表中的指标”指标权重 9 分，得分 1 分。'].join('\n'),
    );
    const { env } = await review(['.'], dir);
    const inText = env.problems.filter((p) => p.where.file === '报告.txt');
    expect(inText.map((p) => [p.code, (p.where as { paragraph?: number }).paragraph, p.found, p.expected])).toEqual([
      ['text-disagrees', 1, '88.6', '88.5'],
      ['text-disagrees', 1, '88.6', '88.5'],
      ['text-disagrees', 1, '优', '良'],
      ['grade-mismatch', 1, '优', '良'],
      ['rate-mismatch', 2, '80.01%', '80.00%'],
      ['text-disagrees', 3, '3', '2'],
    ]);
    expect(inText[3]!.message).toBe('正文写总得分 88.6 分、评价等级「优」，按等级标准应为「良」');
    expect(inText[5]!.message).toBe('正文写「资金到位率」权重 3 分，表3-1.csv 第 9 行印作 2');
  });

  it('审核结果.xlsx: each table as read with the cells at fault filled and the findings beside them, then the 问题清单', async () => {
    const { out } = await review(['fixtures/review/xiangyuan']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, '审核结果.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表3-1', '表3-2', '表4-1', '表4-2', '表4-3', '表4-4', '附件1', '问题清单']);
    const t42 = wb.getWorksheet('表4-2')!;
    // title, subtitle, header, then the rows: printed row 6 is the 5th data row
    const row = t42.getRow(4 + 4);
    expect((row.values as unknown[]).slice(1)).toEqual([6, '', '', '组织管理保障性', '2', '2', '75.00%', '错误：得分率印作 75.00%，按 得分 2 ÷ 权重 2 应为 100.00%']);
    expect((row.getCell(7).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFF4B6B6');
    expect((t42.getRow(4).getCell(7).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb).not.toBe('FFF4B6B6');
    const warned = wb.getWorksheet('表3-1')!.getRow(4 + 10);
    expect([warned.getCell(1).value, (warned.getCell(8).fill as { fgColor?: { argb?: string } }).fgColor?.argb]).toEqual([12, 'FFFFE699']);
    const list = wb.getWorksheet('问题清单')!;
    expect(list.getRow(3).getCell(2).value).toBe('group-weight-mismatch');
    // the six in the tables and the three in the text
    expect(list.rowCount).toBe(2 + 9);
  });

  it('the same table as XLSX, level cells merged down as printed: the same findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-review-xlsx-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表4-2');
    ws.addRow(['表 4-2 过程类指标得分情况汇总表']);
    const lines = readFileSync(join(ROOT, 'fixtures/review/xiangyuan/表4-2.csv'), 'utf8').trim().split('\n');
    for (const line of lines) ws.addRow(line.split(',').map((c) => (/^\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
    // 项目过程 over rows 3-9, 资金管理 over 3-5, 组织实施 over 6-9: a merged cell's other rows are empty
    ws.mergeCells('A3:A9');
    ws.mergeCells('B3:B5');
    ws.mergeCells('B6:B9');
    await wb.xlsx.writeFile(join(dir, '表4-2.xlsx'));
    const { code, env } = await review(['表4-2.xlsx'], dir);
    expect(code).toBe(1);
    expect(brief(env.problems)).toEqual([
      ['error', 'rate-mismatch', '表4-2.xlsx', 7, '得分率'],
      ['error', 'rate-mismatch', '表4-2.xlsx', 9, '得分率'],
    ]);
    expect(env.problems[0]!.where).toMatchObject({ sheet: '表4-2', path: ['项目过程', '组织实施', '组织管理保障性'] });
  });

  it('the same table in a Word report (.docx), level cells merged down (vMerge), named by the paragraph above it: the same findings', async () => {
    const { Document, Packer, Paragraph, Table, TableCell, TableRow } = await import('docx');
    const lines = readFileSync(join(ROOT, 'fixtures/review/xiangyuan/表4-2.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    // 项目过程 spans the 7 indicator rows, 资金管理 3 and 组织实施 4, as the report prints them
    const spans = new Map([['1:0', 7], ['1:1', 3], ['4:1', 4]]);
    const rows = lines.map((cells, r) => new TableRow({ children: cells.flatMap((text, c) => {
      if (r >= 1 && r <= 7 && c <= 1 && !spans.has(`${r}:${c}`)) return [];
      const rowSpan = spans.get(`${r}:${c}`);
      return [new TableCell({ children: [new Paragraph(text)], ...(rowSpan ? { rowSpan } : {}) })];
    }) }));
    const doc = new Document({ sections: [{ children: [new Paragraph('得分 19 分，得分率 95%，具体情况如表 4-2 所示：'), new Paragraph('表 4-2 过程类指标得分情况汇总表'), new Table({ rows })] }] });
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-review-docx-'));
    writeFileSync(join(dir, '报告.docx'), await Packer.toBuffer(doc));
    const { code, env } = await review(['报告.docx'], dir);
    expect(code).toBe(1);
    expect(brief(env.problems)).toEqual([
      ['error', 'rate-mismatch', '报告.docx', 6, '得分率'],
      ['error', 'rate-mismatch', '报告.docx', 8, '得分率'],
    ]);
    expect(env.problems[0]!.where).toMatchObject({ sheet: '表 4-2 过程类指标得分情况汇总表', path: ['项目过程', '组织实施', '组织管理保障性'] });
    // a folder's .docx files are read too; a zip named .docx without a Word document part is refused
    expect((await review(['.'], dir)).env.problems.map((p) => p.code)).toEqual(['rate-mismatch', 'rate-mismatch']);
    const notWord = new ExcelJS.Workbook();
    notWord.addWorksheet('x').addRow(['a']);
    await notWord.xlsx.writeFile(join(dir, '表格.docx'));
    const bad = await review(['表格.docx'], dir);
    expect([bad.code, bad.env.problems.map((p) => p.code), bad.env.problems[0]!.message]).toEqual([2, ['docx-invalid'], '文件扩展名是 .docx，但其中没有 Word 文档的正文（word/document.xml）']);
  });

  it('our own score workbook (附件1 评分表, 表3-2 得分汇总) passes; its other sheets are skipped and said so', async () => {
    const out = mkdtempSync(join(tmpdir(), 'jixiao-own-'));
    expect((await runInProcess(['score', 'fixtures/xiangyuan', '-o', out, '-q'], ROOT)).code).toBe(0);
    const { code, env } = await review([join(out, '评分结果.xlsx')]);
    expect(code).toBe(0);
    expect(env.problems.map((p) => `${p.code} ${p.where.sheet}`)).toEqual(['sheet-skipped 指标数据', 'sheet-skipped 说明', 'sheet-skipped 数据核查', 'sheet-skipped 核查汇总', 'sheet-skipped 问题清单']);
    expect(env.result.tables.map((t) => t.rows)).toEqual([22, 15]);
    expect(new Set(env.problems.map((p) => p.code))).toEqual(new Set(['sheet-skipped']));
    // and our report draft's 表 3-1 and 表 3-2 (its subtotals written 项目决策小计)
    expect((await runInProcess(['report', 'fixtures/xiangyuan', '-o', out, '-q'], ROOT)).code).toBe(0);
    const report = await review([join(out, '评价报告.docx')]);
    expect([report.code, report.env.result.tables.map((t) => [t.rows, t.findings.error, t.findings.warning])]).toEqual([0, [[21, 0, 0], [14, 0, 0]]]);
  });
});

describe('jixiao review across the tables of one report', () => {
  it('the same indicator printed with another score in 表4-2 than in 表3-1 (a name cut short matching the full one)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-review-cross-'));
    writeFileSync(join(dir, '表3-1.csv'), readFileSync(join(ROOT, 'fixtures/review/xiangyuan/表3-1.csv')));
    const t42 = readFileSync(join(ROOT, 'fixtures/review/xiangyuan/表4-2.csv'), 'utf8').replace(',,组织管理保障性,2,2,75.00%', ',,组织管理保障性,2,1.5,75.00%').replace(',组织实施（12分）,财务管理制度健全,2,2,100%', ',组织实施（12分）,财务管理制度健全,2,1,50%');
    writeFileSync(join(dir, '表4-2.csv'), t42);
    const { env } = await review(['.'], dir);
    const t42problems = env.problems.filter((p) => p.where.file === '表4-2.csv');
    expect(t42problems.map((p) => [p.code, p.where.row, p.message])).toEqual([
      ['rate-mismatch', 8, '得分率印作 100.00%，按 得分 4 ÷ 权重 5 应为 80.00%'],
      ['total-mismatch', 9, '合计的得分印作 19，7 项之和为 17.5（2 + 2 + 4 + 1 + 1.5 + 3 + 4）'],
      ['tables-disagree', 5, '「财务管理制度健全性」的得分在 表3-1.csv 第 12 行 印作 2，在 表4-2.csv 第 5 行 印作 1'],
      ['tables-disagree', 6, '「组织管理保障性」的得分在 表3-1.csv 第 13 行 印作 2，在 表4-2.csv 第 6 行 印作 1.5'],
    ]);
  });
});

describe('jixiao review: planted slips, each at its limit', () => {
  const write = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-slips-'));
    writeFileSync(join(dir, 'slips.csv'), text);
    return dir;
  };

  it('rates to the printed decimals: 91.67% and 91.7% are right for 11 ÷ 12, 91.66% and 91.6% are not', async () => {
    const dir = write('一级指标,二级指标,权重,分值,得分率\n甲,a,12,11,91.67%\n,b,12,11,91.7%\n,c,12,11,91.66%\n,d,12,11,91.6%\n,e,3,1,33%\n,f,3,2,0.67\n');
    const { env } = await review(['slips.csv'], dir);
    expect(env.problems.map((p) => [p.where.row, p.found, p.expected])).toEqual([
      [4, '91.66%', '91.67%'],
      [5, '91.6%', '91.7%'],
    ]);
  });

  it('subtotal, total, score above its weight or below 0, the grade; each with printed and recomputed figures', async () => {
    const dir = write(
      [
        '一级指标,二级指标,权重,得分,得分率',
        '决策,立项,10,10,100%',
        ',目标,10,10.5,105%',
        ',小计,20,20.5,102.5%',
        '过程,管理,40,-1,-2.5%',
        ',实施,40,30,75%',
        ',小计,80,30,37.5%',
        '合计,,100,49.5,49.5%',
        '评价等级,中',
      ].join('\n'),
    );
    const { code, env } = await review(['slips.csv'], dir);
    expect(code).toBe(1);
    expect(env.problems.map((p) => [p.code, p.where.row, p.where.column, p.found, p.expected])).toEqual([
      ['score-above-weight', 3, '得分', '10.5', '不高于 10'],
      // the 小计 adds up (10 + 10.5), and is itself above its weight
      ['score-above-weight', 4, '得分', '20.5', '不高于 20'],
      ['score-negative', 5, '得分', '-1', '0 到 40'],
      ['subtotal-mismatch', 7, '得分', '30', '29'],
      ['grade-mismatch', 9, '评价等级', '中', '差'],
    ]);
    expect(env.problems[3]!.message).toBe('小计的得分印作 30，2 项之和为 29（-1 + 30）');
    // at the band's limit: 60 is 中 under the national bands, 59.99 is 差
    const atLimit = write('一级指标,权重,得分\n甲,100,60\n合计,100,60\n评价等级,中\n');
    expect((await review(['slips.csv'], atLimit)).env.problems).toEqual([]);
    const below = write('一级指标,权重,得分\n甲,100,59.99\n合计,100,59.99\n评价等级,中\n');
    expect((await review(['slips.csv'], below)).env.problems.map((p) => p.code)).toEqual(['grade-mismatch']);
    // local bands given with --grades
    const local = await review(['slips.csv', '--grades', '优:85,良:70,合格:59,不合格'], below);
    expect(local.env.problems.map((p) => [p.code, p.expected])).toEqual([['grade-mismatch', '合格']]);
  });

  it('a total that is not the sum of its rows (weight and score)', async () => {
    const dir = write('一级指标,权重,得分\n甲,60,50\n乙,40,30\n合计,90,81\n');
    const { env } = await review(['slips.csv'], dir);
    expect(env.problems.map((p) => p.message)).toEqual(['合计的权重印作 90，2 项之和为 100（60 + 40）', '合计的得分印作 81，2 项之和为 80（50 + 30）']);
  });

  it('full points where the printed actual misses the target, with units and directions (≥, ≤, =); met targets are left alone', async () => {
    const dir = write(
      [
        '一级指标,三级指标,目标值,完成值,权重,得分',
        '产出,帮扶户数,≥45户,29户,10,10',
        ',帮扶户数二,≥45户,45户,10,10',
        ',户均支出,<=5300元/户,5400元/户,10,10',
        ',户均支出二,≤5300元/户,5300元/户,10,10',
        ',培训次数,=8个,7个,10,10',
        ',发放及时率,≥98%,97.9%,10,10',
        ',发放及时率二,≥98%,97.9%,10,9',
        ',宣传,到位,基本到位,10,10',
        ',满意度,90%,91%,10,10',
        ',其他,按时,另行说明,10,10',
      ].join('\n'),
    );
    const { env } = await review(['slips.csv'], dir);
    expect(env.problems.map((p) => [p.code, p.where.row, p.message])).toEqual([
      ['full-despite-miss', 2, '完成值「29户」未达到目标值「≥45户」，却得满分 10 分'],
      ['full-despite-miss', 4, '完成值「5400元/户」未达到目标值「<=5300元/户」，却得满分 10 分'],
      ['full-despite-miss', 6, '完成值「7个」未达到目标值「=8个」，却得满分 10 分'],
      ['full-despite-miss', 7, '完成值「97.9%」未达到目标值「≥98%」，却得满分 10 分'],
      ['full-despite-miss', 9, '完成值「基本到位」未达到目标值「到位」，却得满分 10 分'],
    ]);
    expect(env.problems.every((p) => p.severity === 'warning')).toBe(true);
  });
});

describe('jixiao review: what it cannot read', () => {
  it('a .doc is refused with what to do; a file without a score table says what headers it needs; exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-review-bad-'));
    writeFileSync(join(dir, '报告.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(join(dir, 'roster.csv'), '姓名,已支付金额\n张三,100\n');
    const doc = await review(['报告.doc'], dir);
    expect([doc.code, doc.env.problems.map((p) => [p.code, p.message])]).toEqual([2, [['doc-unsupported', '不能读取旧版 Word（.doc）文件']]]);
    const roster = await review(['roster.csv'], dir);
    expect([roster.code, roster.env.problems.map((p) => p.code)]).toEqual([2, ['header-missing', 'header-missing']]);
    const empty = mkdtempSync(join(tmpdir(), 'jixiao-review-empty-'));
    const none = await review([empty]);
    expect([none.code, none.env.problems.map((p) => p.code)]).toEqual([2, ['score-table-missing', 'folder-empty']]);
    const grades = await runInProcess(['review', 'roster.csv', '--grades', '优:90,良:95,差'], dir);
    expect([grades.code, grades.stderr.trim()]).toEqual([2, '错误 [usage] --grades「优:90,良:95,差」应从高到低写出等级和下限，最后一档不写下限，如 优:90,良:80,中:60,差']);
  });
});

describe('jixiao review: points against the national rules (warnings, with the expected points)', () => {
  const table = [
    '一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,评分标准',
    '产出指标,数量指标,帮扶户数,≥45户,44户,10,10.00,完成的得满分，未完成的按 实际完成值÷指标值×分值 计分',
    '产出指标,数量指标,帮扶人次,≥100人次,80人次,10,8.00,完成率低于60%不得分，(完成率-60%)÷40%×分值',
    '产出指标,质量指标,发放合规率,≥98%,90%,10,9.18,',
    '效益指标,社会效益指标,生活改善,明显改善,部分达成,10,8,',
  ].join('\n');
  const run = async (args: string[] = []) => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-national-'));
    writeFileSync(join(dir, 'form.csv'), table);
    return (await review(['form.csv', ...args], dir)).env.problems;
  };

  it('rows whose 评分标准 states a rule are checked by it, others not; a full score despite a miss is said once, with what it should be', async () => {
    const ps = await run();
    expect(ps.map((p) => [p.code, p.where.row, p.found, p.expected])).toEqual([
      ['national-rule-mismatch', 2, '10.00', '9.78'],
      ['national-rule-mismatch', 3, '8.00', '5.00'],
    ]);
    expect(ps[0]!.message).toBe('得分印作 10.00，按 2020 年规则（财预〔2020〕10号）应为 9.78 分：完成值 44户，目标 ≥45户，完成率 97.78%，按 完成值 ÷ 目标值 × 10 计 9.78 分');
    expect(ps[1]!.message).toBe('得分印作 8.00，按 2021 年规则（财预〔2021〕101号）应为 5.00 分：完成值 80人次，目标 ≥100人次，完成率 80%，按 (完成率 − 60%) ÷ 40% × 10 计 5 分');
  });

  it('--rule checks every row by the rule given: 2020 passes 8 of 10 for 80%, not 8 for 部分达成; 2021 wants 7.96 for 90% of 98%', async () => {
    expect((await run(['--rule', '2020'])).map((p) => [p.code, p.where.row, p.expected])).toEqual([
      ['national-rule-mismatch', 2, '9.78'],
      ['national-rule-mismatch', 5, '6-8 分（不含 8）'],
    ]);
    expect((await run(['--rule', '2021'])).map((p) => [p.code, p.where.row, p.expected])).toEqual([
      ['national-rule-mismatch', 2, '9.44'],
      ['national-rule-mismatch', 3, '5.00'],
      ['national-rule-mismatch', 4, '7.96'],
    ]);
  });

  it('--rule other than 2020 or 2021 is a usage error (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-national-'));
    writeFileSync(join(dir, 'form.csv'), table);
    const r = await review(['form.csv', '--rule', '2019'], dir);
    expect([r.code, r.env.problems.map((p) => [p.code, p.message])]).toEqual([2, [['usage', '--rule「2019」应为 2020 或 2021']]]);
  });
});
