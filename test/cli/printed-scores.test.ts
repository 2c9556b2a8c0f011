// Printed vs computed in `score`: the Xiangyuan report's own scores (表3-1 as printed) given
// as `printed:` in the judgements and `printed_total`; score sets them beside its own in 附件1
// (报告得分, 差异 after 得分率), in JSON, and reports every difference — none for the report as
// printed, one for each planted slip. A self-evaluation's printed scores are its 自评得分.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { copyFixture, ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

/** 表3-1 as the report printed it: the score of each leaf by id. */
const PRINTED: Record<string, number> = {
  basis_sufficiency: 3, procedure_compliance: 2, goal_rationality: 0, goal_clarity: 0, budget_soundness: 3, allocation_rationality: 3, allocation_result: 3,
  arrival_rate: 2, execution_rate: 2, fund_use_compliance: 4, finance_rules: 2, organisation: 2, aid_rules: 3, execution_effectiveness: 4,
  aid_completion: 10, quality: 10, aided_workers: 10, policy_awareness: 2.5, aid_effectiveness: 6, sustainable_impact: 3, worker_satisfaction: 14,
};

function withPrinted(fixture: string, printed: Record<string, unknown>, total?: unknown): string {
  const dir = copyFixture(fixture);
  const file = join(dir, 'judgements.yaml');
  const doc = parse(readFileSync(file, 'utf8')) as { judgements?: Record<string, Record<string, unknown>>; printed_total?: unknown };
  doc.judgements ??= {};
  for (const [id, score] of Object.entries(printed)) doc.judgements[id] = { ...(doc.judgements[id] ?? {}), printed: score };
  if (total !== undefined) doc.printed_total = total;
  writeFileSync(file, stringify(doc));
  return dir;
}

async function scoreJson(dir: string) {
  const run = await runInProcess(['score', dir, '-o', join(dir, 'out'), '--format', 'json', '--no-chart'], ROOT);
  return { ...run, env: JSON.parse(run.stdout) as { problems: { code: string; severity: string; message: string; where: { path?: string[]; field?: string } ; expected?: string; found?: string }[]; result: { total: string; printed_total?: string; indicators: unknown[] } } };
}

async function scoreSheet(dir: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'out', '评分结果.xlsx'));
  return wb.getWorksheet('附件1 评分表')!;
}

describe('score with the scores the Xiangyuan report printed', () => {
  it('as printed (88.5): every score agrees, nothing is reported; 附件1 shows 报告得分 and a 差异 of 0', async () => {
    const dir = withPrinted('xiangyuan', PRINTED, 88.5);
    const { code, env } = await scoreJson(dir);
    expect(code).toBe(0);
    expect(env.problems.filter((p) => p.code.startsWith('printed'))).toEqual([]);
    expect(env.result.printed_total).toBe('88.50');
    const ws = await scoreSheet(dir);
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(-4)).toEqual(['得分率', '报告得分', '差异', '评分依据']);
    const col = (name: string) => header.indexOf(name) + 1;
    // 项目执行有效性 (row of 4 of 5) and the 合计
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => {
      if (n > 3) rows.push([r.getCell(3).value ?? r.getCell(1).value, r.getCell(col('得分')).value, r.getCell(col('报告得分')).value, r.getCell(col('差异')).value]);
    });
    expect(rows.find((r) => r[0] === '项目执行有效性')).toEqual(['项目执行有效性', 4, 4, 0]);
    const total = rows.at(-1)!;
    expect([total[0], (total[1] as { result: number }).result, total[2], total[3]]).toEqual(['合计', 88.5, 88.5, 0]);
  });

  it('a score printed one point too high, a total one cent off, a group’s printed score: each difference with both numbers, a warning', async () => {
    const dir = withPrinted('xiangyuan', { ...PRINTED, execution_effectiveness: 5, implementation: 15 }, '88.51');
    const { code, env } = await scoreJson(dir);
    // warnings only: score exits 0 (--fail-on warning would fail it)
    expect(code).toBe(0);
    const found = env.problems.filter((p) => p.code.startsWith('printed'));
    expect(found.map((p) => [p.severity, p.code, p.where.path?.join(' > ') ?? p.where.field, p.found, p.expected])).toEqual([
      ['warning', 'printed-score-differs', '项目过程 > 组织实施', '15.00', '11.00'],
      ['warning', 'printed-score-differs', '项目过程 > 组织实施 > 项目执行有效性', '5.00', '4.00'],
      ['warning', 'printed-total-differs', 'printed_total', '88.51', '88.50'],
    ]);
    expect(found[1]!.message).toBe('报告得分 5.00，按指标体系和评价判断计算为 4.00（相差 +1.00）');
    expect(found[2]!.message).toBe('报告得分合计 88.51，计算为 88.50（相差 +0.01）');
    const ws = await scoreSheet(dir);
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    let line: unknown[] = [];
    ws.eachRow((r) => {
      if (r.getCell(3).value === '项目执行有效性') line = [r.getCell(header.indexOf('报告得分') + 1).value, r.getCell(header.indexOf('差异') + 1).value];
    });
    expect(line).toEqual([5, 1]);
    // and the same in --fail-on warning: exit 1
    expect((await runInProcess(['score', dir, '-o', join(dir, 'out2'), '-q', '--no-chart', '--fail-on', 'warning'], ROOT)).code).toBe(1);
  });

  it('without printed scores 附件1 has no such columns; a printed score that is no number, or an id not in the tree, is said', async () => {
    const plain = await runInProcess(['score', 'fixtures/xiangyuan', '-o', join(copyFixture('xiangyuan'), 'out'), '-q', '--no-chart'], ROOT);
    expect(plain.code).toBe(0);
    const dir = withPrinted('xiangyuan', { execution_effectiveness: '四分' });
    const bad = await scoreJson(dir);
    expect([bad.code, bad.env.problems.map((p) => [p.code, p.message, p.where.field])]).toEqual([2, [['judgements-invalid', 'execution_effectiveness.printed 应为报告印出的得分（不小于 0 的数），实际为「四分」', 'judgements.execution_effectiveness.printed']]]);
    const typo = await scoreJson(withPrinted('xiangyuan', { execution_efectiveness: 4 }));
    expect(typo.env.problems.filter((p) => p.code === 'judgement-unknown-id').map((p) => p.message)).toEqual(['报告得分所写的指标编号 execution_efectiveness 不在指标体系中']);
  });
});

describe('a self-evaluation’s printed scores are its 自评得分', () => {
  it('the unit claimed full points for 帮扶人次 and 88.4 in all: 自评得分 beside 得分, two warnings', async () => {
    const dir = withPrinted('self-evaluation', { person_times: 20 }, 89.38);
    const { env } = await scoreJson(dir);
    expect(env.problems.filter((p) => p.code.startsWith('printed')).map((p) => p.message)).toEqual(['自评得分 20.00，按指标体系和评价判断计算为 16.67（相差 +3.33）', '自评得分合计 89.38，计算为 86.05（相差 +3.33）']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out', '自评结果.xlsx'));
    const header = (wb.getWorksheet('附件1 评分表')!.getRow(3).values as unknown[]).slice(1);
    expect(header).toContain('自评得分');
  });
});
