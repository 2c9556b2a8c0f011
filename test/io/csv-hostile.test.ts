// CSV as careless and hostile files come: stray quotes, mixed line endings, NUL
// bytes, UTF-32, a line of commas, duplicate headers. Each is read right or
// reported with its line; none crashes or silently drops data.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readError, readFixture, roster, rowProblems } from '../helpers/read.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-csv-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const HEAD = '序号,姓名,工作单位,帮扶金额,已支付金额,帮扶项目';

describe('read right', () => {
  it('a quote inside an unquoted cell is text, as Excel reads it', async () => {
    const path = file('quote.csv', `${HEAD}\n1,刘勇,山西"三晋"公司,3000,3000,生活救助\n2,胡占华,"山西""三晋""公司",1500,1500,医疗救助\n`);
    const { records, problems } = await readFixture('quote.csv', undefined, {}, path);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.value.unit)).toEqual(['山西"三晋"公司', '山西"三晋"公司']);
  });

  it('mixed CRLF and LF line endings: every one of 20 rows, no line break inside a cell', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `${i + 1},职工${i + 1},供销机械厂,${1000 + i},${1000 + i},生活救助`);
    const body = lines.map((l, i) => `${l}${i < 5 || i % 3 === 0 ? '\r\n' : '\n'}`).join('');
    const path = file('mixed.csv', `${HEAD}\r\n${body}`);
    const { records, problems } = await readFixture('mixed.csv', undefined, {}, path);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(20);
    expect(roster(records).at(-1)).toEqual([21, '职工20', '1019', '1019', '生活救助']);
    expect(records.every((r) => !/[\r\n]/.test(r.value.name))).toBe(true);
  });

  it('duplicate headers are a warning naming both columns; the first is read', async () => {
    const path = file('dup.csv', `序号,姓名,身份证号码,身份证号,工作单位,帮扶金额,已支付金额,帮扶项目,姓名\n1,刘勇,140423199001011234,,供销机械厂,3000,3000,生活救助,刘永\n`);
    const { records, problems } = await readFixture('dup.csv', undefined, {}, path);
    expect(records.map((r) => [r.value.name, r.value.idNumber])).toEqual([['刘勇', '140423199001011234']]);
    expect(rowProblems(problems)).toEqual([
      [1, '身份证号', 'header-duplicate'],
      [1, '姓名', 'header-duplicate'],
    ]);
    expect(problems.map((p) => [p.severity, p.message])).toEqual([
      ['warning', '「身份证号码」列（C 列）和「身份证号」列（D 列）都表示身份证号，只读取了前一列'],
      ['warning', '「姓名」列（B 列）和「姓名」列（I 列）都表示姓名，只读取了前一列'],
    ]);
  });
});

describe('reported with the line', () => {
  it('a NUL byte deep in a UTF-8 file (past the first read)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i + 1},职工${i},供销机械厂,1000,1000,生活救助`);
    rows[2499] = `2500,职工\0,供销机械厂,1000,1000,生活救助`;
    const path = file('nul-deep.csv', `${HEAD}\n${rows.join('\n')}\n`);
    const p = await readError('nul-deep.csv', {}, path);
    expect([p.code, p.message]).toEqual(['file-binary', '第 2501 行（文本行）含有 NUL 字节（\\0），不是文本文件该有的内容']);
  });

  it('a NUL byte in a GB18030 file', async () => {
    const { gb18030Encoder } = await import('../../scripts/gb18030-encoder.mjs');
    const rows = Array.from({ length: 30000 }, (_, i) => `${i + 1},职工${i},供销机械厂,1000,1000,生活救助`);
    rows[29000] = `29001,职工\0,供销机械厂,1000,1000,生活救助`;
    const path = file('nul-gb.csv', Buffer.from(gb18030Encoder().encode(`${HEAD}\n${rows.join('\n')}\n`)));
    const p = await readError('nul-gb.csv', { encoding: 'gb18030' }, path);
    expect([p.code, p.message]).toEqual(['file-binary', '第 29002 行（文本行）含有 NUL 字节（\\0），不是文本文件该有的内容']);
  });

  it('UTF-32 with its BOM, in either byte order', async () => {
    for (const bom of [Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from([0, 0, 0xfe, 0xff])]) {
      const path = file('u32.csv', Buffer.concat([bom, Buffer.from('姓\0\0\0')]));
      const p = await readError('u32.csv', {}, path);
      expect([p.code, p.where.row]).toEqual(['encoding-unsupported', 1]);
      expect(p.message).toContain('UTF-32');
    }
  });

  it('a line of commas: more cells than a sheet has columns', async () => {
    const path = file('commas.csv', `${HEAD}\n1,刘勇,供销机械厂,3000,3000,生活救助\n${','.repeat(2_000_000)}\n`);
    const p = await readError('commas.csv', {}, path);
    expect([p.code, p.where.row, p.message]).toEqual(['csv-too-many-cells', 3, '第 3 行有 2000001 个单元格，超过 Excel 的最大列数 16384']);
  });
});
