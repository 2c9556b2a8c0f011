// Merged ranges of each sheet. exceljs's streaming reader ignores <mergeCells>,
// which in the sheet XML follows <sheetData>; a second pass over the sheet entry
// that only inflates and scans bytes (no XML parse, no decoding until the marker)
// finds them, alongside the rows being read, so header detection can fill
// merged header cells.
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

const MARKER = Buffer.from('<mergeCells');

async function scanMerges(entry: ZipEntry): Promise<CellRange[]> {
  const decoder = new TextDecoder('utf-8');
  const ranges: CellRange[] = [];
  let tail = '';
  let carry: Buffer = Buffer.alloc(0);
  let inMerges = false;
  for await (const chunk of entry.stream() as AsyncIterable<Buffer>) {
    let text: string;
    if (!inMerges) {
      // bytes only until the marker: decoding hundreds of MB of cells would cost more
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const at = bytes.indexOf(MARKER);
      if (at < 0) {
        carry = Buffer.from(bytes.subarray(Math.max(0, bytes.length - MARKER.length)));
        continue;
      }
      inMerges = true;
      text = decoder.decode(bytes.subarray(at), { stream: true });
    } else {
      text = tail + decoder.decode(chunk, { stream: true });
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

export interface WorkbookIndex {
  /** sheet names in workbook order */
  names: string[];
  /** starts scanning a sheet for its merged ranges */
  merges(name: string): Promise<CellRange[]>;
}

/** The workbook's sheets, from its zip directory and workbook.xml (fast). */
export async function readWorkbookIndex(path: string): Promise<WorkbookIndex> {
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
  const entries = new Map<string, ZipEntry>();
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attr(tag, 'name');
    const target = targets.get(attr(tag, 'r:id') ?? '');
    const entry = target ? byPath.get(target) : undefined;
    if (name && entry) entries.set(decodeXml(name), entry);
  }
  return {
    names: [...entries.keys()],
    merges: (name) => {
      const entry = entries.get(name);
      return entry ? scanMerges(entry) : Promise.resolve([]);
    },
  };
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
