// The input layer on fixtures/messy (made by scripts/make-messy-fixtures.mjs):
// the exact records read and the exact problems reported, as [row, column, code].
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET_KIND } from '../../src/schema/budget.js';
import { ROOT } from '../helpers/fixture-copy.js';
import { readError, readFixture, roster, rowProblems } from '../helpers/read.js';

const THREE = [
  [2, '刘勇', '6664', '6664', '生活救助'],
  [3, '张慧斌', '6664', '6664', '生活救助'],
  [4, '郝旭晨', '7000', '7000', '医疗救助'],
];

describe('encodings and delimiters', () => {
  it.each(['utf8-bom.csv', 'gb18030.csv', 'tab.csv', 'semicolon.csv'])('%s reads the same three records', async (file) => {
    const { records, problems } = await readFixture(file);
    expect(problems).toEqual([]);
    expect(roster(records)).toEqual(THREE);
  });

  it('refuses a forced encoding the bytes do not fit', async () => {
    const p = await readError('gb18030.csv', { encoding: 'utf-8' });
    expect(p.code).toBe('encoding-mismatch');
    expect(p.message).toBe('第 1 行附近有不是 utf-8 编码的字节');
  });

  it('reads Chinese text split across read chunks, and finds a bad byte deep in a UTF-8 file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-utf8-'));
    // 4,000 rows of 3-byte characters: many characters straddle the 64 KiB reads
    const lines = ['序号,姓名,已支付金额,帮扶项目'];
    for (let i = 1; i <= 4000; i += 1) lines.push(`${i},${'王李张刘陈'[i % 5]}伟芳${'娜'.repeat(i % 7)},6664,生活救助`);
    const good = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    writeFileSync(join(dir, 'good.csv'), good);
    const { records, problems } = await readFixture('good.csv', undefined, {}, join(dir, 'good.csv'));
    expect(problems).toEqual([]);
    expect(records).toHaveLength(4000);
    expect(roster(records)[3999]).toEqual([4001, '王伟芳娜娜娜', '6664', '6664', '生活救助']);
    // a lone GB18030 lead byte in line 3000 (of 4001)
    const at = good.indexOf(Buffer.from('\n3000,')) + 6;
    writeFileSync(join(dir, 'bad.csv'), Buffer.concat([good.subarray(0, at), Buffer.from([0xcd]), good.subarray(at)]));
    const p = await readError('bad.csv', {}, join(dir, 'bad.csv'));
    expect(p.code).toBe('encoding-mismatch');
    // the header is line 1, so the row numbered 3000 is on line 3001
    expect(p.message).toBe('第 3001 行附近有不是 utf-8 编码的字节');
  });
});

