// The evaluation report draft (评价报告初稿): the national outline the Xiangyuan report
// follows, every number taken from the scored tree, a metric or an input total, the
// sections only people write taken from the judgements file (report:) or left as
// marked placeholders. A document model only: Markdown and .docx render it.
import type { AuditResult } from '../checks/run-checks.js';
import type { ScoredNode, ScoredTree } from '../engine/score.js';
import { pts } from '../engine/rules/common.js';
import type { MetricSet } from '../metrics/metric.js';
import { formatMetricValue } from '../metrics/metric.js';
import { Decimal, plain, roundTo } from '../numbers/decimal.js';
import { countBySeverity, personText, type Problem } from '../problems/problem.js';
import type { BudgetRecord } from '../schema/budget.js';
import type { WrittenSections } from '../schema/judgements.js';
import type { SelfEvaluationForm } from './self-evaluation-form.js';

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; placeholder?: boolean }
  | { kind: 'table'; caption: string; header: string[]; rows: string[][] };

export interface ReportDraft {
  title: string;
  /** 评价机构, 评价期间, 报告日期 */
  byline: string[];
  blocks: Block[];
}

/** What people write, section by section (judgements file `report:`); absent sections are placeholders. */
export type { WrittenSections };

export interface ReportInput {
  project: string;
  evaluator?: string;
  reportDate?: string;
  period: readonly number[];
  scored: ScoredTree;
  metrics: MetricSet;
  budget: readonly BudgetRecord[];
  audit?: AuditResult;
  written: WrittenSections;
  /** the score workbook's file name, for 附件 */
  workbook: string;
  /** for a self-evaluation tree: the national form, after 表 3-2 */
  form?: SelfEvaluationForm;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numeral = (i: number) => NUMERALS[i] ?? String(i + 1);

/** A rate as the report prints it: 100%, 0%, 83.33% (no trailing zeros). */
export function reportRate(rate: Decimal): string {
  return `${plain(roundTo(rate.times(100), 2))}%`;
}

const yuan = (v: Decimal) => roundTo(v, 2).toFixed(2);

function periodText(period: readonly number[]): string {
  const sorted = [...period].sort((a, b) => a - b);
  const contiguous = sorted.every((y, i) => i === 0 || y === (sorted[i - 1] as number) + 1);
  return contiguous && sorted.length > 1 ? `${sorted[0]}-${sorted.at(-1)}年` : `${sorted.join('、')}年`;
}

function placeholder(what: string): Block {
  return { kind: 'paragraph', text: `【待评价人员填写：${what}】`, placeholder: true };
}

function written(text: string | undefined, what: string): Block[] {
  if (!text?.trim()) return [placeholder(what)];
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph' as const, text: p }));
}

function fundsSection(input: ReportInput): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: '（二）资金投入和使用情况' }];
  if (input.budget.length === 0) return [...blocks, placeholder('资金投入和使用情况（评价中没有预算资金表）')];
  const rows = input.budget.map((r) => [r.year ?? '', r.source ?? '', r.planned ? yuan(r.planned) : '—', r.arrived ? yuan(r.arrived) : '—', r.spent ? yuan(r.spent) : '—']);
  const m = (name: string) => input.metrics.get(`budget.${name}`);
  const total = (name: string) => {
    const metric = m(name);
    return metric ? yuan(metric.value) : '—';
  };
  rows.push(['合计', '', total('planned'), total('arrived'), total('spent')]);
  blocks.push({ kind: 'table', caption: '表 1-1 资金投入和使用情况（元）', header: ['年度', '资金来源', '下达资金', '到位资金', '支出资金'], rows });
  const said: string[] = [];
  for (const [name, label] of [
    ['planned', '下达资金'],
    ['arrived', '到位资金'],
    ['spent', '支出资金'],
  ] as const) {
    const metric = m(name);
    if (metric) said.push(`${label} ${formatMetricValue(metric.kind, metric.value, metric.unit)}`);
  }
  for (const [name, label] of [
    ['arrival_rate', '资金到位率'],
    ['execution_rate', '预算执行率'],
  ] as const) {
    const metric = m(name);
    if (metric) said.push(`${label}为 ${reportRate(metric.value)}`);
  }
  if (said.length > 0) blocks.push({ kind: 'paragraph', text: `${periodText(input.period)}共${said.join('，')}。` });
  return blocks;
}

