// The conventions every command shares, through main() in this process (fast, and
// seen by mutation testing): the JSON envelope (also for usage errors), --quiet,
// refused options, --limit, paths as given, and the options that would pass unnoticed
// if ignored. test/e2e/conventions-cli.test.ts keeps what needs a real process
// (signals, closed or full stdout, temp files of other processes) and runs bin/.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

const MESSY = (f: string) => join(ROOT, 'fixtures/messy', f);
const scratch = () => mkdtempSync(join(tmpdir(), 'jixiao-conv-'));

describe('the JSON envelope', () => {
  it('every command prints schema, command, ok, summary, problems, result; ok is exactly exit 0', async () => {
    const cwd = scratch();
    const runs = [
      ['validate', MESSY('utf8-bom.csv')],
      ['validate', MESSY('ids.csv')],
      ['audit', join(ROOT, 'fixtures/xiangyuan/rosters/2020.csv')],
      ['score', join(ROOT, 'fixtures/xiangyuan')],
      ['batch', join(ROOT, 'fixtures/batch/jiangmen')],
      ['report', join(ROOT, 'fixtures/xiangyuan')],
    ];
    for (const args of runs) {
      const run = await runInProcess([...args, '--format', 'json'], cwd);
      const json = JSON.parse(run.stdout);
      expect(Object.keys(json)).toEqual(['schema', 'command', 'ok', 'summary', 'problems', 'result']);
      expect([json.schema, json.command, json.ok]).toEqual([1, args[0], run.code === 0]);
    }
  });

  it('usage errors print the envelope on stdout, exit 2, and nothing on stderr', async () => {
    const cwd = scratch();
    for (const [args, command, text] of [
      [['validate', '--format', 'json'], 'validate', "missing required argument 'files'"],
      [['validate', MESSY('utf8-bom.csv'), '--format', 'json', '--bogus'], 'validate', "unknown option '--bogus'"],
      [['score', join(ROOT, 'fixtures/xiangyuan'), '--format', 'json', '--fail-on', 'sometimes'], 'score', "'sometimes' is invalid"],
      [['frobnicate', '--format', 'json'], 'jixiao', "unknown command 'frobnicate'"],
    ] as [string[], string, string][]) {
      const run = await runInProcess(args, cwd);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('');
      const json = JSON.parse(run.stdout);
      expect([json.command, json.ok, json.summary.errors, json.problems[0].code]).toEqual([command, false, 1, 'usage']);
      expect(json.problems[0].message).toContain(text);
    }
  });

  it('an unreadable input under --format json is the envelope with its problem', async () => {
    const run = await runInProcess(['score', 'no-such-dir', '--format', 'json'], scratch());
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ command: 'score', ok: false, problems: [{ code: 'evaluation-missing' }], result: {} });
  });
});

describe('options', () => {
  it('an option a command does not use is refused: validate writes nothing, so -o is an error', async () => {
    const run = await runInProcess(['validate', MESSY('utf8-bom.csv'), '-o', 'x'], scratch());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '-o'");
  });

  it('--quiet prints the problems only', async () => {
    const cwd = scratch();
    const loud = await runInProcess(['validate', MESSY('ids.csv')], cwd);
    const quiet = await runInProcess(['validate', MESSY('ids.csv'), '--quiet'], cwd);
    expect(loud.stdout).toContain('错误 1 个');
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe(loud.stderr);
    expect(quiet.code).toBe(1);
    const score = await runInProcess(['score', join(ROOT, 'fixtures/xiangyuan'), '-q'], cwd);
    expect([score.code, score.stdout]).toEqual([0, '']);
  });

  it('--limit is applied (a record limit met) and a wrong one is a usage error', async () => {
    const cwd = scratch();
    const small = await runInProcess(['validate', MESSY('utf8-bom.csv'), '--limit', 'csv-record-chars=10'], cwd);
    expect(small.code).toBe(2);
    expect(small.stderr).toContain('[csv-record-too-large]');
    expect(small.stderr).toContain('--limit csv-record-chars=20');
    const wrong = await runInProcess(['validate', MESSY('utf8-bom.csv'), '--limit', 'speed=11'], cwd);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--limit 的值无法识别：speed=11');
  });

  it('paths are shown as given: relative when given relative, as given when absolute', async () => {
    const rel = await runInProcess(['validate', 'fixtures/messy/ids.csv', '--format', 'json'], ROOT);
    const abs = await runInProcess(['validate', MESSY('ids.csv'), '--format', 'json'], ROOT);
    expect(JSON.parse(rel.stdout).result.files[0].file).toBe(join('fixtures', 'messy', 'ids.csv'));
    expect(JSON.parse(abs.stdout).result.files[0].file).toBe(MESSY('ids.csv'));
    const out = scratch();
    expect(JSON.parse((await runInProcess(['audit', 'fixtures/xiangyuan/rosters/2020.csv', '-o', out, '--format', 'json'], ROOT)).stdout).result.output).toBe(join(out, '数据核查.xlsx'));
  });
});

