// No full ID or bank number in any output without --show-pii, wherever it stands:
// quoted from a headerless file's first rows, typed into the name column, in a
// header. Every output kind is scanned: stdout, stderr, JSON, each workbook sheet.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ID = '140423199001011234';
const CARD = '6222021234567890128'; // passes Luhn
const FULL = new RegExp(`${ID}|${CARD}`);

async function workbookTexts(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const texts: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value)))));
  return texts.join('\n');
}

describe('personal numbers masked by pattern in every output', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'jixiao-pii-'));
  writeFileSync(join(cwd, 'headerless.csv'), `刘勇,${ID},${CARD},3000\n胡占华,${ID},${CARD},1500\n`);
  writeFileSync(join(cwd, 'name-is-id.csv'), `序号,姓名,工作单位,帮扶金额,已支付金额,帮扶项目,${ID}\n1,${ID},供销机械厂 ${CARD},3000,4000,生活救助,x\n2,刘勇,供销机械厂,3000,3000,生活救助,y\n`);

  it('validate: a file of no known kind is described, never quoted (with or without --show-pii)', () => {
    for (const args of [['--format', 'text'], ['--format', 'json'], ['--show-pii']]) {
      const run = runCli(['validate', 'headerless.csv', ...args], cwd);
      expect(run.code).toBe(2);
      expect(run.stdout + run.stderr).not.toMatch(/1404|6222|刘勇|胡占华/);
      expect(run.stdout + run.stderr).toContain('前 2 行共 8 个非空单元格，其中没有已知的列名');
    }
  });

  it('audit: an ID in the name column, a card number in a unit, an ID as a header: workbook, JSON, stdout, stderr', async () => {
    for (const format of ['text', 'json']) {
      const out = mkdtempSync(join(tmpdir(), 'jixiao-pii-out-'));
      const run = runCli(['audit', 'name-is-id.csv', '-o', out, '--format', format, '--fail-on', 'never'], cwd);
      expect(run.code).toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(FULL);
      const cells = await workbookTexts(join(out, '数据核查.xlsx'));
      expect(cells).not.toMatch(FULL);
      expect(cells).toContain('1404**********1234');
    }
    const out = mkdtempSync(join(tmpdir(), 'jixiao-pii-out-'));
    runCli(['audit', 'name-is-id.csv', '-o', out, '--show-pii', '--fail-on', 'never'], cwd);
    expect(await workbookTexts(join(out, '数据核查.xlsx'))).toContain(ID);
  });
});

describe('score: every sheet, stdout, stderr and JSON, with and without --show-pii', () => {
  // the 2022 roster of the reference case, with the numbers a real one carries: 18- and
  // 15-character IDs (one malformed), bank cards, a short number, an ID in the notes column
  const OLD_ID = '140423700101123';
  const BAD_ID = '140423199001011235';
  const SHORT = '12345678';
  const roster = [
    '表1-3 2022年困难职工帮扶资金汇总表',
    '序号,姓名,性别,身份证号,银行卡号,工作单位,帮扶金额,已支付金额,帮扶项目,备注',
    `1,刘勇,男,${ID},${CARD},襄垣县弘升电力,5000,5000,生活救助,`,
    `2,胡占华,男,${OLD_ID},${SHORT},襄垣县铝制品厂,5000,5000,生活救助,代领人 ${ID}`,
    `3,连峰,男,${BAD_ID},,襄垣县华成公司,5000,6000,生活救助,`,
  ].join('\n');
  const FULL_ALL = new RegExp([ID, CARD, OLD_ID, BAD_ID].join('|'));

  it('no full number anywhere without --show-pii; each in full with it', async () => {
    const { copyFixture } = await import('../helpers/fixture-copy.js');
    const cwd = mkdtempSync(join(tmpdir(), 'jixiao-pii-'));
    const dir = copyFixture('xiangyuan');
    writeFileSync(join(dir, 'rosters/2022.csv'), `${roster}\n`);
    for (const format of ['text', 'json']) {
      const out = mkdtempSync(join(tmpdir(), 'jixiao-pii-score-'));
      const run = runCli(['score', dir, '-o', out, '--format', format, '--fail-on', 'never'], cwd);
      expect(run.code).toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(FULL_ALL);
      const cells = await workbookTexts(join(out, '评分结果.xlsx'));
      expect(cells).not.toMatch(FULL_ALL);
      expect(cells).not.toContain(SHORT);
      expect(cells).toContain('1404**********1235');
    }
    const out = mkdtempSync(join(tmpdir(), 'jixiao-pii-score-'));
    const shown = runCli(['score', dir, '-o', out, '--format', 'json', '--show-pii', '--fail-on', 'never'], cwd);
    expect(shown.stdout).toContain(BAD_ID);
    const cells = await workbookTexts(join(out, '评分结果.xlsx'));
    for (const n of [BAD_ID, ID]) expect(cells).toContain(n);
  });
});
