// The tables a finance bureau receives from its units (单位资金表): what was allocated
// (下达), arrived (到位) and spent (支出) per unit, fund source, aid type and year, with
// households, persons and person-times. Every figure column is optional — an
// allocation-only table and a use-only table are both tables — but a table needs one.
import type { z } from 'zod';
import type { Decimal } from '../numbers/decimal.js';
import { Bad, optionalMoney, optionalText, optionalWordedCount, type Converter } from './cells.js';
import { rowSchema } from './row-schema.js';
import type { ColumnInfo, FieldSpec, InputKind } from './input-kind.js';

const FIGURES = '金额或人数';

export const UNIT_TABLE_FIELDS: FieldSpec[] = [
  { field: 'unit', aliases: ['单位', '地区', '县区', '单位名称', '县（市、区）', '区县', '市县', '地市'], required: true },
  { field: 'parent', aliases: ['上级单位', '所属单位'], required: false },
  { field: 'project', aliases: ['项目', '子项目', '项目名称'], required: false },
  { field: 'year', aliases: ['年度', '年份'], required: false },
  { field: 'source', aliases: ['资金来源', '来源'], required: false },
  { field: 'aid_type', aliases: ['帮扶类型', '救助类型', '帮扶项目', '救助项目', '资金用途'], required: false },
  { field: 'direct', aliases: ['拨付方式', '是否直达'], required: false },
  { field: 'planned', aliases: ['下达数', '下达金额', '预算数', '预算安排', '分配数', '分配金额', '全年预算数', '预算金额', '计划金额'], required: false, summable: 'amount', oneOf: FIGURES },
  { field: 'arrived', aliases: ['到位数', '到位金额', '实际到位', '到位资金'], required: false, summable: 'amount', oneOf: FIGURES },
  { field: 'spent', aliases: ['支出数', '执行数', '全年执行数', '支出金额', '使用金额', '实际支出', '已支出'], required: false, summable: 'amount', oneOf: FIGURES },
  { field: 'balance', aliases: ['结余', '结转', '结余数', '结转结余', '结余金额'], required: false, summable: 'amount', oneOf: FIGURES },
  { field: 'households', aliases: ['户数', '帮扶户数', '救助户数'], required: false, summable: 'count', oneOf: FIGURES },
  { field: 'persons', aliases: ['人数', '帮扶人数', '救助人数'], required: false, summable: 'count', oneOf: FIGURES },
  { field: 'person_times', aliases: ['人次', '帮扶人次', '救助人次'], required: false, summable: 'count', oneOf: FIGURES },
  { field: 'planned_person_times', aliases: ['计划人次', '计划帮扶人次', '计划救助人次'], required: false, summable: 'count', oneOf: FIGURES },
];

export type CountField = 'households' | 'persons' | 'personTimes' | 'plannedPersonTimes';
export type AmountField = 'planned' | 'arrived' | 'spent' | 'balance';
export const AMOUNT_FIELDS: readonly AmountField[] = ['planned', 'arrived', 'spent', 'balance'];
export const COUNT_FIELDS: readonly CountField[] = ['households', 'persons', 'personTimes', 'plannedPersonTimes'];

export interface UnitRow {
  unit: string;
  /** a sub-unit row of a two-level layout (其中：…, or indented under its unit's row) */
  nested: boolean;
  parent?: string;
  project?: string;
  year?: string;
  source?: string;
  aidType?: string;
  /** the money reached this unit straight from above, not through its parent's books */
  direct: boolean;
  /** amounts in yuan, exact; absent where the table has no amount (blank, /, —, 无) */
  planned?: Decimal;
  arrived?: Decimal;
  spent?: Decimal;
  balance?: Decimal;
  households?: Decimal;
  persons?: Decimal;
  personTimes?: Decimal;
  plannedPersonTimes?: Decimal;
  /** the word a count was written with in its cell (16户, 10名), where it says one */
  countWords?: Partial<Record<CountField, string>>;
}

export interface UnitRecord extends UnitRow {
  file: string;
  sheet?: string;
  row: number;
  /** 万元 when the table writes its amounts in 万元: what the user reads back is in 万元 */
  amountUnit: '元' | '万元';
}

const EMPTY_UNIT = new Bad('单位不能为空');
/**
 * 其中：蓬江区, or a name indented (an ideographic space, or two spaces or more): a sub-unit
 * of the row above. One space is no indent: a CSV written "a, b" has one after each comma.
 */
const NESTED = /^(其中[:：]?|\u3000+|[ \t]{2,})/;

const unitName: Converter<{ name: string; nested: boolean }> = (text) => {
  const nested = NESTED.test(text) && text.trim() !== '';
  const name = text.replace(NESTED, '').replace(/\u3000/g, ' ').trim();
  return name === '' ? EMPTY_UNIT : { name, nested };
};

const DIRECT = /^(直达|直接拨付|直接划拨|直拨|是)$/;
const directFlag: Converter<boolean> = (text) => DIRECT.test(text.trim());

export function unitRowSchema(columns: readonly ColumnInfo[]): z.ZodType<UnitRow> {
  const unitOf = (field: string) => columns.find((c) => c.field === field)?.unit;
  return rowSchema(
    {
      unit: unitName,
      parent: optionalText,
      project: optionalText,
      year: optionalText,
      source: optionalText,
      aid_type: optionalText,
      direct: directFlag,
      planned: optionalMoney(unitOf('planned')),
      arrived: optionalMoney(unitOf('arrived')),
      spent: optionalMoney(unitOf('spent')),
      balance: optionalMoney(unitOf('balance')),
      households: optionalWordedCount,
      persons: optionalWordedCount,
      person_times: optionalWordedCount,
      planned_person_times: optionalWordedCount,
    },
    (r) => {
      const row: UnitRow = { unit: r.unit.name, nested: r.unit.nested, direct: r.direct };
      if (r.parent) row.parent = r.parent;
      if (r.project) row.project = r.project;
      if (r.year) row.year = r.year;
      if (r.source) row.source = r.source;
      if (r.aid_type) row.aidType = r.aid_type;
      for (const f of AMOUNT_FIELDS) if (r[f]) row[f] = r[f];
      const counts: [CountField, { value: Decimal; word?: string } | undefined][] = [
        ['households', r.households],
        ['persons', r.persons],
        ['personTimes', r.person_times],
        ['plannedPersonTimes', r.planned_person_times],
      ];
      for (const [f, c] of counts) {
        if (!c) continue;
        row[f] = c.value;
        if (c.word) (row.countWords ??= {})[f] = c.word;
      }
      return row;
    },
  );
}

export const UNIT_TABLE_KIND: InputKind<UnitRow> = {
  kind: 'unit-table',
  label: '单位资金表',
  fields: UNIT_TABLE_FIELDS,
  schemaFor: unitRowSchema,
};
