// A roster's own 预算执行率 column against its amounts: paid ÷ approved per row.
import { Decimal } from '../numbers/decimal.js';
import { parseNumber } from '../numbers/parse.js';
import type { Problem } from '../problems/problem.js';
import type { Check } from './check.js';
import { rowFinding } from './check.js';

export const rowRates: Check = {
  id: 'row-rates',
  name: '行执行率',
  rule: '每行的预算执行率等于已支付金额 ÷ 帮扶金额',
  cannotRun: ({ records }) => (records.some((r) => r.executionRate) ? undefined : '缺少预算执行率列或该列为空'),
  run({ records }) {
    const out: Problem[] = [];
    for (const r of records) {
      if (!r.executionRate || r.approved.isZero()) continue;
      const stated = parseNumber(r.executionRate)?.value;
      const actual = r.paid.dividedBy(r.approved);
      // compared at the stated precision: "100%" means 1.00, "91.38%" means 0.9138, "0.7" means 0.7
      const decimals = (r.executionRate.split('.')[1] ?? '').replace(/\D/g, '').length;
      const places = /%\s*$/.test(r.executionRate) ? Math.max(2, decimals + 2) : Math.max(1, decimals);
      if (!stated || !actual.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).equals(stated)) {
        out.push(rowFinding('warning', 'row-rate-mismatch', '本行预算执行率与金额不符', r, { expected: `${actual.times(100).toDecimalPlaces(2).toString()}%`, found: r.executionRate, hint: '按 已支付金额 ÷ 帮扶金额 更正' }));
      }
    }
    return out;
  },
};
