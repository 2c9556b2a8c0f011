// The report draft as a Word document (docx 9.7.1, pinned: later versions need nanoid 6,
// which needs Node 22): real Word tables, 宋体 / 黑体 by the names Word and WPS map,
// A4 portrait with page numbers. Made deterministic after packing (DECISIONS.md): the
// core.xml dates set to the report's date, the zip rebuilt with fixed entry dates in a
// fixed order. Nothing here uses the kinds of element docx gives random ids (hyperlinks,
// text boxes, embedded fonts).
import { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import JSZip from 'jszip';
import type { Block, ReportDraft } from './report-draft.js';

const BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEADING = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
/** Zip entries dated 1980-01-01, the first date a zip can hold, when the report has no date. */
const NO_DATE = '1980-01-01';
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '808080' };

function heading(b: Extract<Block, { kind: 'heading' }>): Paragraph {
  const level = b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({ heading: level, children: [new TextRun({ text: b.text, font: HEADING, bold: true, color: '000000', size: b.level === 1 ? 32 : b.level === 2 ? 28 : 24 })], spacing: { before: 240, after: 120 } });
}

function paragraph(text: string, bold = false): Paragraph {
  // the report's body: first line indented two characters, 1.5 lines
  return new Paragraph({ children: [new TextRun({ text, font: BODY, size: 24, bold })], indent: { firstLine: 480 }, spacing: { line: 360 } });
}

/** Figures (88.50, 100%, 171600.00) right-aligned like the report's tables; text left. */
const FIGURE = /^-?[\d,.]+%?$/;

function cell(text: string, header: boolean): TableCell {
  const lines = text.split('\n');
  const alignment = header ? AlignmentType.CENTER : FIGURE.test(text) ? AlignmentType.RIGHT : AlignmentType.LEFT;
  return new TableCell({
    children: lines.map((line) => new Paragraph({ alignment, children: [new TextRun({ text: line, font: BODY, size: 21, bold: header })] })),
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN },
  });
}

function table(b: Extract<Block, { kind: 'table' }>): (Paragraph | Table)[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: b.caption, font: HEADING, size: 22, bold: true })], spacing: { before: 120, after: 60 } }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ tableHeader: true, children: b.header.map((h) => cell(h, true)) }), ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c, false)) }))],
    }),
  ];
}

export interface ReportChart {
  png: Buffer;
  width: number;
  height: number;
}

/** The chart below 表 3-2, 15 cm wide. */
function chartParagraphs(chart: ReportChart): Paragraph[] {
  const width = 567;
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data: chart.png, transformation: { width, height: Math.round((width * chart.height) / chart.width) } })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '图 3-1 各级指标得分率', font: HEADING, size: 22, bold: true })], spacing: { after: 120 } }),
  ];
}

function children(draft: ReportDraft, chart?: ReportChart): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: draft.title, font: HEADING, size: 36, bold: true })], spacing: { after: 240 } }),
    ...draft.byline.map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: line, font: BODY, size: 24 })] })),
  ];
  for (const b of draft.blocks) {
    if (b.kind === 'heading') out.push(heading(b));
    else if (b.kind === 'paragraph') out.push(paragraph(b.text, b.placeholder));
    else {
      out.push(...table(b));
      if (chart && b.caption.startsWith('表 3-2')) out.push(...chartParagraphs(chart));
    }
  }
  return out;
}

/** A YYYY-MM-DD date of the report (2024年4月30日, 2024/4/30, 2023年10月), else the zip's first date. */
export function isoDay(date: string | undefined): string {
  // a month alone (2023年10月) is its first day
  const m = /(\d{4})\D+(\d{1,2})(?:\D+(\d{1,2}))?/.exec(date ?? '');
  return m ? `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] ?? '1').padStart(2, '0')}` : NO_DATE;
}

export async function reportDocx(draft: ReportDraft, reportDate: string | undefined, chart?: ReportChart): Promise<Buffer> {
  const doc = new Document({
    creator: 'jixiao',
    title: draft.title,
    styles: { default: { document: { run: { font: BODY, size: 24 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1587, right: 1474 } } },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页，共 ', PageNumber.TOTAL_PAGES, ' 页'], font: BODY, size: 18 })] })] }) },
        children: children(draft, chart),
      },
    ],
  });
  return deterministic(await Packer.toBuffer(doc), isoDay(reportDate));
}

/** The packed document again, with its dates from the report and a fixed order of parts. */
export async function deterministic(packed: Buffer, day: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(packed);
  const stamp = `${day}T00:00:00Z`;
  const date = new Date(stamp);
  const out = new JSZip();
  const names = Object.keys(zip.files)
    .filter((n) => !zip.files[n]?.dir)
    .sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    let data = await (zip.files[name] as JSZip.JSZipObject).async('nodebuffer');
    if (name === 'docProps/core.xml') {
      data = Buffer.from(data.toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`), 'utf8');
    }
    out.file(name, data, { date, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
