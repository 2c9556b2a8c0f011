// Any input file to its sheets, by what its bytes are, not by its name:
// a .csv that is really an .xlsx is read as one.
import { inputError } from '../problems/problem.js';
import { csvSheet } from './csv-rows.js';
import type { Encoding } from './decode.js';
import type { SheetSelector, SheetSource } from './sheet-source.js';
import { sniffFile } from './sniff.js';
import { refuseOle, xlsxSheets } from './xlsx-rows.js';

export interface OpenOptions {
  encoding?: Encoding;
  /** XLSX: a sheet name, a 1-based index, or '*' for every sheet (default: the first) */
  sheet?: SheetSelector;
}

export async function* openSheets(path: string, display: string, options: OpenOptions = {}): AsyncGenerator<SheetSource> {
  const sniffed = await sniffFile(path, display);
  if (sniffed.kind === 'ole2') refuseOle(sniffed, display);
  if (sniffed.kind === 'zip') {
    yield* xlsxSheets(path, display, options.sheet ?? 1);
    return;
  }
  if (/\.(xlsx|xlsm)$/i.test(path)) {
    throw inputError('xlsx-invalid', '文件扩展名是 .xlsx，但内容不是 xlsx（不是 zip 格式）', { file: display }, { hint: '确认文件没有损坏，且扩展名与内容一致' });
  }
  yield csvSheet(path, display, sniffed.head, sniffed.size, options.encoding);
}
