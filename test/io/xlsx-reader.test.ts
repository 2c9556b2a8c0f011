// Our XLSX reader on workbooks as real writers store them: every sheet read, in
// workbook order, whatever the zip entry order; shared strings wherever they are;
// the same result every run; damaged and hostile parts give located messages.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { limitsWith } from '../../src/io/limits.js';
import type { SheetSelector } from '../../src/io/sheet-source.js';
import { numberText, serialToIsoDate } from '../../src/io/xlsx-sheet-rows.js';
import { isDateFormat } from '../../src/io/xlsx-workbook.js';
import { xlsxSheets } from '../../src/io/xlsx-rows.js';
import { InputError, type Problem } from '../../src/problems/problem.js';
import { ENTRY_ORDERS, workbookParts, writeParts, type PartsOptions, type SheetSpec } from '../helpers/xlsx-parts.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-xlsx-'));
let n = 0;
const path = () => join(dir, `w${(n += 1)}.xlsx`);

const ROSTER: SheetSpec = {
  name: '花名册',
  rows: [
    ['表1-1 2020年困难职工帮扶资金发放表'],
    ['序号', '姓名', '工作单位', '帮扶金额', '已支付金额', '帮扶项目'],
    ['1', '刘勇', '襄垣县弘昇电力有限公司', '3000', '3000', '生活救助'],
    ['2', '胡占华', '山西"三晋"公司 & 分厂 <一>', '1500.5', '1500.5', '医疗救助'],
    ['3', '连峰', '', '800', '', '金秋助学'],
  ],
};
const EMPTY = (name: string): SheetSpec => ({ name, rows: [] });

async function readAll(file: string, select: SheetSelector = '*', limits = limitsWith()): Promise<{ sheet: string | undefined; rows: [number, string[]][] }[]> {
  const out: { sheet: string | undefined; rows: [number, string[]][] }[] = [];
  for await (const s of xlsxSheets(file, 'x.xlsx', select, limits)) {
    const rows: [number, string[]][] = [];
    for await (const batch of s.rows) for (const r of batch) rows.push([r.row, r.cells]);
    out.push({ sheet: s.sheet, rows });
  }
  return out;
}

async function readFailure(file: string, limits = limitsWith()): Promise<Problem> {
  try {
    await readAll(file, '*', limits);
  } catch (e) {
    if (e instanceof InputError && e.problems[0]) return e.problems[0];
    throw e;
  }
  throw new Error('read did not fail');
}

const expectedRows = (sheet: SheetSpec): [number, string[]][] =>
  sheet.rows.flatMap((cells, i): [number, string[]][] => {
    const last = cells.reduce((at, c, j) => (c !== '' ? j + 1 : at), 0);
    return last > 0 ? [[i + 1, cells.slice(0, last)]] : [];
  });

async function build(sheets: SheetSpec[], options: PartsOptions = {}, order = ENTRY_ORDERS['Excel (shared strings after sheets)']!): Promise<string> {
  const file = path();
  await writeParts(file, order(workbookParts(sheets, options)));
  return file;
}

