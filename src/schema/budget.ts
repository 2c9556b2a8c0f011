// The budget table: funds planned (下达/预算), arrived (到位) and spent (支出), by year
// or source, optionally with the planned person-times (计划帮扶人次).
import type { z } from 'zod';
import type { Decimal } from '../numbers/decimal.js';
import { isNoAmount, money, optionalCount, optionalText, type Converter } from './cells.js';
import { rowSchema } from './row-schema.js';
import type { ColumnInfo, FieldSpec, InputKind } from './input-kind.js';

export const BUDGET_FIELDS: FieldSpec[] = [
  { field: 'year', aliases: ['年度', '年份'], required: false },
  { field: 'source', aliases: ['资金来源', '来源'], required: false },
  { field: 'project', aliases: ['项目', '项目名称', '子项目', '子项目名称'], required: false },
  { field: 'aid_type', aliases: ['帮扶类型', '救助类别', '救助类型', '帮扶项目'], required: false },
  // each amount column optional (many projects report only 预算 and 执行), one of them needed
  { field: 'planned', aliases: ['计划金额', '下达金额', '预算金额', '预算数', '计划投入', '下达资金', '全年预算数', '预算安排'], required: false, summable: 'amount', oneOf: '金额' },
  { field: 'arrived', aliases: ['到位金额', '实际到位', '到位资金', '到位数'], required: false, summable: 'amount', oneOf: '金额' },
  { field: 'spent', aliases: ['支出金额', '实际支出', '支出数', '已支出', '执行数', '全年执行数'], required: false, summable: 'amount', oneOf: '金额' },
  { field: 'planned_person_times', aliases: ['计划帮扶人次', '计划人次', '预算帮扶人次'], required: false, summable: 'count' },
];

export interface BudgetRecord {
  file: string;
  row: number;
  year?: string;
  source?: string;
  /** a sub-project (子项目) and an aid type, where the table splits its funds so */
  project?: string;
  aidType?: string;
  /** absent where the table has no such column or the cell says no amount (/, —, 无) */
  planned?: Decimal;
  arrived?: Decimal;
  spent?: Decimal;
  plannedPersonTimes?: Decimal;
  /** 万元 when the table writes its amounts in 万元: the figures are shown back in 万元 */
  amountUnit?: '万元';
}

export type BudgetRow = Omit<BudgetRecord, 'file' | 'row' | 'amountUnit'>;

export function budgetRowSchema(columns: readonly ColumnInfo[]): z.ZodType<BudgetRow> {
  const unitOf = (field: string) => columns.find((c) => c.field === field)?.unit;
  // a column the table has: each cell an amount, or a mark saying there is none (/, —, 无); a column it lacks: no value
  const amount = (field: string): Converter<Decimal | undefined> => {
    if (!columns.some((c) => c.field === field)) return () => undefined;
    const convert = money(unitOf(field));
    return (text) => (isNoAmount(text) ? undefined : convert(text));
  };
  return rowSchema(
    {
      year: optionalText,
      source: optionalText,
      project: optionalText,
      aid_type: optionalText,
      planned: amount('planned'),
      arrived: amount('arrived'),
      spent: amount('spent'),
      planned_person_times: optionalCount,
    },
    (r) => ({
      ...(r.planned ? { planned: r.planned } : {}),
      ...(r.arrived ? { arrived: r.arrived } : {}),
      ...(r.spent ? { spent: r.spent } : {}),
      ...(r.year ? { year: r.year } : {}),
      ...(r.source ? { source: r.source } : {}),
      ...(r.project ? { project: r.project } : {}),
      ...(r.aid_type ? { aidType: r.aid_type } : {}),
      ...(r.planned_person_times ? { plannedPersonTimes: r.planned_person_times } : {}),
    }),
  );
}

export const BUDGET_KIND: InputKind<BudgetRow> = {
  kind: 'budget',
  label: '预算资金表',
  fields: BUDGET_FIELDS,
  schemaFor: budgetRowSchema,
};
