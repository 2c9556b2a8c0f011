// YAML or JSON configuration files (evaluation.yaml, trees, judgements) to plain
// data, bounded: regular files only, a size cap, YAML aliases capped (a "billion
// laughs" file expands exponentially), no cycles, and a bounded nesting depth.
import { open } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { inputError } from '../problems/problem.js';
import { decodeText } from './decode.js';
import { DEFAULT_LIMITS, limitHint } from './limits.js';
import { regularFile } from './regular-file.js';

/** Deeper than any tree the tool knows (three levels of indicators, a rule, its parts). */
export const MAX_DEPTH = 64;
/** Aliases a file may resolve: a real file uses a handful; a bomb, millions. */
const MAX_ALIASES = 1_000;

/** A regular file's bytes, refused past `maxMb`. */
export async function readCapped(path: string, display: string, maxMb: number): Promise<Buffer> {
  const info = await regularFile(path, display);
  const max = maxMb * 1024 * 1024;
  if (info.size > max) {
    throw inputError('file-too-large', `文件有 ${Math.ceil(info.size / 1024 / 1024)} MB，超过配置文件的上限 ${maxMb} MB`, { file: display }, { hint: limitHint('config-mb', maxMb) });
  }
  const handle = await open(path, 'r');
  try {
    // read at most one byte past the cap: a file growing while read is still bounded
    const buffer = Buffer.alloc(Math.min(info.size, max) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > max) throw inputError('file-too-large', `文件超过配置文件的上限 ${maxMb} MB`, { file: display }, { hint: limitHint('config-mb', maxMb) });
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A cycle or a nesting deeper than MAX_DEPTH is refused: later steps walk the data recursively. */
function checkShape(value: unknown, display: string): void {
  const path = new Set<unknown>();
  const walk = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object') return;
    if (depth > MAX_DEPTH) throw inputError('config-too-deep', `嵌套超过 ${MAX_DEPTH} 层`, { file: display }, { hint: '指标体系最多三级；检查缩进是否错位' });
    if (path.has(v)) throw inputError('config-cyclic', 'YAML 锚点（&）引用了自身，内容无限循环', { file: display }, { hint: '去掉循环的别名（*）引用' });
    path.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) walk(child, depth + 1);
    path.delete(v);
  };
  walk(value, 0);
}

/** The yaml library's error codes in words (its own messages are English). */
const YAML_ERRORS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: '这里不能再嵌套键值（常见原因：缩进不对，或值中有未加引号的冒号）',
  BAD_INDENT: '缩进不对，或方括号 / 花括号没有闭合',
  DUPLICATE_KEY: '同一层中有重复的键',
  TAB_AS_INDENT: '不能用制表符缩进，请改用空格',
  MISSING_CHAR: '缺少闭合的引号或括号',
  UNEXPECTED_TOKEN: '这里出现了意外的内容（常见原因：列表项和键值写在了同一层）',
  BAD_SCALAR_START: '值不能以 @ ` 等保留字符开头，请给值加引号',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（常见原因：上一行的引号没有闭合）',
  UNEXPECTED_FLOW_CHAR: '这里出现了意外的括号或逗号，请给值加引号',
  BAD_ALIAS: '别名（*）写法有误',
  MULTIPLE_DOCS: '一个文件只能有一个 YAML 文档（去掉多余的 ---）',
};

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

export async function readStructuredFile(path: string, display: string, maxMb = DEFAULT_LIMITS['config-mb']): Promise<unknown> {
  const bytes = await readCapped(path, display, maxMb);
  return parseStructured(bytes, display, /\.json$/i.test(path));
}

/** YAML or JSON bytes from elsewhere than a file (a git revision), read as a file's would be. */
export function parseStructured(bytes: Uint8Array, display: string, json: boolean): unknown {
  const text = decodeText(bytes, display);
  if (text.trim() === '') throw inputError('file-empty', '文件是空的', { file: display });
  let value: unknown;
  if (json) {
    try {
      value = JSON.parse(text) as unknown;
    } catch (e) {
      if (e instanceof RangeError) throw inputError('config-too-deep', 'JSON 嵌套过深，无法读取', { file: display });
      // V8's message quotes the text around the error: say where, not what (the file may be anything)
      const at = /position (\d+)/.exec((e as Error).message)?.[1];
      const place = at === undefined ? undefined : lineAndColumn(text, Number(at));
      throw inputError('json-invalid', place ? `JSON 格式有误（第 ${place.column} 列附近）` : 'JSON 格式有误', { file: display, ...(place ? { row: place.line } : {}) }, { hint: '检查逗号、引号和括号是否成对' });
    }
  } else {
    try {
      // YAML 1.2 core schema: "0.9" stays a number, "2020" a number, nothing becomes a date
      const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
      const first = doc.errors[0];
      if (first?.message.startsWith('Maximum call stack')) throw new RangeError(first.message);
      if (first) {
        const place = lineAndColumn(text, first.pos[0]);
        throw inputError('yaml-invalid', `YAML 格式有误（第 ${place.column} 列）：${YAML_ERRORS[first.code] ?? '无法解析'}`, { file: display, row: place.line }, { hint: '检查缩进（只用空格）、冒号后的空格和引号' });
      }
      value = doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
    } catch (e) {
      if (e instanceof RangeError) throw inputError('config-too-deep', 'YAML 嵌套过深，无法读取', { file: display }, { hint: '指标体系最多三级；检查缩进和括号是否成对' });
      if (e instanceof ReferenceError) {
        throw inputError('yaml-alias-limit', `YAML 别名（*）展开过多（上限 ${MAX_ALIASES} 次），疑似「别名炸弹」`, { file: display }, { hint: '把别名引用改成直接写出的内容' });
      }
      throw e;
    }
  }
  checkShape(value, display);
  return value;
}
