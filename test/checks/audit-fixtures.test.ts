// The audit on fixtures/audit (made by scripts/make-audit-fixtures.mjs): every
// planted problem is found, at its row, and nothing else.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditConfigSchema } from '../../src/schema/audit-config.js';
import { auditMetrics } from '../../src/metrics/audit-metrics.js';
import { readStructuredFile } from '../../src/io/structured-file.js';
import { auditRosters, type AuditRun } from '../../src/run/audit-rosters.js';
import { ROOT } from '../helpers/fixture-copy.js';
import { expectGolden } from '../helpers/golden.js';
import { formatProblem, personText } from '../../src/problems/problem.js';

const file = (f: string) => ({ path: join(ROOT, 'fixtures/audit', f), display: f });

describe('audit of rosters with planted problems', () => {
  let run: AuditRun;
  // beforeEach, not beforeAll: work done outside a test counts as "static" for Stryker,
  // which then runs the whole suite against each mutant the audit reaches.
  beforeEach(async () => {
    const config = auditConfigSchema.parse(await readStructuredFile(join(ROOT, 'fixtures/audit/audit.yaml'), 'audit.yaml'));
    run = await auditRosters([file('roster-2021.csv'), file('roster-2022.csv')], config, [2021, 2022], {}, file('registry.csv'));
  });

  it('finds each planted problem at its row and no other', () => {
    expect(run.audit.findings.map((f) => [f.code, f.where.file, f.where.row])).toEqual([
      ['id-invalid', 'roster-2022.csv', 4],
      ['id-sex-mismatch', 'roster-2022.csv', 5],
      ['id-age-implausible', 'roster-2022.csv', 6],
      ['paid-below-approved', 'roster-2021.csv', 4],
      ['paid-above-approved', 'roster-2022.csv', 7],
      ['paid-below-approved', 'roster-2022.csv', 8],
      ['amount-not-positive', 'roster-2022.csv', 9],
      ['amount-outside-standard', 'roster-2022.csv', 11],
      ['amount-outside-standard', 'roster-2022.csv', 15],
      ['total-mismatch', 'roster-2021.csv', 7],
      ['approval-missing', 'roster-2022.csv', 10],
      ['paid-late', 'roster-2022.csv', 12],
      ['cash-without-signature', 'roster-2022.csv', 13],
      ['paid-late', 'roster-2022.csv', 14],
      ['paid-outside-period', 'roster-2022.csv', 14],
      ['not-registered', 'roster-2022.csv', 18],
      ['repeat-person', 'roster-2021.csv', 3],
      ['repeat-same-type', 'roster-2022.csv', 16],
      ['repeat-person', 'roster-2022.csv', 15],
      ['same-name-apart', 'roster-2022.csv', 17],
    ]);
    expect(run.readProblems).toEqual([]);
    expect(run.audit.findings.find((f) => f.code === 'total-mismatch')?.where.column).toBe('已支付金额');
  });

  it('every finding in full, per check, against its reviewed copy', () => {
    expectGolden(
      'audit.findings',
      run.audit.byCheck.map(({ check, findings }) => ({
        check: check.id,
        rule: check.rule,
        findings: findings.map((f) => ({
          severity: f.severity,
          code: f.code,
          where: f.where,
          person: f.person && personText(f.person),
          message: f.message,
          ...(f.expected !== undefined ? { expected: f.expected } : {}),
          ...(f.found !== undefined ? { found: f.found } : {}),
          ...(f.hint !== undefined ? { hint: f.hint } : {}),
          line: formatProblem(f),
        })),
      })),
    );
  });

  it('says what it expected and what it found', () => {
    const f = (code: string) => run.audit.findings.find((x) => x.code === code)!;
    expect(f('id-invalid')).toMatchObject({ message: '身份证号无效：校验位应为 9', found: '1404**********0310' });
    expect(f('approval-missing').message).toBe('全年医疗救助 12000.00 元，须经市总工会审批，花名册未见审批记录');
    expect(f('paid-late')).toMatchObject({ expected: '不晚于 2022-11-30', found: '2022-12-15' });
    expect(run.audit.findings.filter((x) => x.code === 'amount-outside-standard').map((x) => x.message)).toEqual([
      '医疗救助每人每年金额高于标准（配置的标准）',
      '生活救助每人每年金额高于标准（12 个月低保标准 6000.00 元，上浮 50%）',
    ]);
  });

  it('counts persons and person-times, and matches 刘勇 across spellings but not the other 刘勇', () => {
    expect(run.audit.context.records).toHaveLength(20);
    expect(run.audit.identities.persons).toHaveLength(18);
    const liu = run.audit.identities.persons.filter((p) => p.name === '刘勇');
    expect(liu.map((p) => p.records.length)).toEqual([2, 1]);
    expect(liu[0]?.matches[0]?.reason).toBe('姓名相同，单位名称相近（去掉地名「襄垣县」；异体字 昇→升；去掉「有限公司」）');
    expect(run.audit.identities.apart).toEqual([{ name: '刘勇', records: [0, 18], reason: '同名，身份证号不同，视为不同人员' }]);
  });

  it('runs only the checks not disabled', async () => {
    const config = auditConfigSchema.parse({ disable: ['repeats', 'id-numbers', 'totals'] });
    const quiet = await auditRosters([file('roster-2021.csv'), file('roster-2022.csv')], config, [2021, 2022], {});
    expect(quiet.audit.byCheck.map((b) => b.check.id)).toEqual(['amounts', 'row-rates', 'approvals', 'timing', 'registration']);
    expect(quiet.audit.findings.some((f) => f.code.startsWith('repeat') || f.code.startsWith('id-'))).toBe(false);
  });

  it('gives the metrics scoring uses', () => {
    const metrics = new Map(auditMetrics(run.audit).map((m) => [m.name, m.value.toFixed(4)]));
    // 20 payments, 15 rows with an error or warning finding (the wrong total is not a payment)
    expect(metrics.get('roster.compliance_rate')).toBe('0.2500');
    // deadline 11-30: 2 of 20 dated payments late
    expect(metrics.get('roster.on_time_rate')).toBe('0.9000');
    // 18 registered, all but 梁卫兵 aided
    expect(metrics.get('registration.aid_rate')).toBe('0.9444');
    const all = auditMetrics(run.audit);
    expect(all.map((m) => [m.name, m.label, m.kind, m.source])).toEqual([
      ['roster.compliance_rate', '帮扶资金发放合规率', 'ratio', 'data'],
      ['roster.on_time_rate', '按时发放率', 'ratio', 'data'],
      ['registration.aid_rate', '困难职工建档人员救助率', 'ratio', 'data'],
    ]);
    expect(all[0]!.provenance).toEqual([
      { file: 'roster-2021.csv', rows: '3-6', note: '数据核查' },
      { file: 'roster-2022.csv', rows: '3-18', note: '数据核查，已核查：身份证号核查、金额与标准、合计核对、审批层级、发放时间、建档在册、重复受助；未核查：行执行率（缺少预算执行率列或该列为空）' },
    ]);
    expect(all[2]!.provenance.at(-1)).toEqual({ file: 'registry.csv', note: '建档 18 户，已救助 17 户' });
  });
});
