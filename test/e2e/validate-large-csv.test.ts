// A CSV large enough to be parsed in a worker thread (≥ 4 MB): the same records,
// row numbers and errors as the in-thread path, and worker errors reported the same way.
import { appendFileSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';
import { runCli } from '../helpers/run-cli.js';

const ROWS = 60_000;
const dir = mkdtempSync(join(tmpdir(), 'jixiao-large-'));
const good = join(dir, 'large.csv');
const broken = join(dir, 'broken.csv');

function roster(rows: number, bad: (i: number) => string | undefined): string {
  const lines = ['序号,姓名,性别,工作单位,帮扶金额,已支付金额,帮扶项目,备注'];
  for (let i = 1; i <= rows; i += 1) lines.push(bad(i) ?? `${i},职工${i},男,襄垣县第${i % 97}机械厂,6000,6000,生活救助,按时足额发放至本人银行卡`);
  return `${lines.join('\n')}\n`;
}

beforeAll(() => {
  writeFileSync(good, roster(ROWS, (i) => (i === 45_000 ? `${i},职工${i},男,厂,6000,六千,生活救助,` : undefined)));
  writeFileSync(broken, roster(ROWS, () => undefined));
  appendFileSync(broken, '60001,职工,男,"没有闭合的引号,6000,6000,生活救助,\n');
});

describe('validate on a large CSV (worker thread)', () => {
  it('reads every row and reports the bad one at its row', () => {
    expect(statSync(good).size).toBeGreaterThan(4 * 1024 * 1024);
    const run = runCli(['validate', good, '--format', 'json'], ROOT);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect([json.result.files[0].rows, json.result.files[0].records]).toEqual([ROWS, ROWS - 1]);
    expect(json.problems.map((p: { code: string; where: { row: number; column: string } }) => [p.code, p.where.row, p.where.column])).toEqual([['roster-row-invalid', 45_001, '已支付金额']]);
  });

  it('reports an error found in the worker as the same clear message and exit 2', () => {
    const run = runCli(['validate', broken], ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`[csv-quote-not-closed]`);
    expect(run.stderr).toContain(`从第 ${ROWS + 2} 行（文本行）开始的引号没有闭合`);
  });
});
