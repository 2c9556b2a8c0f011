// A roster's own 预算执行率 column, compared at the precision it is written to.
import { describe, expect, it } from 'vitest';
import { rowRates } from '../../src/checks/row-rates.js';
import { resolveIdentities } from '../../src/checks/identity.js';
import { Decimal } from '../../src/numbers/decimal.js';
import { auditConfigSchema } from '../../src/schema/audit-config.js';
import type { RosterRecord } from '../../src/schema/roster.js';

const rec = (executionRate: string, paid = 5000, approved = 6000): RosterRecord => ({
  file: 'r.csv', row: 2, name: '刘勇', nameOriginal: '刘勇', approved: new Decimal(approved), paid: new Decimal(paid), aidType: '生活救助', executionRate,
});
const check = (r: RosterRecord) => {
  const records = [r];
  return rowRates.run({ records, identities: resolveIdentities(records, []), config: auditConfigSchema.parse({}), period: [] }).map((f) => [f.code, f.severity, f.message, f.expected, f.found, f.hint]);
};

describe('row-rates', () => {
  it.each(['83.33%', '83.33% ', '83.3%', '83%', '0.8333', '0.83', '0.8'])('5000 ÷ 6000 written as %j agrees', (text) => {
    expect(check(rec(text))).toEqual([]);
  });
  it.each(['83.34%', '84%', '0.84', '0.9', '八成'])('5000 ÷ 6000 written as %j is a finding', (text) => {
    expect(check(rec(text))).toEqual([['row-rate-mismatch', 'warning', '本行预算执行率与金额不符', '83.33%', text, '按 已支付金额 ÷ 帮扶金额 更正']]);
  });
  it('nothing to compare without a rate or with nothing approved', () => {
    expect(check(rec(''))).toEqual([]);
    expect(check(rec('50%', 0, 0))).toEqual([]);
  });
});
