// fixtures/vocabulary end to end: fraction weights (20/3 × 3 = 20 passes the weight check),
// 不适用 under award and rescale, deductions per finding inside an item, "=" by deviation,
// a rising trend, a manual leaf given full points for a missed target — through the real
// command, its JSON, its workbook and its report draft.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, edit, ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

interface JsonNode { id: string; weight: string; weight_written?: string; score: string; rate: string; removed?: string; actual?: string; trace?: string; children?: JsonNode[] }
let json: { result: { total: string; grade: string; rescaled?: { raw: string; removed: string; text: string }; indicators: JsonNode[] }; problems: { code: string; severity: string; message: string }[] };
let out: string;
const leaf = (id: string): JsonNode => {
  for (const g of json.result.indicators) for (const n of g.children ?? []) if (n.id === id) return n;
  throw new Error(`no leaf ${id}`);
};

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'jixiao-vocab-'));
  const run = await runInProcess(['score', 'fixtures/vocabulary', '-o', out, '--no-chart', '--format', 'json'], ROOT);
  expect(run.code).toBe(0);
  json = JSON.parse(run.stdout);
});

describe('fixtures/vocabulary', () => {
  it('weights of 20/3: shown to the places with the written fraction; the group adds to exactly 20', () => {
    expect(['basis', 'goals', 'allocation'].map((id) => [leaf(id).weight, leaf(id).weight_written])).toEqual([
      ['6.67', '20/3'],
      ['6.67', '20/3'],
      ['6.67', '20/3'],
    ]);
    expect(json.problems.filter((p) => p.code === 'tree-weights')).toEqual([]);
  });

  it('不适用 (award): the item’s 10/3 given, the leaf full', () => {
    expect([leaf('goals').score, leaf('goals').rate, leaf('goals').actual]).toEqual(['6.67', '1.0000', '符合 1/1 项，1 项不适用']);
  });

  it('per finding inside an item: 1 of 3 findings takes 1/3 of 20/3 → 40/9 = 4.44; 2 findings of 20% of 6 → 3.6 + 4', () => {
    expect([leaf('allocation').score, leaf('allocation').actual]).toEqual(['4.44', '符合 0/1 项，发现 1 处']);
    expect([leaf('files').score, leaf('files').actual]).toEqual(['7.60', '符合 1/2 项，发现 2 处']);
    expect(leaf('allocation').trace).toBe('分配依据充分、结果合理（20/3 分）：发现 1 处，每处扣该项 1/3，得 4.4444 分；合计得 4.4444 分');
  });

  it('不适用 (rescale): 5 of 20 leave the weight (10 of 15 met), the total 80.21 becomes 80.21 ÷ 95 × 100 = 84.43, 良', () => {
    expect([leaf('institutions').score, leaf('institutions').rate, leaf('institutions').removed]).toEqual(['10.00', '0.6667', '5.00']);
    expect(json.result.rescaled).toEqual({ raw: '80.21', removed: '5.00', text: '不适用的 5 分从总分中扣除，按 80.21 ÷ (100 − 5) × 100 折算为 84.43 分' });
    expect([json.result.total, json.result.grade]).toEqual(['84.43', '良']);
  });

  it('"=8场" by deviation: 6 is 25% off, 7.5 of 10; a rising trend 7 → 9 persons, full', () => {
    expect([leaf('sessions').score, leaf('growth').score, leaf('growth').actual]).toEqual(['7.50', '10.00', '上升']);
  });

  it('full points on a manual leaf whose figure misses the target: a warning with both', () => {
    expect(json.problems.filter((p) => p.severity !== 'info' && !p.code.startsWith('repeat') && p.code !== 'paid-below-approved').map((p) => [p.code, p.message])).toEqual([
      ['score-warning', '评价人员给了满分，但帮扶户数 29 未达到目标 ≥45户'],
    ]);
  });

  it('the workbook: 合计 adds the subtotals (80.21), 折算得分 follows, the grade says how', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, '评分结果.xlsx')) as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((w) => w.name.includes('3-2'))!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push([1, 3, 4].map((c) => {
      const v = row.getCell(c).value as { result?: unknown } | string | number | null;
      return v !== null && typeof v === 'object' && 'result' in v ? v.result : v;
    })));
    const at = (label: string) => rows.find((r) => r[0] === label);
    expect(at('合计')).toEqual(['合计', 100, 80.21]);
    expect(at('折算得分')).toEqual(['折算得分', 100, 84.43]);
    expect(at('评价等级')?.[1]).toBe('良（不适用的 5 分从总分中扣除，按 80.21 ÷ (100 − 5) × 100 折算为 84.43 分）');
    // the score sheet's 合计 is a SUM of its column: its value is that sum, the rescaled total said beside it
    const scores = wb.getWorksheet('附件1 评分表')!;
    let last: ExcelJS.Row | undefined;
    scores.eachRow((row) => {
      if (row.getCell(1).value === '合计') last = row;
    });
    const cells = last!.values as unknown[];
    const score = cells.find((v) => typeof v === 'object' && v !== null && 'formula' in v && String((v as { formula: string }).formula).includes('SUM') && (v as unknown as { result: number }).result < 100) as { result: number };
    expect(score.result).toBe(80.21);
    expect(cells.find((v) => typeof v === 'string' && v.startsWith('评价等级'))).toBe('评价等级：良（不适用的 5 分从总分中扣除，按 80.21 ÷ (100 − 5) × 100 折算为 84.43 分）');
  });

  it('the report draft says what did not apply and how the total was rescaled', async () => {
    const o = mkdtempSync(join(tmpdir(), 'jixiao-vocab-r-'));
    expect((await runInProcess(['report', 'fixtures/vocabulary', '-o', o, '--no-chart'], ROOT)).code).toBe(0);
    const md = readFileSync(join(o, '评价报告.md'), 'utf8');
    expect(md).toContain('审批手续完整（5 分）：不适用，分值从本指标权重中扣除，总分按比例折算；公示到位（5 分）：不符合，得 0 分；合计得 10 分。根据指标评分规则，其中 5 分不适用，从本指标权重中扣除，本指标扣 5 分，本指标得分 10 分。');
    expect(md).toContain('不适用的 5 分从总分中扣除，按 80.21 ÷ (100 − 5) × 100 折算为 84.43 分。');
    // weights of 20/3 print as 6.67: 6 loses 0.67, a full 6.67 loses nothing (never a negative deduction)
    expect(md).toContain('评价人员评定 6 分：立项依据中缺少需求调研材料。根据指标评分规则，本指标扣 0.67 分，本指标得分 6 分。');
    expect(md).toContain('合计得 6.6667 分。根据指标评分规则，本指标扣 0 分，本指标得分 6.67 分。');
    expect(md).not.toMatch(/扣 -/);
  });
});

