// The conventions every command shares, end to end on the real bin/: the JSON
// envelope (also for usage errors), --quiet, refused options, output safety
// (names, folders, never over an input, temp files), stdout closed or full,
// non-regular inputs, paths inside the evaluation folder, --limit.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, copyFixture, edit } from '../helpers/fixture-copy.js';
import { runCli } from '../helpers/run-cli.js';

const BIN = join(ROOT, 'bin/jixiao.js');
const MESSY = (f: string) => join(ROOT, 'fixtures/messy', f);
const scratch = () => mkdtempSync(join(tmpdir(), 'jixiao-conv-'));

describe('the JSON envelope', () => {
  it('every command prints schema, command, ok, summary, problems, result; ok is exactly exit 0', () => {
    const cwd = scratch();
    const runs = [
      ['validate', MESSY('utf8-bom.csv')],
      ['validate', MESSY('ids.csv')],
      ['audit', join(ROOT, 'fixtures/xiangyuan/rosters/2020.csv')],
      ['score', join(ROOT, 'fixtures/xiangyuan')],
    ];
    for (const args of runs) {
      const run = runCli([...args, '--format', 'json'], cwd);
      const json = JSON.parse(run.stdout);
      expect(Object.keys(json)).toEqual(['schema', 'command', 'ok', 'summary', 'problems', 'result']);
      expect([json.schema, json.command, json.ok]).toEqual([1, args[0], run.code === 0]);
    }
  });

  it('usage errors print the envelope on stdout, exit 2, and nothing on stderr', () => {
    const cwd = scratch();
    for (const [args, command, text] of [
      [['validate', '--format', 'json'], 'validate', "missing required argument 'files'"],
      [['validate', MESSY('utf8-bom.csv'), '--format', 'json', '--bogus'], 'validate', "unknown option '--bogus'"],
      [['score', join(ROOT, 'fixtures/xiangyuan'), '--format', 'json', '--fail-on', 'sometimes'], 'score', "'sometimes' is invalid"],
      [['frobnicate', '--format', 'json'], 'jixiao', "unknown command 'frobnicate'"],
    ] as [string[], string, string][]) {
      const run = runCli(args, cwd);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('');
      const json = JSON.parse(run.stdout);
      expect([json.command, json.ok, json.summary.errors, json.problems[0].code]).toEqual([command, false, 1, 'usage']);
      expect(json.problems[0].message).toContain(text);
    }
  });

  it('an unreadable input under --format json is the envelope with its problem', () => {
    const run = runCli(['score', 'no-such-dir', '--format', 'json'], scratch());
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ command: 'score', ok: false, problems: [{ code: 'evaluation-missing' }], result: {} });
  });
});

describe('options', () => {
  it('an option a command does not use is refused: validate writes nothing, so -o is an error', () => {
    const run = runCli(['validate', MESSY('utf8-bom.csv'), '-o', 'x'], scratch());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '-o'");
  });

  it('--quiet prints the problems only', () => {
    const cwd = scratch();
    const loud = runCli(['validate', MESSY('ids.csv')], cwd);
    const quiet = runCli(['validate', MESSY('ids.csv'), '--quiet'], cwd);
    expect(loud.stdout).toContain('错误 1 个');
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe(loud.stderr);
    expect(quiet.code).toBe(1);
    const score = runCli(['score', join(ROOT, 'fixtures/xiangyuan'), '-q'], cwd);
    expect([score.code, score.stdout]).toEqual([0, '']);
  });

  it('--limit is applied (a record limit met) and a wrong one is a usage error', () => {
    const cwd = scratch();
    const small = runCli(['validate', MESSY('utf8-bom.csv'), '--limit', 'csv-record-chars=10'], cwd);
    expect(small.code).toBe(2);
    expect(small.stderr).toContain('[csv-record-too-large]');
    expect(small.stderr).toContain('--limit csv-record-chars=20');
    const wrong = runCli(['validate', MESSY('utf8-bom.csv'), '--limit', 'speed=11'], cwd);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--limit 的值无法识别：speed=11');
  });

  it('paths are shown as given: relative when given relative, as given when absolute', () => {
    const rel = runCli(['validate', 'fixtures/messy/ids.csv', '--format', 'json'], ROOT);
    const abs = runCli(['validate', MESSY('ids.csv'), '--format', 'json'], ROOT);
    expect(JSON.parse(rel.stdout).result.files[0].file).toBe(join('fixtures', 'messy', 'ids.csv'));
    expect(JSON.parse(abs.stdout).result.files[0].file).toBe(MESSY('ids.csv'));
    const out = scratch();
    expect(JSON.parse(runCli(['audit', 'fixtures/xiangyuan/rosters/2020.csv', '-o', out, '--format', 'json'], ROOT).stdout).result.output).toBe(join(out, '数据核查.xlsx'));
  });
});

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