function leafRows(nodes: readonly ScoredNode[], chain: ScoredNode[] = []): { leaf: ScoredNode; chain: ScoredNode[] }[] {
  return nodes.flatMap((n) => (n.children ? leafRows(n.children, [...chain, n]) : [{ leaf: n, chain: [...chain, n] }]));
}

function goalsSection(input: ReportInput): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: '（三）项目绩效目标' }];
  const withTargets = leafRows(input.scored.nodes).filter(({ leaf }) => leaf.node.target);
  if (withTargets.length === 0) return [...blocks, placeholder('项目绩效目标（指标体系中没有目标值）')];
  blocks.push({ kind: 'table', caption: '表 1-2 绩效目标完成情况', header: ['指标', '目标值', '完成值'], rows: withTargets.map(({ leaf }) => [leaf.node.name, leaf.node.target?.text ?? '', leaf.actual ?? '']) });
  return blocks;
}

function methodSection(input: ReportInput): Block[] {
  const { tree } = input.scored;
  const parts = input.scored.nodes.map((n) => `${n.node.name} ${pts(n.node.weight)} 分`).join('、');
  const bands = tree.grades.map((g) => (g.min ? `${g.name}（${g.minInclusive ? '≥' : '>'} ${pts(g.min)} 分）` : `${g.name}（其余）`)).join('、');
  const sources: string[] = [];
  if (input.audit && input.audit.context.records.length > 0) sources.push(`实名制发放花名册 ${input.audit.context.records.length} 人次`);
  if (input.budget.length > 0) sources.push('预算资金表');
  const survey = input.metrics.get('survey.respondents');
  if (survey) sources.push(`满意度问卷 ${plain(survey.value)} 份`);
  return [
    { kind: 'heading', level: 1, text: '二、绩效评价工作开展情况' },
    { kind: 'paragraph', text: `评价组按「${tree.title}」评分：一级指标${parts}，满分 ${pts(tree.total)} 分。评价等级：${bands}。` },
    ...(sources.length > 0 ? [{ kind: 'paragraph' as const, text: `评分依据的数据：${sources.join('、')}，以及评价组现场核查和访谈的判断。` }] : []),
  ];
}

function conclusionSection(input: ReportInput): Block[] {
  const { scored } = input;
  const places = scored.tree.rounding.places;
  const fmt = (d: Decimal) => d.toFixed(places);
  const leaves = leafRows(scored.nodes);
  const hasTarget = leaves.some(({ leaf }) => leaf.node.target);
  const table31: string[][] = leaves.map(({ leaf, chain }) => [
    `${chain[0]?.node.name ?? ''}（${pts(chain[0]?.node.weight as Decimal)} 分）`,
    chain.length > 2 ? `${chain[1]?.node.name ?? ''}（${pts(chain[1]?.node.weight as Decimal)} 分）` : '',
    leaf.node.name,
    ...(hasTarget ? [leaf.node.target?.text ?? '', leaf.actual ?? ''] : []),
    pts(leaf.node.weight),
    leaf.pending ? '待评' : fmt(leaf.score),
  ]);
  const table32: string[][] = [];
  for (const l1 of scored.nodes) {
    for (const l2 of l1.children ?? []) table32.push([l1.node.name, l2.node.name, pts(l2.node.weight), fmt(l2.score), reportRate(l2.rate)]);
    table32.push([`${l1.node.name}小计`, '', pts(l1.node.weight), fmt(l1.score), reportRate(l1.rate)]);
  }
  table32.push(['合计', '', pts(scored.tree.total), fmt(scored.total), reportRate(scored.rate)]);
  const provisional = scored.pending > 0 ? `（草稿：${scored.pending} 个末级指标待评，暂计 0 分，得分与等级为暂定）` : '';
  return [
    { kind: 'heading', level: 1, text: '三、综合评价情况及评价结论' },
    { kind: 'heading', level: 2, text: '（一）综合评价' },
    { kind: 'paragraph', text: '各指标目标值完成情况及权重得分见表 3-1，各级指标得分汇总见表 3-2。' },
    { kind: 'table', caption: '表 3-1 各指标目标值完成情况及权重得分', header: ['一级指标', '二级指标', '三级指标', ...(hasTarget ? ['目标值', '完成值'] : []), '权重', '得分'], rows: table31 },
    { kind: 'table', caption: '表 3-2 各级指标得分汇总', header: ['一级指标', '二级指标', '权重', '得分', '得分率'], rows: table32 },
    ...(input.form ? formTables(input.form) : []),
    { kind: 'heading', level: 2, text: '（二）评价结论' },
    { kind: 'paragraph', text: `${input.project}综合得分 ${fmt(scored.total)} 分，得分率为 ${reportRate(scored.rate)}，评价等级为「${scored.grade}」${provisional}。` },
    // a total rescaled for 不适用 points, or a partial tree graded on its rate, says how
    ...[scored.rescaled?.text, scored.gradedOn?.text].filter((t): t is string => Boolean(t)).map((t): Block => ({ kind: 'paragraph', text: `${t}。` })),
  ];
}

