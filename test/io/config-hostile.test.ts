// Configuration, tree and judgements files as hostile ones come: alias bombs,
// cycles, deep nesting, endless devices, folders and FIFOs. Each is a message.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffFile } from '../../src/io/sniff.js';
import { readStructuredFile } from '../../src/io/structured-file.js';
import { InputError, type Problem } from '../../src/problems/problem.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-cfg-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
async function failure(run: () => Promise<unknown>): Promise<Problem> {
  try {
    await run();
  } catch (e) {
    if (e instanceof InputError && e.problems[0]) return e.problems[0];
    throw e;
  }
  throw new Error('did not fail');
}

describe('bounded YAML', () => {
  it('an alias bomb ("billion laughs") is refused by its alias count', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i += 1) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const p = await failure(() => readStructuredFile(file('bomb.yaml', lines.join('\n')), 'bomb.yaml'));
    expect([p.code, p.where.file]).toEqual(['yaml-alias-limit', 'bomb.yaml']);
  });

  it('a cyclic alias is refused', async () => {
    const p = await failure(() => readStructuredFile(file('cycle.yaml', 'a: &x\n  b: *x\n'), 'cycle.yaml'));
    expect(p.code).toBe('config-cyclic');
  });

  it('nesting thousands deep is refused, in block and in flow style, and in JSON', async () => {
    const block = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n';
    expect((await failure(() => readStructuredFile(file('deep.yaml', block), 'deep.yaml'))).code).toBe('config-too-deep');
    expect((await failure(() => readStructuredFile(file('flow.yaml', `${'['.repeat(100_000)}${']'.repeat(100_000)}`), 'flow.yaml'))).code).toBe('config-too-deep');
    expect((await failure(() => readStructuredFile(file('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`), 'deep.json'))).code).toBe('config-too-deep');
    // 64 levels are fine
    const ok = Array.from({ length: 60 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n';
    await expect(readStructuredFile(file('ok.yaml', ok), 'ok.yaml')).resolves.toBeTypeOf('object');
  });

  it('a file above the size cap, naming the limit and the option', async () => {
    const p = await failure(() => readStructuredFile(file('big.yaml', `a: "${'x'.repeat(2 * 1024 * 1024)}"\n`), 'big.yaml', 1));
    expect([p.code, p.message]).toEqual(['file-too-large', '文件有 3 MB，超过配置文件的上限 1 MB']);
    expect(p.hint).toContain('--limit config-mb=2');
  });
});

describe('only regular files are read', () => {
  it('/dev/zero, a folder and a FIFO are refused before they are opened', async () => {
    const folder = join(dir, 'rosters');
    mkdirSync(folder);
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const cases: [string, string][] = [
      ['/dev/zero', '这是一个设备，不是普通文件'],
      [folder, '这是一个文件夹，不是普通文件'],
      [fifo, '这是一个命名管道（FIFO），不是普通文件'],
    ];
    for (const [path, message] of cases) {
      for (const read of [() => readStructuredFile(path, 'x'), () => sniffFile(path, 'x')]) {
        const p = await failure(read);
        expect([p.code, p.message]).toEqual(['file-not-regular', message]);
      }
    }
  });

  it('a missing file says so', async () => {
    const p = await failure(() => sniffFile(join(dir, 'none.csv'), 'none.csv'));
    expect([p.code, p.message]).toEqual(['file-unreadable', '文件不存在']);
  });
});

describe('syntax errors say where, in Chinese', () => {
  it.each([
    ['t.yaml', 'a: 1\nb:\n\t- 1\n', 'yaml-invalid', 3, 'YAML 格式有误（第 1 列）：不能用制表符缩进，请改用空格'],
    // an unclosed bracket is found where the file ends
    ['t.yaml', 'title: x\nlist: [1, 2\n', 'yaml-invalid', 3, 'YAML 格式有误（第 1 列）：缩进不对，或方括号 / 花括号没有闭合'],
    ['t.yaml', 'a: 1\na: 2\n', 'yaml-invalid', 2, 'YAML 格式有误（第 1 列）：同一层中有重复的键'],
    ['t.yaml', 'a: @x\n', 'yaml-invalid', 1, 'YAML 格式有误（第 4 列）：值不能以 @ ` 等保留字符开头，请给值加引号'],
    ['t.json', '{\n  "a": 1,,\n}', 'json-invalid', 2, 'JSON 格式有误（第 10 列附近）'],
  ])('%s %j', async (name, text, code, row, message) => {
    const p = await failure(() => readStructuredFile(file(name, text), name));
    expect([p.code, p.where.row, p.message]).toEqual([code, row, message]);
  });
});
