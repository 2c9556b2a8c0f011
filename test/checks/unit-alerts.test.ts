// The batch's findings over units' figures, each threshold at its limit, just below
// and just above; the definitions told apart on data where 下达 ≠ 到位 ≠ 支出.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outliers, sourceClass, unitAlerts } from '../../src/checks/unit-alerts.js';
import { ratesOf, unitFigures } from '../../src/checks/unit-figures.js';
import { Decimal } from '../../src/numbers/decimal.js';
import { batchConfigSchema } from '../../src/schema/batch-config.js';
import type { UnitRecord } from '../../src/schema/unit-table.js';

const D = (x: number | string) => new Decimal(x);
let row = 1;
function rec(unit: string, f: Partial<Record<'planned' | 'arrived' | 'spent' | 'balance' | 'households' | 'personTimes' | 'plannedPersonTimes', number | string>>, more: Partial<UnitRecord> = {}): UnitRecord {
  row += 1;
  const r: UnitRecord = { unit, nested: false, direct: false, file: 'a.csv', row, amountUnit: '元', ...more };
  for (const [k, v] of Object.entries(f)) (r as unknown as Record<string, Decimal>)[k] = D(v);
  return r;
}
const alerts = (records: UnitRecord[], config: Record<string, unknown> = {}) => unitAlerts(unitFigures(records), batchConfigSchema.parse(config)).map((p) => [p.code, p.severity, p.where.path?.join('/') ?? p.where.field]);

describe('the rates, by their definitions', () => {
  it('arrival = arrived ÷ planned; execution = spent ÷ arrived and spent ÷ planned; balance = arrived − spent; none from a missing figure', () => {
    const r = ratesOf({ planned: D(1000), arrived: D(800), spent: D(600), households: D(3), personTimes: D(4) });
    expect([r.arrivalRate, r.executionRate, r.executionRatePlanned, r.balance, r.perHousehold, r.perPersonTime].map(String)).toEqual(['0.8', '0.75', '0.6', '200', '200', '150']);
    expect(ratesOf({ planned: D(1000), spent: D(600) })).toEqual({ executionRatePlanned: D('0.6') });
    expect(ratesOf({ arrived: D(0), spent: D(5) })).toEqual({ balance: D(-5) });
  });
});

describe('execution rate thresholds (defaults: < 90% warning, < 70% error)', () => {
  it.each([
    ['90', []],
    ['89.99', [['execution-low', 'warning', 'A']]],
    ['70', [['execution-low', 'warning', 'A']]],
    ['69.99', [['execution-low', 'error', 'A']]],
  ])('spent %s of 100 arrived', (spent, expected) => {
    expect(alerts([rec('A', { planned: 100, arrived: 100, spent })])).toEqual(expected);
  });

  it('where planned ≠ arrived each rate is judged on its own, and the finding says by how much', () => {
    // 95% of what arrived, 47.5% of what was planned: only the second is low
    expect(unitAlerts(unitFigures([rec('A', { planned: 200, arrived: 100, spent: 95 })]), batchConfigSchema.parse({})).map((p) => [p.severity, p.message])).toEqual([
      ['error', '执行率（支出数 ÷ 下达数）为 47.50%，低于严重预警线 70%，差 22.5 个百分点'],
    ]);
    const found = unitAlerts(unitFigures([rec('A', { planned: 200, arrived: 100, spent: 85 })]), batchConfigSchema.parse({}));
    expect(found.map((p) => p.message)).toEqual(['预算执行率（支出数 ÷ 到位数）为 85.00%，低于预警线 90%，差 5 个百分点', '执行率（支出数 ÷ 下达数）为 42.50%，低于严重预警线 70%，差 27.5 个百分点']);
  });

  it('configurable, as ratios or percentages', () => {
    expect(alerts([rec('A', { arrived: 100, spent: 94 })], { execution: { warning: '95%', error: 0.5 } })).toEqual([['execution-low', 'warning', 'A']]);
  });
});

describe('reconciliation', () => {
  it('spending above arrival by one fen is an error; equal is not', () => {
    expect(alerts([rec('A', { arrived: 100, spent: '100.01' })])).toEqual([['spent-above-arrived', 'error', 'A']]);
    expect(alerts([rec('A', { arrived: 100, spent: 100 })])).toEqual([]);
  });

  it('a stated balance one fen off arrived − spent is an error', () => {
    expect(alerts([rec('A', { arrived: 100, spent: 95, balance: '5.01' })])).toEqual([['balance-mismatch', 'error', 'A']]);
    expect(alerts([rec('A', { arrived: 100, spent: 95, balance: 5 })])).toEqual([]);
  });
});