describe('finding the table', () => {
  it('skips title rows, blank rows, repeated headers and notes; reads messy headers and values; checks the total', async () => {
    const { records, problems, tables } = await readFixture('messy-headers.csv');
    expect(tables).toEqual([{ title: '表1-1 2020年困难职工帮扶资金汇总表', headerRows: [4] }]);
    expect(roster(records)).toEqual([
      [5, '刘勇', '6664', '6664', '生活救助'],
      [6, '张慧斌', '6664', '6664', '生活救助'],
      [10, '王金明', '-100', '0', '生活救助'],
    ]);
    expect(records[0]?.value.nameOriginal).toBe('刘　勇');
    expect(rowProblems(problems)).toEqual([
      [9, '已支付金额（元）', 'roster-row-invalid'],
      [11, '帮扶金额（元）', 'total-mismatch'],
      [11, '已支付金额（元）', 'total-mismatch'],
    ]);
    expect(problems[0]).toMatchObject({ message: '不是金额', found: '六千' });
    expect(problems[1]).toMatchObject({ expected: '19892.00', found: '20000.00' });
  });

  it('keeps the cells of unrecognised columns with each record, by header', async () => {
    const { records, problems } = await readFixture('extra-columns.csv');
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.row, r.value.name, r.extra])).toEqual([
      [2, '刘勇', { 联系电话: '13800000000', 家庭住址: '襄垣县古韩镇' }],
      [3, '张慧斌', undefined],
    ]);
  });

  it('applies a unit given in the header', async () => {
    const { records, problems } = await readFixture('wan-yuan.csv');
    expect(problems).toEqual([]);
    expect(roster(records)).toEqual([[2, '刘勇', '6664', '6664', '生活救助']]);
  });

  it('reads tables stacked in one sheet, each with its title', async () => {
    const { records, problems, tables } = await readFixture('stacked.csv');
    expect(problems).toEqual([]);
    expect(tables).toEqual([
      { title: '表1-2 2021年困难职工帮扶资金汇总表', headerRows: [2] },
      { title: '表1-3 2022年困难职工帮扶资金汇总表', headerRows: [8] },
    ]);
    expect(records.map((r) => [r.row, r.value.name])).toEqual([
      [3, '胡占华'],
      [4, '刘勇'],
      [9, '胡占华'],
    ]);
  });

  it('reads an XLSX with a merged title, a two-row merged header, formulas, rich text and dates', async () => {
    const { records, problems, tables } = await readFixture('merged-header.xlsx');
    expect(problems).toEqual([]);
    expect(tables).toEqual([{ title: '表1-1 2020年困难职工帮扶资金汇总表', sheet: '2020年', headerRows: [2, 3] }]);
    expect(roster(records)).toEqual([
      [4, '刘勇', '6664', '6664', '生活救助'],
      [5, '张慧斌', '6664', '6664', '生活救助'],
      [6, '郝旭晨', '7000', '7000', '医疗救助'],
    ]);
    expect(records.map((r) => r.value.date)).toEqual(['2020-09-28', '2020-09-29', '2020-09-30']);
  });

  it('reads a sheet by name or index, and says which sheets exist', async () => {
    expect((await readFixture('merged-header.xlsx', undefined, { sheet: '2020年' })).records).toHaveLength(3);
    const p = await readFixture('merged-header.xlsx', undefined, { sheet: 3 }).catch((e: { problems: unknown[] }) => e.problems[0]);
    expect(p).toMatchObject({ code: 'sheet-missing', expected: '2020年、说明' });
  });

  it('reads an .xlsx saved under a .csv name by its bytes', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jixiao-')), 'roster.csv');
    copyFileSync(join(ROOT, 'fixtures/messy/merged-header.xlsx'), path);
    expect((await readFixture('roster.csv', undefined, {}, path)).records).toHaveLength(3);
  });

  it('names a missing required column with the headers found and the closest one', async () => {
    const { problems } = await readFixture('missing-column.csv');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'header-missing',
      message: '找不到花名册的必需列「已支付金额」',
      found: '姓名、工作单位、金额、帮扶项目',
      hint: '表头「金额」是否就是「已支付金额」？把表头改为上列名称之一，或在 evaluation.yaml 的 header_aliases 中加入别名',
    });
  });

  it('reads a budget table and checks its total', async () => {
    const { records, problems } = await readFixture('budget.csv', BUDGET_KIND);
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.row, r.value.year, String(r.value.planned), String(r.value.spent)])).toEqual([[2, '2022', '15000', '15000']]);
  });
});

describe('personal data', () => {
  it('keeps ID numbers exact and shows a malformed one masked', async () => {
    const { records, problems } = await readFixture('ids.csv');
    expect(records.map((r) => r.value.idNumber)).toEqual(['140423199001011234', '14042319900101123X']);
    expect(rowProblems(problems)).toEqual([[3, '身份证号码', 'roster-row-invalid']]);
    expect(problems[0]?.found).toBe('1404*********1123');
  });
});

describe('unreadable input: a clear error naming the file', () => {
  it.each([
    ['empty.csv', 'file-empty', '文件是空的'],
    ['nul.csv', 'file-binary', '文件第 3 行（文本行）含有 NUL 字节，不是文本（CSV）文件'],
    ['not-a-zip.xlsx', 'xlsx-invalid', '文件扩展名是 .xlsx，但内容不是 xlsx（不是 zip 格式）'],
    ['truncated.xlsx', 'xlsx-invalid', '无法打开 .xlsx 文件（zip 结构损坏）'],
    ['legacy.xls', 'xls-legacy', '这是旧版 Excel（.xls）或 WPS（.et）文件，无法直接读取'],
    ['encrypted.xlsx', 'xlsx-encrypted', '工作簿设置了打开密码（已加密），无法读取'],
    ['unbalanced-quote.csv', 'csv-quote-not-closed', '从第 2 行（文本行）开始的引号没有闭合，后面的内容都被当作一个单元格'],
  ])('%s', async (file, code, message) => {
    const p = await readError(file);
    expect([p.code, p.message, p.where.file]).toEqual([code, message, file]);
  });

  it('a 10 MB cell', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jixiao-')), 'huge.csv');
    writeFileSync(path, `姓名,已支付金额,帮扶项目\n刘勇,6664,${'很'.repeat(10 * 1024 * 1024 / 3)}\n`);
    const p = await readError('huge.csv', {}, path);
    expect([p.code, p.message]).toEqual(['csv-record-too-large', '从第 2 行（文本行）开始的记录超过 1000000 个字符']);
  });
});
