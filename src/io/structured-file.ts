// YAML or JSON configuration files (evaluation.yaml, trees, judgements) to plain data.
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { inputError } from '../problems/problem.js';
import { decodeText } from './decode.js';

export async function readStructuredFile(path: string, display: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw inputError('file-unreadable', '无法读取文件', { file: display }, { hint: '检查路径是否正确、文件是否存在' });
  }
  const text = decodeText(bytes, display);
  if (text.trim() === '') throw inputError('file-empty', '文件是空的', { file: display });
  if (/\.json$/i.test(path)) {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw inputError('json-invalid', `JSON 格式有误：${(e as Error).message}`, { file: display });
    }
  }
  // YAML 1.2 core schema: "0.9" stays a number, "2020" a number, nothing becomes a date
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    throw inputError('yaml-invalid', `YAML 格式有误：${first.message.split('\n')[0] ?? ''}`, { file: display, ...(line ? { row: line } : {}) }, { hint: '检查缩进和冒号' });
  }
  return doc.toJS() as unknown;
}
