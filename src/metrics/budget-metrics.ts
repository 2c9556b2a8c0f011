// Metrics from the budget table, with the common framework's definitions:
// 资金到位率 = arrived ÷ planned; 预算执行率 = spent ÷ arrived (and, for the self-evaluation
// form, spent ÷ planned); 结余 = arrived − spent. A table without 到位 scores what needs no 到位.
import { sum, ZERO, type Decimal } from '../numbers/decimal.js';
import type { BudgetRecord } from '../schema/budget.js';
import type { Metric } from './metric.js';
import { rowRanges } from './row-ranges.js';

export function budgetMetrics(records: readonly BudgetRecord[]): Metric[] {
  if (records.length === 0) return [];
  const files = [...new Set(records.map((r) => r.file))];
  const provenance = files.map((file) => ({ file, rows: rowRanges(records.filter((r) => r.file === file).map((r) => r.row)) }));
  // a 万元 table's amounts are read back in 万元 (every table of the evaluation in 万元), else in 元
  const wan = records.every((r) => r.amountUnit === '万元');
  const make = (name: string, label: string, kind: Metric['kind'], value: Metric['value']): Metric => ({
    name: `budget.${name}`,
    label,
    kind,
    value,
    ...(kind === 'amount' && wan ? { unit: '万元' } : {}),
    source: 'data',
    provenance,
  });
  // each sum from the rows that have the figure; a figure no row has is no metric (not 0)
  const total = (pick: (r: BudgetRecord) => Decimal | undefined) => {
    const values = records.map(pick).filter((v): v is Decimal => v !== undefined);
    return values.length > 0 ? sum(values) : undefined;
  };
  const planned = total((r) => r.planned);
  const arrived = total((r) => r.arrived);
  const spent = total((r) => r.spent);
  const metrics: Metric[] = [];
  if (planned) metrics.push(make('planned', '计划投入资金', 'amount', planned));
  if (arrived) metrics.push(make('arrived', '实际到位资金', 'amount', arrived));
  if (spent) metrics.push(make('spent', '实际支出资金', 'amount', spent));
  if (arrived && spent) metrics.push(make('balance', '结余资金', 'amount', arrived.minus(spent)));
  if (planned && arrived && !planned.isZero()) metrics.push(make('arrival_rate', '资金到位率', 'ratio', arrived.dividedBy(planned)));
  // the national definition (spent ÷ arrived) and the self-evaluation form's (执行数 ÷ 预算数): neither stands in for the other
  if (arrived && spent && !arrived.isZero()) metrics.push(make('execution_rate', '预算执行率', 'ratio', spent.dividedBy(arrived)));
  if (planned && spent && !planned.isZero()) metrics.push(make('execution_rate_planned', '预算执行率（执行数 ÷ 预算数）', 'ratio', spent.dividedBy(planned)));
  if (records.some((r) => r.plannedPersonTimes !== undefined)) {
    metrics.push({ ...make('planned_person_times', '计划帮扶人次', 'count', sum(records.map((r) => r.plannedPersonTimes ?? ZERO))), unit: '人次' });
  }
  return metrics;
}
