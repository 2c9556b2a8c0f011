// The budget table (预算资金表) and the list of registered households (建档名单), read
// through the real input layer: every alias of every field, the required columns
// refused when absent (named with the kind), the 合计 checks, units per column and
// optional cells that stay absent.
import { describe, expect, it } from 'vitest';
import { BUDGET_FIELDS, BUDGET_KIND } from '../../src/schema/budget.js';
import { REGISTRY_FIELDS, REGISTRY_KIND } from '../../src/schema/registry.js';
import { UNIT_TABLE_FIELDS, UNIT_TABLE_KIND } from '../../src/schema/unit-table.js';
import type { FieldSpec } from '../../src/schema/input-kind.js';
import type { InputKind } from '../../src/schema/input-kind.js';
import { readAs } from '../helpers/read-kind.js';

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

interface Kind {
  kind: InputKind<unknown>;
  fields: FieldSpec[];
  /** columns written beside the one under test: header and value */
  companions: Record<string, [string, string]>;
  /** of those, the ones whose absence refuses the table */
  required: string[];
  sample: Record<string, string>;
}

const KINDS: Record<string, Kind> = {
  budget: {
    kind: BUDGET_KIND as InputKind<unknown>,
    fields: BUDGET_FIELDS,
    companions: { planned: ['计划金额', '100'], arrived: ['到位金额', '90'], spent: ['支出金额', '80'] },
    // every amount column optional, one needed (tested below)
    required: [],
    sample: { year: '2021', source: '省财政', planned: '100', arrived: '90', spent: '80', planned_person_times: '12' },
  },
  'unit table': {
    kind: UNIT_TABLE_KIND as InputKind<unknown>,
    fields: UNIT_TABLE_FIELDS,
    companions: { unit: ['单位', '甲县'], spent: ['支出数', '80'] },
    required: ['unit'],
    sample: {
      unit: '甲县',
      parent: '某市',
      project: '子项目A',
      year: '2023',
      source: '省财政',
      aid_type: '生活救助',
      direct: '直达',
      planned: '100',
      arrived: '90',
      spent: '80',
      balance: '10',
      households: '5',
      persons: '6',
      person_times: '7',
      planned_person_times: '8',
    },
  },
  registry: {
    kind: REGISTRY_KIND as InputKind<unknown>,
    fields: REGISTRY_FIELDS,
    companions: { name: ['姓名', '刘勇'], registered: ['建档日期', '2020-01-01'] },
    required: ['name', 'registered'],
    sample: { seq: '1', name: '刘勇', id_number: '140423199001011234', unit: '弘昇电力', registered: '2020-01-01' },
  },
};

describe.each(Object.entries(KINDS))('%s headers', (_, k) => {
  const cases = k.fields.flatMap((f) => f.aliases.map((alias) => [f.field, alias] as const));
  it.each(cases)('%s ← 「%s」', async (field, alias) => {
    const others = Object.entries(k.companions).filter(([f]) => f !== field);
    const header = [alias, ...others.map(([, [h]]) => h)];
    const row = [k.sample[field], ...others.map(([, [, v]]) => v)];
    const { tables, problems, records } = await readAs(k.kind, `${header.join(',')}\n${row.join(',')}\n`);
    expect(problems).toEqual([]);
    expect(tables[0]?.columns.find((c) => c.index === 0)?.field).toBe(field);
    expect(records).toHaveLength(1);
  });

  it.runIf(k.required.length > 0).each(Object.entries(k.companions).filter(([f]) => k.required.includes(f)))('without %s the table is refused, naming the kind and the column', async (field, [header]) => {
    const others = Object.entries(k.companions).filter(([f]) => f !== field);
    const { problems } = await readAs(k.kind, `${others.map(([, [h]]) => h).join(',')}\n${others.map(([, [, v]]) => v).join(',')}\n`);
    const aliases = k.fields.find((f) => f.field === field)?.aliases.join(' / ');
    expect(problems.map((p) => [p.code, p.message, p.expected])).toEqual([['header-missing', `找不到${k.kind.label}的必需列「${header}」`, aliases]]);
  });
});