describe('matching ratio between central and provincial money', () => {
  const both = (provincial: number | string) => [rec('A', { planned: 100 }, { source: '中央财政' }), rec('A', { planned: provincial }, { source: '省财政' })];
  it('1 : 1 by default; a fen off is a warning; the unions\' own money is neither', () => {
    expect(alerts(both(100))).toEqual([]);
    expect(alerts(both('100.01'))).toEqual([['matching-ratio', 'warning', 'A']]);
    expect(alerts([...both(100), rec('A', { planned: 50 }, { source: '省总工会经费' })])).toEqual([]);
    expect(alerts(both(50), { matching_ratio: 0.5 })).toEqual([]);
    expect(alerts(both(50), { matching_ratio: null })).toEqual([]);
    expect([sourceClass('中央资金'), sourceClass('省级'), sourceClass('省总工会经费'), sourceClass('市财政'), sourceClass(undefined)]).toEqual(['central', 'provincial', undefined, undefined, undefined]);
  });
});

describe('per household: standards and outliers', () => {
  it('above the standard by a fen is a warning; at it is not', () => {
    const at = (spent: string) => alerts([rec('A', { spent, households: 2 }, { aidType: '生活救助' })], { standards: { 生活救助: { per_household: 1000 } } });
    expect(at('2000')).toEqual([]);
    expect(at('2000.02')).toEqual([['amount-above-standard', 'warning', 'A/生活救助']]);
  });

  it('the outlier rule: |x − median| > 3 × 1.4826 × MAD, at the limit not flagged', () => {
    // median 10, MAD 1: the limit is 4.4478
    const values = [8, 9, 10, 10, 11, 12].map(D);
    expect(outliers([...values, D('14.4478')], D(3), D('0.5')).at(-1)).toBe(false);
    expect(outliers([...values, D('14.4479')], D(3), D('0.5')).at(-1)).toBe(true);
  });

  it('with MAD 0 (one standard paid everywhere), more than 50% off the median', () => {
    const same = [1000, 1000, 1000, 1000].map(D);
    expect(outliers([...same, D(1500)], D(3), D('0.5')).at(-1)).toBe(false);
    expect(outliers([...same, D(1501)], D(3), D('0.5')).at(-1)).toBe(true);
    expect(outliers([...same, D(499)], D(3), D('0.5')).at(-1)).toBe(true);
  });

  it('needs 5 units of the aid type and year (configurable)', () => {
    const units = (n: number) => [...Array.from({ length: n }, (_, i) => rec(`U${i}`, { spent: 1000, households: 1 }, { aidType: '生活救助' })), rec('X', { spent: 5000, households: 1 }, { aidType: '生活救助' })];
    expect(alerts(units(3))).toEqual([]);
    expect(alerts(units(4))).toEqual([['amount-outlier', 'warning', 'X/生活救助']]);
    expect(alerts(units(3), { outliers: { min_units: 4 } })).toEqual([['amount-outlier', 'warning', 'X/生活救助']]);
  });

  it('never flags a value equal to the median, whatever the values (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100000 }), { minLength: 1, maxLength: 30 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const flags = outliers(xs.map(D), D(3), D('0.5'));
        if (sorted.length % 2 === 1) expect(flags[xs.indexOf(sorted[(sorted.length - 1) / 2]!)]).toBe(false);
        return flags.length === xs.length;
      }),
    );
  });
});

describe('plans, stated figures, the notice', () => {
  it('fewer person-times than planned by one is a warning; as many is not', () => {
    expect(alerts([rec('A', { personTimes: 99, plannedPersonTimes: 100 }, { aidType: '助学' })])).toEqual([['plan-not-met', 'warning', 'A/助学']]);
    expect(alerts([rec('A', { personTimes: 100, plannedPersonTimes: 100 }, { aidType: '助学' })])).toEqual([]);
  });

  it('a stated figure matching the unit\'s own or its rolled-up count passes; another is a warning; an unknown unit an error', () => {
    const records = [rec('A', { personTimes: 10 }), rec('B', { personTimes: 5 }, { parent: 'A' })];
    const stated = (value: number, unit = 'A') => alerts(records, { stated: [{ unit, field: 'person_times', value, where: '报告' }] });
    expect(stated(10)).toEqual([]);
    expect(stated(15)).toEqual([]);
    expect(stated(14)).toEqual([['stated-figure-differs', 'warning', 'A']]);
    expect(stated(14, 'C')).toEqual([['stated-unit-unknown', 'error', 'stated']]);
  });

  it('the notice total: to the fen; without any allocation it cannot be checked', () => {
    const records = [rec('A', { planned: 100 }), rec('B', { planned: 50 }), rec('C', { planned: 20 }, { parent: 'A' })];
    expect(alerts(records, { notice_total: 170 })).toEqual([]);
    expect(alerts(records, { notice_total: '170.01' })).toEqual([['notice-total-mismatch', 'error', 'notice_total']]);
    expect(alerts([rec('A', { spent: 1 })], { notice_total: 1 })).toEqual([['notice-total-unchecked', 'warning', 'notice_total']]);
  });
});

