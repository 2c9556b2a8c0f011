// The national self-evaluation form (项目支出绩效自评表, 财预〔2020〕10号): 年度资金总额
// with 执行率 = 全年执行数 ÷ 全年预算数 (budget.execution_rate_planned) and its 10 points,
// 年度总体目标, then the indicators with 年度指标值, 实际完成值, 分值, 得分 and 偏差原因分析及
// 改进措施. One model for the workbook sheet and the Word table.
import type { ScoredNode, ScoredTree } from '../engine/score.js';
import { pts } from '../engine/rules/common.js';
import type { MetricSet } from '../metrics/metric.js';
import { plain, roundTo, type Decimal } from '../numbers/decimal.js';
import type { BudgetRecord } from '../schema/budget.js';
import type { WrittenSections } from '../schema/judgements.js';

export const FORM_SHEET = '项目支出绩效自评表';
const EXECUTION_METRIC = 'budget.execution_rate_planned';
const MISSING = '【待填写】';

export interface FormFundsRow {
  label: string;
  planned: string;
  spent: string;
  /** 分值, 执行率, 得分: on the 年度资金总额 row only */
  points?: string;
  rate?: string;
  score?: string;
}

export interface FormIndicatorRow {
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  weight: string;
  score: string;
  /** 偏差原因分析及改进措施: the evaluator's reason where points were lost, else 【待填写】 */
  deviation: string;
}

export interface SelfEvaluationForm {
  title: string;
  year: string;
  project: string;
  unit: string;
  funds: FormFundsRow[];
  goal: string;
  achieved: string;
  indicators: FormIndicatorRow[];
  total: string;
  weight: string;
}

const yuan = (v: Decimal | undefined) => (v === undefined ? '' : roundTo(v, 2).toFixed(2));

/** The leaf scored on the execution rate: it is the form's 年度资金总额 line, not an indicator row. */
function isExecutionLeaf(n: ScoredNode): boolean {
  return !n.children && (n.metrics ?? []).some((m) => m.name === EXECUTION_METRIC);
}

function leafRows(nodes: readonly ScoredNode[], chain: ScoredNode[] = []): { leaf: ScoredNode; chain: ScoredNode[] }[] {
  return nodes.flatMap((n) => (n.children ? leafRows(n.children, [...chain, n]) : [{ leaf: n, chain: [...chain, n] }]));
}

export function selfEvaluationForm(input: { project: string; unit?: string; period: readonly number[]; scored: ScoredTree; metrics: MetricSet; budget: readonly BudgetRecord[]; written: WrittenSections }): SelfEvaluationForm {
  const { scored } = input;
  const places = scored.tree.rounding.places;
  const sum = (pick: (r: BudgetRecord) => Decimal | undefined) => {
    const values = input.budget.map(pick).filter((v): v is Decimal => v !== undefined);
    return values.length > 0 ? values.reduce((a, b) => a.plus(b)) : undefined;
  };
  const leaves = leafRows(scored.nodes);
  const execution = leaves.find(({ leaf }) => isExecutionLeaf(leaf))?.leaf;
  const rate = input.metrics.get(EXECUTION_METRIC);
  const funds: FormFundsRow[] = [
    {
      label: '年度资金总额',
      planned: yuan(sum((r) => r.planned)),
      spent: yuan(sum((r) => r.spent)),
      points: execution ? pts(execution.node.weight) : '',
      rate: rate ? `${plain(roundTo(rate.value.times(100), 2))}%` : '',
      score: execution ? execution.score.toFixed(places) : '',
    },
  ];
  // 其中：each fund source as the budget table names it
  const sources = [...new Set(input.budget.map((r) => r.source).filter((s): s is string => Boolean(s)))];
  for (const source of sources) {
    const rows = input.budget.filter((r) => r.source === source);
    const pick = (f: (r: BudgetRecord) => Decimal | undefined) => {
      const v = rows.map(f).filter((x): x is Decimal => x !== undefined);
      return v.length > 0 ? v.reduce((a, b) => a.plus(b)) : undefined;
    };
    funds.push({ label: `其中：${source}`, planned: yuan(pick((r) => r.planned)), spent: yuan(pick((r) => r.spent)) });
  }
  const indicators: FormIndicatorRow[] = leaves
    .filter(({ leaf }) => leaf !== execution)
    .map(({ leaf, chain }) => {
      const lost = leaf.score.lessThan(leaf.node.weight);
      return {
        level1: chain[0]?.node.name ?? '',
        level2: chain.length > 2 ? (chain[1]?.node.name ?? '') : '',
        level3: leaf.node.name,
        target: leaf.node.target?.text ?? '',
        actual: leaf.actual ?? '',
        weight: pts(leaf.node.weight),
        score: leaf.pending ? '待评' : leaf.score.toFixed(places),
        deviation: lost ? (leaf.reason?.trim() ? leaf.reason.trim() : MISSING) : '',
      };
    });
  const years = [...input.period].sort((a, b) => a - b);
  return {
    title: FORM_SHEET,
    year: `（${years.length > 1 ? `${years[0]}-${years.at(-1)}` : years[0]}年度）`,
    project: input.project,
    unit: input.unit ?? '',
    funds,
    goal: input.written.goal?.trim() || MISSING,
    achieved: input.written.achieved?.trim() || MISSING,
    indicators,
    total: scored.total.toFixed(places),
    weight: pts(scored.tree.total),
  };
}
