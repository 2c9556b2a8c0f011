// Deterministic synthetic rosters for the benchmark: the same bytes every run.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from '../dist/io/exceljs.js';
import { gb18030Encoder } from '../scripts/gb18030-encoder.mjs';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国志红玉凤慧斌旭晨升弘';
const UNITS = ['襄垣县弘升电力有限公司', '供销机械厂', '襄矿集团顺达物流有限公司', '襄垣县红旗切脱机厂', '襄垣县泰瑞达供热公司', '土产日杂公司', '襄垣县铝制品厂', '襄垣县陶瓷一厂'];
const TYPES = ['生活救助', '医疗救助', '金秋助学', '送温暖'];
export const HEADER = ['序号', '姓名', '性别', '身份证号码', '工作单位', '帮扶金额', '已支付金额', '帮扶项目', '发放日期'];

export function row(i) {
  const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13 + 5) % GIVEN.length];
  // 6-digit region, 8-digit birth date, 3-digit sequence, check character: 18 in all
  const id = `1404${String(20 + (i % 30))}19${String(60 + (i % 40))}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}${i % 11 === 10 ? 'X' : i % 10}`;
  const amount = 2000 + (i % 50) * 100;
  const day = `2022-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  return [String(i + 1), name, i % 3 === 0 ? '女' : '男', id, UNITS[i % UNITS.length], String(amount), String(amount), TYPES[i % TYPES.length], day];
}

async function writeLines(path, rows, encode, line = (i) => `${row(i).join(',')}\r\n`, head = `${HEADER.join(',')}\r\n`) {
  const out = createWriteStream(path);
  let buffer = head;
  for (let i = 0; i < rows; i += 1) {
    buffer += line(i);
    if (buffer.length > 1 << 20) {
      if (!out.write(encode(buffer))) await once(out, 'drain');
      buffer = '';
    }
  }
  out.write(encode(buffer));
  out.end();
  await once(out, 'finish');
}

export async function writeCsv(path, rows) {
  const utf8 = new TextEncoder();
  await writeLines(path, rows, (s) => utf8.encode(s));
}

export async function writeGb18030Csv(path, rows) {
  const gb = gb18030Encoder();
  await writeLines(path, rows, (s) => gb.encode(s));
}

/**
 * A roster as printed reports are exported: a one-cell title row, half of the lines
 * blank, and the last hundredth notes ("备注…", which end a table), so that blank and
 * note rows cost what data rows cost. `rows` counts every line.
 */
export async function writeBlankCsv(path, rows) {
  const utf8 = new TextEncoder();
  const notesFrom = Math.floor(rows * 0.99);
  const line = (i) => (i >= notesFrom ? `备注：第 ${i} 条说明\r\n` : i % 2 === 1 ? '\r\n' : `${row(i).join(',')}\r\n`);
  await writeLines(path, rows, (s) => utf8.encode(s), line, `表1-1 2022年困难职工帮扶资金发放表\r\n${HEADER.join(',')}\r\n`);
}

/** Shared strings, as Excel writes them. */
export async function writeXlsx(path, rows) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('花名册');
  ws.addRow(HEADER).commit();
  for (let i = 0; i < rows; i += 1) {
    const r = row(i);
    ws.addRow([Number(r[0]), r[1], r[2], r[3], r[4], Number(r[5]), Number(r[6]), r[7], r[8]]).commit();
  }
  ws.commit();
  await wb.commit();
}

/**
 * `files` units' fund tables of `rowsPerFile` rows each (by source and aid type, 元, with
 * households and person-times and a 合计 row), in `folder`: the batch case.
 */
export async function writeUnitTables(folder, files, rowsPerFile) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  mkdirSync(folder, { recursive: true });
  const sources = ['中央财政', '省财政', '市财政', '工会经费'];
  for (let f = 0; f < files; f += 1) {
    const unit = `第${f + 1}县总工会`;
    const lines = ['单位,资金来源,帮扶类型,下达数,到位数,支出数,结余,户数,人次'];
    const sums = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < rowsPerFile; i += 1) {
      const planned = 10000 + ((f * 31 + i * 17) % 90) * 1000;
      const spent = planned - ((f + i) % 7) * 500;
      const households = 5 + ((f + i * 3) % 20);
      const values = [planned, planned, spent, planned - spent, households, households + (i % 3)];
      values.forEach((v, k) => (sums[k] += v));
      lines.push([unit, sources[i % sources.length], TYPES[(i >> 2) % TYPES.length], ...values].join(','));
    }
    lines.push(['合计', '', '', ...sums].join(','));
    writeFileSync(join(folder, `${String(f + 1).padStart(4, '0')}.csv`), `${lines.join('\r\n')}\r\n`);
  }
}
