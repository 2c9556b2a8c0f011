// Empty input files with the right headers, as `jixiao init` writes them: a CSV in UTF-8
// with a byte-order mark (so Excel and WPS open it as UTF-8, not as GBK), and an XLSX with
// the same header and a 填写说明 sheet saying which columns are required and which other
// header texts are understood.
import type { Workbook } from 'exceljs';
import ExcelJS from '../io/exceljs.js';
import type { FieldSpec } from '../schema/input-kind.js';
import { addSheet, BORDER, styleRow, type ColumnSpec } from './sheet-style.js';

const BOM = '\uFEFF';

/** The header a template writes for a field: its first (canonical) alias. */
export const headerOf = (f: FieldSpec): string => f.aliases[0]!;

/** What the 填写说明 sheet and the summary say is required: required fields, and one of each oneOf group. */
export function requiredText(fields: readonly FieldSpec[]): string {
  const required = fields.filter((f) => f.required).map(headerOf);
  const groups = [...new Set(fields.flatMap((f) => (f.oneOf ? [f.oneOf] : [])))].map((g) => `${fields.filter((f) => f.oneOf === g).map(headerOf).join(' / ')} 至少一列`);
  return [...required, ...groups].join('、') || '无';
}

export function inputTemplateCsv(fields: readonly FieldSpec[]): string {
  // quoted only where a header needs it (none of ours do today)
  const cell = (t: string) => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  return `${BOM}${fields.map((f) => cell(headerOf(f))).join(',')}\r\n`;
}

export function inputTemplateWorkbook(label: string, fields: readonly FieldSpec[]): Workbook {
  const wb = new ExcelJS.Workbook();
  // the data sheet is for entry, not for print: its header on row 1 (as most rosters start),
  // frozen, every column as wide as its header or its usual content (an ID, a card number)
  const widths = fields.map((f) => (f.field === 'id_number' || f.field === 'bank_account' ? 22 : Math.max(8, [...headerOf(f)].length * 2 + 4)));
  const data = wb.addWorksheet(label, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  data.columns = fields.map((f, i) => ({ header: headerOf(f), width: widths[i]! }));
  const header = data.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  // IDs and card numbers typed into General cells lose their last digits (15 significant digits): text format
  fields.forEach((f, i) => {
    if (f.field === 'id_number' || f.field === 'bank_account') data.getColumn(i + 1).numFmt = '@';
  });
  const help: ColumnSpec[] = [
    { header: '列名', width: 16 },
    { header: '是否必填', width: 14 },
    { header: '也可写作', width: 60, wrap: true },
  ];
  const { ws, first } = addSheet(wb, '填写说明', { title: `${label}：各列说明`, subtitle: `从「${label}」表的第 2 行起每行填写一条；表头可用「也可写作」中的任一写法；金额可写 6,664、1.5万元，比例可写 95%` }, help);
  fields.forEach((f, i) => {
    const row = ws.getRow(first + i);
    row.values = [headerOf(f), f.required ? '必填' : f.oneOf ? `${f.oneOf}列至少一列` : '可选', f.aliases.slice(1).join('、')];
    styleRow(row, help);
  });
  return wb;
}