describe('the unit tree', () => {
  it('a nested or named sub-unit rolls up; a direct allocation leaves the parent\'s own 下达数', () => {
    const units = unitFigures([rec('P', { planned: 100, arrived: 80 }), rec('C', { planned: 20, arrived: 20 }, { parent: 'P', direct: true }), rec('D', { planned: 5 }, { parent: 'Q' })]);
    const p = units.find((u) => u.unit === 'P')!;
    expect([p.own.planned?.toString(), p.total.planned?.toString(), p.directToSubUnits?.toString(), p.children]).toEqual(['80', '100', '20', ['C']]);
    // a parent named but never listed is a unit of its own
    expect(units.find((u) => u.unit === 'Q')?.total.planned?.toString()).toBe('5');
  });

  it('a cycle in 上级单位 is cut, not followed forever', () => {
    const units = unitFigures([rec('A', { planned: 1 }, { parent: 'B' }), rec('B', { planned: 2 }, { parent: 'A' })]);
    expect(units.map((u) => u.total.planned?.toString())).toEqual(['3', '2']);
  });
});

describe('each finding in full: message, where, what was expected and found, the hint', () => {
  const one = (records: UnitRecord[], config: Record<string, unknown> = {}) => unitAlerts(unitFigures(records), batchConfigSchema.parse(config));

  it('execution, spending above arrival, balance', () => {
    expect(one([rec('A', { planned: 100, arrived: 100, spent: 60 }, { file: 'x.csv', row: 7, sheet: '甲' })])).toEqual([
      {
        severity: 'error',
        code: 'execution-low',
        message: '预算执行率（支出数 ÷ 到位数）为 60.00%，低于严重预警线 70%，差 10 个百分点',
        where: { file: 'x.csv', sheet: '甲', row: 7, path: ['A'] },
        expected: '≥ 70%',
        found: '60.00%',
        hint: '核实资金未支出的原因（进度、结转或未到位）',
      },
    ]);
    expect(one([rec('B', { arrived: 100, spent: 130, balance: -20 }, { file: 'y.csv', row: 3 })])).toEqual([
      { severity: 'error', code: 'spent-above-arrived', message: '支出数超过到位数 30.00 元', where: { file: 'y.csv', row: 3, path: ['B'] }, expected: '≤ 100.00 元', found: '130.00 元', hint: '核对支出是否含其他资金，或到位数是否漏填' },
      { severity: 'error', code: 'balance-mismatch', message: '结余与 到位数 − 支出数 不符，差 10.00 元', where: { file: 'y.csv', row: 3, path: ['B'] }, expected: '-30.00 元', found: '-20.00 元', hint: '核对结余（结转）数，或到位、支出数' },
    ]);
  });

  it('matching ratio, standard, plan, outlier (in 万元 where the table is)', () => {
    const wan = { amountUnit: '万元' as const, file: 'w.csv', row: 2 };
    expect(one([rec('C', { planned: 1000000 }, { ...wan, source: '中央财政' }), rec('C', { planned: 1200000 }, { ...wan, source: '省财政' })])).toEqual([
      {
        severity: 'warning',
        code: 'matching-ratio',
        message: '中央资金与省级资金不是 1 : 1 配套',
        where: { file: 'w.csv', row: 2, path: ['C'] },
        expected: '省级 100 万元（中央 100 万元 × 1）',
        found: '中央 100 万元 : 省级 120 万元 = 1 : 1.2',
        hint: '核对配套资金是否足额安排，或设置 matching_ratio',
      },
    ]);
    expect(one([rec('D', { spent: 3000, households: 2, personTimes: 3 }, { aidType: '生活救助', year: '2023', file: 'z.csv', row: 4 })], { standards: { 生活救助: { per_household: 1000, per_person_time: 900 } } })).toEqual([
      { severity: 'warning', code: 'amount-above-standard', message: '户均金额高于标准 500 元', where: { file: 'z.csv', row: 4, path: ['D', '生活救助', '2023年'] }, expected: '≤ 1000 元', found: '1500.00 元', hint: '核对是否超标准发放，或标准设置是否适用' },
      { severity: 'warning', code: 'amount-above-standard', message: '人次均金额高于标准 100 元', where: { file: 'z.csv', row: 4, path: ['D', '生活救助', '2023年'] }, expected: '≤ 900 元', found: '1000.00 元', hint: '核对是否超标准发放，或标准设置是否适用' },
    ]);
    expect(one([rec('E', { personTimes: 8, plannedPersonTimes: 10 }, { aidType: '助学', file: 'p.csv', row: 5 })])).toEqual([
      { severity: 'warning', code: 'plan-not-met', message: '实际帮扶人次少于计划 2 人次', where: { file: 'p.csv', row: 5, path: ['E', '助学'] }, expected: '≥ 10 人次（计划）', found: '8 人次', hint: '说明未完成计划的原因' },
    ]);
    const units = [...['U1', 'U2', 'U3', 'U4', 'U5'].map((u) => rec(u, { spent: 1000, households: 1 }, { aidType: '助学' })), rec('X', { spent: 1600, households: 1 }, { aidType: '助学', file: 'o.csv', row: 9 })];
    expect(one(units).map((p) => [p.message, p.where, p.expected, p.found, p.hint])).toEqual([
      ['户均金额 1600.00 元，与同类单位相差较大（中位数 1000.00 元）', { file: 'o.csv', row: 9, path: ['X', '助学'] }, '接近 1000.00 元（6 个单位的中位数）', '1600.00 元', '核对户数、人次或金额是否填错'],
    ]);
  });

  it('stated figures and the notice total', () => {
    const records = [rec('A', { personTimes: 10, spent: 500 }, { file: 's.csv', row: 2 }), rec('B', { personTimes: 5 }, { parent: 'A' }), rec('C', { personTimes: 1 })];
    expect(one(records, { stated: [{ unit: 'A', field: 'person_times', value: 14, where: '报告第二部分' }, { unit: 'C', field: 'spent', value: 9, where: '报告' }, { unit: 'Z', field: 'persons', value: 1, where: '报告' }] })).toEqual([
      { severity: 'warning', code: 'stated-figure-differs', message: '报告第二部分所写人次 14 人次 与表中的数都不相同', where: { file: 's.csv', row: 2, path: ['A'] }, expected: '本级 10 人次，含下级 15 人次', found: '14 人次（报告第二部分）', hint: '核对报告中的数据口径（本级或含下级）' },
      // a unit without sub-units: its own count only; a figure no table gives: said so
      { severity: 'warning', code: 'stated-figure-differs', message: '报告所写支出数 9.00 元 与表中的数都不相同', where: { file: 'a.csv', row: row - 0, path: ['C'] }, expected: '表中没有此数', found: '9.00 元（报告）', hint: '核对报告中的数据口径（本级或含下级）' },
      { severity: 'error', code: 'stated-unit-unknown', message: '设置中 stated 的单位「Z」不在任何表中', where: { field: 'stated' }, expected: 'A、B、C', found: 'Z' },
    ]);
    expect(one([rec('A', { planned: 100 }), rec('B', { planned: 50 }, { parent: 'Q' })], { notice_total: 200 })).toEqual([
      { severity: 'error', code: 'notice-total-mismatch', message: '各单位下达数之和与下达通知的合计不符，差 50.00 元', where: { field: 'notice_total' }, expected: '200.00 元', found: '150.00 元（2 个单位）', hint: '核对分配表是否漏列单位，或通知的合计' },
    ]);
    expect(one([rec('A', { spent: 1 })], { notice_total: 1 })).toEqual([{ severity: 'warning', code: 'notice-total-unchecked', message: '设置了下达通知的合计，但各表没有下达数', where: { field: 'notice_total' } }]);
  });

  it('a unit listed only as a parent is judged on what its sub-units add up to', () => {
    const found = one([rec('A', { arrived: 100, spent: 100 }, { parent: 'P' }), rec('B', { arrived: 100, spent: 40 }, { parent: 'P' })]);
    expect(found.map((p) => [p.code, p.severity, p.where.path?.[0], p.found])).toEqual([
      ['execution-low', 'error', 'B', '40.00%'],
      ['execution-low', 'warning', 'P', '70.00%'],
    ]);
  });
});

