// Encodings by name, and whole small files (configuration) to text with the
// same deterministic order the CSV reader uses (sniff.ts: BOM → strict UTF-8 →
// strict GB18030 → a clear error).
import { inputError } from '../problems/problem.js';
import { detectEncoding } from './sniff.js';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

const ALIASES: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

export function normaliseEncoding(name: string): Encoding | undefined {
  return ALIASES[name.toLowerCase()];
}

export function decodeText(bytes: Uint8Array, file: string): string {
  const encoding = detectEncoding(bytes, file);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw inputError('encoding-mismatch', `文件内容不是有效的 ${encoding} 编码`, { file }, { hint: '另存为 UTF-8 编码后再试' });
  }
}
