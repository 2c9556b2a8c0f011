// Metrics from the budget table, with the common framework's definitions:
// 资金到位率 = arrived ÷ planned; 预算执行率 = spent ÷ arrived; 结余 = arrived − spent.
import { sum, ZERO } from '../numbers/decimal.js';
import type { BudgetRecord } from '../schema/budget.js';
import type { Metric } from './metric.js';
import { rowRanges } from './row-ranges.js';

export function budgetMetrics(records: readonly BudgetRecord[]): Metric[] {
  if (records.length === 0) return [];
  const files = [...new Set(records.map((r) => r.file))];
  const provenance = files.map((file) => ({ file, rows: rowRanges(records.filter((r) => r.file === file).map((r) => r.row)) }));
  const make = (name: string, label: string, kind: Metric['kind'], value: Metric['value']): Metric => ({
    name: `budget.${name}`,
    label,
    kind,
    value,
    source: 'data',
    provenance,
  });
  const planned = sum(records.map((r) => r.planned));
  const arrived = sum(records.map((r) => r.arrived));
  const spent = sum(records.map((r) => r.spent));
  const metrics = [
    make('planned', '计划投入资金', 'amount', planned),
    make('arrived', '实际到位资金', 'amount', arrived),
    make('spent', '实际支出资金', 'amount', spent),
    make('balance', '结余资金', 'amount', arrived.minus(spent)),
  ];
  if (!planned.isZero()) metrics.push(make('arrival_rate', '资金到位率', 'ratio', arrived.dividedBy(planned)));
  if (!arrived.isZero()) metrics.push(make('execution_rate', '预算执行率', 'ratio', spent.dividedBy(arrived)));
  if (records.some((r) => r.plannedPersonTimes !== undefined)) {
    metrics.push({ ...make('planned_person_times', '计划帮扶人次', 'count', sum(records.map((r) => r.plannedPersonTimes ?? ZERO))), unit: '人次' });
  }
  return metrics;
}
