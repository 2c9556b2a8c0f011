// The unit fund table (单位资金表): every figure column optional but one needed, the
// marks that mean "no amount", counts that say what they count, 万元 kept exact,
// sub-units nested under their unit.
import { describe, expect, it } from 'vitest';
import { readAs } from '../helpers/read-kind.js';
import { UNIT_TABLE_KIND, type UnitRow } from '../../src/schema/unit-table.js';

const figures = (records: unknown[]) =>
  (records as UnitRow[]).map((r) => ({ unit: r.unit, ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined && typeof v === 'object' && 'toFixed' in (v as object)).map(([k, v]) => [k, String(v)])) }));

describe('unit fund table', () => {
  it('an allocation-only and a use-only table are both tables; one without any figure column is not', async () => {
    expect(figures((await readAs(UNIT_TABLE_KIND, '单位,下达数\n甲,100\n')).records)).toEqual([{ unit: '甲', planned: '100' }]);
    expect(figures((await readAs(UNIT_TABLE_KIND, '地区,执行数,户数\n乙,80,4\n')).records)).toEqual([{ unit: '乙', spent: '80', households: '4' }]);
    const none = await readAs(UNIT_TABLE_KIND, '单位,备注\n甲,无\n');
    expect(none.problems.map((p) => [p.code, p.message, p.expected])).toEqual([['header-missing', '找不到单位资金表的金额或人数列（至少要有一列）', '下达数 / 到位数 / 支出数 / 结余 / 户数 / 人数 / 人次 / 计划人次']]);
  });

  it('/, —, -, 无 and blank mean no amount (not 0, not an error); text that is no amount is refused on its cell', async () => {
    const { records, problems } = await readAs(UNIT_TABLE_KIND, '单位,下达数,到位数,支出数\n甲,/,—,-\n乙,无,,0\n丙,100,abc,1\n');
    expect(figures(records)).toEqual([{ unit: '甲' }, { unit: '乙', spent: '0' }]);
    expect(problems.map((p) => [p.code, p.where.row, p.where.column, p.message])).toEqual([['unit-table-row-invalid', 4, '到位数', '不是金额']]);
  });

  it('万元 held exactly in 元 (14.298655 万元 = 142986.55 元); counts with their words', async () => {
    const { records } = await readAs(UNIT_TABLE_KIND, '单位,结余（万元）,帮扶人次\n中心,14.298655,16户\n中心,0.0001,10名\n中心,1,3\n');
    expect(figures(records)).toEqual([
      { unit: '中心', balance: '142986.55', personTimes: '16' },
      { unit: '中心', balance: '1', personTimes: '10' },
      { unit: '中心', balance: '10000', personTimes: '3' },
    ]);
    expect((records as UnitRow[]).map((r) => r.countWords)).toEqual([{ personTimes: '户' }, { personTimes: '名' }, undefined]);
  });

  it('a count of 2.5 or -1 is refused; the 合计 of counts in 户 and 名 is a mixed-unit warning, a right sum still checked', async () => {
    const bad = await readAs(UNIT_TABLE_KIND, '单位,人次\n甲,2.5\n乙,-1\n');
    expect(bad.problems.map((p) => [p.where.row, p.message])).toEqual([[2, '不是非负整数'], [3, '不是非负整数']]);
    const mixed = await readAs(UNIT_TABLE_KIND, '单位,人次\n甲,16户\n乙,10名\n合计,26人次\n');
    expect(mixed.problems.map((p) => [p.code, p.severity, p.where.row])).toEqual([['count-mixed-units', 'warning', 4]]);
    const wrong = await readAs(UNIT_TABLE_KIND, '单位,人次\n甲,16户\n乙,10户\n合计,27户\n');
    expect(wrong.problems.map((p) => [p.code, p.expected, p.found])).toEqual([['total-mismatch', '26', '27']]);
  });

  it('其中： and indented names are sub-units of the row above; 直达 marks money that passed the parent by', async () => {
    const { records } = await readAs(UNIT_TABLE_KIND, '单位,拨付方式,下达数\n省总,,100\n其中：甲工会,直达,20\n　乙工会,直接拨付,5\n丙,否,1\n');
    expect((records as UnitRow[]).map((r) => [r.unit, r.nested, r.direct])).toEqual([
      ['省总', false, false],
      ['甲工会', true, true],
      ['乙工会', true, true],
      ['丙', false, false],
    ]);
  });

  it('every text field kept as written (trimmed), absent when blank; every count with its word', async () => {
    const { records } = await readAs(
      UNIT_TABLE_KIND,
      '单位,上级单位,项目,年度,资金来源,帮扶类型,户数,人数,人次,计划人次\n 甲县 ,某市,子项目A,2023,省财政,生活救助,5户,6人,7人次,8\n乙县,,,,,,,,,\n',
    );
    expect(JSON.parse(JSON.stringify(records))).toEqual([
      { unit: '甲县', nested: false, direct: false, parent: '某市', project: '子项目A', year: '2023', source: '省财政', aidType: '生活救助', households: '5', persons: '6', personTimes: '7', plannedPersonTimes: '8', countWords: { households: '户', persons: '人', personTimes: '人次' } },
      { unit: '乙县', nested: false, direct: false },
    ]);
  });

  it('其中 with or without a colon, two spaces or more, a name of spaces only refused; one space is no indent; 直达 only as the whole cell', async () => {
    const { records, problems } = await readAs(UNIT_TABLE_KIND, '单位,拨付方式,下达数\n省总,直达费,1\n其中甲,  直达 ,1\n  乙,是,1\n 丙,,1\n　　,,1\n');
    expect((records as UnitRow[]).map((r) => [r.unit, r.nested, r.direct])).toEqual([
      ['省总', false, false],
      ['甲', true, true],
      ['乙', true, true],
      ['丙', false, false],
    ]);
    expect(problems.map((p) => [p.where.row, p.message])).toEqual([[6, '单位不能为空']]);
  });
});
