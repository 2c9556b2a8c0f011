// The disbursement roster (实名制发放表 / 花名册): one row per payment to a named person.
import { z } from 'zod';
import type { Column, FieldSpec } from '../io/header.js';
import type { Decimal } from '../numbers/decimal.js';
import { moneyCell, optionalText, requiredText } from './cells.js';

export const ROSTER_FIELDS: FieldSpec[] = [
  { field: 'seq', aliases: ['序号', '编号'], required: false },
  { field: 'name', aliases: ['姓名', '职工姓名', '救助对象', '帮扶对象', '受助人'], required: true },
  { field: 'gender', aliases: ['性别'], required: false },
  { field: 'unit', aliases: ['工作单位', '所在单位', '单位', '单位名称'], required: false },
  { field: 'id_number', aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号码'], required: false },
  { field: 'approved', aliases: ['帮扶金额', '救助金额', '核定金额', '审批金额'], required: false },
  { field: 'paid', aliases: ['已支付金额', '实发金额', '发放金额', '支付金额'], required: true },
  { field: 'aid_type', aliases: ['帮扶项目', '帮扶类型', '救助类别', '救助类型'], required: true },
  { field: 'execution_rate', aliases: ['预算执行率', '执行率'], required: false },
  { field: 'date', aliases: ['发放日期', '支付日期'], required: false },
];

export interface RosterRecord {
  file: string;
  sheet?: string;
  row: number;
  year?: number;
  name: string;
  gender?: string;
  unit?: string;
  idNumber?: string;
  approved: Decimal;
  paid: Decimal;
  aidType: string;
}

export function rosterRowSchema(columns: Column[]) {
  const unitOf = (field: string) => columns.find((c) => c.field === field)?.unit;
  const hasApproved = columns.some((c) => c.field === 'approved');
  return z
    .object({
      name: requiredText,
      gender: optionalText,
      unit: optionalText,
      id_number: optionalText,
      approved: hasApproved ? moneyCell(unitOf('approved')) : z.undefined(),
      paid: moneyCell(unitOf('paid')),
      aid_type: requiredText,
    })
    .transform((r) => ({
      name: r.name,
      gender: r.gender,
      unit: r.unit,
      idNumber: r.id_number,
      // a roster without an approved column: what was paid is what was approved
      approved: r.approved ?? r.paid,
      paid: r.paid,
      aidType: r.aid_type,
    }));
}
