// The one place exceljs is loaded: for writing workbooks. Reading is ours
// (xlsx-rows.ts): exceljs 4.4's streaming reader loses shared strings stored after
// the sheets, drops sheets of multi-sheet files and splits Chinese characters.
import { createRequire } from 'node:module';

const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
export default ExcelJS;
