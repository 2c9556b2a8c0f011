// Any input file to its sheets, by what its bytes are, not by its name:
// a .csv that is really an .xlsx is read as one. Large files are read and parsed
// in a worker thread (sheet-worker.ts) while this thread checks the rows.
import { inputError } from '../problems/problem.js';
import { csvSheet } from './csv-rows.js';
import type { Encoding } from './decode.js';
import { limitsWith, type InputLimits } from './limits.js';
import type { SheetSelector, SheetSource } from './sheet-source.js';
import { sheetsInWorker } from './sheet-worker-client.js';
import { refuseOle, sniffFile, type Sniffed } from './sniff.js';

export interface OpenOptions {
  encoding?: Encoding;
  /** XLSX: a sheet name, a 1-based index, or '*' for every sheet (default: the first) */
  sheet?: SheetSelector;
  /** limits on what a read may cost (default: DEFAULT_LIMITS) */
  limits?: Partial<InputLimits>;
}

/** From this size on, files are parsed in a worker thread. */
const WORKER_FROM_BYTES = 4 * 1024 * 1024;
// the worker runs the compiled module; from the TypeScript sources (the unit tests) reading stays in this thread
const WORKER_URL = import.meta.url.endsWith('.js') ? new URL('./sheet-worker.js', import.meta.url) : undefined;

export async function* openSheets(path: string, display: string, options: OpenOptions = {}): AsyncGenerator<SheetSource> {
  const sniffed = await sniffFile(path, display);
  if (sniffed.kind === 'ole2') refuseOle(sniffed, display);
  if (WORKER_URL && sniffed.size >= WORKER_FROM_BYTES) {
    yield* sheetsInWorker(WORKER_URL, { path, display, options });
    return;
  }
  yield* openSheetsHere(path, display, options, sniffed);
}

/** The sheets, read in this thread. */
export async function* openSheetsHere(path: string, display: string, options: OpenOptions, sniffed: Sniffed): AsyncGenerator<SheetSource> {
  if (sniffed.kind === 'ole2') refuseOle(sniffed, display);
  if (sniffed.kind === 'zip' && /\.docx$/i.test(path)) {
    // a report in Word: its tables, one sheet each
    const { docxSheets } = await import('./docx-tables.js');
    yield* docxSheets(path, display, options.limits);
    return;
  }
  if (sniffed.kind === 'zip') {
    // exceljs is loaded only for a workbook: reading a CSV (in a worker too) does without it
    const { xlsxSheets } = await import('./xlsx-rows.js');
    yield* xlsxSheets(path, display, options.sheet ?? 1, limitsWith(options.limits));
    return;
  }
  if (/\.(xlsx|xlsm)$/i.test(path)) {
    throw inputError('xlsx-invalid', '文件扩展名是 .xlsx，但内容不是 xlsx（不是 zip 格式）', { file: display }, { hint: '确认文件没有损坏，且扩展名与内容一致' });
  }
  yield csvSheet(path, display, sniffed.head, options.encoding, limitsWith(options.limits));
}
