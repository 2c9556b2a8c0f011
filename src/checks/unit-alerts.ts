// What needs a finance analyst's attention in units' fund figures: low execution,
// spending above arrival, balances that do not reconcile, allocations that miss the
// notice's total, central and provincial money out of ratio, amounts per household
// above a standard or far from other units', plans not met, and figures the
// submission states elsewhere that its tables do not give. Each finding names the
// threshold and by how much.
import { Decimal, percent, plain, ZERO } from '../numbers/decimal.js';
import { problem, type Problem, type Severity, type Where } from '../problems/problem.js';
import type { BatchConfig } from '../schema/batch-config.js';
import { addFigures, FIGURE_LABEL, ratesOf, shownAmount, type DetailGroup, type Figures, type FigureSource, type UnitFigures } from './unit-figures.js';

const MAD_SCALE = new Decimal('1.4826');

function whereOf(source: FigureSource, path: string[]): Where {
  const first = source.first;
  return { ...(first ? { file: first.file, ...(first.sheet ? { sheet: first.sheet } : {}), row: first.row } : {}), path };
}

const money = (v: Decimal, unit: '元' | '万元') => `${shownAmount(v, unit)} ${unit}`;
const points = (d: Decimal) => `${plain(d.times(100).toDecimalPlaces(2))} 个百分点`;

/** The figures a unit is judged on: its own where it has rows, else what its sub-units add up to. */
export function judgedFigures(u: UnitFigures): Figures {
  return u.rowCount > 0 ? u.own : u.total;
}

function executionFindings(u: UnitFigures, config: BatchConfig): Problem[] {
  const f = judgedFigures(u);
  const rates = ratesOf(f);
  const out: Problem[] = [];
  const checks: [Decimal | undefined, string][] = [
    [rates.executionRate, '预算执行率（支出数 ÷ 到位数）'],
    [rates.executionRatePlanned, '执行率（支出数 ÷ 下达数）'],
  ];
  for (const [i, [rate, label]] of checks.entries()) {
    if (rate === undefined) continue;
    // where 下达 = 到位 the two rates are one number: said once, by the national definition
    if (i === 1 && rates.executionRate !== undefined && rates.executionRate.equals(rate)) continue;
    const { warning, error } = config.execution;
    const severity: Severity | undefined = rate.lessThan(error) ? 'error' : rate.lessThan(warning) ? 'warning' : undefined;
    if (!severity) continue;
    const line = severity === 'error' ? error : warning;
    out.push(
      problem(severity, 'execution-low', `${label}为 ${percent(rate)}，低于${severity === 'error' ? '严重预警线' : '预警线'} ${percent(line, 0)}，差 ${points(line.minus(rate))}`, whereOf(u, [u.unit]), {
        expected: `≥ ${percent(line, 0)}`,
        found: percent(rate),
        hint: '核实资金未支出的原因（进度、结转或未到位）',
      }),
    );
  }
  return out;
}

function reconcileFindings(u: UnitFigures): Problem[] {
  const f = judgedFigures(u);
  const out: Problem[] = [];
  if (f.spent !== undefined && f.arrived !== undefined && f.spent.greaterThan(f.arrived)) {
    out.push(
      problem('error', 'spent-above-arrived', `支出数超过到位数 ${money(f.spent.minus(f.arrived), u.amountUnit)}`, whereOf(u, [u.unit]), {
        expected: `≤ ${money(f.arrived, u.amountUnit)}`,
        found: money(f.spent, u.amountUnit),
        hint: '核对支出是否含其他资金，或到位数是否漏填',
      }),
    );
  }
  const computed = ratesOf(f).balance;
  if (f.balance !== undefined && computed !== undefined && !f.balance.equals(computed)) {
    out.push(
      problem('error', 'balance-mismatch', `结余与 到位数 − 支出数 不符，差 ${money(f.balance.minus(computed).abs(), u.amountUnit)}`, whereOf(u, [u.unit]), {
        expected: money(computed, u.amountUnit),
        found: money(f.balance, u.amountUnit),
        hint: '核对结余（结转）数，或到位、支出数',
      }),
    );
  }
  return out;
}

type SourceClass = 'central' | 'provincial';

/** 中央财政 / 中央资金 → central; 省财政 / 省级 → provincial; a union's own money (省总工会经费) is neither. */
export function sourceClass(source: string | undefined): SourceClass | undefined {
  if (!source || /工会/.test(source)) return undefined;
  if (/中央/.test(source)) return 'central';
  if (/^省/.test(source)) return 'provincial';
  return undefined;
}