describe('options that would pass unnoticed if ignored', () => {
  const book = MESSY('merged-header.xlsx');
  it('--sheet: the first sheet by default, a sheet by index, every sheet with *', () => {
    const sheets = (args: string[]) => {
      const run = runCli(['validate', book, ...args, '--format', 'json'], ROOT);
      const json = JSON.parse(run.stdout);
      return [run.code, json.result.files[0].tables.map((t: { sheet: string }) => t.sheet), [...new Set(json.problems.map((p: { where: { sheet?: string } }) => p.where.sheet))]];
    };
    expect(sheets([])).toEqual([0, ['2020年'], []]);
    // the second sheet holds a note: alone, it is of no known kind
    expect(sheets(['--sheet', '2'])).toEqual([2, [], ['说明']]);
    expect(sheets(['--sheet', '说明'])).toEqual([2, [], ['说明']]);
    expect(sheets(['--sheet', '*'])).toEqual([1, ['2020年'], ['说明']]);
  });

  it('--kind survey reads a questionnaire as one, and -v prints the version', () => {
    const survey = runCli(['validate', join(ROOT, 'fixtures/xiangyuan/survey.csv'), '--kind', 'survey', '--format', 'json'], ROOT);
    expect(JSON.parse(survey.stdout).result.files[0].kind).toBe('survey');
    const asRoster = runCli(['validate', join(ROOT, 'fixtures/xiangyuan/survey.csv'), '--kind', 'roster'], ROOT);
    expect(asRoster.code).toBe(1);
    expect(asRoster.stderr).toContain('[header-missing]');
    const version = runCli(['-v'], ROOT);
    expect([version.code, version.stdout.trim()]).toEqual([0, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version]);
  });
});

describe('audit settings', () => {
  it('audit-config-invalid: an unknown key in --config', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.yaml'), 'deadlines: "11-30"\n');
    const run = runCli(['audit', join(ROOT, 'fixtures/xiangyuan/rosters/2020.csv'), '--config', 'a.yaml', '-o', dir], dir);
    expect([run.code, run.stderr.includes('[audit-config-invalid]')]).toEqual([2, true]);
  });
});

describe('--progress', () => {
  it('asked for, the line shows from the start (here: not a terminal); by default and with --no-progress it does not', () => {
    const cwd = scratch();
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i + 1},职工${i},供销机械厂,1000,1000,生活救助`);
    writeFileSync(join(cwd, 'r.csv'), `序号,姓名,工作单位,帮扶金额,已支付金额,帮扶项目\n${rows.join('\n')}\n`);
    const asked = runCli(['validate', 'r.csv', '--progress'], cwd);
    expect(asked.code).toBe(0);
    expect(asked.stderr).toContain('r.csv：已读 16,384 行');
    expect(runCli(['validate', 'r.csv'], cwd).stderr).toBe('');
    expect(runCli(['validate', 'r.csv', '--no-progress'], cwd).stderr).toBe('');
  });
});
