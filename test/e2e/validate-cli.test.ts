// jixiao validate end to end: exit codes, text and JSON reports, masked personal data.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';
import { runCli } from '../helpers/run-cli.js';

const messy = (f: string) => join('fixtures/messy', f);

describe('jixiao validate', () => {
  it('exits 0 on clean files and says what it found', () => {
    const run = runCli(['validate', messy('utf8-bom.csv'), messy('stacked.csv'), 'fixtures/xiangyuan/budget.csv'], ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        '✓ fixtures/messy/utf8-bom.csv：花名册，1 个表，3 行数据，3 行有效',
        '    表头第 1 行',
        '✓ fixtures/messy/stacked.csv：花名册，2 个表，3 行数据，3 行有效',
        '    表1-2 2021年困难职工帮扶资金汇总表，表头第 2 行',
        '    表1-3 2022年困难职工帮扶资金汇总表，表头第 8 行',
        '✓ fixtures/xiangyuan/budget.csv：预算资金表，1 个表，3 行数据，3 行有效',
        '    表头第 1 行；未识别的列（已保留）：依据',
        '错误 0 个，警告 0 个，提示 0 个',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe('');
  });

  it('exits 1 when the data has errors, listing each with row and column', () => {
    const run = runCli(['validate', messy('messy-headers.csv')], ROOT);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      '错误 [roster-row-invalid] fixtures/messy/messy-headers.csv 第 9 行 「已支付金额（元）」列：不是金额（实际为 六千）',
      '错误 [total-mismatch] fixtures/messy/messy-headers.csv 第 11 行 「帮扶金额（元）」列：合计行的数与明细之和不符（应为 19892.00，实际为 20000.00） 建议：核对明细行或合计行；合计行不计入记录',
      '错误 [total-mismatch] fixtures/messy/messy-headers.csv 第 11 行 「已支付金额（元）」列：合计行的数与明细之和不符（应为 13328.00，实际为 19992.00） 建议：核对明细行或合计行；合计行不计入记录',
    ]);
    expect(runCli(['validate', messy('messy-headers.csv'), '--fail-on', 'never'], ROOT).code).toBe(0);
  });

  it('exits 2 when a file cannot be read at all, and still reports the others', () => {
    const run = runCli(['validate', messy('legacy.xls'), messy('utf8-bom.csv'), '--format', 'json'], ROOT);
    expect(run.code).toBe(2);
    const json = JSON.parse(run.stdout);
    expect(json.result.files.map((f: { file: string; readable: boolean; records: number }) => [f.file, f.readable, f.records])).toEqual([
      ['fixtures/messy/legacy.xls', false, 0],
      ['fixtures/messy/utf8-bom.csv', true, 3],
    ]);
    expect(json.problems[0]).toMatchObject({ severity: 'error', code: 'xls-legacy', where: { file: 'fixtures/messy/legacy.xls' } });
  });

  it('never prints an ID number in full, on stdout or stderr', () => {
    for (const format of ['text', 'json']) {
      const run = runCli(['validate', messy('ids.csv'), '--format', format], ROOT);
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).not.toContain('14042319900101123');
      expect(run.stdout + run.stderr).toContain('1404*********1123');
    }
  });

  it('prints ID numbers in full with --show-pii, in text and JSON', () => {
    const text = runCli(['validate', messy('ids.csv'), '--show-pii'], ROOT);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('实际为 14042319900101123）');
    const json = JSON.parse(runCli(['validate', messy('ids.csv'), '--show-pii', '--format', 'json'], ROOT).stdout) as { problems: { found?: string }[] };
    expect(json.problems.map((p) => p.found)).toContain('14042319900101123');
  });

  it('takes --kind, --encoding and --sheet', () => {
    expect(runCli(['validate', messy('gb18030.csv'), '--encoding', 'gbk'], ROOT).code).toBe(0);
    const wrong = runCli(['validate', messy('gb18030.csv'), '--encoding', 'utf-8'], ROOT);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('[encoding-mismatch]');
    expect(runCli(['validate', messy('utf8-bom.csv'), '--encoding', 'latin9'], ROOT).code).toBe(2);
    const budgetAsRoster = runCli(['validate', 'fixtures/xiangyuan/budget.csv', '--kind', 'roster'], ROOT);
    expect(budgetAsRoster.code).toBe(1);
    expect(budgetAsRoster.stderr).toContain('找不到花名册的必需列「姓名」');
    const all = runCli(['validate', messy('merged-header.xlsx'), '--sheet', '*', '--format', 'json'], ROOT);
    expect(JSON.parse(all.stdout).result.files[0].tables.map((t: { sheet: string }) => t.sheet)).toEqual(['2020年']);
  });

  it('says which headers were expected for a file that fits no kind', () => {
    const run = runCli(['validate', messy('no-kind.csv')], ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('无法从表头识别文件类型（花名册、预算资金表或问卷）');
    // what the file holds is described, not quoted: it may be any file the user pointed at
    expect(run.stderr).toContain('实际为 前 2 行共 6 个非空单元格，其中没有已知的列名');
    expect(run.stderr).not.toContain('编号');
  });
});
