// Metrics from the budget table, with the common framework's definitions:
// 资金到位率 = arrived ÷ planned; 预算执行率 = spent ÷ arrived (and, for the self-evaluation
// form, spent ÷ planned); 结余 = arrived − spent. A table without 到位 scores what needs no 到位.
// Each metric is also given per year, source, sub-project and aid type and their
// combinations (budget.spent[source=省财政, project=子项目A]@2024), as far as the table has them.
import { sum, ZERO, type Decimal } from '../numbers/decimal.js';
import type { BudgetRecord } from '../schema/budget.js';
import type { Metric } from './metric.js';
import { metricName, scopeLabel, type Scope } from './metric-name.js';
import { rowRanges } from './row-ranges.js';

/** The year a row's 年度 cell names (2024, 2024年, 2024年度); none for other texts. */
export function yearOf(text: string | undefined): number | undefined {
  const m = text === undefined ? null : /^\s*(\d{4})\s*(年度?)?\s*$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

type Dimension = 'year' | 'source' | 'project' | 'type';
const DIMENSIONS: readonly Dimension[] = ['year', 'source', 'project', 'type'];

function valueOf(r: BudgetRecord, d: Dimension): string | undefined {
  switch (d) {
    case 'year': {
      const y = yearOf(r.year);
      return y === undefined ? undefined : String(y);
    }
    case 'source':
      return r.source;
    case 'project':
      return r.project;
    default:
      return r.aidType;
  }
}

/** The budget metrics of one group of rows (the whole table, or one scope). */
function groupMetrics(records: readonly BudgetRecord[], scope: Scope, year: number | undefined, wan: boolean): Metric[] {
  const files = [...new Set(records.map((r) => r.file))];
  const provenance = files.map((file) => ({ file, rows: rowRanges(records.filter((r) => r.file === file).map((r) => r.row)) }));
  const scoped = year !== undefined || Object.keys(scope).length > 0;
  const prefix = scoped ? `${scopeLabel(scope, year)} ` : '';
  const make = (name: string, label: string, kind: Metric['kind'], value: Metric['value']): Metric => ({
    name: metricName({ base: `budget.${name}`, scope, ...(year !== undefined ? { year } : {}) }),
    label: `${prefix}${label}`,
    kind,
    value,
    ...(kind === 'amount' && wan ? { unit: '万元' } : {}),
    source: 'data',
    provenance,
    ...(scoped ? { detail: true } : {}),
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

export function budgetMetrics(records: readonly BudgetRecord[]): Metric[] {
  if (records.length === 0) return [];
  // a 万元 table's amounts are read back in 万元 (every table of the evaluation in 万元), else in 元
  const wan = records.every((r) => r.amountUnit === '万元');
  const metrics = groupMetrics(records, {}, undefined, wan);
  const present = DIMENSIONS.filter((d) => records.some((r) => valueOf(r, d) !== undefined));
  // every combination of the dimensions the table has (at most 15), each group in the order first seen
  for (let mask = 1; mask < 1 << present.length; mask += 1) {
    const dims = present.filter((_, i) => mask & (1 << i));
    const groups = new Map<string, { values: string[]; rows: BudgetRecord[] }>();
    for (const r of records) {
      const values = dims.map((d) => valueOf(r, d));
      if (values.some((v) => v === undefined)) continue;
      const key = JSON.stringify(values);
      const g = groups.get(key) ?? { values: values as string[], rows: [] };
      g.rows.push(r);
      groups.set(key, g);
    }
    for (const { values, rows } of groups.values()) {
      const scope: Scope = {};
      let year: number | undefined;
      dims.forEach((d, i) => {
        const v = values[i] as string;
        if (d === 'year') year = Number(v);
        else scope[d] = v;
      });
      metrics.push(...groupMetrics(rows, scope, year, wan));
    }
  }
  return metrics;
}