describe('unit figures: how rows group', () => {
  it('rows of one unit, source, aid type, year and project add up in one detail; a different year or project is another', () => {
    const u = unitFigures([
      rec('A', { spent: 1 }, { aidType: '助学', year: '2022' }),
      rec('A', { spent: 2 }, { aidType: '助学', year: '2022' }),
      rec('A', { spent: 4 }, { aidType: '助学', year: '2023' }),
      rec('A', { spent: 8 }, { aidType: '助学', year: '2023', project: '子项目B' }),
    ])[0]!;
    expect(u.details.map((d) => [d.year, d.project, d.figures.spent?.toString(), d.rowCount])).toEqual([
      ['2022', undefined, '3', 2],
      ['2023', undefined, '4', 1],
      ['2023', '子项目B', '8', 1],
    ]);
    expect([u.own.spent?.toString(), u.rowCount]).toEqual(['15', 4]);
  });

  it('a unit written in 万元 in one table and 元 in another is shown in 元; the first 上级单位 named stays; a unit is never its own parent', () => {
    const [a, b] = unitFigures([rec('A', { spent: 1 }, { amountUnit: '万元', parent: 'A' }), rec('A', { spent: 1 }, { amountUnit: '元' }), rec('B', { spent: 1 }, { amountUnit: '万元', parent: 'A' }), rec('B', { spent: 1 }, { amountUnit: '万元', parent: 'C' })]);
    expect([a!.amountUnit, a!.parent, b!.amountUnit, b!.parent]).toEqual(['元', undefined, '万元', 'A']);
  });

  it('only a 直达 sub-unit leaves its parent\'s own 下达数; one without 下达数 changes nothing', () => {
    const units = unitFigures([rec('P', { planned: 100 }), rec('C', { planned: 20 }, { parent: 'P' }), rec('D', { planned: 5 }, { parent: 'P', direct: true }), rec('E', { spent: 1 }, { parent: 'P', direct: true })]);
    const p = units.find((x) => x.unit === 'P')!;
    expect([p.own.planned?.toString(), p.total.planned?.toString(), p.directToSubUnits?.toString(), p.children]).toEqual(['95', '120', '5', ['C', 'D', 'E']]);
  });
});

