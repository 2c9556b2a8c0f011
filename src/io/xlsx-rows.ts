// XLSX sheets as streams of rows, read by our own reader: the zip by its central
// directory (yauzl), each part through saxes. exceljs's streaming reader is not
// used: it loses shared strings stored after the sheets (its #683), drops sheets
// at random in multi-sheet files, and splits Chinese characters across chunks.
import { inputError, InputError } from '../problems/problem.js';
import type { CellRange } from './cell-range.js';
import { limitsWith, type InputLimits } from './limits.js';
import type { RawRow } from './raw-table.js';
import type { SheetSelector, SheetSource } from './sheet-source.js';
import { scanMerges } from './xlsx-merges.js';
import { sheetRows, type SheetContext } from './xlsx-sheet-rows.js';
import { readDateStyles, readSharedStrings, readWorkbookIndex, type WorkbookSheet } from './xlsx-workbook.js';
import { ZipArchive } from './zip-archive.js';

function wrap(e: unknown, display: string, sheet?: string): InputError {
  if (e instanceof InputError) {
    // a limit met while opening a sheet's part is located at that sheet
    return sheet ? new InputError(e.problems.map((p) => (p.where.sheet ? p : { ...p, where: { ...p.where, sheet } }))) : e;
  }
  const message = (e as Error)?.message ?? String(e);
  // zlib's and yauzl's words for damaged compressed data
  const damaged = /Z_DATA_ERROR|Z_BUF_ERROR|invalid|incorrect|too many bytes|unexpected end|crc32|signature/i.test(`${(e as { code?: string })?.code ?? ''} ${message}`);
  return inputError('xlsx-invalid', damaged ? `工作簿的压缩数据已损坏（${message}）` : `读取 .xlsx 失败：${message}`, { file: display, ...(sheet ? { sheet } : {}) }, { hint: '确认文件完整；可在 Excel 或 WPS 中打开后重新另存为 .xlsx' });
}

export async function* xlsxSheets(path: string, display: string, select: SheetSelector = 1, limits: InputLimits = limitsWith()): AsyncGenerator<SheetSource> {
  let zip: ZipArchive;
  try {
    zip = await ZipArchive.open(path, display, limits);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw inputError('xlsx-invalid', '无法打开 .xlsx 文件（zip 结构损坏）', { file: display }, { hint: '确认文件完整；可在 Excel 中打开后重新另存为 .xlsx' });
  }
  try {
    let context: SheetContext;
    let sheets: WorkbookSheet[];
    try {
      const index = await readWorkbookIndex(zip, display);
      const names = index.sheets.map((s) => s.name);
      sheets = index.sheets.filter((s, i) => select === '*' || select === s.name || select === i + 1);
      if (select !== '*' && sheets.length === 0) {
        throw inputError('sheet-missing', `找不到工作表 ${String(select)}`, { file: display }, { expected: names.join('、') || '（没有工作表）' });
      }
      const [sharedStrings, dateStyles] = sheets.length > 0 ? await Promise.all([readSharedStrings(zip, index.sharedStringsPart, display, limits), readDateStyles(zip, index.stylesPart, display)]) : [[], []];
      context = { sharedStrings, dateStyles, date1904: index.date1904 };
    } catch (e) {
      throw wrap(e, display);
    }
    for (const sheet of sheets) {
      const merges: CellRange[] = [];
      let opened;
      try {
        const [rowsStream, mergeStream] = await Promise.all([zip.stream(sheet.part), zip.stream(sheet.part)]);
        opened = { rowsStream, scan: mergeStream ? scanMerges(mergeStream, limits.merges).catch((): CellRange[] => []) : Promise.resolve([]) };
      } catch (e) {
        throw wrap(e, display, sheet.name);
      }
      const where = { file: display, sheet: sheet.name };
      const { rowsStream, scan } = opened;
      async function* rows(): AsyncGenerator<RawRow[]> {
        // the ranges are filled in before the first rows reach the table locator
        merges.push(...(await scan));
        if (!rowsStream) return;
        try {
          yield* sheetRows(rowsStream, context, where, sheet.part);
        } catch (e) {
          throw wrap(e, display, sheet.name);
        } finally {
          rowsStream.destroy();
        }
      }
      yield { file: display, sheet: sheet.name, merges, rows: rows() };
    }
  } finally {
    zip.close();
  }
}