/** The self-evaluation form in two tables: the funds with 执行率 and its points, then the indicators. */
function formTables(form: SelfEvaluationForm): Block[] {
  return [
    { kind: 'table', caption: `表 3-3 ${form.title}：年度资金（元）${form.year}`, header: ['项目资金', '全年预算数', '全年执行数', '分值', '执行率', '得分'], rows: form.funds.map((f) => [f.label, f.planned, f.spent, f.points ?? '', f.rate ?? '', f.score ?? '']) },
    { kind: 'paragraph', text: `年度总体目标——预期目标：${form.goal}；实际完成情况：${form.achieved}`, placeholder: form.goal.startsWith('【') || form.achieved.startsWith('【') },
    {
      kind: 'table',
      caption: `表 3-4 ${form.title}：绩效指标`,
      header: ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      rows: [...form.indicators.map((i) => [i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score, i.deviation]), ['总分', '', '', '', '', form.weight, form.total, '']],
    },
  ];
}

/** One leaf in the report's style: weight, score, rate, what it examines, how the points came about, what was taken off. */
function leafParagraphs(leaf: ScoredNode, places: number): Block[] {
  const n = leaf.node;
  if (leaf.pending) return [{ kind: 'paragraph', text: `“${n.name}”指标权重 ${pts(n.weight)} 分，待评（暂计 0 分）。`, placeholder: true }];
  // what was taken off, against the weight as the tables print it (20/3 shows as 6.67, a full
  // 6.67 loses nothing); points of 不适用 items left the weight, they are not lost
  const lost = Decimal.max(0, roundTo(n.weight.minus(leaf.removed ?? 0), places).minus(leaf.score));
  const blocks: Block[] = [{ kind: 'paragraph', text: `“${n.name}”指标权重 ${pts(n.weight)} 分，得分 ${pts(leaf.score)} 分，得分率为 ${reportRate(leaf.rate)}。` }];
  if (n.explanation) blocks.push({ kind: 'paragraph', text: `该指标主要考察${n.explanation.replace(/^该指标主要考察/, '').replace(/[。.]?$/, '。')}` });
  if (n.criteria) blocks.push({ kind: 'paragraph', text: `评分标准：${n.criteria.replace(/[。.]?$/, '。')}` });
  // the evaluator's reason, then how the rule counted, each a sentence of its own
  const how = [leaf.reason, leaf.trace].filter((t): t is string => Boolean(t?.trim())).map((t) => t.trim().replace(/[。；;.，,]*$/, '。'));
  const removed = leaf.removed ? `其中 ${pts(leaf.removed)} 分不适用，从本指标权重中扣除，` : '';
  blocks.push({ kind: 'paragraph', text: `${how.join('')}根据指标评分规则，${removed}本指标扣 ${pts(lost)} 分，本指标得分 ${pts(leaf.score)} 分。` });
  return blocks;
}