describe('the working paper asks for the new answers', () => {
  it('不适用 in words, the findings of an item as a count; filled from the YAML it scores to the same bytes', async () => {
    const dir = copyFixture('vocabulary');
    expect((await runInProcess(['worksheet', dir, '-o', dir], dir)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '评分底稿.xlsx'));
    const cells: unknown[][] = [];
    wb.getWorksheet('评分底稿')!.eachRow((row) => {
      if (['institutions', 'allocation'].includes(String(row.getCell(1).value)) && !['reason', 'actual', 'note'].includes(String(row.getCell(9).value))) {
        cells.push([row.getCell(1).value, row.getCell(9).value, row.getCell(7).value]);
      }
    });
    expect(cells).toEqual([
      ['allocation', 'items.rules.findings', 1],
      ['institutions', 'items.sound', '符合'],
      ['institutions', 'items.approvals', '不适用'],
      ['institutions', 'items.publicity', '不符合'],
    ]);
    const fromYaml = mkdtempSync(join(tmpdir(), 'jixiao-vocab-'));
    expect((await runInProcess(['score', dir, '-o', fromYaml, '--no-chart'], dir)).code).toBe(0);
    edit(dir, 'evaluation.yaml', (t) => t.replace('file: judgements.yaml', 'file: 评分底稿.xlsx'));
    const fromPaper = mkdtempSync(join(tmpdir(), 'jixiao-vocab-'));
    expect((await runInProcess(['score', dir, '-o', fromPaper, '--no-chart'], dir)).code).toBe(0);
    expect(readFileSync(join(fromPaper, '评分结果.xlsx')).equals(readFileSync(join(fromYaml, '评分结果.xlsx')))).toBe(true);
  });
});
