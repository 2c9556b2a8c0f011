// A check that has nothing to look at says so instead of reporting 0 findings:
// one record with the field is enough for it to run.
import { describe, expect, it } from 'vitest';
import { idNumbers } from '../../src/checks/id-numbers.js';
import { registration } from '../../src/checks/registration.js';
import { rowRates } from '../../src/checks/row-rates.js';
import { timing } from '../../src/checks/timing.js';
import { CHECKS } from '../../src/checks/run-checks.js';
import type { AuditContext } from '../../src/checks/check.js';
import type { RosterRecord } from '../../src/schema/roster.js';

const ctx = (extra: Partial<RosterRecord>[], registry?: AuditContext['registry']) =>
  ({ records: [{}, ...extra].map((e, i) => ({ file: 'r.csv', row: i + 2, name: `甲${i}`, ...e })), registry }) as unknown as AuditContext;

describe('checks that cannot run', () => {
  it('身份证号核查, 行执行率 and 发放时间 need one record with the field; 建档在册 a registry', () => {
    expect([idNumbers, rowRates, timing, registration].map((c) => c.cannotRun?.(ctx([])))).toEqual([
      '缺少身份证号列或该列为空',
      '缺少预算执行率列或该列为空',
      '缺少发放日期列和发放方式列或这两列为空',
      '未提供建档名单',
    ]);
    expect(idNumbers.cannotRun?.(ctx([{ idNumber: '140423199001011234' }]))).toBeUndefined();
    expect(rowRates.cannotRun?.(ctx([{ executionRate: '100%' }]))).toBeUndefined();
    expect([timing.cannotRun?.(ctx([{ date: '2022-01-01' }])), timing.cannotRun?.(ctx([{ method: '现金' }]))]).toEqual([undefined, undefined]);
    expect(registration.cannotRun?.(ctx([], []))).toBeUndefined();
  });

  it('the other checks always run', () => {
    expect(CHECKS.filter((c) => !c.cannotRun).map((c) => c.id)).toEqual(['amounts', 'totals', 'approvals', 'repeats']);
  });
});
