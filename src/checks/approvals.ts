// Approvals: medical aid to one household in one year above 1万 needs the city
// union's approval, above 2万 the province's, above 5万 全总's; the roster must
// say so (审批 column). A missing approval is a finding.
import { Decimal, ZERO } from '../numbers/decimal.js';
import type { Problem } from '../problems/problem.js';
import type { RosterRecord } from '../schema/roster.js';
import type { Check } from './check.js';
import { rowFinding, yearOf } from './check.js';

export const approvals: Check = {
  id: 'approvals',
  name: '审批层级',
  rule: '每户全年医疗救助超过 1 万元须市总审批，超过 2 万元须省总审批，超过 5 万元须全总审批',
  run({ records, identities, config }) {
    const out: Problem[] = [];
    const sums = new Map<string, { total: Decimal; rows: RosterRecord[] }>();
    records.forEach((r, i) => {
      if (!config.medical_types.includes(r.aidType)) return;
      const key = `${identities.personOf[i]}|${yearOf(r) ?? ''}`;
      const s = sums.get(key) ?? { total: ZERO, rows: [] };
      s.total = s.total.plus(r.paid);
      s.rows.push(r);
      sums.set(key, s);
    });
    for (const { total, rows } of sums.values()) {
      const a = config.approvals;
      const level = total.greaterThan(a.national) ? '全总' : total.greaterThan(a.province) ? '省总工会' : total.greaterThan(a.city) ? '市总工会' : undefined;
      if (!level) continue;
      const approved = rows.find((r) => r.approval && !/^(无|否|未审批)$/.test(r.approval));
      if (approved) continue;
      const first = rows[0] as RosterRecord;
      out.push(
        rowFinding('error', 'approval-missing', `全年医疗救助 ${total.toFixed(2)} 元，须经${level}审批，花名册未见审批记录`, first, {
          expected: `${level}审批文号`,
          found: rows.map((r) => r.approval ?? '空').join('、'),
          hint: '补充审批文件，或在「审批」列填写审批文号',
        }),
      );
    }
    return out;
  },
};