describe('every sheet, in workbook order, whatever the zip entry order', () => {
  const sheets = [ROSTER, EMPTY('Sheet2'), EMPTY('Sheet3')];
  for (const [label, order] of Object.entries(ENTRY_ORDERS)) {
    for (const inline of [false, true]) {
      it(`${label}${inline ? ', inline strings' : ''}: Sheet2/Sheet3 as Excel leaves them`, async () => {
        const file = await build(sheets, { inline }, order);
        expect(await readAll(file)).toEqual([
          { sheet: '花名册', rows: expectedRows(ROSTER) },
          { sheet: 'Sheet2', rows: [] },
          { sheet: 'Sheet3', rows: [] },
        ]);
        // the default is the first sheet, by name or by index the same
        expect(await readAll(file, 1)).toEqual([{ sheet: '花名册', rows: expectedRows(ROSTER) }]);
        expect(await readAll(file, 'Sheet3')).toEqual([{ sheet: 'Sheet3', rows: [] }]);
      });
    }
  }

  it('1,000 sheets, each with its own rows, read in order and identically on every run', async () => {
    const many: SheetSpec[] = Array.from({ length: 1000 }, (_, i) => ({ name: `第${i + 1}页`, rows: [['姓名', '金额'], [`职工${i}`, String(i * 10)]] }));
    const file = await build(many, {}, ENTRY_ORDERS.reversed);
    const first = await readAll(file);
    expect(first).toHaveLength(1000);
    first.forEach((s, i) => expect(s).toEqual({ sheet: `第${i + 1}页`, rows: [[1, ['姓名', '金额']], [2, [`职工${i}`, String(i * 10)]]] }));
    for (let run = 0; run < 3; run += 1) expect(await readAll(file)).toEqual(first);
  });

  it('reads SpreadsheetML written with a namespace prefix (<x:c>) and cells without r attributes', async () => {
    expect(await readAll(await build([ROSTER], { prefix: 'x:' }))).toEqual([{ sheet: '花名册', rows: expectedRows(ROSTER) }]);
    expect(await readAll(await build([ROSTER], { noRefs: true }))).toEqual([{ sheet: '花名册', rows: expectedRows(ROSTER) }]);
  });

  it('asks for a sheet that does not exist by listing the ones that do', async () => {
    const file = await build([ROSTER, EMPTY('Sheet2')]);
    await expect(readAll(file, '汇总')).rejects.toMatchObject({ problems: [{ code: 'sheet-missing', expected: '花名册、Sheet2' }] });
    await expect(readAll(file, 3)).rejects.toMatchObject({ problems: [{ code: 'sheet-missing' }] });
  });
});

