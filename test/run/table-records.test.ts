// readRecords, the step every input kind goes through: 合计/小计 checks exact at any
// size and in 万元, which rows reset which sums, the cells of unrecognised columns,
// and how a refused cell is reported (also for a schema's own non-custom issue).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BUDGET_KIND } from '../../src/schema/budget.js';
import { ROSTER_KIND } from '../../src/schema/roster.js';
import type { InputKind } from '../../src/schema/input-kind.js';
import { foundOf } from '../../src/schema/pii.js';
import { readAs } from '../helpers/read-kind.js';

const totals = (problems: { code: string; message: string; where: { row?: number; column?: string }; expected?: string; found?: string }[]) =>
  problems.map((p) => [p.message, p.where.row, p.where.column, p.expected, p.found]);

describe('合计 and 小计 rows', () => {
  it('sums stay exact to the fen far beyond 2^53 fen (eleven amounts of almost 10 trillion yuan)', async () => {
    const rows = Array.from({ length: 11 }, (_, i) => `职工${i},9999999999999.99,生活救助`).join('\n');
    const right = await readAs(ROSTER_KIND, `姓名,已支付金额,帮扶项目\n${rows}\n合计,109999999999999.89,\n`);
    expect(right.problems).toEqual([]);
    const off = await readAs(ROSTER_KIND, `姓名,已支付金额,帮扶项目\n${rows}\n合计,109999999999999.88,\n`);
    expect(totals(off.problems)).toEqual([['合计行的数与明细之和不符', 13, '已支付金额', '109999999999999.89', '109999999999999.88']]);
  });

  it('a 万元 column is summed in 万元 (a cell saying 元 is yuan), and its 合计 read the same way', async () => {
    const ok = await readAs(BUDGET_KIND, '年度,下达金额（万元）,到位金额,支出金额\n2021,1.5,100,100\n2022,2,100,100\n合计,3.5,200,200\n');
    expect(ok.problems).toEqual([]);
    const yuanCell = await readAs(BUDGET_KIND, '年度,下达金额（万元）,到位金额,支出金额\n2021,1.5,100,100\n2022,5000元,100,100\n合计,2,200,200\n');
    expect(yuanCell.problems).toEqual([]);
    const off = await readAs(BUDGET_KIND, '年度,下达金额（万元）,到位金额,支出金额\n2021,1.5,100,100\n2022,2,100,100\n合计,3.6,200,200\n');
    expect(totals(off.problems)).toEqual([['合计行的数与明细之和不符', 4, '下达金额（万元）', '35000.00', '36000.00']]);
  });

  it('a blank cell of a 合计 row is not checked; a 序号 on it is not summed', async () => {
    const { problems } = await readAs(ROSTER_KIND, '序号,姓名,帮扶金额,已支付金额,帮扶项目\n1,甲,100,100,生活救助\n2,乙,100,100,生活救助\n2,合计,,200,\n');
    expect(problems).toEqual([]);
  });

  it('小计 sums the rows since the last 小计 (a spaced 小 计 too); 合计 the whole table and resets nothing', async () => {
    const csv = [
      '姓名,已支付金额,帮扶项目',
      '甲,100,生活救助',
      '小 计,100,',
      '乙,50,生活救助',
      '合计,150,',
      '丙,20,生活救助',
      '小计,70,',
    ].join('\n');
    const { problems } = await readAs(ROSTER_KIND, `${csv}\n`);
    expect(problems).toEqual([]);
    const wrong = await readAs(ROSTER_KIND, '姓名,已支付金额,帮扶项目\n甲,100,生活救助\n小计,100,\n乙,50,生活救助\n小计,150,\n');
    expect(totals(wrong.problems)).toEqual([['小计行的数与明细之和不符', 5, '已支付金额', '50.00', '150.00']]);
  });

  it('only the first three cells say whether a row is a 小计: a remark saying 小计 on a 合计 row does not', async () => {
    const { problems } = await readAs(ROSTER_KIND, '姓名,已支付金额,帮扶项目,备注\n甲,100,生活救助,\n小计,100,,\n乙,50,生活救助,\n合计,150,,含各小计\n');
    expect(problems).toEqual([]);
  });
});

describe('rows', () => {
  it('the non-empty cells of unrecognised columns come with each record, by header; none when all are blank', async () => {
    const { extras, problems } = await readAs(ROSTER_KIND, '姓名,已支付金额,帮扶项目,联系电话,住址\n甲,100,生活救助, 138 ,\n乙,100,生活救助,,\n');
    expect(problems).toEqual([]);
    expect(extras).toEqual([{ 联系电话: '138' }, undefined]);
  });

  it('a refused cell is an error on its row and column, with what was there (trimmed) or 空; an ID masked', async () => {
    const { problems } = await readAs(ROSTER_KIND, '姓名,已支付金额,帮扶项目,身份证号\n甲, abc ,生活救助,\n乙,,生活救助,\n丙,1,生活救助,14042319900101123\n');
    expect(problems.map((p) => [p.severity, p.code, p.where.row, p.where.column, p.found, p.foundFull])).toEqual([
      ['error', 'roster-row-invalid', 2, '已支付金额', 'abc', undefined],
      ['error', 'roster-row-invalid', 3, '已支付金额', '空', undefined],
      ['error', 'roster-row-invalid', 4, '身份证号', '1404*********1123', '14042319900101123'],
    ]);
  });

  it('a refused bank number would be masked like an ID (no converter refuses one today)', () => {
    expect(foundOf('bank_account', '6222020200112233445')).toEqual({ found: '6222***********3445', foundFull: '6222020200112233445' });
    expect(foundOf('name', '刘勇')).toEqual({ found: '刘勇' });
  });

  it('in an XLSX: a row ending before the last columns has them blank; problems name the sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2021年');
    ws.addRow(['姓名', '已支付金额', '帮扶项目', '性别', '备注']);
    ws.addRow(['甲', 100, '生活救助']);
    ws.addRow(['乙', 'x', '生活救助', '女', '补发']);
    const file = join(mkdtempSync(join(tmpdir(), 'jixiao-tr-')), 'r.xlsx');
    await wb.xlsx.writeFile(file);
    const { records, extras, problems } = await readAs(ROSTER_KIND, '', file);
    expect(records).toEqual([expect.not.objectContaining({ gender: expect.anything() })]);
    expect(extras).toEqual([undefined]);
    expect(problems.map((p) => [p.where.file, p.where.sheet, p.where.row, p.where.column])).toEqual([['t.xlsx', '2021年', 3, '已支付金额']]);
  });

  it('an issue a schema raises without a message of ours reads 取值无效, never zod’s English', async () => {
    const kind: InputKind<{ name: string }> = {
      kind: 'names',
      label: '名单',
      fields: [{ field: 'name', aliases: ['姓名'], required: true }],
      schemaFor: () => z.object({ name: z.string().min(3) }),
    };
    const { problems, records } = await readAs(kind, '姓名\n张三丰\n李四\n');
    expect(records).toEqual([{ name: '张三丰' }]);
    expect(problems.map((p) => [p.code, p.where.row, p.where.column, p.message, p.found])).toEqual([['names-row-invalid', 3, '姓名', '取值无效', '李四']]);
  });
});
