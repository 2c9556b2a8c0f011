// The tables of a Word document (.docx), each as a sheet of rows: reports arrive as Word
// files, their score tables inside. A cell's paragraphs are joined with line breaks; a cell
// spanning columns (gridSpan) or continuing a vertical merge (vMerge) becomes a merged
// range, as in a workbook, so the table reader carries names down the same way. A table is
// named by the paragraph just above it (表 3-2 指标得分汇总表), else by its number.
// Tables nested inside a cell are read as part of that cell's text.
import { limitsWith, type InputLimits } from './limits.js';
import type { CellRange } from './cell-range.js';
import type { RawRow } from './raw-table.js';
import type { SheetSource } from './sheet-source.js';
import { parseXml } from './xml-parser.js';
import { ZipArchive } from './zip-archive.js';
import { inputError } from '../problems/problem.js';

interface DocxTable {
  title?: string;
  rows: string[][];
  merges: CellRange[];
}

/** The tables of document.xml, in order, and the body's paragraphs outside them (non-empty, trimmed). */
export function documentOf(xml: string, display: string): { tables: DocxTable[]; paragraphs: string[] } {
  const tables: DocxTable[] = [];
  const paragraphs: string[] = [];
  let depth = 0;
  let lastParagraph = '';
  let paragraph = '';
  let current: DocxTable | undefined;
  let row: string[] | undefined;
  let cell: string[] | undefined;
  let span = 1;
  let vMerge: 'restart' | 'continue' | undefined;
  let inText = false;
  /** per column: the row a vertical merge started on */
  let open = new Map<number, { top: number; left: number; right: number }>();
  const closeMerge = (col: number, bottom: number) => {
    const m = open.get(col);
    if (m && bottom > m.top) current?.merges.push({ top: m.top, bottom, left: m.left, right: m.right });
    open.delete(col);
  };
  parseXml(
    xml,
    {
      open(name, attributes) {
        if (name === 'tbl') {
          depth += 1;
          if (depth === 1) {
            current = { ...(lastParagraph ? { title: lastParagraph } : {}), rows: [], merges: [] };
            open = new Map();
          }
        } else if (depth === 1 && name === 'tr') row = [];
        else if (depth === 1 && name === 'tc') {
          cell = [];
          span = 1;
          vMerge = undefined;
        } else if (depth === 1 && name === 'gridSpan') span = Math.max(1, Math.min(64, Number(attributes['w:val'] ?? attributes.val ?? 1) || 1));
        else if (depth === 1 && name === 'vMerge') vMerge = (attributes['w:val'] ?? attributes.val) === 'restart' ? 'restart' : 'continue';
        else if (name === 'p') paragraph = '';
        else if (name === 't') inText = true;
        else if (name === 'tab' || name === 'br') paragraph += ' ';
      },
      text(text) {
        if (inText) paragraph += text;
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'p') {
          if (depth === 0) {
            lastParagraph = paragraph.trim() || lastParagraph;
            if (paragraph.trim()) paragraphs.push(paragraph.trim());
          }
          else cell?.push(paragraph);
        } else if (depth === 1 && name === 'tc' && row && cell && current) {
          const left = row.length + 1;
          const r = current.rows.length + 1;
          const text = cell.join('\n').trim();
          if (vMerge === 'continue') row.push('');
          else {
            closeMerge(left, r - 1);
            row.push(text);
            if (vMerge === 'restart') open.set(left, { top: r, left, right: left + span - 1 });
          }
          for (let i = 1; i < span; i += 1) row.push('');
          if (span > 1 && vMerge === undefined) current.merges.push({ top: r, bottom: r, left, right: left + span - 1 });
          cell = undefined;
        } else if (depth === 1 && name === 'tr' && row && current) {
          current.rows.push(row);
          row = undefined;
        } else if (name === 'tbl') {
          if (depth === 1 && current) {
            for (const col of [...open.keys()]) closeMerge(col, current.rows.length);
            tables.push(current);
            current = undefined;
            lastParagraph = '';
          }
          depth -= 1;
        }
      },
    },
    { file: display },
    'word/document.xml',
  );
  return { tables, paragraphs };
}

async function documentXml(path: string, display: string, limits: Partial<InputLimits>): Promise<string> {
  const all = limitsWith(limits);
  const zip = await ZipArchive.open(path, display, all);
  let xml: string | undefined;
  try {
    xml = await zip.text('word/document.xml', all['xlsx-part-mb'], 'xlsx-part-mb');
  } finally {
    zip.close();
  }
  if (xml === undefined) throw inputError('docx-invalid', '文件扩展名是 .docx，但其中没有 Word 文档的正文（word/document.xml）', { file: display }, { hint: '确认文件没有损坏：在 Word 或 WPS 中打开后重新另存为 .docx' });
  return xml;
}

/** The body's paragraphs outside tables: the report's text, where it states scores too. */
export async function docxParagraphs(path: string, display: string, limits: Partial<InputLimits> = {}): Promise<string[]> {
  return documentOf(await documentXml(path, display, limits), display).paragraphs;
}

export async function* docxSheets(path: string, display: string, limits: Partial<InputLimits> = {}): AsyncGenerator<SheetSource> {
  const { tables } = documentOf(await documentXml(path, display, limits), display);
  for (const [i, t] of tables.entries()) {
    const rows: RawRow[] = t.rows.map((cells, r) => ({ row: r + 1, cells }));
    yield { file: display, sheet: t.title ?? `第 ${i + 1} 个表格`, merges: t.merges, rows: (async function* () { yield rows; })() };
  }
}