function matchingFindings(u: UnitFigures, config: BatchConfig): Problem[] {
  if (config.matching_ratio === null) return [];
  const by: Record<SourceClass, Figures> = { central: {}, provincial: {} };
  for (const d of u.details) {
    const c = sourceClass(d.source);
    if (c) addFigures(by[c], d.figures);
  }
  // what the unit was given: 下达数, else 到位数
  const given = (f: Figures) => f.planned ?? f.arrived;
  const [central, provincial] = [given(by.central), given(by.provincial)];
  if (!central || !provincial || central.isZero()) return [];
  const actual = provincial.dividedBy(central);
  if (actual.equals(config.matching_ratio)) return [];
  return [
    problem('warning', 'matching-ratio', `中央资金与省级资金不是 1 : ${plain(config.matching_ratio)} 配套`, whereOf(u, [u.unit]), {
      expected: `省级 ${money(central.times(config.matching_ratio), u.amountUnit)}（中央 ${money(central, u.amountUnit)} × ${plain(config.matching_ratio)}）`,
      found: `中央 ${money(central, u.amountUnit)} : 省级 ${money(provincial, u.amountUnit)} = 1 : ${plain(actual.toDecimalPlaces(4))}`,
      hint: '核对配套资金是否足额安排，或设置 matching_ratio',
    }),
  ];
}

/** Per unit and aid type (and year): the sums of the detail groups of that type. */
export interface TypeGroup extends FigureSource {
  unit: string;
  aidType: string;
  year?: string;
  figures: Figures;
}

export function typeGroups(units: readonly UnitFigures[]): TypeGroup[] {
  const out: TypeGroup[] = [];
  for (const u of units) {
    const byKey = new Map<string, TypeGroup>();
    for (const d of u.details as DetailGroup[]) {
      if (!d.aidType) continue;
      const key = `${d.aidType}\u0000${d.year ?? ''}`;
      let g = byKey.get(key);
      if (!g) {
        g = { unit: u.unit, aidType: d.aidType, figures: {}, rowCount: 0, amountUnit: d.amountUnit, ...(d.first ? { first: d.first } : {}), ...(d.year ? { year: d.year } : {}) };
        byKey.set(key, g);
        out.push(g);
      }
      addFigures(g.figures, d.figures);
      // a group's row count and amount unit are not shown (its findings are per household, in 元, at its first row)
      // Stryker disable next-line AssignmentOperator: equivalent, see above
      g.rowCount += d.rowCount;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: equivalent, see above
      if (d.amountUnit === '元') g.amountUnit = '元';
    }
  }
  return out;
}

const pathOf = (g: TypeGroup) => [g.unit, g.aidType, ...(g.year ? [`${g.year}年`] : [])];

function standardFindings(groups: readonly TypeGroup[], config: BatchConfig): Problem[] {
  const out: Problem[] = [];
  for (const g of groups) {
    const standard = config.standards[g.aidType];
    if (!standard) continue;
    const rates = ratesOf(g.figures);
    const checks: [Decimal | undefined, Decimal | undefined, string][] = [
      [rates.perHousehold, standard.per_household, '户均'],
      [rates.perPersonTime, standard.per_person_time, '人次均'],
    ];
    for (const [value, limit, label] of checks) {
      if (value === undefined || limit === undefined || !value.greaterThan(limit)) continue;
      out.push(
        problem('warning', 'amount-above-standard', `${label}金额高于标准 ${plain(value.minus(limit).toDecimalPlaces(2))} 元`, whereOf(g, pathOf(g)), {
          expected: `≤ ${plain(limit)} 元`,
          found: `${value.toFixed(2)} 元`,
          hint: '核对是否超标准发放，或标准设置是否适用',
        }),
      );
    }
  }
  return out;
}

function median(values: readonly Decimal[]): Decimal {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as Decimal) : (sorted[mid - 1] as Decimal).plus(sorted[mid] as Decimal).dividedBy(2);
}

/** Values far from the others' median: |x − median| > factor × 1.4826 × MAD; with MAD 0, more than a share off the median. */
export function outliers(values: readonly Decimal[], factor: Decimal, zeroMadShare: Decimal): boolean[] {
  const m = median(values);
  const mad = median(values.map((v) => v.minus(m).abs()));
  if (mad.isZero()) return values.map((v) => !m.isZero() && v.minus(m).abs().dividedBy(m.abs()).greaterThan(zeroMadShare));
  const limit = factor.times(MAD_SCALE).times(mad);
  return values.map((v) => v.minus(m).abs().greaterThan(limit));
}

