// What a file is, from its first bytes: an XLSX (zip), a legacy or encrypted
// OLE2 file (.xls, WPS .et, a password-protected .xlsx), or text in some encoding.
import { open } from 'node:fs/promises';
import { inputError } from '../problems/problem.js';
import type { Encoding } from './decode.js';
import { regularFile } from './regular-file.js';

export type FileKind = 'zip' | 'ole2' | 'text';

export interface Sniffed {
  kind: FileKind;
  /** the first bytes of the file (up to 64 KiB) */
  head: Uint8Array;
  size: number;
}

const HEAD = 64 * 1024;

export async function sniffFile(path: string, display: string): Promise<Sniffed> {
  await regularFile(path, display);
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    throw inputError('file-unreadable', '无法读取文件', { file: display }, { hint: '检查路径是否正确、文件是否存在' });
  }
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, HEAD));
    if (head.length > 0) await handle.read(head, 0, head.length, 0);
    if (size === 0) throw inputError('file-empty', '文件是空的', { file: display });
    if (head[0] === 0x50 && head[1] === 0x4b) return { kind: 'zip', head, size };
    if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return { kind: 'ole2', head, size };
    return { kind: 'text', head, size };
  } finally {
    await handle.close();
  }
}

/** An OLE2 file is an encrypted OOXML workbook when it holds an EncryptionInfo stream. */
export function isEncryptedOle(head: Uint8Array): boolean {
  const marker = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).includes(marker);
}

function decodes(encoding: Encoding, bytes: Uint8Array): boolean {
  try {
    // stream: true leaves a character cut at the end of the sample undecided
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** BOM → strict UTF-8 → strict GB18030 → a clear error; `forced` wins. */
export function detectEncoding(head: Uint8Array, display: string, forced?: Encoding): Encoding {
  if (forced) return forced;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  // UTF-32's BOM begins like UTF-16LE's: tell them apart before reading NULs as text
  if ((head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) || (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff)) {
    throw inputError('encoding-unsupported', '文件是 UTF-32 编码（第 1 行的字节顺序标记），无法读取', { file: display, row: 1 }, { hint: '在 Excel 中另存为「CSV UTF-8」，或用文本编辑器另存为 UTF-8' });
  }
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const nul = head.indexOf(0);
  if (nul >= 0) {
    const line = 1 + head.subarray(0, nul).reduce((n, b) => (b === 10 ? n + 1 : n), 0);
    throw inputError('file-binary', `文件第 ${line} 行（文本行）含有 NUL 字节，不是文本（CSV）文件`, { file: display }, { hint: '确认文件类型；Excel 文件请保存为 .xlsx' });
  }
  if (decodes('utf-8', head)) return 'utf-8';
  if (decodes('gb18030', head)) return 'gb18030';
  throw inputError('encoding-unknown', '无法识别文件编码（既不是 UTF-8 也不是 GB18030/GBK）', { file: display }, { hint: '用 --encoding 指定编码，或在 Excel 中另存为「CSV UTF-8」' });
}

/** Legacy .xls, WPS .et and encrypted workbooks: refused by their bytes, saying what to do. */
export function refuseOle(sniffed: Sniffed, display: string): never {
  if (isEncryptedOle(sniffed.head)) {
    throw inputError('xlsx-encrypted', '工作簿设置了打开密码（已加密），无法读取', { file: display }, { hint: '在 Excel 中去掉密码（文件 > 信息 > 保护工作簿）后另存为 .xlsx' });
  }
  throw inputError('xls-legacy', '这是旧版 Excel（.xls）或 WPS（.et）文件，无法直接读取', { file: display }, { hint: '在 Excel 或 WPS 中另存为 .xlsx 后再试' });
}
