// Paths written inside an evaluation folder (evaluation.yaml's tree and inputs):
// portable between Windows and here (backslashes are separators everywhere), and
// kept inside the folder on their real paths (symlinks resolved), unless the user
// lifts that for the run (--allow-outside).
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep, win32 } from 'node:path';
import { inputError } from '../problems/problem.js';

/** A path as written in the folder's files, in this system's form. */
export function portablePath(written: string, where: { file?: string; field?: string } = {}): string {
  if (sep === '/' && win32.isAbsolute(written) && /^[A-Za-z]:|^\\\\/.test(written)) {
    throw inputError('path-invalid', `「${written}」是 Windows 的绝对路径，在这台电脑上无效`, where, { hint: '在 evaluation.yaml 中写相对于评价目录的路径，例如 rosters/2020.csv' });
  }
  return sep === '/' ? written.replace(/\\/g, '/') : written;
}

async function real(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    // a path that does not exist (yet) is judged as written; reading it reports it missing
    return resolve(path);
  }
}

/** Resolves `written` against `dir`; outside `dir` (by real paths) is an error unless allowed. */
export async function resolveInside(dir: string, written: string, where: { file: string; field: string }, allowOutside: boolean): Promise<string> {
  const path = resolve(dir, portablePath(written, where));
  if (allowOutside) return path;
  const [root, target] = await Promise.all([real(dir), real(path)]);
  const rel = relative(root, target);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) return path;
  throw inputError('path-outside', `「${written}」在评价目录之外`, { file: where.file, field: where.field }, { hint: '把文件放进评价目录；确需引用目录外的文件时加 --allow-outside' });
}
