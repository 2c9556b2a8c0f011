// Repeats: the same person paid more than once for the same aid type in one year
// (a warning: needs a reason), and the same person across years, aid types or
// units (information: the difference between persons and person-times).
// Same-name persons kept apart are reported so that nobody is merged silently.
import type { Problem } from '../problems/problem.js';
import type { RosterRecord } from '../schema/roster.js';
import type { Check } from './check.js';
import { rowFinding, yearOf } from './check.js';
import { RULE_CONFIDENCE, type Person } from './identity.js';

function describe(r: RosterRecord): string {
  const y = yearOf(r);
  return `${y ? `${y}年` : ''}${r.aidType}（${r.file} 第 ${r.row} 行）`;
}

/** At most this many payments are spelled out in one finding; a placeholder ID repeated a thousand times must not make a thousand-line cell. */
const LISTED = 10;

function describeAll(rs: readonly RosterRecord[]): string {
  const shown = rs.slice(0, LISTED).map(describe).join('；');
  return rs.length > LISTED ? `${shown}；等共 ${rs.length} 次` : shown;
}

export const repeats: Check = {
  id: 'repeats',
  name: '重复受助',
  rule: '同一人员同一年度同一帮扶项目重复领取；跨年度、跨项目、跨单位受助；同名不同人',
  run({ records, identities }) {
    const out: Problem[] = [];
    for (const person of identities.persons as Person[]) {
      if (person.records.length < 2) continue;
      const rs = person.records.map((i) => records[i] as RosterRecord);
      const groups = new Map<string, RosterRecord[]>();
      for (const r of rs) {
        const key = `${yearOf(r) ?? ''}|${r.aidType}`;
        const group = groups.get(key);
        if (group) group.push(r);
        else groups.set(key, [r]);
      }
      for (const same of groups.values()) {
        if (same.length < 2) continue;
        const found = describeAll(same);
        for (const r of same.slice(1)) {
          out.push(rowFinding('warning', 'repeat-same-type', `同一人员在同一年度同一帮扶项目重复领取（共 ${same.length} 次）`, r, {
            found,
            hint: '核实是否重复发放；确有原因的，在备注中写明',
          }));
        }
      }
      const first = rs[0] as RosterRecord;
      const years = [...new Set(rs.map(yearOf).filter((y): y is number => y !== undefined))].sort();
      const types = [...new Set(rs.map((r) => r.aidType))];
      const units = [...new Set(rs.map((r) => r.unit).filter(Boolean))];
      const matches = person.matches.slice(0, LISTED).map((m) => `第 ${records[m.record]?.row} 行（${records[m.record]?.file}）与第 ${records[m.against]?.row} 行：${m.reason}，可信度${RULE_CONFIDENCE[m.rule]}`);
      const what = [years.length > 1 ? `${years.join('、')} 年` : '', types.length > 1 ? types.join('、') : '', units.length > 1 ? `单位写作 ${units.join(' / ')}` : '']
        .filter(Boolean)
        .join('；');
      out.push(
        rowFinding('info', 'repeat-person', `同一人员受助 ${rs.length} 人次${what ? `（${what}）` : ''}`, first, {
          found: describeAll(rs),
          ...(matches.length > 0 ? { hint: `合并依据：${matches.join('；')}${person.matches.length > LISTED ? `；等共 ${person.matches.length} 处` : ''}` } : {}),
        }),
      );
    }
    for (const a of identities.apart) {
      const r = records[a.records[1]] as RosterRecord;
      const other = records[a.records[0]] as RosterRecord;
      out.push(rowFinding('info', 'same-name-apart', a.reason, r, { found: `另见 ${other.file} 第 ${other.row} 行` }));
    }
    return out;
  },
};
