// The disbursement roster (实名制发放表 / 花名册): one row per payment to a named person.
import { z } from 'zod';
import type { Column, FieldSpec } from '../io/header.js';
import type { Decimal } from '../numbers/decimal.js';
import { moneyCell, normaliseName, numberText, optionalDate, optionalText, requiredText } from './cells.js';
import type { InputKind } from './table-records.js';

export const ROSTER_FIELDS: FieldSpec[] = [
  { field: 'seq', aliases: ['序号', '编号'], required: false },
  { field: 'name', aliases: ['姓名', '职工姓名', '救助对象', '帮扶对象', '受助人', '困难职工姓名'], required: true },
  { field: 'gender', aliases: ['性别'], required: false },
  { field: 'unit', aliases: ['工作单位', '所在单位', '单位', '单位名称'], required: false },
  { field: 'id_number', aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号码'], required: false },
  { field: 'bank_account', aliases: ['银行卡号', '银行账号', '卡号', '账号'], required: false },
  { field: 'approved', aliases: ['帮扶金额', '救助金额', '核定金额', '审批金额'], required: false, summable: true },
  { field: 'paid', aliases: ['已支付金额', '实发金额', '发放金额', '支付金额'], required: true, summable: true },
  { field: 'aid_type', aliases: ['帮扶项目', '帮扶类型', '救助类别', '救助类型'], required: true },
  { field: 'execution_rate', aliases: ['预算执行率', '执行率'], required: false },
  { field: 'date', aliases: ['发放日期', '支付日期', '发放时间'], required: false },
  { field: 'union', aliases: ['所属工会', '基层工会'], required: false },
  { field: 'hardship_type', aliases: ['困难类型', '困难类别'], required: false },
  { field: 'cause', aliases: ['致困原因', '困难原因'], required: false },
];

export interface RosterRecord {
  file: string;
  sheet?: string;
  row: number;
  year?: number;
  /** the name without alignment spaces */
  name: string;
  /** the name as written in the file, for the report */
  nameOriginal: string;
  gender?: string;
  unit?: string;
  idNumber?: string;
  bankAccount?: string;
  approved: Decimal;
  paid: Decimal;
  aidType: string;
  /** ISO date */
  date?: string;
  union?: string;
  hardshipType?: string;
  cause?: string;
}

export type RosterRow = Omit<RosterRecord, 'file' | 'sheet' | 'row' | 'year'>;

export function rosterRowSchema(columns: Column[]): z.ZodType<RosterRow> {
  const unitOf = (field: string) => columns.find((c) => c.field === field)?.unit;
  const hasApproved = columns.some((c) => c.field === 'approved');
  return z
    .object({
      name: z.string(),
      gender: optionalText,
      unit: optionalText,
      id_number: numberText.refine((t) => t === undefined || /^(\d{17}[\dX]|\d{15})$/.test(t), { message: '身份证号应为 18 位（末位可为 X）或 15 位数字' }),
      bank_account: numberText,
      approved: hasApproved ? moneyCell(unitOf('approved')) : z.undefined().optional(),
      paid: moneyCell(unitOf('paid')),
      aid_type: requiredText,
      date: optionalDate,
      union: optionalText,
      hardship_type: optionalText,
      cause: optionalText,
    })
    .transform((r, ctx) => {
      const name = normaliseName(r.name);
      if (name === '') {
        ctx.addIssue({ code: 'custom', message: '姓名不能为空', path: ['name'] });
        return z.NEVER;
      }
      return {
        name,
        nameOriginal: r.name.trim(),
        // a roster without an approved column: what was paid is what was approved
        approved: r.approved ?? r.paid,
        paid: r.paid,
        aidType: r.aid_type,
        ...(r.gender ? { gender: r.gender } : {}),
        ...(r.unit ? { unit: r.unit } : {}),
        ...(r.id_number ? { idNumber: r.id_number } : {}),
        ...(r.bank_account ? { bankAccount: r.bank_account } : {}),
        ...(r.date ? { date: r.date } : {}),
        ...(r.union ? { union: r.union } : {}),
        ...(r.hardship_type ? { hardshipType: r.hardship_type } : {}),
        ...(r.cause ? { cause: r.cause } : {}),
      };
    });
}

export const ROSTER_KIND: InputKind<RosterRow> = { kind: 'roster', label: '花名册', fields: ROSTER_FIELDS, schemaFor: rosterRowSchema };
