// Writing workbooks so that the same content gives the same bytes on every run,
// and never half a file: fixed document dates, fixed zip entry dates, write to a
// temporary file then rename.
import { createRequire } from 'node:module';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type ExcelJS from 'exceljs';
import { inputError } from '../problems/problem.js';

export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

// The in-memory writer zips with the jszip that exceljs itself loads: fix the
// entry date on that very instance (zip entries otherwise carry the time of writing).
const requireHere = createRequire(import.meta.url);
const jszip = createRequire(requireHere.resolve('exceljs'))('jszip') as { defaults: { date: Date | null } };
jszip.defaults.date = FIXED_DATE;

export function stampWorkbook(workbook: ExcelJS.Workbook): void {
  workbook.creator = 'jixiao';
  workbook.lastModifiedBy = 'jixiao';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
}

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch {
    throw inputError('output-unwritable', '无法创建输出目录', { file: dirname(path) }, { hint: '检查 -o/--out 指定的目录是否可写' });
  }
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch {
    await rm(tmp, { force: true });
    throw inputError('output-unwritable', '无法写入输出文件（文件可能正在 Excel 中打开）', { file: path }, { hint: '关闭该文件或换一个输出目录后重试' });
  }
}

export async function writeWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  stampWorkbook(workbook);
  const buffer = await workbook.xlsx.writeBuffer();
  await writeFileAtomic(path, new Uint8Array(buffer as ArrayBuffer));
}
