// XLSX sheets to raw tables (the in-memory reader; large rosters get the
// streaming path of issue 3). Legacy .xls and WPS .et files are refused by their bytes.
import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { inputError } from '../problems/problem.js';
import { cellText } from './cell-text.js';
import type { RawRow, RawTable } from './raw-table.js';

async function magic(path: string, display: string): Promise<Buffer> {
  try {
    const handle = await open(path, 'r');
    try {
      const buf = Buffer.alloc(8);
      await handle.read(buf, 0, 8, 0);
      return buf;
    } finally {
      await handle.close();
    }
  } catch {
    throw inputError('file-unreadable', '无法读取文件', { file: display }, { hint: '检查路径是否正确、文件是否存在' });
  }
}

export async function readXlsxTable(path: string, display: string, sheet?: string | number): Promise<RawTable> {
  const head = await magic(path, display);
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw inputError('xls-legacy', '这是旧版 Excel（.xls）或 WPS（.et）文件，无法直接读取', { file: display }, { hint: '在 Excel 或 WPS 中另存为 .xlsx 后再试' });
  }
  if (head[0] !== 0x50 || head[1] !== 0x4b) {
    throw inputError('xlsx-invalid', '文件不是有效的 .xlsx（不是 zip 格式）', { file: display }, { hint: '确认文件没有损坏，且扩展名与内容一致' });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch {
    throw inputError('xlsx-invalid', '无法打开 .xlsx 文件（可能已损坏或加密）', { file: display });
  }
  const ws =
    sheet === undefined ? workbook.worksheets[0] : typeof sheet === 'number' ? workbook.worksheets[sheet - 1] : workbook.getWorksheet(sheet);
  if (!ws) {
    throw inputError('sheet-missing', `找不到工作表 ${sheet === undefined ? '' : String(sheet)}`, { file: display }, {
      expected: workbook.worksheets.map((w) => w.name).join('、'),
    });
  }
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => {
      // a merged range's other cells repeat the master value: keep it once
      cells[col - 1] = c.isMerged && c.master !== c ? '' : cellText(c.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return { file: display, sheet: ws.name, rows };
}
