// The one place exceljs is loaded: for writing workbooks. Reading is ours
// (xlsx-rows.ts): exceljs 4.4's streaming reader loses shared strings stored after
// the sheets, drops sheets of multi-sheet files and splits Chinese characters.
// Only the parts in use are loaded, each when first asked for: the package's entry
// point also loads its streaming reader (unzipper and more, ~0.4 s of a 1 s score run),
// which no command needs.
import { createRequire } from 'node:module';
import type ExcelJSTypes from 'exceljs';

const requireExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));

let workbook: typeof ExcelJSTypes.Workbook | undefined;
let writer: typeof ExcelJSTypes.stream.xlsx.WorkbookWriter | undefined;

const ExcelJS = {
  /** the in-memory workbook (exceljs/lib/doc/workbook.js) */
  get Workbook(): typeof ExcelJSTypes.Workbook {
    workbook ??= requireExceljs('./lib/doc/workbook.js') as typeof ExcelJSTypes.Workbook;
    return workbook;
  },
  stream: {
    xlsx: {
      /** the streaming writer (lib/stream/xlsx/workbook-writer.js) */
      get WorkbookWriter(): typeof ExcelJSTypes.stream.xlsx.WorkbookWriter {
        writer ??= requireExceljs('./lib/stream/xlsx/workbook-writer.js') as typeof ExcelJSTypes.stream.xlsx.WorkbookWriter;
        return writer;
      },
    },
  },
};

export default ExcelJS;
