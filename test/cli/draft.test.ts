// score --draft: with judgements missing the workbook is still written, the leaves
// marked 待评 at 0 points, the total and grade provisional, and the run exits 1.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { copyFixture, edit } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

describe('score --draft', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyFixture('xiangyuan');
    // two judged leaves not yet judged: 绩效目标明确性 (0 of 3 in the report) and 预算编制科学性 (3 of 3)
    edit(dir, 'judgements.yaml', (t) => t.replace(/  goal_clarity:\n(    .*\n)+?  budget_soundness:\n(    .*\n)+?(?=  allocation_rationality:)/, ''));
  });

  it('without it: exit 2, both leaves named, nothing written', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jixiao-draft-'));
    const run = await runInProcess(['score', dir], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr.match(/\[judgement-missing\]/g)).toHaveLength(2);
    expect(existsSync(join(cwd, 'jixiao-out', '评分结果.xlsx'))).toBe(false);
  });

  it('with it: exit 1, 待评 in the workbook, the total provisional (88.50 less the 3 points not yet given)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jixiao-draft-'));
    const run = await runInProcess(['score', dir, '--draft'], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('85.50 / 100  85.50%  评价等级：良');
    expect(run.stdout).toContain('草稿：2 个末级指标待评（暂计 0 分），合计与等级为暂定');
    expect(run.stderr.match(/警告 \[judgement-missing\]/g)).toHaveLength(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(cwd, 'jixiao-out', '评分结果.xlsx'));
    const ws = wb.getWorksheet('附件1 评分表')!;
    expect(String(ws.getCell('A1').value)).toMatch(/（草稿）$/);
    const rows: unknown[][] = [];
    ws.eachRow((row) => {
      if (row.getCell(9).value === '待评') rows.push([row.getCell(3).value, row.getCell(8).value, row.getCell(9).value, row.getCell(10).value, row.getCell(11).value]);
    });
    expect(rows).toEqual([
      ['绩效目标明确性', 3, '待评', '待评', '待评：尚无评价判断'],
      ['预算编制科学性', 3, '待评', '待评', '待评：尚无评价判断'],
    ]);
    const total = ws.getRow(ws.rowCount);
    expect([total.getCell(9).value, total.getCell(11).value]).toEqual([{ formula: 'SUM(I4:I24)', result: 85.5 }, '评价等级：良（暂定，2 项待评）']);
  });

  it('--format json: provisional, the count, and each pending leaf marked', async () => {
    const run = await runInProcess(['score', dir, '--draft', '--format', 'json', '-o', 'out'], mkdtempSync(join(tmpdir(), 'jixiao-draft-')));
    const env = JSON.parse(run.stdout);
    expect([run.code, env.ok, env.result.total, env.result.provisional, env.result.pending]).toEqual([1, false, '85.50', true, 2]);
    const pending = (nodes: { id: string; pending?: boolean; children?: unknown[] }[]): string[] =>
      nodes.flatMap((n) => [...(n.pending ? [n.id] : []), ...pending((n.children ?? []) as never)]);
    expect(pending(env.result.indicators)).toEqual(['goal_clarity', 'budget_soundness']);
  });
});
