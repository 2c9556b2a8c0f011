// Where outputs may go, checked before anything is written: a name the file system
// can hold (no NUL, no over-long component), a folder that can be made without
// Node's recursive mkdir (it loops forever under /proc), and never over an input
// (the same path, or the same file reached through another name).
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, parse, resolve } from 'node:path';
import { inputError } from '../problems/problem.js';

/** Bytes in one path component, and in a whole path, on the file systems users have. */
const MAX_NAME_BYTES = 255;
const MAX_PATH_BYTES = 4096;

export function checkOutputName(path: string, shown: string): void {
  if (path.includes('\0')) throw inputError('output-name-invalid', '输出路径中含有 NUL 字符', { file: shown.replace(/\0/g, '\\0') }, { hint: '检查 -o/--out 和 evaluation.yaml 的 output' });
  if (Buffer.byteLength(path) > MAX_PATH_BYTES) throw inputError('output-name-invalid', `输出路径超过 ${MAX_PATH_BYTES} 字节`, {}, { hint: '换一个短一些的输出目录' });
  for (const part of path.split(/[\\/]/)) {
    if (Buffer.byteLength(part) > MAX_NAME_BYTES) {
      throw inputError('output-name-invalid', `输出路径中的「${part.slice(0, 20)}…」超过 ${MAX_NAME_BYTES} 字节，文件系统无法保存`, { file: shown.slice(0, 80) }, { hint: '换一个短一些的名称' });
    }
  }
}

/** Makes the folder and its missing parents one level at a time, from the nearest existing one. */
export async function makeFolder(folder: string, shown: string): Promise<void> {
  const missing: string[] = [];
  let at = resolve(folder);
  for (;;) {
    let info;
    try {
      info = await stat(at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw inputError('output-unwritable', '无法访问输出目录', { file: shown }, { hint: '检查 -o/--out 指定的目录' });
    }
    if (info) {
      if (!info.isDirectory()) throw inputError('output-unwritable', `输出目录的上级「${basename(at)}」不是文件夹`, { file: shown }, { hint: '换一个输出目录' });
      break;
    }
    missing.unshift(at);
    if (at === parse(at).root) break;
    at = dirname(at);
  }
  for (const dir of missing) {
    try {
      await mkdir(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw inputError('output-unwritable', '无法创建输出目录', { file: shown }, { hint: '检查 -o/--out 指定的目录是否可写' });
    }
  }
}

/** The output must not be one of the inputs, by path or by identity (a hard link, a symlink, another spelling). */
export async function refuseInputAsOutput(output: string, shown: string, inputs: readonly string[]): Promise<void> {
  const out = await stat(output).catch(() => undefined);
  for (const input of inputs) {
    const same = resolve(input) === resolve(output) || (out !== undefined && (await stat(input).then((i) => i.dev === out.dev && i.ino === out.ino).catch(() => false)));
    if (same) {
      throw inputError('output-is-input', '输出文件就是输入文件之一，写入会覆盖输入', { file: shown }, { hint: '用 -o/--out 换一个输出目录，或改 evaluation.yaml 的 output' });
    }
  }
}