function analysisSection(input: ReportInput): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: '四、绩效评价指标分析' }];
  input.scored.nodes.forEach((l1, i) => {
    blocks.push({ kind: 'heading', level: 2, text: `（${numeral(i)}）${l1.node.name}情况` });
    blocks.push({ kind: 'paragraph', text: `${l1.node.name}指标权重 ${pts(l1.node.weight)} 分，得分 ${pts(l1.score)} 分，得分率为 ${reportRate(l1.rate)}。` });
    (l1.children ?? []).forEach((l2, j) => {
      if (!l2.children) {
        blocks.push(...leafParagraphs(l2, input.scored.tree.rounding.places));
        return;
      }
      blocks.push({ kind: 'heading', level: 3, text: `${j + 1}、${l2.node.name}` });
      for (const leaf of leafRows(l2.children)) blocks.push(...leafParagraphs(leaf.leaf, input.scored.tree.rounding.places));
    });
  });
  blocks.push(...auditSection(input));
  return blocks;
}

function auditSection(input: ReportInput): Block[] {
  const audit = input.audit;
  if (!audit || audit.context.records.length === 0) return [];
  const counts = countBySeverity(audit.findings);
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: `（${numeral(input.scored.nodes.length)}）数据核查情况` },
    {
      kind: 'paragraph',
      text: `评价组对实名制发放花名册 ${audit.context.records.length} 人次（${audit.identities.persons.length} 人）逐笔核查，发现错误 ${counts.error} 个、警告 ${counts.warning} 个、提示 ${counts.info} 个。`,
    },
  ];
  const notRun = audit.byCheck.filter((b) => b.notRun).map((b) => `${b.check.name}（${b.notRun}）`);
  if (notRun.length > 0) blocks.push({ kind: 'paragraph', text: `未核查：${notRun.join('；')}。` });
  const shown = audit.findings.filter((p) => p.severity !== 'info').slice(0, 20);
  if (shown.length > 0) blocks.push({ kind: 'table', caption: '表 4-1 数据核查发现的问题', header: ['级别', '人员', '问题'], rows: shown.map((p: Problem) => [p.severity === 'error' ? '错误' : '警告', p.person ? personText(p.person) : '', p.message]) });
  return blocks;
}

export function buildReportDraft(input: ReportInput): ReportDraft {
  const byline = [input.evaluator ? `评价机构：${input.evaluator}` : '', `评价期间：${periodText(input.period)}`, input.reportDate ? `报告日期：${input.reportDate}` : ''].filter(Boolean);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: '一、项目基本情况' },
    { kind: 'heading', level: 2, text: '（一）项目概况' },
    ...written(input.written.overview, '项目概况（实施单位、资金来源、帮扶对象和内容）'),
    ...fundsSection(input),
    ...goalsSection(input),
    ...methodSection(input),
    ...conclusionSection(input),
    ...analysisSection(input),
    { kind: 'heading', level: 1, text: '五、主要经验及做法' },
    ...written(input.written.experience, '主要经验及做法'),
    { kind: 'heading', level: 1, text: '六、存在问题及原因分析' },
    ...written(input.written.problems, '存在问题及原因分析'),
    { kind: 'heading', level: 1, text: '七、有关建议' },
    ...written(input.written.recommendations, '有关建议'),
    { kind: 'heading', level: 1, text: '八、其他需要说明的问题' },
    ...written(input.written.other, '其他需要说明的问题（没有的写「无」）'),
    { kind: 'heading', level: 1, text: '九、相关附件' },
    { kind: 'paragraph', text: `附件1：评分表（见 ${input.workbook} 的「附件1 评分表」）。` },
  ];
  return { title: `${input.project}绩效评价报告${input.scored.pending > 0 ? '（草稿）' : '（初稿）'}`, byline, blocks };
}