describe('options that would pass unnoticed if ignored', () => {
  const book = MESSY('merged-header.xlsx');
  it('--sheet: the first sheet by default, a sheet by index, every sheet with *', async () => {
    const sheets = async (args: string[]) => {
      const run = await runInProcess(['validate', book, ...args, '--format', 'json'], ROOT);
      const json = JSON.parse(run.stdout);
      return [run.code, json.result.files[0].tables.map((t: { sheet: string }) => t.sheet), [...new Set(json.problems.map((p: { where: { sheet?: string } }) => p.where.sheet))]];
    };
    expect(await sheets([])).toEqual([0, ['2020年'], []]);
    // the second sheet holds a note: alone, it is of no known kind
    expect(await sheets(['--sheet', '2'])).toEqual([2, [], ['说明']]);
    expect(await sheets(['--sheet', '说明'])).toEqual([2, [], ['说明']]);
    expect(await sheets(['--sheet', '*'])).toEqual([1, ['2020年'], ['说明']]);
  });

  it('--kind survey reads a questionnaire as one, and -v prints the version', async () => {
    const survey = await runInProcess(['validate', join(ROOT, 'fixtures/xiangyuan/survey.csv'), '--kind', 'survey', '--format', 'json'], ROOT);
    expect(JSON.parse(survey.stdout).result.files[0].kind).toBe('survey');
    const asRoster = await runInProcess(['validate', join(ROOT, 'fixtures/xiangyuan/survey.csv'), '--kind', 'roster'], ROOT);
    expect(asRoster.code).toBe(1);
    expect(asRoster.stderr).toContain('[header-missing]');
    const version = await runInProcess(['-v'], ROOT);
    expect([version.code, version.stdout.trim()]).toEqual([0, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version]);
  });
});

describe('audit settings', () => {
  it('audit-config-invalid: an unknown key in --config', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.yaml'), 'deadlines: "11-30"\n');
    const run = await runInProcess(['audit', join(ROOT, 'fixtures/xiangyuan/rosters/2020.csv'), '--config', 'a.yaml', '-o', dir], dir);
    expect([run.code, run.stderr.includes('[audit-config-invalid]')]).toEqual([2, true]);
  });
});

describe('--progress', () => {
  it('asked for, the line shows from the start (here: not a terminal); by default and with --no-progress it does not', async () => {
    const cwd = scratch();
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i + 1},职工${i},供销机械厂,1000,1000,生活救助`);
    writeFileSync(join(cwd, 'r.csv'), `序号,姓名,工作单位,帮扶金额,已支付金额,帮扶项目\n${rows.join('\n')}\n`);
    const asked = await runInProcess(['validate', 'r.csv', '--progress'], cwd);
    expect(asked.code).toBe(0);
    expect(asked.stderr).toContain('r.csv：已读 16,384 行');
    expect((await runInProcess(['validate', 'r.csv'], cwd)).stderr).toBe('');
    expect((await runInProcess(['validate', 'r.csv', '--no-progress'], cwd)).stderr).toBe('');
  });
});