describe('what a finding needs, and what keeps groups apart', () => {
  it('a standard for one measure only, a plan without the count done, one source alone: nothing to say', () => {
    expect(alerts([rec('A', { spent: 3000, households: 2, personTimes: 2 }, { aidType: '生活救助' })], { standards: { 生活救助: { per_household: 2000 } } })).toEqual([]);
    expect(alerts([rec('A', { plannedPersonTimes: 10 }, { aidType: '助学' })])).toEqual([]);
    expect(alerts([rec('A', { planned: 100 }, { source: '中央财政' })])).toEqual([]);
    expect(alerts([rec('A', { planned: 100 }, { source: '省财政' })])).toEqual([]);
    expect(alerts([rec('A', { spent: 1 }), rec('B', { arrived: 1 })])).toEqual([]);
  });

  it('provincial money is named so from the start (县财政（含省补助） is not)', () => {
    expect([sourceClass('省级配套'), sourceClass('县财政（含省补助）'), sourceClass('市财政')]).toEqual(['provincial', undefined, undefined]);
  });

  it('years are compared apart: a unit\'s two years are two groups, units of different years are not compared', () => {
    const two = alerts([rec('A', { spent: 1000, households: 1 }, { aidType: '助学', year: '2022' }), rec('A', { spent: 3000, households: 1 }, { aidType: '助学', year: '2023' })], { standards: { 助学: { per_household: 2000 } } });
    expect(two).toEqual([['amount-above-standard', 'warning', 'A/助学/2023年']]);
    const years = [...['U1', 'U2', 'U3', 'U4', 'U5'].map((u) => rec(u, { spent: 1000, households: 1 }, { aidType: '助学', year: '2022' })), rec('X', { spent: 5000, households: 1 }, { aidType: '助学', year: '2023' })];
    expect(alerts(years)).toEqual([]);
    // without an aid type there is nothing to compare a unit with
    expect(alerts([...['U1', 'U2', 'U3', 'U4', 'U5'].map((u) => rec(u, { spent: 1000, households: 1 })), rec('X', { spent: 5000, households: 1 })])).toEqual([]);
  });

  it('a stated figure of a unit without sub-units names its own count only', () => {
    const [p] = unitAlerts(unitFigures([rec('A', { personTimes: 3 })]), batchConfigSchema.parse({ stated: [{ unit: 'A', field: 'person_times', value: 4, where: '报告' }] }));
    expect(p?.expected).toBe('本级 3 人次');
  });
});
