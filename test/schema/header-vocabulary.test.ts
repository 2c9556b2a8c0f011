// The header texts each kind recognises, written out: the cases of the header tests
// are derived from these lists, so a list shortened or a field renamed in src/ would
// pass them; this table would not. README's tables of headers are checked against them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';
import { UNIT_TABLE_FIELDS } from '../../src/schema/unit-table.js';
import { BUDGET_FIELDS } from '../../src/schema/budget.js';
import { REGISTRY_FIELDS } from '../../src/schema/registry.js';
import { ROSTER_FIELDS } from '../../src/schema/roster.js';
import type { FieldSpec } from '../../src/schema/input-kind.js';

const table = (fields: FieldSpec[]) => Object.fromEntries(fields.map((f) => [f.field, f.aliases.join(' / ')]));

describe('header vocabulary', () => {
  it('花名册', () => {
    expect(table(ROSTER_FIELDS)).toEqual({
      seq: '序号 / 编号',
      name: '姓名 / 职工姓名 / 救助对象 / 帮扶对象 / 受助人 / 困难职工姓名',
      gender: '性别',
      unit: '工作单位 / 所在单位 / 单位 / 单位名称',
      id_number: '身份证号 / 身份证号码 / 公民身份号码 / 证件号码',
      bank_account: '银行卡号 / 银行账号 / 卡号 / 账号',
      approved: '帮扶金额 / 救助金额 / 核定金额 / 审批金额',
      paid: '已支付金额 / 实发金额 / 发放金额 / 支付金额',
      aid_type: '帮扶项目 / 帮扶类型 / 救助类别 / 救助类型',
      execution_rate: '预算执行率 / 执行率',
      date: '发放日期 / 支付日期 / 发放时间',
      union: '所属工会 / 基层工会',
      hardship_type: '困难类型 / 困难类别',
      cause: '致困原因 / 困难原因',
      approval: '审批 / 审批文号 / 审批级别 / 审批情况',
      method: '发放方式 / 支付方式',
      signature: '领取人签字 / 签字 / 本人签字 / 签领',
    });
  });

  it('预算资金表', () => {
    expect(table(BUDGET_FIELDS)).toEqual({
      year: '年度 / 年份',
      source: '资金来源 / 来源',
      project: '项目 / 项目名称 / 子项目 / 子项目名称',
      aid_type: '帮扶类型 / 救助类别 / 救助类型 / 帮扶项目',
      planned: '计划金额 / 下达金额 / 预算金额 / 预算数 / 计划投入 / 下达资金 / 全年预算数 / 预算安排',
      arrived: '到位金额 / 实际到位 / 到位资金 / 到位数',
      spent: '支出金额 / 实际支出 / 支出数 / 已支出 / 执行数 / 全年执行数',
      planned_person_times: '计划帮扶人次 / 计划人次 / 预算帮扶人次',
    });
  });

  it('建档名单', () => {
    expect(table(REGISTRY_FIELDS)).toEqual({
      seq: '序号 / 编号',
      name: '姓名 / 职工姓名 / 困难职工姓名 / 户主姓名',
      id_number: '身份证号 / 身份证号码 / 公民身份号码 / 证件号码',
      unit: '工作单位 / 所在单位 / 单位 / 单位名称',
      registered: '建档日期 / 建档时间 / 建档类别 / 困难类型 / 档案类别',
    });
  });

  it.each([
    ['花名册', ROSTER_FIELDS],
    ['预算资金表', BUDGET_FIELDS],
    ['建档名单', REGISTRY_FIELDS],
    ['单位资金表', UNIT_TABLE_FIELDS],
  ])('README lists every %s header, the required fields in bold', (kind, fields) => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf(`| 字段 | ${kind}表头 |`);
    expect(start).toBeGreaterThan(-1);
    const rows = readme.slice(start).split('\n\n')[0]!.split('\n').slice(2);
    const listed = Object.fromEntries(rows.map((r) => r.split('|').map((c) => c.trim())).map(([, field, aliases]) => [field, aliases]));
    // bold: required; italic: one of these needed
    expect(listed).toEqual(Object.fromEntries(fields.map((f) => [f.required ? `**${f.field}**` : f.oneOf ? `*${f.field}*` : f.field, f.aliases.join(' ')])));
  });

  it.each([
    ['花名册', ROSTER_FIELDS],
    ['预算资金表', BUDGET_FIELDS],
    ['建档名单', REGISTRY_FIELDS],
    ['单位资金表', UNIT_TABLE_FIELDS],
  ])('%s: no header text means two fields', (_, fields) => {
    const all = fields.flatMap((f) => f.aliases);
    expect(all.filter((a, i) => all.indexOf(a) !== i)).toEqual([]);
  });
});
