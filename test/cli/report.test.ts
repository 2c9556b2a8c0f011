// jixiao report on the reference case: every number of the Markdown draft checked
// against its source (the scored tree and metrics of `score --format json`, the budget
// table, the audit), the same check failing when one number is altered; the .docx read
// with Node alone (its tables, its text); the same bytes on two runs more than 2 s apart.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, edit, ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

interface Node {
  name: string;
  weight: string;
  score: string;
  rate: string;
  target?: string;
  actual?: string;
  children?: Node[];
}

const out = () => mkdtempSync(join(tmpdir(), 'jixiao-report-'));
/** 3.00 → 3, 88.50 → 88.5 (as the report prints points) */
const points = (s: string) => String(Number(s));
const rate = (s: string) => `${String(Number((Number(s) * 100).toFixed(2)))}%`;
const leavesOf = (nodes: Node[], chain: Node[] = []): { leaf: Node; chain: Node[] }[] => nodes.flatMap((n) => (n.children ? leavesOf(n.children, [...chain, n]) : [{ leaf: n, chain: [...chain, n] }]));

/**
 * Every number the draft states, checked against the sources: the mismatches, each as
 * "what: found ≠ expected". Independent of how the draft is built.
 */
function checkNumbers(md: string, result: { indicators: Node[]; total: string; rate: string; grade: string; metrics: { name: string; value: string }[]; audit: { personTimes: number; persons: number; errors: number; warnings: number; infos: number } }, budget: string[][]): string[] {
  const wrong: string[] = [];
  const expectEq = (what: string, found: string | undefined, expected: string) => {
    if (found !== expected) wrong.push(`${what}: ${found} ≠ ${expected}`);
  };
  const leaves = leavesOf(result.indicators);
  // each leaf's paragraph: weight, score, rate; points taken off, score again
  for (const { leaf } of leaves) {
    const m = new RegExp(`“${leaf.name}”指标权重 (\\S+) 分，得分 (\\S+) 分，得分率为 (\\S+)。`).exec(md);
    expectEq(`${leaf.name} 权重`, m?.[1], points(leaf.weight));
    expectEq(`${leaf.name} 得分`, m?.[2], points(leaf.score));
    expectEq(`${leaf.name} 得分率`, m?.[3], rate(leaf.rate));
    const after = md.slice(md.indexOf(`“${leaf.name}”指标权重`));
    const end = /本指标扣 (\S+) 分，本指标得分 (\S+) 分。/.exec(after);
    expectEq(`${leaf.name} 扣分`, end?.[1], String(Number((Number(leaf.weight) - Number(leaf.score)).toFixed(4))));
    expectEq(`${leaf.name} 得分（结论）`, end?.[2], points(leaf.score));
  }
  // the trace and the reason of each leaf, as the scored tree has them (their numbers are the tree's own text)
  for (const { leaf } of leaves) {
    const { trace, reason } = leaf as Node & { trace?: string; reason?: string };
    for (const text of [trace, reason].filter((t): t is string => Boolean(t))) {
      if (!md.includes(text.replace(/[。；;.，,]*$/, ''))) wrong.push(`${leaf.name} 评分依据: 缺少「${text.slice(0, 20)}…」`);
    }
  }
  // each level-1 paragraph
  for (const l1 of result.indicators) {
    const m = new RegExp(`\\n${l1.name}指标权重 (\\S+) 分，得分 (\\S+) 分，得分率为 (\\S+)。`).exec(md);
    expectEq(`${l1.name} 权重`, m?.[1], points(l1.weight));
    expectEq(`${l1.name} 得分`, m?.[2], points(l1.score));
    expectEq(`${l1.name} 得分率`, m?.[3], rate(l1.rate));
  }
  // 表 3-1: one row per leaf, weight and score
  const rows31 = md.split('**表 3-1')[1]!.split('\n\n')[1]!.split('\n').slice(2).map((r) => r.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '')));
  leaves.forEach(({ leaf, chain }, i) => {
    const row = rows31[i] ?? [];
    expectEq(`表3-1 ${leaf.name}`, row.slice(2).join('/'), [leaf.name, leaf.target ?? '', leaf.actual ?? '', points(leaf.weight), leaf.score].join('/'));
    expectEq(`表3-1 ${leaf.name} 一级`, row[0], `${chain[0]!.name}（${points(chain[0]!.weight)} 分）`);
  });
  // 表 3-2: level-2 rows and subtotals, the total
  const rows32 = md.split('**表 3-2')[1]!.split('\n\n')[1]!.split('\n').slice(2).map((r) => r.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '')));
  const expected32 = result.indicators.flatMap((l1) => [...(l1.children ?? []).map((l2) => [l1.name, l2.name, points(l2.weight), l2.score, rate(l2.rate)]), [`${l1.name}小计`, '', points(l1.weight), l1.score, rate(l1.rate)]]);
  expected32.push(['合计', '', '100', result.total, rate(result.rate)]);
  expectEq('表3-2', JSON.stringify(rows32), JSON.stringify(expected32));
  // the conclusion
  const c = /综合得分 (\S+) 分，得分率为 (\S+)，评价等级为「(\S+)」/.exec(md);
  expectEq('综合得分', c?.[1], result.total);
  expectEq('综合得分率', c?.[2], rate(result.rate));
  expectEq('评价等级', c?.[3], result.grade);
  // funds: the budget table's rows, its totals and the rates
  const rows11 = md.split('**表 1-1')[1]!.split('\n\n')[1]!.split('\n').slice(2).map((r) => r.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '')));
  const [, ...data] = budget;
  data.forEach((r, i) => expectEq(`表1-1 第 ${i + 1} 行`, rows11[i]?.slice(0, 5).join('/'), [r[0], r[1], `${r[2]}.00`, `${r[3]}.00`, `${r[4]}.00`].join('/')));
  const metric = (name: string) => result.metrics.find((m) => m.name === name)!.value;
  expectEq('资金到位率', /资金到位率为 (\S+?)，/.exec(md)?.[1], rate(metric('budget.arrival_rate')));
  expectEq('预算执行率', /预算执行率为 (\S+?)。/.exec(md)?.[1], rate(metric('budget.execution_rate')));
  expectEq('下达资金', /共下达资金 (\S+) 元/.exec(md)?.[1], Number(metric('budget.planned')).toFixed(2));
  // the audit
  const a = /花名册 (\d+) 人次（(\d+) 人）逐笔核查，发现错误 (\d+) 个、警告 (\d+) 个、提示 (\d+) 个/.exec(md);
  expectEq('核查', a?.slice(1).join('/'), [result.audit.personTimes, result.audit.persons, result.audit.errors, result.audit.warnings, result.audit.infos].join('/'));
  return wrong;
}

