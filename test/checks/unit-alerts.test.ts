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
