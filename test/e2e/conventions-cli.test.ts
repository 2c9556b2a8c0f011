// The conventions that need a real process, end to end on bin/: output safety (names,
// folders, never over an input, temp files of killed and running processes), signals,
// stdout closed or full, non-regular inputs, paths inside the evaluation folder.
// The rest of the conventions run through main() in test/cli/conventions.test.ts.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, copyFixture, edit } from '../helpers/fixture-copy.js';
import { runCli } from '../helpers/run-cli.js';

const BIN = join(ROOT, 'bin/jixiao.js');
const MESSY = (f: string) => join(ROOT, 'fixtures/messy', f);
const scratch = () => mkdtempSync(join(tmpdir(), 'jixiao-conv-'));

describe('outputs', () => {
  it('a folder under /proc, a NUL and an over-long name are messages, not hangs or crashes', () => {
    const cwd = scratch();
    const proc = runCli(['audit', join(ROOT, 'fixtures/xiangyuan/rosters/2020.csv'), '-o', '/proc/jixiao/out'], cwd);
    expect(proc.code).toBe(2);
    expect(proc.stderr).toContain('[output-unwritable]');
    const long = runCli(['audit', join(ROOT, 'fixtures/xiangyuan/rosters/2020.csv'), '-o', join(cwd, '长'.repeat(100))], cwd);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('[output-name-invalid]');
    const dir = copyFixture('xiangyuan');
    edit(dir, 'evaluation.yaml', (t) => t.replace('output: 评分结果.xlsx', 'output: "评分\\0结果.xlsx"'));
    const nul = runCli(['score', dir], cwd);
    expect(nul.code).toBe(2);
    expect(nul.stderr).not.toContain('内部错误');
  });

  it('never replaces an input, by the same path or through a hard link', () => {
    const cwd = scratch();
    mkdirSync(join(cwd, 'out'));
    copyFileSync(join(ROOT, 'fixtures/xiangyuan/rosters/2020.csv'), join(cwd, 'roster.csv'));
    linkSync(join(cwd, 'roster.csv'), join(cwd, 'out', '数据核查.xlsx'));
    const run = runCli(['audit', 'roster.csv', '-o', 'out'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[output-is-input]');
    const same = runCli(['audit', join('out', '数据核查.xlsx'), '-o', 'out'], cwd);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('输出文件就是输入文件之一');
  });

  it('a stale temp file of a killed run is removed; one of a running process is left alone', () => {
    const cwd = scratch();
    mkdirSync(join(cwd, 'jixiao-out'));
    // pid 4194303 is above Linux's pid_max default range in containers: not running
    writeFileSync(join(cwd, 'jixiao-out', '评分结果.xlsx.4194303.tmp'), 'half');
    writeFileSync(join(cwd, 'jixiao-out', `评分结果.xlsx.${process.pid}.tmp`), 'mine');
    expect(runCli(['score', join(ROOT, 'fixtures/xiangyuan')], cwd).code).toBe(0);
    expect(readdirSync(join(cwd, 'jixiao-out')).sort()).toEqual([`评分结果.xlsx.${process.pid}.tmp`, '评分结果.xlsx'].sort());
  });

  it('SIGTERM during a write removes the temp file and exits 143', () => {
    const cwd = scratch();
    const script = `
      import { installProcessGuards } from ${JSON.stringify(join(ROOT, 'dist/cli/process-guards.js'))};
      import { registerTemp, tempPathFor } from ${JSON.stringify(join(ROOT, 'dist/io/temp-files.js'))};
      import { writeFileSync } from 'node:fs';
      installProcessGuards();
      const tmp = tempPathFor(${JSON.stringify(join(cwd, 'out.xlsx'))});
      registerTemp(tmp);
      writeFileSync(tmp, 'half a workbook');
      process.kill(process.pid, 'SIGTERM');
      setTimeout(() => {}, 5000);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(143);
    expect(readdirSync(cwd)).toEqual([]);
    expect(run.stderr).toContain('已中断');
  });
});

describe('stdout closed or full', () => {
  it('closed early (| head): exits quietly, no stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'validate', join(ROOT, 'fixtures/xiangyuan/rosters/2020.csv'), '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).not.toBe(70);
    expect(stderr).not.toMatch(/at .*\.js:\d+|内部错误/);
  });

  it('full (/dev/full): one line on stderr and exit 2', () => {
    const run = spawnSync(process.execPath, [BIN, 'validate', MESSY('utf8-bom.csv')], { stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'], encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('无法写入标准输出（ENOSPC）\n');
  });
});

describe('inputs', () => {
  it('a folder and a FIFO among the files: each a message, the others still checked', () => {
    const cwd = scratch();
    mkdirSync(join(cwd, 'rosters'));
    spawnSync('mkfifo', [join(cwd, 'pipe.csv')]);
    const run = runCli(['validate', 'rosters', 'pipe.csv', MESSY('utf8-bom.csv'), '--format', 'json'], cwd);
    expect(run.code).toBe(2);
    const json = JSON.parse(run.stdout);
    expect(json.result.files.map((f: { readable: boolean; records: number }) => [f.readable, f.records])).toEqual([
      [false, 0],
      [false, 0],
      [true, 3],
    ]);
    expect(json.problems.map((p: { code: string; message: string }) => [p.code, p.message])).toEqual([
      ['file-not-regular', '这是一个文件夹，不是普通文件'],
      ['file-not-regular', '这是一个命名管道（FIFO），不是普通文件'],
    ]);
  });

  it('paths in evaluation.yaml stay inside the folder unless --allow-outside; backslashes work', () => {
    const dir = copyFixture('xiangyuan');
    copyFileSync(join(dir, 'tree.yaml'), join(dir, '..', 'tree.yaml'));
    edit(dir, 'evaluation.yaml', (t) => t.replace(/^tree: .*$/m, 'tree: ../tree.yaml'));
    const cwd = scratch();
    const refused = runCli(['score', dir], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('[path-outside]');
    expect(refused.stderr).toContain('--allow-outside');
    expect(runCli(['score', dir, '--allow-outside'], cwd).code).toBe(0);
    const win = copyFixture('xiangyuan');
    edit(win, 'evaluation.yaml', (t) => t.replace(/rosters\//g, 'rosters\\\\'));
    const run = runCli(['score', win, '--format', 'json'], cwd);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).result.total).toBe('88.50');
    expect(existsSync(join(cwd, 'jixiao-out', '评分结果.xlsx'))).toBe(true);
  });
});

