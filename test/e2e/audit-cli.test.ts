// jixiao audit end to end: the 数据核查 workbook read back with exceljs, exit codes,
// personal data masked unless --show-pii, input text never written as a formula.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';

const AUDIT = ['audit', 'fixtures/audit/roster-2021.csv', 'fixtures/audit/roster-2022.csv', '--registry', 'fixtures/audit/registry.csv', '--config', 'fixtures/audit/audit.yaml', '--period', '2021-2022'];
const ID_LIKE = /\d{17}[\dX]/;

async function cellsOf(path: string): Promise<{ sheet: string; value: unknown; type: number }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: { sheet: string; value: unknown; type: number }[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push({ sheet: ws.name, value: cell.value, type: cell.type }))));
  return out;
}

describe('jixiao audit', () => {
  let out: string;
  let run: CliRun;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'jixiao-audit-'));
    run = runCli([...AUDIT, '-o', out], ROOT);
  });

  it('exits 1 on errors and summarises by check', () => {
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('数据核查：20 人次，18 人（不重复），受助 2 次及以上 2 人');
    expect(run.stdout).toContain('合计：错误 6 个，警告 11 个，提示 3 个');
    expect(runCli([...AUDIT, '-o', out, '--fail-on', 'never'], ROOT).code).toBe(0);
  });

  it('writes 数据核查 with each finding, whom it concerns and what to do', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, '数据核查.xlsx'));
    const ws = wb.getWorksheet('数据核查')!;
    expect(ws.getRow(2).values).toEqual([undefined, '级别', '核查项', '文件', '行', '人员', '身份证号', '单位', '问题', '应为', '实际为', '建议处理']);
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => {
      if (n > 2) rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows).toHaveLength(20);
    expect(rows[0]).toEqual(['错误', '身份证号核查', 'fixtures/audit/roster-2022.csv', 4, '张慧斌', '1404**********0310', '供销机械厂', '身份证号无效：校验位应为 9', undefined, '1404**********0310', '核对身份证原件后更正']);
    const summary = wb.getWorksheet('核查汇总')!;
    const lastRows: unknown[][] = [];
    summary.eachRow((row) => lastRows.push((row.values as unknown[]).slice(1)));
    expect(lastRows.slice(-3)).toEqual([
      ['发放人次', undefined, 20],
      ['受助人数（不重复）', undefined, 18],
      ['受助 2 次及以上的人数', undefined, 2],
    ]);
  });

  it('writes text from inputs as text, never as a formula', async () => {
    const cells = await cellsOf(join(out, '数据核查.xlsx'));
    const formulaLike = cells.filter((c) => c.value === '=1+2');
    expect(formulaLike).toHaveLength(1);
    expect(formulaLike[0]?.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  it('never writes a full ID number without --show-pii: workbook, JSON, stdout and stderr', async () => {
    const cells = await cellsOf(join(out, '数据核查.xlsx'));
    expect(cells.filter((c) => ID_LIKE.test(String(c.value)))).toEqual([]);
    expect(run.stdout + run.stderr).not.toMatch(ID_LIKE);
    const json = runCli([...AUDIT, '-o', out, '--format', 'json'], ROOT);
    expect(json.stdout).not.toMatch(ID_LIKE);
    const shown = mkdtempSync(join(tmpdir(), 'jixiao-pii-'));
    const withPii = runCli([...AUDIT, '-o', shown, '--show-pii', '--format', 'json'], ROOT);
    expect(withPii.stdout).toMatch(ID_LIKE);
    expect((await cellsOf(join(shown, '数据核查.xlsx'))).some((c) => ID_LIKE.test(String(c.value)))).toBe(true);
  });

  it('reports the Xiangyuan rosters: 29 person-times, 25 persons, and the rule of each match', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'jixiao-audit-'));
    const json = JSON.parse(runCli(['audit', 'fixtures/xiangyuan/rosters/2020.csv', 'fixtures/xiangyuan/rosters/2021.csv', 'fixtures/xiangyuan/rosters/2022.csv', '-o', elsewhere, '--format', 'json'], ROOT).stdout);
    expect([json.command, json.result.personTimes, json.result.persons]).toEqual(['audit', 29, 25]);
    const repeated = json.problems.filter((f: { code: string }) => f.code === 'repeat-person');
    expect(repeated.map((f: { person: { name: string }; message: string }) => [f.person.name, f.message])).toEqual([
      ['刘勇', '同一人员受助 3 人次（2020、2021、2022 年；单位写作 襄垣县弘升电力 / 襄垣县弘昇电力有限公司）'],
      ['胡占华', '同一人员受助 2 人次（2021、2022 年）'],
      ['连峰', '同一人员受助 2 人次（2021、2022 年；单位写作 襄垣县华成公司 / 襄垣华成公司）'],
    ]);
    expect(repeated[0].hint).toContain('第 7 行（fixtures/xiangyuan/rosters/2021.csv）与第 3 行：姓名相同，单位名称相近（异体字 昇→升；去掉地名「襄垣县」；去掉「有限公司」），可信度较高');
  });

  it('is deterministic: the same rosters give the same workbook bytes', () => {
    const [a, b] = [mkdtempSync(join(tmpdir(), 'jixiao-audit-')), mkdtempSync(join(tmpdir(), 'jixiao-audit-'))];
    runCli([...AUDIT, '-o', a], ROOT);
    runCli([...AUDIT, '-o', b], ROOT);
    expect(readFileSync(join(a, '数据核查.xlsx')).equals(readFileSync(join(b, '数据核查.xlsx')))).toBe(true);
  });
});
