// Writing workbooks so that the same content gives the same bytes on every run,
// and never half a file: fixed document dates, fixed zip entry dates, write to a
// temporary file then rename.
import { createRequire } from 'node:module';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type ExcelJS from 'exceljs';
import { maskPii } from '../problems/pii-mask.js';
import { inputError } from '../problems/problem.js';
import { checkOutputName, makeFolder } from './output-path.js';
import { registerTemp, releaseTemp, removeStaleTemps, tempPathFor } from './temp-files.js';

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

/** A failed write as the user reads it: the disk full, or the file held open (by Excel). */
function unwritable(e: unknown, shown: string): Error {
  const full = (e as NodeJS.ErrnoException).code === 'ENOSPC';
  return inputError('output-unwritable', full ? '磁盘空间不足，无法写入输出文件' : '无法写入输出文件（文件可能正在 Excel 中打开）', { file: shown }, { hint: full ? '清理磁盘或换一个输出目录后重试' : '关闭该文件或换一个输出目录后重试' });
}

/**
 * Writes through `write` into a temporary file next to `path`, then renames it: the
 * output appears whole or not at all. A file system failure becomes a message; any
 * other error (a bug in `write`) is passed on as it is.
 */
export async function writeAtomically(path: string, shown: string, write: (tmp: string) => Promise<void>): Promise<void> {
  checkOutputName(path, shown);
  await makeFolder(dirname(path), dirname(shown));
  await removeStaleTemps(dirname(path));
  const tmp = tempPathFor(path);
  registerTemp(tmp);
  try {
    await write(tmp);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    if ((e as NodeJS.ErrnoException).code === undefined) throw e;
    throw unwritable(e, shown);
  } finally {
    releaseTemp(tmp);
  }
}

export async function writeFileAtomic(path: string, data: Uint8Array | string, shown = path): Promise<void> {
  await writeAtomically(path, shown, (tmp) => writeFile(tmp, data));
}

/** Personal numbers in any text cell of any sheet masked: whatever a writer put there, no full ID leaves unasked. */
function maskCells(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') {
          const masked = maskPii(cell.value);
          if (masked !== cell.value) cell.value = masked;
        }
      }),
    ),
  );
}

export async function writeWorkbook(workbook: ExcelJS.Workbook, path: string, shown = path, showPii = false): Promise<void> {
  stampWorkbook(workbook);
  if (!showPii) maskCells(workbook);
  const buffer = await workbook.xlsx.writeBuffer();
  await writeFileAtomic(path, new Uint8Array(buffer as ArrayBuffer), shown);
}
