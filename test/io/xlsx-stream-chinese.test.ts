// exceljs 4.4.0's streaming reader turns a Chinese character split across two
// compressed-stream chunks into U+FFFD (why we read XLSX ourselves). Our reader
// must read every name of a large sheet, written by exceljs, back identical.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../src/io/exceljs.js';
import { xlsxSheets } from '../../src/io/xlsx-rows.js';

const ROWS = 30_000;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰凤慧斌旭晨昇弘';
const UNITS = ['襄垣县弘昇电力有限公司', '供销机械厂', '襄矿集团顺达物流有限公司', '襄垣县红旗切脱机厂', '襄垣县泰瑞达供热公司', '土产日杂公司'];

/** Deterministic names: the same every run. */
function rowAt(i: number): [string, string, string] {
  const a = SURNAMES[i % SURNAMES.length] ?? '王';
  const b = GIVEN[(i * 7) % GIVEN.length] ?? '伟';
  const c = GIVEN[(i * 13 + 5) % GIVEN.length] ?? '芳';
  return [`${a}${b}${c}`, UNITS[i % UNITS.length] ?? '', `${a}${b}${c}${UNITS[(i * 3) % UNITS.length]}困难职工生活救助`];
}

async function writeSheet(path: string, useSharedStrings: boolean): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings, useStyles: false });
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['姓名', '工作单位', '备注']).commit();
  for (let i = 0; i < ROWS; i += 1) ws.addRow(rowAt(i)).commit();
  ws.commit();
  await wb.commit();
}

async function readAll(path: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const sheet of xlsxSheets(path, 'x.xlsx')) for await (const batch of sheet.rows) for (const row of batch) out.push(row.cells);
  return out;
}

describe('streaming XLSX reader keeps every Chinese character', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-zh-'));
  const shared = join(dir, 'shared.xlsx');
  const inline = join(dir, 'inline.xlsx');

  beforeAll(async () => {
    await writeSheet(shared, true);
    await writeSheet(inline, false);
  });

  it.each([
    ['shared strings', shared],
    ['inline strings', inline],
  ])('reads %s back identical', async (_label, path) => {
    const rows = await readAll(path);
    expect(rows).toHaveLength(ROWS + 1);
    const wrong = rows.slice(1).filter((cells, i) => cells.join('|') !== rowAt(i).join('|'));
    expect(wrong).toEqual([]);
    expect(rows.some((cells) => cells.join('').includes('\uFFFD'))).toBe(false);
  });
});
