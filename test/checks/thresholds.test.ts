// Every audit threshold at its limit, just below and just above: the three approval
// levels (市/省/全总), the amount standard, the 低保-based standard, the deadline day,
// the age range. A limit moved by one (or by one fen) makes one of these fail.
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../src/checks/id-numbers.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { Decimal } from '../../src/numbers/decimal.js';
import type { Problem } from '../../src/problems/problem.js';
import { auditConfigSchema } from '../../src/schema/audit-config.js';
import type { RosterRecord } from '../../src/schema/roster.js';

let row = 1;
function rec(fields: Omit<Partial<RosterRecord>, 'paid'> & { paid: string }): RosterRecord {
  row += 1;
  const { paid, ...rest } = fields;
  return { file: 'r.csv', row, year: 2022, name: `职工${row}`, nameOriginal: `职工${row}`, approved: new Decimal(paid), paid: new Decimal(paid), aidType: '生活救助', ...rest };
}

function findings(records: RosterRecord[], config: Record<string, unknown> = {}, period: number[] = []): [string, string][] {
  const audit = runChecks(records, auditConfigSchema.parse(config), period);
  return audit.findings.filter((f) => f.code !== 'repeat-person' && f.code !== 'same-name-apart').map((f: Problem) => [f.code, f.message]);
}

describe('medical aid approvals: above 1万 市总, above 2万 省总, above 5万 全总 (per household and year)', () => {
  it.each([
    ['10000.00', []],
    ['10000.01', ['市总工会']],
    ['20000.00', ['市总工会']],
    ['20000.01', ['省总工会']],
    ['50000.00', ['省总工会']],
    ['50000.01', ['全总']],
  ])('%s 元 in one year', (total, levels) => {
    // two payments that add up to the total: the limit is on the year's sum
    const half = new Decimal(total).dividedBy(2).toFixed(2);
    const rest = new Decimal(total).minus(half).toFixed(2);
    const result = findings([rec({ name: '刘勇', aidType: '医疗救助', paid: half }), rec({ name: '刘勇', aidType: '医疗救助', paid: rest })], { standards: {} });
    expect(result.filter(([c]) => c === 'approval-missing').map(([, m]) => /须经(.+?)审批/.exec(m)?.[1])).toEqual(levels);
  });

  it('an approval number in the 审批 column satisfies it; 无 does not', () => {
    expect(findings([rec({ aidType: '医疗救助', paid: '12000', approval: '长工字〔2022〕5号' })], { standards: {} })).toEqual([]);
    expect(findings([rec({ aidType: '医疗救助', paid: '12000', approval: '无' })], { standards: {} }).map(([c]) => c)).toEqual(['approval-missing']);
  });
});

describe('amount standards', () => {
  it.each([
    ['15000.00', []],
    ['15000.01', ['amount-outside-standard']],
  ])('医疗救助 %s 元 against the default 15000 maximum', (paid, codes) => {
    expect(findings([rec({ aidType: '医疗救助', paid, approval: '审批' })]).map(([c]) => c)).toEqual(codes);
  });

  it.each([
    ['999.99', ['amount-outside-standard']],
    ['1000.00', []],
  ])('a configured minimum of 1000: %s 元', (paid, codes) => {
    expect(findings([rec({ aidType: '送温暖', paid })], { standards: { 送温暖: { min: 1000 } } }).map(([c]) => c)).toEqual(codes);
  });

  it.each([
    // 500 a month × 12 × (1 + 50%) = 9000 for 生活救助; × 10 × 1.5 = 7500 for 助学
    ['生活救助', '9000.00', []],
    ['生活救助', '9000.01', ['amount-outside-standard']],
    ['金秋助学', '7500.00', []],
    ['金秋助学', '7500.01', ['amount-outside-standard']],
  ])('%s %s 元 against the 低保 standard of 500 a month', (aidType, paid, codes) => {
    expect(findings([rec({ aidType, paid })], { dibao_monthly: 500 }).map(([c]) => c)).toEqual(codes);
  });
});

describe('the deadline day', () => {
  it.each([
    ['2022-11-29', []],
    ['2022-11-30', []],
    ['2022-12-01', ['paid-late']],
  ])('paid on %s with deadline 11-30', (date, codes) => {
    expect(findings([rec({ paid: '3000', date })], { deadline: '11-30' }).map(([c]) => c)).toEqual(codes);
  });

  it('a per-year deadline applies to its year only', () => {
    expect(findings([rec({ paid: '3000', date: '2020-10-01', year: 2020 }), rec({ paid: '3000', date: '2021-10-01', year: 2021 })], { deadline: { 2020: '2020-09-30' } }).map(([c]) => c)).toEqual(['paid-late']);
  });
});

describe('a worker’s age in the payment year (16 to 80 by default)', () => {
  const idBorn = (year: number) => {
    const first17 = `140423${year}0101123`;
    return `${first17}${checkCharacter(first17)}`;
  };
  it.each([
    [2007, 15, ['id-age-implausible']],
    [2006, 16, []],
    [1942, 80, []],
    [1941, 81, ['id-age-implausible']],
  ])('born %i: %i years old in 2022', (born, _age, codes) => {
    expect(findings([rec({ paid: '3000', idNumber: idBorn(born) })]).map(([c]) => c)).toEqual(codes);
  });
});

describe('paid against approved, to the fen', () => {
  it.each([
    ['3000.00', '3000.01', ['paid-above-approved']],
    ['3000.00', '3000.00', []],
    ['3000.00', '2999.99', ['paid-below-approved']],
  ])('approved %s, paid %s', (approved, paid, codes) => {
    expect(findings([rec({ paid, approved: new Decimal(approved) })]).map(([c]) => c)).toEqual(codes);
  });
});

describe('a roster’s 预算执行率 column, compared at the precision it states', () => {
  it.each([
    // 2000 ÷ 3000 = 66.666…%
    ['67%', []],
    ['66%', ['row-rate-mismatch']],
    ['66.67%', []],
    ['66.66%', ['row-rate-mismatch']],
    ['66.68%', ['row-rate-mismatch']],
    ['0.67', []],
    ['0.7', []],
    ['0.66', ['row-rate-mismatch']],
    ['1', ['row-rate-mismatch']],
    ['不详', ['row-rate-mismatch']],
  ])('stated %s for 2000 of 3000', (stated, codes) => {
    expect(findings([rec({ paid: '2000', approved: new Decimal(3000), executionRate: stated })]).filter(([c]) => c !== 'paid-below-approved').map(([c]) => c)).toEqual(codes);
  });
});
