// Merged ranges of each sheet, read before the rows. exceljs's streaming reader
// ignores <mergeCells>, which in the sheet XML follows <sheetData>; a quick pass
// that only inflates and scans the text (no XML parse) finds them, so header
// detection can fill merged header cells. Cheap next to parsing the rows.
import { createRequire } from 'node:module';
import { parseRange, type CellRange } from './cell-range.js';

interface ZipEntry {
  path: string;
  stream(): NodeJS.ReadableStream;
  buffer(): Promise<Buffer>;
}
const unzipper = createRequire(import.meta.url)('unzipper') as { Open: { file(path: string): Promise<{ files: ZipEntry[] }> } };

/** At most this many ranges are kept per sheet: headers need few, and memory stays bounded. */
const MAX_MERGES = 20_000;

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

async function scanMerges(entry: ZipEntry): Promise<CellRange[]> {
  const decoder = new TextDecoder('utf-8');
  const ranges: CellRange[] = [];
  let tail = '';
  let inMerges = false;
  for await (const chunk of entry.stream() as AsyncIterable<Buffer>) {
    let text = tail + decoder.decode(chunk, { stream: true });
    if (!inMerges) {
      const at = text.indexOf('<mergeCells');
      if (at < 0) {
        tail = text.slice(-32);
        continue;
      }
      inMerges = true;
      text = text.slice(at);
    }
    const re = /<mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"/g;
    let m: RegExpExecArray | null;
    let last = 0;
    while ((m = re.exec(text)) && ranges.length < MAX_MERGES) {
      const range = parseRange(m[1] ?? '');
      if (range) ranges.push(range);
      last = re.lastIndex;
    }
    tail = text.slice(Math.max(last, text.length - 64));
  }
  return ranges;
}

/** Sheet name → merged ranges, for every sheet of the workbook. */
export async function readMerges(path: string): Promise<Map<string, CellRange[]>> {
  const dir = await unzipper.Open.file(path);
  const byPath = new Map(dir.files.map((f) => [f.path, f]));
  const workbook = (await byPath.get('xl/workbook.xml')?.buffer())?.toString('utf8') ?? '';
  const rels = (await byPath.get('xl/_rels/workbook.xml.rels')?.buffer())?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, CellRange[]>();
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attr(tag, 'name');
    const target = targets.get(attr(tag, 'r:id') ?? '');
    const entry = target ? byPath.get(target) : undefined;
    if (name && entry) out.set(decodeXml(name), await scanMerges(entry));
  }
  return out;
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