describe('budget table', () => {
  it('only 预算 and 执行 (no 到位): read, the missing figure absent; no amount column at all: refused naming the group', async () => {
    const { records, problems } = await readAs(BUDGET_KIND, '年度,全年预算数,全年执行数\n2023,100,95\n2024,100,/\n');
    expect([plain(records), problems]).toEqual([[{ year: '2023', planned: '100', spent: '95' }, { year: '2024', planned: '100' }], []]);
    const none = await readAs(BUDGET_KIND, '年度,资金来源\n2023,省财政\n');
    expect(none.problems.map((p) => [p.code, p.message, p.expected])).toEqual([['header-missing', '找不到预算资金表的金额列（至少要有一列）', '计划金额 / 到位金额 / 支出金额']]);
    // a column the table has is filled: a blank cell is no mark of "none"
    const blank = await readAs(BUDGET_KIND, '年度,预算数,支出数\n2023,100,\n');
    expect(blank.problems.map((p) => [p.code, p.where.column, p.message])).toEqual([['budget-row-invalid', '支出数', '金额为空']]);
  });

  it('the labels, the required and the summable fields', () => {
    expect([BUDGET_KIND.label, REGISTRY_KIND.label]).toEqual(['预算资金表', '建档名单']);
    expect(BUDGET_FIELDS.filter((f) => f.required).map((f) => f.field)).toEqual([]);
    expect(BUDGET_FIELDS.filter((f) => f.oneOf === '金额').map((f) => f.field)).toEqual(['planned', 'arrived', 'spent']);
    expect(BUDGET_FIELDS.filter((f) => f.summable).map((f) => f.field)).toEqual(['planned', 'arrived', 'spent', 'planned_person_times']);
    expect(REGISTRY_FIELDS.filter((f) => f.required).map((f) => f.field)).toEqual(['name', 'registered']);
  });

  it('each amount column has its own unit; a blank 计划帮扶人次 is no value, not a refused row', async () => {
    const { records, problems } = await readAs(BUDGET_KIND, '年度,资金来源,下达金额（万元）,到位金额,支出金额（元）,计划帮扶人次\n2021,省财政,1.5,15000,14000.5,30\n2022,,2,20000,20000,\n');
    expect(problems).toEqual([]);
    expect(plain(records)).toEqual([
      { planned: '15000', arrived: '15000', spent: '14000.5', year: '2021', source: '省财政', plannedPersonTimes: '30' },
      { planned: '20000', arrived: '20000', spent: '20000', year: '2022' },
    ]);
    const arrivedInWan = await readAs(BUDGET_KIND, '下达金额,到位金额（万元）,支出金额（万元）\n100,1,2\n');
    expect(plain(arrivedInWan.records)).toEqual([{ planned: '100', arrived: '10000', spent: '20000' }]);
  });

  it('a 合计 row is checked on every summable column, to the fen', async () => {
    const { problems } = await readAs(BUDGET_KIND, '年度,下达金额,到位金额,支出金额,计划帮扶人次\n2021,100,90,80.25,3\n2022,100,90,80,4\n合计,200,180,160.24,8\n');
    expect(problems.map((p) => [p.code, p.where.column, p.expected, p.found])).toEqual([
      ['total-mismatch', '支出金额', '160.25', '160.24'],
      ['total-mismatch', '计划帮扶人次', '7', '8'],
    ]);
    // a sum is never shown with fewer decimals than it has: 7.5 is not rounded to 8
    const half = await readAs(BUDGET_KIND, '年度,下达金额,到位金额,支出金额,计划帮扶人次\n2021,100,90,80.255,3\n2022,100,90,80,4\n合计,200,180,160.25,7.5\n');
    expect(half.problems.map((p) => [p.where.column, p.expected, p.found])).toEqual([['支出金额', '160.255', '160.25'], ['计划帮扶人次', '7', '7.5']]);
  });
});

describe('registry', () => {
  it('the name without spaces; the unit and ID only when written; a blank name refused on its row', async () => {
    const { records, problems } = await readAs(REGISTRY_KIND, '姓名,身份证号,工作单位,建档日期\n刘　勇,,弘昇电力,2020-01-01\n王芳,140423199001011234,,2020-01-01\n ,,x厂,2020-01-01\n');
    expect(records).toEqual([{ name: '刘勇', unit: '弘昇电力' }, { name: '王芳', idNumber: '140423199001011234' }]);
    expect(problems.map((p) => [p.code, p.where.row, p.where.column, p.message])).toEqual([['registry-row-invalid', 4, '姓名', '姓名不能为空']]);
  });
});
