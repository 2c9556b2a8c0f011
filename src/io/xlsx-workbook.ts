// What a workbook holds before any sheet is read: its sheets in workbook order,
// the parts they live in, the shared-strings table, which cell styles are dates,
// and the date system. Everything is found through the relationships, never by
// the order of the zip entries (Excel stores shared strings after the sheets).
import { inputError, type Where } from '../problems/problem.js';
import type { InputLimits } from './limits.js';
import { parseXml, unescapeOoxml, xmlParser } from './xml-parser.js';
import { resolveTarget, type ZipArchive } from './zip-archive.js';

export interface WorkbookSheet {
  name: string;
  /** the zip part of the sheet's XML */
  part: string;
}

export interface WorkbookIndex {
  /** worksheets in workbook order (chart sheets and dialog sheets are left out) */
  sheets: WorkbookSheet[];
  sharedStringsPart?: string;
  stylesPart?: string;
  date1904: boolean;
}

/** Small structural parts are read whole; they are never near this size in a real workbook. */
const STRUCTURE_MB = 64;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

async function relationships(zip: ZipArchive, part: string, where: Where): Promise<Map<string, Relationship>> {
  const slash = part.lastIndexOf('/');
  const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const xml = await zip.text(relsPart, STRUCTURE_MB, 'xlsx-part-mb');
  const rels = new Map<string, Relationship>();
  if (xml === undefined) return rels;
  parseXml(
    xml,
    {
      open(name, a) {
        if (name === 'Relationship' && a.Id && a.Target !== undefined) rels.set(a.Id, { type: a.Type ?? '', target: a.Target, external: a.TargetMode === 'External' });
      },
    },
    where,
    relsPart,
  );
  return rels;
}

function relType(rel: Relationship): string {
  const t = rel.type.startsWith(REL) ? rel.type.slice(REL.length) : rel.type.slice(rel.type.lastIndexOf('/') + 1);
  return t.toLowerCase();
}

export async function readWorkbookIndex(zip: ZipArchive, display: string): Promise<WorkbookIndex> {
  const where = { file: display };
  const root = await relationships(zip, '', where);
  const office = [...root.values()].find((r) => relType(r) === 'officedocument' && !r.external);
  const workbookPart = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  const xml = await zip.text(workbookPart, STRUCTURE_MB, 'xlsx-part-mb');
  if (xml === undefined) {
    throw inputError('xlsx-invalid', '这个压缩包里没有工作簿（缺少 xl/workbook.xml），不是 Excel 文件', where, { hint: '确认选对了文件；Word、PowerPoint 文件不能作为表格读取' });
  }
  const rels = await relationships(zip, workbookPart, where);
  const listed: { name: string; id: string }[] = [];
  let date1904 = false;
  parseXml(
    xml,
    {
      open(name, a) {
        if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
        if (name === 'sheet') {
          const id = Object.entries(a).find(([k]) => k !== 'sheetId' && /(^|:)id$/.test(k))?.[1];
          if (a.name !== undefined && id) listed.push({ name: a.name, id });
        }
      },
    },
    where,
    workbookPart,
  );
  const sheets: WorkbookSheet[] = [];
  for (const { name, id } of listed) {
    const rel = rels.get(id);
    if (!rel || rel.external || relType(rel) !== 'worksheet') continue;
    const part = resolveTarget(workbookPart, rel.target);
    if (zip.has(part)) sheets.push({ name, part });
  }
  const partOf = (type: string) => {
    const rel = [...rels.values()].find((r) => relType(r) === type && !r.external);
    const part = rel ? resolveTarget(workbookPart, rel.target) : undefined;
    return part && zip.has(part) ? part : undefined;
  };
  const sharedStringsPart = partOf('sharedstrings');
  const stylesPart = partOf('styles');
  return { sheets, date1904, ...(sharedStringsPart ? { sharedStringsPart } : {}), ...(stylesPart ? { stylesPart } : {}) };
}

/** The shared-strings table: each `<si>` as the text a person sees (rich-text runs joined, phonetic runs left out). */
export async function readSharedStrings(zip: ZipArchive, part: string | undefined, display: string, limits: InputLimits): Promise<string[]> {
  const strings: string[] = [];
  if (!part) return strings;
  const stream = await zip.stream(part, limits['shared-strings-mb'], 'shared-strings-mb');
  if (!stream) return strings;
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  const parser = xmlParser(
    {
      open(name, _a, selfClosing) {
        if (name === 'si') current = [];
        else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
        else if (name === 't' && !selfClosing) inText = current !== undefined && phonetic === 0;
      },
      text(t) {
        if (inText) current?.push(t);
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
        else if (name === 'si' && current) {
          strings.push(unescapeOoxml(current.join('')));
          current = undefined;
        }
      },
    },
    { file: display },
    part,
  );
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream as AsyncIterable<Buffer>) parser.write(decoder.decode(chunk, { stream: true }));
  parser.write(decoder.decode());
  parser.close();
  return strings;
}

// Built-in number formats that show a date (zh-CN numbering); the time-only ones
// (18–21, 32–35, 45–47, 55, 56) keep their numbers.
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);

/** A format code shows a date when, outside quoted text, colours and locales, it has a year, day or month part. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '')
    .replace(/\\./g, '')
    .replace(/General/gi, '')
    .replace(/E[+-]/gi, '');
  if (/[yd]/i.test(bare)) return true;
  return /m/i.test(bare) && !/[hs]/i.test(bare);
}

/** For each cell style index (`s` of a cell), whether it shows a date. */
export async function readDateStyles(zip: ZipArchive, part: string | undefined, display: string): Promise<boolean[]> {
  if (!part) return [];
  const xml = await zip.text(part, STRUCTURE_MB, 'xlsx-part-mb');
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  parseXml(
    xml,
    {
      open(name, a) {
        if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    { file: display },
    part,
  );
  return xfFormats.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id);
  });
}

