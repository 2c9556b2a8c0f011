// Repeats as an auditor reads them: the same person over years, aid types and unit
// spellings; the same aid twice in one year; long runs cut at 10 with the count.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/run-checks.js';
import { Decimal } from '../../src/numbers/decimal.js';
import { auditConfigSchema } from '../../src/schema/audit-config.js';
import type { RosterRecord } from '../../src/schema/roster.js';

const ID = '140423199001011234';
const rec = (row: number, fields: Partial<RosterRecord> = {}): RosterRecord => ({
  file: 'r.csv', row, name: '刘勇', nameOriginal: '刘勇', idNumber: ID, approved: new Decimal(1000), paid: new Decimal(1000), aidType: '生活救助', year: 2021, ...fields,
});
const repeats = (records: RosterRecord[]) =>
  runChecks(records, auditConfigSchema.parse({ disable: ['id-numbers', 'amounts', 'row-rates', 'totals', 'approvals', 'timing', 'registration'] }), [])
    .findings.map((f) => [f.severity, f.code, f.where.row, f.message, f.found, f.hint]);

describe('repeats', () => {
  it('one person over two years, two aid types and two unit spellings', () => {
    const out = repeats([rec(2, { unit: '弘昇电力' }), rec(3, { year: 2022, aidType: '医疗救助', unit: '弘升电力' })]);
    expect(out).toEqual([
      ['info', 'repeat-person', 2, '同一人员受助 2 人次（2021、2022 年；生活救助、医疗救助；单位写作 弘昇电力 / 弘升电力）', '2021年生活救助（r.csv 第 2 行）；2022年医疗救助（r.csv 第 3 行）', '合并依据：第 3 行（r.csv）与第 2 行：身份证号相同，可信度确定'],
    ]);
  });

  it('the same aid twice in one year is a warning on the second payment', () => {
    const out = repeats([rec(2), rec(3), rec(4, { aidType: '助学' })]);
    expect(out).toEqual([
      ['warning', 'repeat-same-type', 3, '同一人员在同一年度同一帮扶项目重复领取（共 2 次）', '2021年生活救助（r.csv 第 2 行）；2021年生活救助（r.csv 第 3 行）', '核实是否重复发放；确有原因的，在备注中写明'],
      ['info', 'repeat-person', 2, '同一人员受助 3 人次（生活救助、助学）', '2021年生活救助（r.csv 第 2 行）；2021年生活救助（r.csv 第 3 行）；2021年助学（r.csv 第 4 行）', '合并依据：第 3 行（r.csv）与第 2 行：身份证号相同，可信度确定；第 4 行（r.csv）与第 2 行：身份证号相同，可信度确定'],
    ]);
  });

  it('a payment without a year is described without one; one payment is no repeat', () => {
    expect(repeats([rec(2)])).toEqual([]);
    const out = repeats([rec(2, { year: undefined }), rec(3, { year: undefined, aidType: '助学' })]);
    expect(out[0]?.slice(3, 5)).toEqual(['同一人员受助 2 人次（生活救助、助学）', '生活救助（r.csv 第 2 行）；助学（r.csv 第 3 行）']);
  });

  it('ten payments are listed in full; eleven are cut at ten with the count', () => {
    const ten = repeats(Array.from({ length: 10 }, (_, i) => rec(i + 2, { year: 2011 + i }))).at(-1)!;
    expect(String(ten[4]).split('；')).toHaveLength(10);
    expect(String(ten[5])).not.toContain('等共');
    const eleven = repeats(Array.from({ length: 11 }, (_, i) => rec(i + 2, { year: 2011 + i }))).at(-1)!;
    expect(String(eleven[4]).split('；')).toHaveLength(11);
    expect(String(eleven[4])).toMatch(/2020年生活救助（r\.csv 第 11 行）；等共 11 次$/);
    // 11 payments make 10 matches against the first: listed in full; 12 make 11: cut
    expect(String(eleven[5])).toMatch(/第 12 行（r\.csv）与第 2 行：身份证号相同，可信度确定$/);
    const twelve = repeats(Array.from({ length: 12 }, (_, i) => rec(i + 2, { year: 2011 + i }))).at(-1)!;
    expect(String(twelve[5])).toMatch(/第 12 行（r\.csv）与第 2 行：身份证号相同，可信度确定；等共 11 处$/);
    expect(String(eleven[3])).toBe('同一人员受助 11 人次（2011、2012、2013、2014、2015、2016、2017、2018、2019、2020、2021 年）');
  });

  it('the same aid eleven times in one year: the list is cut too', () => {
    const out = repeats(Array.from({ length: 11 }, (_, i) => rec(i + 2)));
    const same = out.filter((f) => f[1] === 'repeat-same-type');
    expect(same).toHaveLength(10);
    expect(String(same[0]![4])).toMatch(/；等共 11 次$/);
    expect(same[0]![3]).toBe('同一人员在同一年度同一帮扶项目重复领取（共 11 次）');
  });
});