describe('jixiao report: the draft of the reference case', () => {
  let md: string;
  let result: Parameters<typeof checkNumbers>[1];
  let dir: string;
  const budget = readFileSync(join(ROOT, 'fixtures/xiangyuan/budget.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
  beforeAll(async () => {
    dir = out();
    const run = await runInProcess(['report', 'fixtures/xiangyuan', '-o', dir], ROOT);
    expect([run.code, run.stdout.split('\n')[0]]).toEqual([0, '襄垣县总工会困难职工帮扶省财政配套资金绩效评价报告（初稿）：5 处待评价人员填写']);
    md = readFileSync(join(dir, '评价报告.md'), 'utf8');
    result = JSON.parse((await runInProcess(['score', 'fixtures/xiangyuan', '--format', 'json', '-o', out()], ROOT)).stdout).result;
  });

  it('every number the draft states is its source\'s: leaves, level-1 paragraphs, 表3-1, 表3-2, the conclusion, the funds, the audit', () => {
    expect(checkNumbers(md, result, budget)).toEqual([]);
    expect(md).toContain('襄垣县总工会困难职工帮扶省财政配套资金综合得分 88.50 分，得分率为 88.5%，评价等级为「良」。');
    expect(md).toContain('“职工满意度”指标权重 14 分，得分 14 分，得分率为 100%。');
  });

  it('the check fails on one number altered', () => {
    const altered = md.replace('“绩效目标合理性”指标权重 3 分，得分 0 分', '“绩效目标合理性”指标权重 3 分，得分 0.5 分');
    expect(altered).not.toBe(md);
    expect(checkNumbers(altered, result, budget)).toEqual(['绩效目标合理性 得分: 0.5 ≠ 0']);
    const table = md.replace('| 合计 |  | 100 | 88.50 | 88.5% |', '| 合计 |  | 100 | 88.60 | 88.5% |');
    expect(table).not.toBe(md);
    expect(checkNumbers(table, result, budget)).toHaveLength(1);
  });

  it('the sections only people write are marked placeholders, or the judgements file\'s report: text', async () => {
    expect(md.match(/\*\*【待评价人员填写：[^】]+】\*\*/g)).toEqual([
      '**【待评价人员填写：项目概况（实施单位、资金来源、帮扶对象和内容）】**',
      '**【待评价人员填写：主要经验及做法】**',
      '**【待评价人员填写：存在问题及原因分析】**',
      '**【待评价人员填写：有关建议】**',
      '**【待评价人员填写：其他需要说明的问题（没有的写「无」）】**',
    ]);
    const copy = copyFixture('xiangyuan');
    edit(copy, 'judgements.yaml', (t) => `${t}\nreport:\n  experience: |\n    帮扶体系已初具规模。\n\n    做实做细困难职工动态信息管理。\n  other: 无\n`);
    const o = out();
    expect((await runInProcess(['report', copy, '-o', o], copy)).code).toBe(0);
    const written = readFileSync(join(o, '评价报告.md'), 'utf8');
    expect(written).toContain('## 五、主要经验及做法\n\n帮扶体系已初具规模。\n\n做实做细困难职工动态信息管理。\n\n## 六');
    expect(written).toContain('## 八、其他需要说明的问题\n\n无\n\n## 九');
  });

  it('the .docx, read with Node alone: real tables, the same text as the Markdown, CJK fonts, its date from evaluation.yaml', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, '评价报告.docx')));
    const doc = await zip.file('word/document.xml')!.async('string');
    // 表 1-1, 1-2, 3-1, 3-2 (no 4-1: the audit found no errors or warnings), as many as the Markdown has
    expect(doc.match(/<w:tbl>/g)).toHaveLength(4);
    expect(md.match(/^\*\*表 /gm)).toHaveLength(4);
    const text = [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('襄垣县总工会困难职工帮扶省财政配套资金综合得分 88.50 分，得分率为 88.5%，评价等级为「良」。');
    // every leaf's sentence, with the scored tree's figures
    for (const { leaf } of leavesOf(result.indicators)) expect(text).toContain(`“${leaf.name}”指标权重 ${points(leaf.weight)} 分，得分 ${points(leaf.score)} 分，得分率为 ${rate(leaf.rate)}。`);
    expect(doc).toContain('w:eastAsia="宋体"');
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core.match(/<dcterms:(created|modified)[^>]*>([^<]*)</g)).toEqual(['<dcterms:created xsi:type="dcterms:W3CDTF">2023-10-01T00:00:00Z<', '<dcterms:modified xsi:type="dcterms:W3CDTF">2023-10-01T00:00:00Z<']);
  });

  it('the same bytes on two runs more than 2 s apart (zip entry dates fixed, no random ids)', async () => {
    await new Promise((r) => setTimeout(r, 2100));
    const again = out();
    await runInProcess(['report', 'fixtures/xiangyuan', '-o', again], ROOT);
    expect(readFileSync(join(again, '评价报告.docx')).equals(readFileSync(join(dir, '评价报告.docx')))).toBe(true);
    expect(readFileSync(join(again, '评价报告.md'), 'utf8')).toBe(md);
  });
});
