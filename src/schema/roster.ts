// The disbursement roster (实名制发放表 / 花名册): one row per payment to a named person.
import type { z } from 'zod';
import type { Decimal } from '../numbers/decimal.js';
import { Bad, idNumber, money, normaliseName, numberText, optionalDate, optionalText, requiredText, type Converter } from './cells.js';
import { rowSchema } from './row-schema.js';
import type { ColumnInfo, FieldSpec, InputKind } from './input-kind.js';

export const ROSTER_FIELDS: FieldSpec[] = [
  { field: 'seq', aliases: ['序号', '编号'], required: false },
  { field: 'name', aliases: ['姓名', '职工姓名', '救助对象', '帮扶对象', '受助人', '困难职工姓名'], required: true },
  { field: 'gender', aliases: ['性别'], required: false },
  { field: 'unit', aliases: ['工作单位', '所在单位', '单位', '单位名称'], required: false },
  { field: 'id_number', aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号码'], required: false },
  { field: 'bank_account', aliases: ['银行卡号', '银行账号', '卡号', '账号'], required: false },
  { field: 'approved', aliases: ['帮扶金额', '救助金额', '核定金额', '审批金额'], required: false, summable: 'amount' },
  { field: 'paid', aliases: ['已支付金额', '实发金额', '发放金额', '支付金额'], required: true, summable: 'amount' },
  { field: 'aid_type', aliases: ['帮扶项目', '帮扶类型', '救助类别', '救助类型'], required: true },
  { field: 'execution_rate', aliases: ['预算执行率', '执行率'], required: false },
  { field: 'date', aliases: ['发放日期', '支付日期', '发放时间'], required: false },
  { field: 'union', aliases: ['所属工会', '基层工会'], required: false },
  { field: 'hardship_type', aliases: ['困难类型', '困难类别'], required: false },
  { field: 'cause', aliases: ['致困原因', '困难原因'], required: false },
  { field: 'approval', aliases: ['审批', '审批文号', '审批级别', '审批情况'], required: false },
  { field: 'method', aliases: ['发放方式', '支付方式'], required: false },
  { field: 'signature', aliases: ['领取人签字', '签字', '本人签字', '签领'], required: false },
];

export interface RosterRecord {
  file: string;
  sheet?: string;
  row: number;
  year?: number;
  /** cells of columns that map to no field, by header (kept for the report) */
  extra?: Readonly<Record<string, string>>;
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
  /** approval reference or level for large medical aid */
  approval?: string;
  /** 发放方式: 银行卡 / 现金 … */
  method?: string;
  /** whether the recipient signed (cash payments) */
  signature?: string;
  /** the roster's own 预算执行率 text, checked against the amounts */
  executionRate?: string;
}

export type RosterRow = Omit<RosterRecord, 'file' | 'sheet' | 'row' | 'year'>;

const OPTIONAL = [
  ['gender', 'gender'],
  ['unit', 'unit'],
  ['id_number', 'idNumber'],
  ['bank_account', 'bankAccount'],
  ['date', 'date'],
  ['union', 'union'],
  ['hardship_type', 'hardshipType'],
  ['cause', 'cause'],
  ['approval', 'approval'],
  ['method', 'method'],
  ['signature', 'signature'],
  ['execution_rate', 'executionRate'],
] as const;

export function rosterRowSchema(columns: readonly ColumnInfo[]): z.ZodType<RosterRow> {
  // Stryker disable next-line OptionalChaining: unitOf is asked only for columns the table has (approved behind hasApproved, paid required)
  const unitOf = (field: string) => columns.find((c) => c.field === field)?.unit;
  const hasApproved = columns.some((c) => c.field === 'approved');
  const name: Converter<{ name: string; original: string }> = (text) => {
    const n = normaliseName(text);
    return n === '' ? new Bad('姓名不能为空') : { name: n, original: text.trim() };
  };
  return rowSchema(
    {
      name,
      gender: optionalText,
      unit: optionalText,
      id_number: idNumber,
      bank_account: numberText,
      approved: hasApproved ? money(unitOf('approved')) : () => undefined,
      paid: money(unitOf('paid')),
      aid_type: requiredText,
      date: optionalDate,
      union: optionalText,
      hardship_type: optionalText,
      cause: optionalText,
      approval: optionalText,
      method: optionalText,
      signature: optionalText,
      execution_rate: optionalText,
    },
    (r) => {
      const out: RosterRow = {
        name: r.name.name,
        nameOriginal: r.name.original,
        // a roster without an approved column: what was paid is what was approved
        approved: r.approved ?? r.paid,
        paid: r.paid,
        aidType: r.aid_type,
      };
      // optional fields only when present, so records stay small
      for (const [from, to] of OPTIONAL) {
        const v = r[from];
        if (v) (out as unknown as Record<string, string>)[to] = v;
      }
      return out;
    },
  );
}

export const ROSTER_KIND: InputKind<RosterRow> = {
  kind: 'roster',
  label: '花名册',
  fields: ROSTER_FIELDS,
  schemaFor: rosterRowSchema,
};
