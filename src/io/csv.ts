// CSV files to raw tables. Cells stay strings (never csv-parse's cast: an
// 18-digit ID would lose digits); the encoding is decided by decode.ts.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { inputError } from '../problems/problem.js';
import { decodeText, type Encoding } from './decode.js';
import type { RawTable } from './raw-table.js';

function guessDelimiter(text: string): string {
  const firstLines = text.split(/\r?\n/).slice(0, 5).join('\n');
  const counts: [string, number][] = [',', '\t', ';'].map((d) => [d, firstLines.split(d).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? counts[0][0] : ',';
}

export async function readCsvTable(path: string, display: string, encoding?: Encoding): Promise<RawTable> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw inputError('file-unreadable', '无法读取文件', { file: display }, { hint: '检查路径是否正确、文件是否存在' });
  }
  if (bytes.length === 0) throw inputError('file-empty', '文件是空的', { file: display });
  const { text } = decodeText(bytes, display, encoding);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, delimiter: guessDelimiter(text), relax_column_count: true, info: true, skip_empty_lines: false }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw inputError('csv-invalid', `CSV 格式有误：${(e as Error).message}`, { file: display, ...(line ? { row: line } : {}) }, { hint: '检查引号是否成对' });
  }
  return { file: display, rows: records.map((r) => ({ row: r.info.lines, cells: r.record })) };
}
