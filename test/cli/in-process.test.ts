// score, validate and audit run through main() in this process: their output,
// envelopes and workbooks, so that mutation testing covers the CLI, the runs and
// the report writers (test/e2e runs the same commands through bin/).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';
import { expectGolden, workbookFileView } from '../helpers/golden.js';
import { runInProcess } from '../helpers/run-in-process.js';

const cwd = () => mkdtempSync(join(tmpdir(), 'jixiao-inproc-'));
const book = async (path: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
};

describe('score', () => {
  it('scores Xiangyuan: the summary, the workbook', async () => {
    const dir = cwd();
    const run = await runInProcess(['score', join(ROOT, 'fixtures/xiangyuan')], dir);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('88.50 / 100  88.50%  评价等级：良');
    expect(run.stdout).toContain('已写入 jixiao-out/评分结果.xlsx');
    const wb = await book(join(dir, 'jixiao-out/评分结果.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['附件1 评分表', '表3-2 得分汇总']));
    const ws = wb.getWorksheet('附件1 评分表')!;
    expect(ws.getRow(3).values).toEqual([undefined, '一级指标', '二级指标', '三级指标', '指标解释', '评分标准', '目标值', '完成值', '分值', '得分', '得分率', '评分依据']);
    expect([ws.getCell('A4').value, ws.getCell('B4').value, ws.getCell('C4').value]).toEqual(['项目决策（20分）', '项目立项（5分）', '立项依据充分性']);
  });

  it('--format json: the envelope with the scored tree', async () => {
    const run = await runInProcess(['score', join(ROOT, 'fixtures/xiangyuan'), '--format', 'json', '-o', 'out'], cwd());
    expect(run.code).toBe(0);
    const env = JSON.parse(run.stdout);
    expect([env.schema, env.command, env.ok]).toEqual([1, 'score', true]);
    expect([env.result.total, env.result.grade]).toEqual(['88.50', '良']);
  });

  it('a missing evaluation folder exits 2 with a located message', async () => {
    const run = await runInProcess(['score', 'no-such-dir'], cwd());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such-dir');
  });
});

describe('validate and audit', () => {
  it('validate a roster: the summary line, exit 0', async () => {
    const run = await runInProcess(['validate', join(ROOT, 'fixtures/xiangyuan/rosters/2020.csv')], cwd());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2020\.csv/);
  });

  it('validate --format json: the envelope', async () => {
    const run = await runInProcess(['validate', join(ROOT, 'fixtures/xiangyuan/rosters/2020.csv'), '--format', 'json'], cwd());
    const env = JSON.parse(run.stdout);
    expect([run.code, env.command, env.ok, env.problems]).toEqual([0, 'validate', true, []]);
  });

  it('audit the planted rosters: findings, exit 1, the workbook', async () => {
    const dir = cwd();
    const a = (f: string) => join(ROOT, 'fixtures/audit', f);
    const run = await runInProcess(['audit', a('roster-2021.csv'), a('roster-2022.csv'), '--config', a('audit.yaml'), '--registry', a('registry.csv'), '--period', '2021,2022', '--format', 'json'], dir);
    const env = JSON.parse(run.stdout);
    expect([run.code, env.command, env.ok]).toEqual([1, 'audit', false]);
    expect(env.problems.map((p: { code: string }) => p.code)).toContain('id-invalid');
  });

  it('a usage error under --format json is an envelope', async () => {
    const run = await runInProcess(['validate', '--format', 'json', '--no-such-option'], cwd());
    const env = JSON.parse(run.stdout);
    expect([run.code, env.ok, env.problems[0].code]).toEqual([2, false, 'usage']);
  });
});

describe('whole outputs against their reviewed copies (fixtures/expected/)', () => {
  it('score fixtures/xiangyuan: the JSON envelope and every cell of the workbook', async () => {
    const dir = cwd();
    const json = await runInProcess(['score', join(ROOT, 'fixtures/xiangyuan'), '--format', 'json'], dir);
    expectGolden('xiangyuan.score-envelope', JSON.parse(json.stdout));
    expectGolden('xiangyuan.score-workbook', await workbookFileView(join(dir, 'jixiao-out/评分结果.xlsx')));
  });

  it('batch fixtures/batch (Hainan with its settings, Jiangmen with the notice total): stdout, stderr and every cell of both workbooks', async () => {
    for (const [name, args] of [
      ['hainan', ['fixtures/batch/hainan', '--config', 'fixtures/batch/hainan/batch.yaml']],
      ['jiangmen', ['fixtures/batch/jiangmen', '--notice-total', '100万元', '--title', '江门市2023年省级困难职工帮扶专项经费']],
    ] as const) {
      const out = cwd();
      const run = await runInProcess(['batch', ...args, '-o', out], ROOT);
      const lines = (text: string) => text.replaceAll(out, '<OUT>').split('\n');
      expectGolden(`${name}.batch-stdout`, { code: run.code, stdout: lines(run.stdout), stderr: lines(run.stderr) });
      expectGolden(`${name}.batch-workbook`, await workbookFileView(join(out, '资金汇总.xlsx')));
    }
  });

  it('score fixtures/definitions: the text summary', async () => {
    const run = await runInProcess(['score', join(ROOT, 'fixtures/definitions')], cwd());
    expectGolden('definitions.score-stdout', { code: run.code, stdout: run.stdout.split('\n'), stderr: run.stderr.split('\n') });
  });

  it('audit fixtures/audit: the text output and every cell of the workbook', async () => {
    // run from the repository with relative paths, as a user would, writing elsewhere
    const out = cwd();
    const a = (f: string) => `fixtures/audit/${f}`;
    const run = await runInProcess(['audit', a('roster-2021.csv'), a('roster-2022.csv'), '--config', a('audit.yaml'), '--registry', a('registry.csv'), '--period', '2021,2022', '-o', out], ROOT);
    const lines = (text: string) => text.replaceAll(out, '<OUT>').split('\n');
    expectGolden('audit.stdout', { code: run.code, stdout: lines(run.stdout), stderr: lines(run.stderr) });
    expectGolden('audit.workbook', await workbookFileView(join(out, '数据核查.xlsx')));
  });

  it('validate, for people: each file marked, its tables and unknown columns, the count, the problems capped per code', async () => {
    const m = (f: string) => `fixtures/messy/${f}`;
    const run = await runInProcess(['validate', m('utf8-bom.csv'), m('ids.csv'), m('merged-header.xlsx'), m('extra-columns.csv'), m('missing-column.csv'), 'no-such.csv'], ROOT);
    expectGolden('messy.validate-text', { code: run.code, stdout: run.stdout.split('\n'), stderr: run.stderr.split('\n') });
  });

  it('validate lists 20 problems of a code and counts the rest', async () => {
    const dir = cwd();
    const rows = Array.from({ length: 23 }, (_, i) => `职工${i},x,生活救助`);
    writeFileSync(join(dir, 'r.csv'), `姓名,已支付金额,帮扶项目\n${rows.join('\n')}\n`);
    const run = await runInProcess(['validate', 'r.csv'], dir);
    const lines = run.stderr.trim().split('\n');
    expect([run.code, lines.length, lines[19], lines[20]]).toEqual([1, 21, '错误 [roster-row-invalid] r.csv 第 21 行 「已支付金额」列：不是金额（实际为 x）', '……[roster-row-invalid] 另有 3 个同类问题未列出']);
  });

  it('validate a messy workbook: the JSON envelope', async () => {
    const run = await runInProcess(['validate', join(ROOT, 'fixtures/messy/merged-header.xlsx'), '--format', 'json'], cwd());
    expectGolden('messy-merged-header.validate-envelope', JSON.parse(run.stdout.replaceAll(ROOT, '<ROOT>')));
  });
});
