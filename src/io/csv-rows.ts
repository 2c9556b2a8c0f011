// CSV rows as a stream. Bytes are decoded by one streaming TextDecoder (fatal,
// so a wrong encoding is an error, never silent U+FFFD); cells stay strings
// (never csv-parse's cast: an 18-digit ID would lose digits).
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { inputError } from '../problems/problem.js';
import type { Encoding } from './decode.js';
import type { RawRow } from './raw-table.js';
import type { SheetSource } from './sheet-source.js';
import { detectEncoding } from './sniff.js';

/** Largest record accepted: a 10 MB cell is a broken file, not a roster. */
const MAX_RECORD = 1_000_000;

export function guessDelimiter(sample: string): string {
  const lines = sample.split(/\r?\n/).slice(0, 10).join('\n');
  const counts: [string, number][] = [',', '\t', ';'].map((d) => [d, lines.split(d).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? counts[0][0] : ',';
}

function countNewlines(chunk: Buffer | string): number {
  let n = 0;
  let at = typeof chunk === 'string' ? chunk.indexOf('\n') : chunk.indexOf(10);
  while (at >= 0) {
    n += 1;
    at = typeof chunk === 'string' ? chunk.indexOf('\n', at + 1) : chunk.indexOf(10, at + 1);
  }
  return n;
}

/**
 * The file's content for csv-parse, checked against its encoding by a fatal
 * streaming decoder. UTF-8 goes on as the bytes themselves (csv-parse works on
 * bytes; handing it strings would make it encode them back); other encodings as text.
 */
async function* checkedContent(path: string, encoding: Encoding, display: string): AsyncGenerator<Buffer | string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let line = 1;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
      const text = decoder.decode(chunk, { stream: true });
      line += countNewlines(chunk);
      yield encoding === 'utf-8' ? chunk : text;
    }
    const rest = decoder.decode();
    if (rest && encoding !== 'utf-8') yield rest;
  } catch (e) {
    if (e instanceof TypeError) {
      throw inputError('encoding-mismatch', `第 ${line} 行附近有不是 ${encoding} 编码的字节`, { file: display }, { hint: '文件可能混用了编码；用 --encoding 指定，或在 Excel 中另存为「CSV UTF-8」' });
    }
    throw e;
  }
}

export interface CsvJob {
  path: string;
  display: string;
  encoding: Encoding;
  delimiter: string;
}

/** Parse a CSV file into batches of rows (in this thread; see csv-worker.ts for the other). */
export async function* parseCsvRows({ path, display, encoding, delimiter }: CsvJob): AsyncGenerator<RawRow[]> {
  {
    // info: true would build an info object per record (a third of the parse time on
    // large files); the parser's live `info` read as each record is pushed gives the same
    const parser = parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: false, max_record_size: MAX_RECORD });
    let previousEnd = 0;
    let records = 0;
    const ends: number[] = [];
    const push = parser.push.bind(parser);
    parser.push = (record: unknown) => {
      if (record !== null) ends.push(parser.info.lines);
      return push(record);
    };
    let failure: unknown;
    parser.on('error', (e) => {
      failure ??= e;
    });
    // Rows are numbered as Excel shows the file: one row per record, so a cell with a
    // line break does not shift the rows below it. Lines are kept for errors in the text
    // itself: a record spanning several lines starts on the line after the previous one ended.
    const drain = (): RawRow[] => {
      const batch: RawRow[] = [];
      let record: string[] | null;
      while ((record = parser.read() as string[] | null) !== null) {
        records += 1;
        batch.push({ row: records, cells: record });
      }
      if (ends.length > 0) previousEnd = ends[ends.length - 1] as number;
      ends.length = 0;
      return batch;
    };
    const fail = (e: unknown): never => {
      const code = (e as { code?: string }).code;
      if (code === 'CSV_QUOTE_NOT_CLOSED') {
        throw inputError('csv-quote-not-closed', `从第 ${previousEnd + 1} 行（文本行）开始的引号没有闭合，后面的内容都被当作一个单元格`, { file: display }, { hint: '检查该行单元格中的双引号是否成对' });
      }
      if (code === 'CSV_MAX_RECORD_SIZE') {
        throw inputError('csv-record-too-large', `从第 ${previousEnd + 1} 行（文本行）开始的记录超过 ${MAX_RECORD} 个字符`, { file: display }, { hint: '文件可能已损坏或引号不成对' });
      }
      if (code?.startsWith('CSV_')) throw inputError('csv-invalid', `CSV 格式有误（${code}）`, { file: display, row: previousEnd + 1 });
      throw e;
    };
    // csv-parse transforms synchronously on write: write a chunk, read its records, hand them on
    for await (const text of checkedContent(path, encoding, display)) {
      if (failure) fail(failure);
      parser.write(text);
      const batch = drain();
      if (failure) fail(failure);
      if (batch.length > 0) yield batch;
    }
    parser.end();
    await new Promise<void>((resolve) => setImmediate(resolve));
    const rest = drain();
    if (failure) fail(failure);
    if (rest.length > 0) yield rest;
  }
}

export function csvSheet(path: string, display: string, head: Uint8Array, forced?: Encoding): SheetSource {
  const encoding = detectEncoding(head, display, forced);
  const sample = new TextDecoder(encoding).decode(head);
  return { file: display, merges: [], rows: parseCsvRows({ path, display, encoding, delimiter: guessDelimiter(sample) }) };
}
