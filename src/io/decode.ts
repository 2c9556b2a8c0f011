// Bytes to text with a deterministic encoding order: BOM → strict UTF-8 →
// strict GB18030 (what Excel on Chinese Windows writes) → a clear error.
// Statistical detectors misjudge short Chinese samples, so none is used.
import { inputError } from '../problems/problem.js';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

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

function strict(encoding: Encoding, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeText(bytes: Uint8Array, file: string, forced?: Encoding): Decoded {
  if (forced) {
    const text = strict(forced, bytes);
    if (text === undefined) {
      throw inputError('encoding-mismatch', `文件内容不是 ${forced} 编码`, { file }, { hint: '去掉 --encoding 让程序自动识别，或换用正确的编码名' });
    }
    return { text, encoding: forced };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes);
    if (text !== undefined) return { text, encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strict('utf-16le', bytes) ?? '', encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strict('utf-16be', bytes) ?? '', encoding: 'utf-16be' };
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb = strict('gb18030', bytes);
  if (gb !== undefined) return { text: gb, encoding: 'gb18030' };
  throw inputError('encoding-unknown', '无法识别文件编码（既不是 UTF-8 也不是 GB18030/GBK）', { file }, { hint: '用 --encoding 指定编码，或在 Excel 中另存为「CSV UTF-8」' });
}
