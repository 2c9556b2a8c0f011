// The table files a command is given: files, folders (their .csv and .xlsx files, subfolders
// included, Excel's ~$ lock files left out) and glob patterns (for shells that do not expand
// them, such as Windows'), each file once, in a stable order. batch and review read them.
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { problem, type Problem } from '../problems/problem.js';

export interface InputFile {
  path: string;
  display: string;
}

const TABLE_FILE = /\.(csv|xlsx)$/i;

export async function expandInputs(args: readonly string[], shown: (given: string, path: string) => string, kinds: RegExp = TABLE_FILE): Promise<{ files: InputFile[]; missing: Problem[] }> {
  const files: InputFile[] = [];
  const missing: Problem[] = [];
  const seen = new Set<string>();
  const push = (path: string, given: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ path, display: shown(given, path) });
  };
  for (const arg of args) {
    if (isDynamicPattern(arg.replaceAll('\\', '/'))) {
      const found = (await glob(arg.replaceAll('\\', '/'), { absolute: true, onlyFiles: true })).filter((f) => kinds.test(f)).sort();
      if (found.length === 0) missing.push(problem('error', 'file-unreadable', '没有文件与此模式匹配', { file: arg }, { hint: '检查模式，或直接列出文件和文件夹' }));
      for (const f of found) push(resolve(f), isAbsolute(arg) ? f : relative(process.cwd(), f));
      continue;
    }
    const path = resolve(arg);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const inside = (await readdir(path, { recursive: true })).filter((f) => kinds.test(f) && !/(^|[\\/])~\$/.test(f)).sort();
      if (inside.length === 0) missing.push(problem('warning', 'folder-empty', '文件夹中没有 CSV 或 XLSX 文件', { file: shown(arg, path) }));
      for (const f of inside) push(join(path, f), join(arg, f));
      continue;
    }
    // a missing file is reported by the reader like any unreadable one
    push(path, arg);
  }
  return { files, missing };
}