describe('cells as a person sees them in Excel', () => {
  const sheetXml = (cells: string) => `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
  const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="#,##0.00_);[Red]\\(#,##0.00\\)"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="20"/></cellXfs></styleSheet>`;

  async function cellsOf(cells: string, options: PartsOptions = {}): Promise<string[]> {
    const parts = workbookParts([{ name: 'S', rows: [] }], { styles, ...options }).map(([name, xml]): [string, string] => [name, name === 'xl/worksheets/sheet1.xml' ? sheetXml(cells) : name === 'xl/sharedStrings.xml' ? sharedStrings : xml]);
    const file = path();
    await writeParts(file, parts);
    return (await readAll(file))[0]?.rows[0]?.[1] ?? [];
  }
  const sharedStrings = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>纯文本</t></si><si><r><rPr><b/></rPr><t>困难</t></r><r><t xml:space="preserve">职工 </t></r><rPh sb="0" eb="2"><t>KUNNAN</t></rPh></si><si><t>第一行_x000D_
第二行</t></si></sst>`;

  it('shared strings: plain, rich-text runs joined, phonetic runs left out, _xHHHH_ escapes decoded', async () => {
    expect(await cellsOf('<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>')).toEqual(['纯文本', '困难职工 ', '第一行\r\n第二行']);
  });

  it('formulas give their cached result; booleans, errors, inline strings and ISO dates their text', async () => {
    expect(
      await cellsOf(
        '<c r="A1"><f>B1*2</f><v>6664</v></c><c r="B1" t="str"><f>A1&amp;""</f><v>6,664</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="inlineStr"><is><t>内联</t></is></c><c r="F1" t="d"><v>2022-11-30T00:00:00</v></c><c r="G1"><f>1/0</f></c>',
      ),
    ).toEqual(['6664', '6,664', 'TRUE', '#N/A', '内联', '2022-11-30']);
  });

  it('numbers to 15 significant digits; date styles (built-in 14, 年月日, not a time or money format) as ISO dates', async () => {
    expect(await cellsOf('<c r="A1"><v>17.159999999999997</v></c><c r="B1" s="1"><v>44895</v></c><c r="C1" s="2"><v>44895.75</v></c><c r="D1" s="3"><v>44895</v></c><c r="E1" s="4"><v>0.5</v></c><c r="F1"><v>1E-3</v></c>')).toEqual([
      '17.16',
      '2022-11-30',
      '2022-11-30',
      '44895',
      '0.5',
      '0.001',
    ]);
  });

  it('a 1904 date-system workbook gives the same calendar date', async () => {
    expect(await cellsOf('<c r="A1" s="1"><v>43433</v></c>', { date1904: true })).toEqual(['2022-11-30']);
  });

  it('leaves gaps as empty cells and fills cells written out of order', async () => {
    expect(await cellsOf('<c r="C1"><v>3</v></c><c r="A1"><v>1</v></c>')).toEqual(['1', '', '3']);
  });

  it('gives located messages for damaged parts, never a crash', async () => {
    const cases: [string, RegExp][] = [
      ['<c r="A1"><v>1</v></c><c r="B1"><v>&foo;</v></c>', /不是有效的 XML/],
      ['<c r="XFE1"><v>1</v></c>', /超出最大列 XFD/],
      ['<c r="A1" t="s"><v>99</v></c>', /共享字符串 99 不存在/],
      ['<c r="AAAA1"><v>1</v></c>', /单元格引用 AAAA1 无效/],
      ['<c r="A1"><v>1</v></c></row></sheetData><c r="A2"><v>2</v></c><sheetData><row>', /不在任何行内/],
      ['<c r="A1"><v>1</v>', /不是有效的 XML/],
    ];
    for (const [cells, message] of cases) {
      const parts = workbookParts([{ name: 'S', rows: [] }]).map(([name, xml]): [string, string] => [name, name === 'xl/worksheets/sheet1.xml' ? sheetXml(cells) : xml]);
      const file = path();
      await writeParts(file, parts);
      const p = await readFailure(file);
      expect(p.code).toBe('xlsx-invalid');
      expect(p.message).toMatch(message);
      expect(p.where).toMatchObject({ file: 'x.xlsx', sheet: 'S' });
    }
  });

  it('reads a workbook with no shared strings and no styles at all', async () => {
    const parts = workbookParts([{ name: 'S', rows: [] }]).filter(([name]) => name !== 'xl/sharedStrings.xml' && name !== 'xl/styles.xml').map(([name, xml]): [string, string] => [name, name === 'xl/worksheets/sheet1.xml' ? sheetXml('<c r="A1" t="inlineStr"><is><t>只有内联</t></is></c>') : xml]);
    const file = path();
    await writeParts(file, parts);
    expect(await readAll(file)).toEqual([{ sheet: 'S', rows: [[1, ['只有内联']]] }]);
  });

  it('refuses a zip without a workbook (a .docx renamed) with what it is', async () => {
    const file = path();
    await writeParts(file, [['word/document.xml', '<w:document/>']]);
    expect((await readFailure(file)).message).toMatch(/没有工作簿/);
  });
});

describe('bounded on hostile files', () => {
  it('refuses a part that inflates past the ratio limit, naming the limit and the option', async () => {
    // 64 MB of one character deflates to ~64 KB: a ratio of about 1000:1
    const file = path();
    const parts = workbookParts([ROSTER]);
    const bomb = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${' '.repeat(16 * 1024 * 1024)}</sheetData></worksheet>`;
    await writeParts(file, parts.map(([name, xml]): [string, string] => [name, name === 'xl/worksheets/sheet1.xml' ? bomb : xml]));
    expect(deflateRawSync(bomb).length).toBeLessThan(bomb.length / 500);
    const p = await readFailure(file, limitsWith({ 'xlsx-ratio': 500 }));
    expect(p).toMatchObject({ code: 'xlsx-limit', where: { file: 'x.xlsx', sheet: '花名册' } });
    expect(p.message).toMatch(/压缩比 \d+:1 超过上限 500:1/);
    expect(p.hint).toContain('--limit xlsx-ratio=1000');
    // raised as the hint says, the same file reads
    expect(await readAll(file, '*', limitsWith({ 'xlsx-ratio': 2000 }))).toEqual([{ sheet: '花名册', rows: [] }]);
  });

  it('refuses shared strings above their size limit before reading them', async () => {
    const file = await build([{ name: 'S', rows: [['x'.repeat(3 * 1024 * 1024)]] }]);
    const p = await readFailure(file, limitsWith({ 'shared-strings-mb': 2 }));
    expect(p).toMatchObject({ code: 'xlsx-limit' });
    expect(p.hint).toContain('--limit shared-strings-mb=4');
  });

  it('keeps merged ranges inside the sheet size and at most the limit', async () => {
    const merges = (refs: string[]) => `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`;
    const file = await build([ROSTER], { afterSheetData: { 0: merges(['A1:F1', 'A1:ZZZZZZ2', 'B2:B99999999', ...Array.from({ length: 30 }, (_, i) => `A${i + 10}:C${i + 10}`)]) } });
    const seen: unknown[] = [];
    for await (const s of xlsxSheets(file, 'x.xlsx', 1, limitsWith({ merges: 5 }))) {
      for await (const _ of s.rows) {
        // the ranges are known once rows flow
      }
      seen.push(...s.merges);
    }
    expect(seen).toEqual([
      { top: 1, left: 1, bottom: 1, right: 6 },
      { top: 10, left: 1, bottom: 10, right: 3 },
      { top: 11, left: 1, bottom: 11, right: 3 },
      { top: 12, left: 1, bottom: 12, right: 3 },
      { top: 13, left: 1, bottom: 13, right: 3 },
    ]);
  });
});

