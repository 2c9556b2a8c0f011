// A file as it was at a git revision (`HEAD~1:indicators/x.yaml`), read with `git show`:
// how `jixiao diff` compares two versions of one tree without checking either out.
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { inputError } from '../problems/problem.js';

/** `rev:path`, and not a file that exists under that name (a Windows drive letter is one). */
export async function isRevisionSpec(text: string): Promise<boolean> {
  if (!/^[^:\s]+:.+/.test(text) || /^[A-Za-z]:[\\/]/.test(text)) return false;
  return !(await stat(text).then(
    () => true,
    () => false,
  ));
}

const MAX_BYTES = 64 * 1024 * 1024;

export function readRevision(spec: string, cwd: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // no shell: the spec is one argument, whatever it holds
    execFile('git', ['show', spec], { cwd, encoding: 'buffer', maxBuffer: MAX_BYTES, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '找不到 git 命令' : stderr.toString('utf8').trim().split('\n')[0] || error.message;
      reject(inputError('revision-unreadable', `无法从 git 读取 ${spec}：${why}`, { file: spec }, { hint: '写成 修订:路径，如 HEAD~1:indicators/tree.yaml（路径相对于仓库根目录，或以 ./ 开头相对于当前目录）' }));
    });
  });
}
