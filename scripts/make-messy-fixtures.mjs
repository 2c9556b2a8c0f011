// Writes fixtures/messy/: one small file per messy real-world case the input
// layer must handle. Text cases are written as bytes here too, so that every
// fixture comes from one reviewed place. Run after `npm run build`:
//   node scripts/make-messy-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from '../dist/io/exceljs.js';
import { stampWorkbook } from '../dist/io/write-xlsx.js';
import { gb18030Encoder } from './gb18030-encoder.mjs';

// an output folder may be given (the tests regenerate into a temporary one and compare)
const dir = process.argv[2] ?? join(import.meta.dirname, '../fixtures/messy');
mkdirSync(dir, { recursive: true });
const put = (name, data) => writeFileSync(join(dir, name), data);
const lines = (...rows) => rows.join('\r\n') + '\r\n';

const HEADER = '序号,姓名,性别,工作单位,帮扶金额,已支付金额,帮扶项目';
const ROWS = ['1,刘勇,男,襄垣县弘升电力,6664,6664,生活救助', '2,张慧斌,男,供销机械厂,6664,6664,生活救助', '3,郝旭晨,女,襄垣县泰瑞达供热公司,7000,7000,医疗救助'];

// UTF-8 with a BOM, CRLF
put('utf8-bom.csv', '\uFEFF' + lines(HEADER, ...ROWS));
// GB18030, what Excel on Chinese Windows writes
put('gb18030.csv', Buffer.from(gb18030Encoder().encode(lines(HEADER, ...ROWS))));
// tab-separated, LF
put('tab.csv', [HEADER, ...ROWS].map((r) => r.replaceAll(',', '\t')).join('\n') + '\n');
// semicolon-separated
put('semicolon.csv', [HEADER, ...ROWS].map((r) => r.replaceAll(',', ';')).join('\n') + '\n');

// title rows, blank rows, headers with line breaks and spaces, a unit in the header,
// full-width digits, separators, 元 suffixes, a repeated header at a page break,
// a bad amount, a stated total that is wrong, notes below the table
put(
  'messy-headers.csv',
  '\uFEFF' +
    lines(
      '表1-1 2020年困难职工帮扶资金汇总表,,,,,,',
      '单位：襄垣县总工会,,,,,,',
      ',,,,,,',
      '序 号,姓　名,性别,工作单位,"帮扶金\n额（元）","已支付金\n额（元）",帮 扶 项 目',
      '1,刘　勇,男,襄垣县弘升电力,"6,664",６６６４元,生活救助',
      '2,张慧斌,男,供销机械厂,6664.00,6664,生活救助',
      ',,,,,,',
      '序号,姓名,性别,工作单位,帮扶金额（元）,已支付金额（元）,帮扶项目',
      '3,梁志祥,男,襄垣县新升塑建厂,6664,六千,生活救助',
      '4,王金明,男,襄矿集团顺达物流有限公司,(100),0,生活救助',
      '合计,,,,20000,19992,',
      '制表人：张三,,审核人：李四,,,,',
      '备注：金额单位为元,,,,,,',
    ),
);
// columns that map to no field: listed, and their cells kept with each record
put('extra-columns.csv', lines('姓名,联系电话,已支付金额,帮扶项目,家庭 住址', '刘勇,13800000000,6664,生活救助,襄垣县古韩镇', '张慧斌,,6664,生活救助,'));
// amounts in 万元 given by the header
put('wan-yuan.csv', lines('姓名,工作单位,帮扶金额（万元）,已支付金额（万元）,帮扶项目', '刘勇,弘升电力,0.6664,0.6664,生活救助', '合计,,0.6664,0.6664,'));
// two tables stacked in one file, one per year, each with its title
put(
  'stacked.csv',
  lines(
    '表1-2 2021年困难职工帮扶资金汇总表,,,,,,',
    HEADER,
    '1,胡占华,男,襄垣县铝制品厂,6000,6000,生活救助',
    '2,刘勇,男,襄垣县弘昇电力有限公司,6000,6000,生活救助',
    '合计,,,,12000,12000,',
    ',,,,,,',
    '表1-3 2022年困难职工帮扶资金汇总表,,,,,,',
    HEADER,
    '1,胡占华,男,襄垣县铝制品厂,2000,2000,生活救助',
    '合计,,,,2000,2000,',
  ),
);
// identity numbers: kept as exact text; a malformed one is reported masked
put('ids.csv', lines('姓名,身份证号码,已支付金额,帮扶项目', '刘勇,140423199001011234,6664,生活救助', '张慧斌,14042319900101123,6664,生活救助', '梁志祥,14042319900101123X,6664,生活救助'));
// a budget table
put('budget.csv', lines('年度,资金来源,下达金额,到位金额,支出金额', '2022,省财政配套,15000,15000,15000', '合计,,15000,15000,15000'));
// headers that fit no kind
put('no-kind.csv', lines('编号,名称,数量', '1,甲,2'));
// a roster missing a required column
put('missing-column.csv', lines('姓名,工作单位,金额,帮扶项目', '刘勇,弘升电力,6664,生活救助'));

// unreadable inputs
put('empty.csv', '');
put('unbalanced-quote.csv', lines(HEADER, '1,刘勇,男,"襄垣县弘升电力,6664,6664,生活救助', '2,张慧斌,男,供销机械厂,6664,6664,生活救助'));
put('nul.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
put('not-a-zip.xlsx', 'this is not a workbook\n');
put('truncated.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]));
const ole = Buffer.alloc(2048);
Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
put('legacy.xls', ole);
const encrypted = Buffer.from(ole);
Buffer.from('EncryptionInfo', 'utf16le').copy(encrypted, 1024);
put('encrypted.xlsx', encrypted);

// XLSX: a merged title row, a two-row header with merged cells, a formula with its
// cached result, rich text, a date, a merged amount spanning two rows, a 合计 row
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('2020年');
ws.mergeCells('A1:H1');
ws.getCell('A1').value = '表1-1 2020年困难职工帮扶资金汇总表';
for (const [col, text] of [['A', '序号'], ['B', '姓名'], ['C', '性别'], ['D', '工作单位'], ['G', '帮扶项目'], ['H', '发放日期']]) {
  ws.mergeCells(`${col}2:${col}3`);
  ws.getCell(`${col}2`).value = text;
}
ws.mergeCells('E2:F2');
ws.getCell('E2').value = '金额（元）';
ws.getCell('E3').value = '帮扶金额';
ws.getCell('F3').value = '已支付金额';
ws.addRow([1, { richText: [{ text: '刘' }, { text: '勇', font: { bold: true } }] }, '男', '襄垣县弘升电力', 6664, { formula: 'E4', result: 6664 }, '生活救助', new Date(Date.UTC(2020, 8, 28))]);
ws.addRow([2, '张慧斌', '男', '供销机械厂', 6664, 6664, '生活救助', '2020年9月29日']);
ws.addRow([3, '郝旭晨', '女', '襄垣县泰瑞达供热公司', 7000, 7000, '医疗救助', 44104]);
ws.addRow(['合计', null, null, null, { formula: 'SUM(E4:E6)', result: 20328 }, { formula: 'SUM(F4:F6)', result: 20328 }, null, null]);
const other = wb.addWorksheet('说明');
other.getCell('A1').value = '本工作簿由测试生成';
stampWorkbook(wb);
put('merged-header.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));

console.log(`wrote fixtures to ${dir}`);