function outlierFindings(groups: readonly TypeGroup[], config: BatchConfig): Problem[] {
  const out: Problem[] = [];
  const byType = new Map<string, TypeGroup[]>();
  for (const g of groups) {
    const key = `${g.aidType}\u0000${g.year ?? ''}`;
    byType.set(key, [...(byType.get(key) ?? []), g]);
  }
  for (const members of byType.values()) {
    for (const [measure, label] of [
      ['perHousehold', '户均金额'],
      ['perPersonTime', '人次均金额'],
    ] as const) {
      const having = members.map((g) => ({ g, v: ratesOf(g.figures)[measure] })).filter((x): x is { g: TypeGroup; v: Decimal } => x.v !== undefined);
      if (having.length < config.outliers.min_units) continue;
      const flags = outliers(having.map((x) => x.v), config.outliers.mad_factor, config.outliers.zero_mad_share);
      const m = median(having.map((x) => x.v));
      having.forEach(({ g, v }, i) => {
        if (!flags[i]) return;
        out.push(
          problem('warning', 'amount-outlier', `${label} ${v.toFixed(2)} 元，与同类单位相差较大（中位数 ${m.toFixed(2)} 元）`, whereOf(g, pathOf(g)), {
            expected: `接近 ${m.toFixed(2)} 元（${having.length} 个单位的中位数）`,
            found: `${v.toFixed(2)} 元`,
            hint: '核对户数、人次或金额是否填错',
          }),
        );
      });
    }
  }
  return out;
}

function planFindings(groups: readonly TypeGroup[]): Problem[] {
  return groups.flatMap((g) => {
    const { personTimes: done, plannedPersonTimes: planned } = g.figures;
    if (done === undefined || planned === undefined || !done.lessThan(planned)) return [];
    return [
      problem('warning', 'plan-not-met', `实际帮扶人次少于计划 ${plain(planned.minus(done))} 人次`, whereOf(g, pathOf(g)), {
        expected: `≥ ${plain(planned)} 人次（计划）`,
        found: `${plain(done)} 人次`,
        hint: '说明未完成计划的原因',
      }),
    ];
  });
}

const STATED_KEY = { planned: 'planned', arrived: 'arrived', spent: 'spent', balance: 'balance', households: 'households', persons: 'persons', person_times: 'personTimes' } as const;
const COUNT_WORD: Partial<Record<keyof Figures, string>> = { households: '户', persons: '人', personTimes: '人次' };

function statedFindings(units: readonly UnitFigures[], config: BatchConfig): Problem[] {
  const byName = new Map(units.map((u) => [u.unit, u]));
  return config.stated.flatMap((s) => {
    const u = byName.get(s.unit);
    if (!u) {
      return [
        problem('error', 'stated-unit-unknown', `设置中 stated 的单位「${s.unit}」不在任何表中`, { field: 'stated' }, {
          expected: [...byName.keys()].slice(0, 20).join('、'),
          found: s.unit,
        }),
      ];
    }
    const key = STATED_KEY[s.field];
    const word = COUNT_WORD[key];
    const show = (v: Decimal) => (word ? `${plain(v)} ${word}` : money(v, u.amountUnit));
    const own = u.own[key];
    const total = u.total[key];
    const candidates = [own, total].filter((v): v is Decimal => v !== undefined);
    if (candidates.some((v) => v.equals(s.value))) return [];
    const found = [own !== undefined ? `本级 ${show(own)}` : '', total !== undefined && u.children.length > 0 ? `含下级 ${show(total)}` : ''].filter(Boolean).join('，') || '表中没有此数';
    return [
      problem('warning', 'stated-figure-differs', `${s.where}所写${FIGURE_LABEL[key]} ${show(s.value)} 与表中的数都不相同`, whereOf(u, [u.unit]), {
        expected: found,
        found: `${show(s.value)}（${s.where}）`,
        hint: '核对报告中的数据口径（本级或含下级）',
      }),
    ];
  });
}

function noticeFindings(units: readonly UnitFigures[], config: BatchConfig): Problem[] {
  if (config.notice_total === undefined) return [];
  // the units at the top of the tree (unitFigures lists every parent named as a unit of its own)
  const top = units.filter((u) => !u.parent);
  const planned = top.map((u) => u.total.planned).filter((v): v is Decimal => v !== undefined);
  if (planned.length === 0) return [problem('warning', 'notice-total-unchecked', '设置了下达通知的合计，但各表没有下达数', { field: 'notice_total' })];
  const total = planned.reduce((a, b) => a.plus(b), ZERO);
  if (total.equals(config.notice_total)) return [];
  const unit = top[0]?.amountUnit ?? '元';
  return [
    problem('error', 'notice-total-mismatch', `各单位下达数之和与下达通知的合计不符，差 ${money(total.minus(config.notice_total).abs(), unit)}`, { field: 'notice_total' }, {
      expected: money(config.notice_total, unit),
      found: `${money(total, unit)}（${top.length} 个单位）`,
      hint: '核对分配表是否漏列单位，或通知的合计',
    }),
  ];
}

/** Every finding of a batch, in a stable order: per unit in table order, then across units. */
export function unitAlerts(units: readonly UnitFigures[], config: BatchConfig): Problem[] {
  const groups = typeGroups(units);
  return [
    ...units.flatMap((u) => [...executionFindings(u, config), ...reconcileFindings(u), ...matchingFindings(u, config)]),
    ...standardFindings(groups, config),
    ...planFindings(groups),
    ...outlierFindings(groups, config),
    ...statedFindings(units, config),
    ...noticeFindings(units, config),
  ];
}

