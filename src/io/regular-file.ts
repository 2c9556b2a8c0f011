// An input path must name a regular file: a folder, FIFO or device where a file is
// expected would hang the read (a FIFO blocks on open) or grow memory without end
// (/dev/zero). Checked before the file is opened; symlinks are followed.
import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { inputError } from '../problems/problem.js';

export async function regularFile(path: string, display: string): Promise<Stats> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw inputError('file-unreadable', '文件不存在', { file: display }, { hint: '检查路径是否正确' });
    if (code === 'EACCES' || code === 'EPERM') throw inputError('file-unreadable', '没有读取这个文件的权限', { file: display }, { hint: '检查文件权限，或换一个有权限的账户运行' });
    throw inputError('file-unreadable', `无法读取文件（${code ?? '未知原因'}）`, { file: display }, { hint: '检查路径是否正确、文件是否存在' });
  }
  if (info.isFile()) return info;
  const what = info.isDirectory() ? '文件夹' : info.isFIFO() ? '命名管道（FIFO）' : info.isSocket() ? '套接字' : '设备';
  throw inputError('file-not-regular', `这是一个${what}，不是普通文件`, { file: display }, { hint: info.isDirectory() ? '请给出文件夹里的文件，而不是文件夹本身' : '请给出一个普通的数据文件' });
}
