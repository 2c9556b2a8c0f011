// Timing and method: payments after the deadline of the funds notice, payments
// outside the evaluated period, cash payments without the recipient's signature
// (零现金: payment by bank card is the rule).
import type { Problem } from '../problems/problem.js';
import type { RosterRecord } from '../schema/roster.js';
import type { Check } from './check.js';
import { rowFinding, yearOf } from './check.js';
import type { AuditConfig } from '../schema/audit-config.js';

export function deadlineFor(r: RosterRecord, config: AuditConfig): string | undefined {
  const year = yearOf(r);
  if (!config.deadline || year === undefined) return undefined;
  return typeof config.deadline === 'string' ? `${year}-${config.deadline}` : config.deadline[String(year)];
}

const SIGNED = /^(是|已签|已签字|有|√|✓|Y|YES|TRUE)$/i;

export const timing: Check = {
  id: 'timing',
  name: '发放时间',
  rule: '在资金通知规定的期限前发放；发放日期在评价期间内；现金发放须有领取人签字',
  cannotRun: ({ records }) => (records.some((r) => r.date || r.method) ? undefined : '缺少发放日期列和发放方式列或这两列为空'),
  run({ records, config, period }) {
    const out: Problem[] = [];
    for (const r of records) {
      const deadline = deadlineFor(r, config);
      if (r.date && deadline && r.date > deadline) {
        out.push(rowFinding('warning', 'paid-late', '发放日期晚于资金通知规定的期限', r, { expected: `不晚于 ${deadline}`, found: r.date, hint: '说明延迟发放的原因' }));
      }
      if (r.date && period.length > 0 && !period.includes(Number(r.date.slice(0, 4)))) {
        out.push(rowFinding('warning', 'paid-outside-period', '发放日期不在评价期间内', r, { expected: `${Math.min(...period)}-${Math.max(...period)} 年`, found: r.date, hint: '核对日期，或确认该笔是否属于本次评价' }));
      }
      if (r.method && /现金/.test(r.method) && !(r.signature && SIGNED.test(r.signature.trim()))) {
        out.push(rowFinding('warning', 'cash-without-signature', '现金发放未见领取人签字', r, { found: `发放方式 ${r.method}，签字 ${r.signature ?? '空'}`, hint: '补齐签字凭证；今后应通过银行卡发放' }));
      }
    }
    return out;
  },
};

/** Payments with a date that are on time, of all payments with a date (undefined without a deadline). */
export function onTime(records: readonly RosterRecord[], config: AuditConfig): { onTime: number; dated: number } | undefined {
  if (!config.deadline) return undefined;
  let dated = 0;
  let ok = 0;
  for (const r of records) {
    const deadline = deadlineFor(r, config);
    if (!r.date || !deadline) continue;
    dated += 1;
    if (r.date <= deadline) ok += 1;
  }
  return dated === 0 ? undefined : { onTime: ok, dated };
}
