// jixiao batch end to end: the real bin/ on the Hainan seed's table, the text a person
// reads, the workbook read back, the same bytes twice, input text never a formula.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';
import { runCli } from '../helpers/run-cli.js';

const HAINAN = ['batch', 'fixtures/batch/hainan', '--config', 'fixtures/batch/hainan/batch.yaml'];

describe('jixiao batch', () => {
  it('prints the summary and the findings, exits 1 on the error, writes the same workbook twice', async () => {
    const [a, b] = [mkdtempSync(join(tmpdir(), 'jixiao-b-')), mkdtempSync(join(tmpdir(), 'jixiao-b-'))];
    const run = runCli([...HAINAN, '-o', a], ROOT);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual(['资金汇总：1 个文件，24 行，6 个单位', '问题：错误 1 个，警告 2 个（读取表格的问题和预警，见 预警 与 文件 两张表）']);
    // errors first
    expect(run.stderr.split('\n').filter(Boolean).map((l) => /^(\S+) \[(\S+)\]/.exec(l)?.slice(1))).toEqual([
      ['错误', 'execution-low'],
      ['警告', 'matching-ratio'],
      ['警告', 'stated-figure-differs'],
    ]);
    runCli([...HAINAN, '-o', b, '-q'], ROOT);
    expect(readFileSync(join(a, '资金汇总.xlsx')).equals(readFileSync(join(b, '资金汇总.xlsx')))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(a, '资金汇总.xlsx'));
    const ws = wb.getWorksheet('汇总')!;
    expect([ws.getCell('B5').value, ws.getCell('F5').value, ws.getCell('G5').value]).toEqual(['省职工服务中心', 408.772945, 14.298655]);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '1:3' });
  });

  it('a unit named like a formula stays text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-b-'));
    writeFileSync(join(dir, 'f.csv'), '单位,下达数,支出数\n=HYPERLINK("x"),100,95\n');
    expect(runCli(['batch', join(dir, 'f.csv'), '-o', dir, '-q'], dir).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '资金汇总.xlsx'));
    const cell = wb.getWorksheet('汇总')!.getCell('B4');
    expect([cell.type, cell.value]).toEqual([ExcelJS.ValueType.String, '=HYPERLINK("x")']);
  });
});
