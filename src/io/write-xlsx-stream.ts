// Large sheets through exceljs's streaming writer (a row is written when committed,
// so 100k findings never sit in memory as cell objects), with the guarantees of
// write-xlsx.ts: the same content gives the same bytes, the file appears whole or
// not at all, and no full personal number is written unless asked.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import ExcelJSModule from './exceljs.js';
import { maskPii } from '../problems/pii-mask.js';
import { FIXED_DATE, writeAtomically } from './write-xlsx.js';

// The streaming writer zips with archiver, which stamps each entry with the time it is
// added (from the writer's constructor on, so no instance can be patched in time): the
// archiver that exceljs loads gets a fixed default date, as jszip does in write-xlsx.ts.
const requireHere = createRequire(import.meta.url);
const archiverCore = createRequire(requireHere.resolve('exceljs'))('archiver/lib/core.js') as {
  prototype: { append(source: unknown, data: Record<string, unknown>): unknown };
};
const append = archiverCore.prototype.append;
archiverCore.prototype.append = function appendAtFixedDate(this: unknown, source: unknown, data: Record<string, unknown>) {
  return append.call(this, source, { date: FIXED_DATE, ...data });
};

export type StreamWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;

/** Commits a finished row of a streamed sheet, its text cells masked unless --show-pii. */
export function rowCommitter(showPii: boolean): (row: ExcelJS.Row) => void {
  return (row) => {
    if (!showPii) {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') {
          const masked = maskPii(cell.value);
          if (masked !== cell.value) cell.value = masked;
        }
      });
    }
    row.commit();
  };
}

/**
 * Builds a workbook row by row into a temporary file next to `path`, then renames it.
 * `build` adds the sheets, commits each row through `commit` and each sheet when done.
 */
export async function writeStreamedWorkbook(
  path: string,
  shown: string,
  showPii: boolean,
  build: (wb: StreamWorkbook, commit: (row: ExcelJS.Row) => void) => Promise<void> | void,
): Promise<void> {
  await writeAtomically(path, shown, async (tmp) => {
    const wb = new ExcelJSModule.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
    wb.creator = 'jixiao';
    wb.lastModifiedBy = 'jixiao';
    wb.created = FIXED_DATE;
    wb.modified = FIXED_DATE;
    await build(wb, rowCommitter(showPii));
    await wb.commit();
  });
}
