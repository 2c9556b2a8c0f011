// Amounts: paid above approved is an error; paid below approved lowers the
// execution rate; zero or negative amounts; per aid type, the amounts a person
// received in a year against the configured standards (outliers).
import { Decimal, ZERO } from '../numbers/decimal.js';
import type { Problem } from '../problems/problem.js';
import type { RosterRecord } from '../schema/roster.js';
import type { Check } from './check.js';
import { rowFinding, yearOf } from './check.js';
import type { AuditConfig } from '../schema/audit-config.js';

const yuan = (d: Decimal) => `${d.toFixed(2)} 元`;

/** The per-person-per-year range for an aid type: configured, or from the 低保 standard. */
export function standardFor(aidType: string, config: AuditConfig): { min?: Decimal; max?: Decimal; basis: string } | undefined {
  const given = config.standards[aidType];
  if (given) return { ...given, basis: '配置的标准' };
  if (!config.dibao_monthly) return undefined;
  const months = config.living_types.includes(aidType) ? 12 : config.education_types.includes(aidType) ? 10 : 0;
  if (months === 0) return undefined;
  const standard = config.dibao_monthly.times(months);
  return { max: standard.times(config.dibao_tolerance.plus(1)), basis: `${months} 个月低保标准 ${yuan(standard)}，上浮 ${config.dibao_tolerance.times(100).toString()}%` };
}

export const amounts: Check = {
  id: 'amounts',
  name: '金额与标准',
  rule: '已支付金额不超过帮扶金额；金额为正；每人每年各帮扶项目金额在标准之内',
  run({ records, identities, config }) {
    const out: Problem[] = [];
    for (const r of records) {
      if (r.paid.greaterThan(r.approved)) {
        out.push(rowFinding('error', 'paid-above-approved', '已支付金额超过帮扶金额', r, { expected: `≤ ${yuan(r.approved)}`, found: yuan(r.paid), hint: '核对发放凭证，多付的应追回' }));
      } else if (r.paid.lessThan(r.approved) && r.paid.greaterThan(0)) {
        out.push(rowFinding('warning', 'paid-below-approved', '已支付金额低于帮扶金额，拉低预算执行率', r, { expected: yuan(r.approved), found: yuan(r.paid), hint: '说明未足额发放的原因' }));
      }
      if (!r.paid.greaterThan(0) || !r.approved.greaterThan(0)) {
        out.push(rowFinding('error', 'amount-not-positive', '金额为零或负数', r, { found: `帮扶金额 ${yuan(r.approved)}，已支付金额 ${yuan(r.paid)}`, hint: '删除未发放的行，或更正金额' }));
      }
    }
    // per person, year and aid type against the standard
    const sums = new Map<string, { total: Decimal; rows: RosterRecord[] }>();
    records.forEach((r, i) => {
      const key = `${identities.personOf[i]}|${yearOf(r) ?? ''}|${r.aidType}`;
      const s = sums.get(key) ?? { total: ZERO, rows: [] };
      s.total = s.total.plus(r.paid);
      s.rows.push(r);
      sums.set(key, s);
    });
    for (const { total, rows } of sums.values()) {
      const first = rows[0] as RosterRecord;
      const standard = standardFor(first.aidType, config);
      if (!standard) continue;
      const over = standard.max && total.greaterThan(standard.max);
      const under = standard.min && total.lessThan(standard.min);
      if (over || under) {
        out.push(
          rowFinding('warning', 'amount-outside-standard', `${first.aidType}每人每年金额${over ? '高于' : '低于'}标准（${standard.basis}）`, first, {
            expected: `${standard.min ? `≥ ${yuan(standard.min)}` : ''}${standard.min && standard.max ? '，' : ''}${standard.max ? `≤ ${yuan(standard.max)}` : ''}`,
            found: `${yuan(total)}（${rows.length} 笔）`,
            hint: '核实金额与审批依据',
          }),
        );
      }
    }
    return out;
  },
};
