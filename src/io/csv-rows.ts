// CSV rows as a stream, checked against their encoding (see checkedContent); cells stay strings
// (never csv-parse's cast: an 18-digit ID would lose digits).
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { CsvError, parse } from 'csv-parse';
import { inputError } from '../problems/problem.js';
import { MAX_COLUMNS } from './cell-range.js';
import type { Encoding } from './decode.js';
import { DEFAULT_LIMITS, limitHint, type InputLimits } from './limits.js';
import type { RawRow } from './raw-table.js';
import type { SheetSource } from './sheet-source.js';
import { detectEncoding } from './sniff.js';


export function guessDelimiter(sample: string): string {
  const lines = sample.split(/\r?\n/).slice(0, 10).join('\n');
  const counts: [string, number][] = [',', '\t', ';'].map((d) => [d, lines.split(d).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? counts[0][0] : ',';
}

function countNewlines(chunk: Uint8Array | string): number {
  let n = 0;
  let at = typeof chunk === 'string' ? chunk.indexOf('\n') : chunk.indexOf(10);
  while (at >= 0) {
    n += 1;
    at = typeof chunk === 'string' ? chunk.indexOf('\n', at + 1) : chunk.indexOf(10, at + 1);
  }
  return n;
}

/** Length of the prefix of `bytes` that ends on a whole UTF-8 character. */
export function wholeUtf8Prefix(bytes: Uint8Array): number {
  let lead = bytes.length - 1;
  while (lead >= 0 && bytes.length - lead < 4 && ((bytes[lead] as number) & 0xc0) === 0x80) lead -= 1;
  if (lead < 0) return bytes.length;
  const b = bytes[lead] as number;
  const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return bytes.length - lead >= size ? bytes.length : lead;
}

/** Length of the longest valid UTF-8 prefix of `bytes` (to the character), to name the line of a bad byte. */
function validUtf8Length(bytes: Uint8Array): number {
  let valid = 0;
  let invalid = bytes.length;
  while (invalid - valid > 1) {
    const mid = (valid + invalid) >>> 1;
    if (isUtf8(bytes.subarray(0, wholeUtf8Prefix(bytes.subarray(0, mid))))) valid = mid;
    else invalid = mid;
  }
  return valid;
}

/**
 * The file's content for csv-parse, checked against its encoding. UTF-8 goes on as
 * the bytes themselves (csv-parse works on bytes; handing it strings would make it
 * encode them back), checked whole character by whole character; other encodings
 * as text from a fatal streaming decoder. A wrong encoding is an error, never U+FFFD.
 */
async function* checkedContent(path: string, encoding: Encoding, display: string): AsyncGenerator<Buffer | string> {
  const decoder = encoding === 'utf-8' ? undefined : new TextDecoder(encoding, { fatal: true });
  let line = 1;
  let carry: Buffer | undefined;
  const nulError = (at: number) =>
    inputError('file-binary', `第 ${at} 行（文本行）含有 NUL 字节（\\0），不是文本文件该有的内容`, { file: display }, { hint: '文件可能已损坏，或是从数据库导出时带入了空字符：用文本编辑器删除后再试' });
  const mismatch = () =>
    inputError('encoding-mismatch', `第 ${line} 行附近有不是 ${encoding} 编码的字节`, { file: display }, { hint: '文件可能混用了编码；用 --encoding 指定，或在 Excel 中另存为「CSV UTF-8」' });
  for await (const read of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    if (decoder) {
      let text: string;
      try {
        text = decoder.decode(read, { stream: true });
      } catch {
        throw mismatch();
      }
      const nul = text.indexOf('\0');
      if (nul >= 0) throw nulError(line + countNewlines(text.slice(0, nul)));
      line += countNewlines(read);
      yield text;
      continue;
    }
    // a character split between two reads is checked whole, with the next read
    const chunk = carry ? Buffer.concat([carry, read]) : read;
    const whole = wholeUtf8Prefix(chunk);
    carry = whole < chunk.length ? chunk.subarray(whole) : undefined;
    if (!isUtf8(chunk.subarray(0, whole))) {
      line += countNewlines(chunk.subarray(0, validUtf8Length(chunk.subarray(0, whole))));
      throw mismatch();
    }
    const nul = chunk.subarray(0, whole).indexOf(0);
    if (nul >= 0) throw nulError(line + countNewlines(chunk.subarray(0, nul)));
    line += countNewlines(read);
    yield chunk.subarray(0, whole);
  }
  if (carry) throw mismatch();
  if (decoder) {
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      throw mismatch();
    }
    if (rest) yield rest;
  }
}

/**
 * csv-parse builds a CsvError (a stack trace and a JSON copy of the record) for every
 * record whose length differs from the first one's, even with relax_column_count,
 * only to drop it: a file of blank lines, or a roster under a one-cell title row,
 * paid 18 µs a row for nothing (1M blank lines: 25 s). Rows may have any length
 * here, so each record is made the expected length before it is checked. Without
 * the internals this relies on, parsing stays correct, only slower.
 */
function acceptAnyRecordLength(parser: ReturnType<typeof parse>): void {
  const api = (parser as unknown as { api?: { __onRecord?: (push: unknown) => unknown; state?: { record: unknown[]; expectedRecordLength: number } } }).api;
  const original = api?.__onRecord;
  if (!api || typeof original !== 'function' || !api.state) return;
  api.__onRecord = function (this: NonNullable<typeof api>, push: unknown) {
    if (this.state) this.state.expectedRecordLength = this.state.record.length;
    return original.call(this, push);
  };
}

export interface CsvJob {
  path: string;
  display: string;
  encoding: Encoding;
  delimiter: string;
  /** largest record accepted, in characters: a 10 MB cell is a broken file, not a roster */
  maxRecord?: number;
}

/** Parse a CSV file into batches of rows (in this thread; see csv-worker.ts for the other). */
export async function* parseCsvRows({ path, display, encoding, delimiter, maxRecord = DEFAULT_LIMITS['csv-record-chars'] }: CsvJob): AsyncGenerator<RawRow[]> {
  {
    // info: true would build an info object per record (a third of the parse time on
    // large files); the parser's live `info` read as each record is pushed gives the same
    // relax_quotes: a quote inside an unquoted cell (山西"三晋"公司, common in unit names)
    // is text, as Excel reads it; record_delimiter: files that mix CRLF and LF (edited
    // in two programs) would otherwise merge rows after the first line ending changes
    const parser = parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n'], skip_empty_lines: false, max_record_size: maxRecord });
    acceptAnyRecordLength(parser);
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
        // a line of commas is a record of empty cells that no size limit catches
        if (record.length > MAX_COLUMNS) {
          throw inputError('csv-too-many-cells', `第 ${records} 行有 ${record.length} 个单元格，超过 Excel 的最大列数 ${MAX_COLUMNS}`, { file: display, row: records }, { hint: '文件可能已损坏，或分隔符不对' });
        }
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
        throw inputError('csv-record-too-large', `从第 ${previousEnd + 1} 行（文本行）开始的记录超过 ${maxRecord} 个字符`, { file: display }, { hint: `文件可能已损坏或引号不成对；${limitHint('csv-record-chars', maxRecord)}` });
      }
      // by instance, not by prefix: not all of csv-parse's codes start with CSV_ (INVALID_OPENING_QUOTE)
      if (e instanceof CsvError) throw inputError('csv-invalid', `CSV 格式有误（${code ?? e.message}）`, { file: display, row: previousEnd + 1 });
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

export function csvSheet(path: string, display: string, head: Uint8Array, forced?: Encoding, limits: InputLimits = DEFAULT_LIMITS): SheetSource {
  const encoding = detectEncoding(head, display, forced);
  const sample = new TextDecoder(encoding).decode(head);
  return { file: display, merges: [], rows: parseCsvRows({ path, display, encoding, delimiter: guessDelimiter(sample), maxRecord: limits['csv-record-chars'] }) };
}
