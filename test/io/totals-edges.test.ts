// Stated 合计/小计 rows against their rows, to the fen: 0.01 元 off is a finding;
// each 小计 sums only the rows since the previous one, the 合计 all of them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFixture, rowProblems } from '../helpers/read.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-totals-'));
async function problemsOf(lines: string[]): Promise<[number | undefined, string | undefined, string][]> {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, `序号,姓名,工作单位,帮扶金额,已支付金额,帮扶项目\n${lines.join('\n')}\n`);
  return rowProblems((await readFixture('t.csv', undefined, {}, path)).problems);
}

describe('合计 to the fen', () => {
  const rows = ['1,刘勇,供销机械厂,3000,3000,生活救助', '2,胡占华,铝制品厂,3000.50,3000.50,生活救助'];
  it.each([
    ['6000.50', []],
    ['6000.49', [[4, '帮扶金额', 'total-mismatch']]],
    ['6000.51', [[4, '帮扶金额', 'total-mismatch']]],
  ])('a stated 合计 of %s for 6000.50', async (stated, expected) => {
    expect(await problemsOf([...rows, `合计,,,${stated},6000.50,`])).toEqual(expected);
  });
});

describe('小计 rows', () => {
  const groups = ['1,刘勇,供销机械厂,3000,3000,生活救助', '2,胡占华,铝制品厂,2000,2000,生活救助', '小计,,,5000,5000,', '3,连峰,华成公司,1000,1000,医疗救助'];
  it('each 小计 covers the rows since the last one; 合计 covers all rows', async () => {
    expect(await problemsOf([...groups, '小计,,,1000,1000,', '合计,,,6000,6000,'])).toEqual([]);
  });
  it('a 小计 that repeats the running sum instead is a finding at its row', async () => {
    expect(await problemsOf([...groups, '小计,,,6000,6000,'])).toEqual([
      [6, '帮扶金额', 'total-mismatch'],
      [6, '已支付金额', 'total-mismatch'],
    ]);
  });
});
