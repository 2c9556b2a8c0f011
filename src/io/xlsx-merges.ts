// Merged ranges of a sheet. They follow <sheetData> in the sheet XML, but the
// table locator needs them before the first rows (to fill merged header cells),
// so a second read of the same part runs beside the row reader: it only inflates
// and scans bytes until the <mergeCells> marker, then picks the refs out.
import type { Readable } from 'node:stream';
import { parseRange, type CellRange } from './cell-range.js';

const MARKER = Buffer.from('<mergeCells');
const MERGE_REF = /<(?:\w+:)?mergeCell\s+ref="([A-Za-z]+\d+:[A-Za-z]+\d+)"/g;

/** At most `max` ranges (headers need few; memory and the header fill stay bounded); refs outside the sheet size are dropped. */
export async function scanMerges(stream: Readable, max: number): Promise<CellRange[]> {
  const decoder = new TextDecoder('utf-8');
  const ranges: CellRange[] = [];
  let tail = '';
  let carry: Buffer = Buffer.alloc(0);
  let inMerges = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (ranges.length >= max) {
      stream.destroy();
      break;
    }
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
    MERGE_REF.lastIndex = 0;
    let m: RegExpExecArray | null;
    let last = 0;
    while ((m = MERGE_REF.exec(text)) && ranges.length < max) {
      const range = parseRange((m[1] ?? '').toUpperCase());
      if (range) ranges.push(range);
      last = MERGE_REF.lastIndex;
    }
    tail = text.slice(Math.max(last, text.length - 64));
  }
  return ranges;
}