describe('merged ranges in the header zone', () => {
  it('20,000 overlapping full-width merges over the title cost no more than the sheet width', async () => {
    const { readFixture, roster } = await import('../helpers/read.js');
    const refs = Array.from({ length: 20_000 }, (_, i) => `<mergeCell ref="A1:${i % 2 ? 'XFD' : 'XFC'}1"/>`).join('');
    const file = await build([ROSTER], { afterSheetData: { 0: `<mergeCells count="20000">${refs}</mergeCells>` } });
    const { records, problems } = await readFixture('x.xlsx', undefined, {}, file);
    // the header is found under the merged title: the only problem is 连峰's empty 已支付金额
    expect(problems.map((p) => [p.where.row, p.where.column, p.code])).toEqual([[5, '已支付金额', 'roster-row-invalid']]);
    expect(roster(records)).toEqual([
      [3, '刘勇', '3000', '3000', '生活救助'],
      [4, '胡占华', '1500.5', '1500.5', '医疗救助'],
    ]);
  });
});

describe('cell conversions', () => {
  it('numberText rounds to what Excel shows and keeps short numbers as they are', () => {
    expect(numberText('0.30000000000000004')).toBe('0.3');
    expect(numberText('140423199001011234')).toBe('140423199001011000');
    expect(numberText('123456789012345')).toBe('123456789012345');
    expect(numberText('-1500.5')).toBe('-1500.5');
    expect(numberText('abc')).toBe('abc');
  });
  it('serialToIsoDate: day 1 of 1900, the 1904 shift, and no date for absurd serials', () => {
    expect(serialToIsoDate(2, false)).toBe('1900-01-01');
    expect(serialToIsoDate(44895, false)).toBe('2022-11-30');
    expect(serialToIsoDate(43433, true)).toBe('2022-11-30');
    expect(serialToIsoDate(1e12, false)).toBeUndefined();
  });
  it('isDateFormat tells dates from times, money and text', () => {
    for (const code of ['yyyy/m/d', 'yyyy"年"m"月"d"日"', 'm"月"d"日"', 'mmm-yy', '[$-804]yyyy"年"m"月"']) expect(isDateFormat(code), code).toBe(true);
    for (const code of ['General', '0.00', '#,##0.00_);[Red]\\(#,##0.00\\)', 'h:mm:ss', 'mm:ss', '0.00E+00', '@', '"元"0']) expect(isDateFormat(code), code).toBe(false);
  });
});


describe('a Chinese character split across chunks', () => {
  it('stays whole when the sheet XML arrives one byte at a time', async () => {
    const { Readable } = await import('node:stream');
    const { sheetRows } = await import('../../src/io/xlsx-sheet-rows.js');
    const names = ['襄垣县弘昇电力有限公司', '𠀋困难职工（生活救助）', '胡占华'];
    const xml = Buffer.from(`<worksheet><sheetData>${names.map((t, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${t}</t></is></c></row>`).join('')}</sheetData></worksheet>`);
    const bytes = Readable.from((function* () {
      for (let i = 0; i < xml.length; i += 1) yield xml.subarray(i, i + 1);
    })());
    const rows: string[] = [];
    for await (const batch of sheetRows(bytes, { sharedStrings: [], dateStyles: [], date1904: false }, { file: 'x' }, 'sheet1.xml')) for (const r of batch) rows.push(r.cells[0] ?? '');
    expect(rows).toEqual(names);
  });
});
