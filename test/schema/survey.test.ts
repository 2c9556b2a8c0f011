// Questionnaires read through the real input layer: item scores within [0, max],
// answer levels and their weights, blank answers not counted (not 0), 合计 rows
// checked only where the items are scores, and the item columns found unconfigured.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/numbers/decimal.js';
import { AUTO_ITEM, surveyKind, type SurveyAnswers } from '../../src/schema/survey.js';
import { readAs } from '../helpers/read-kind.js';

const scores = surveyKind({ mode: 'scores', items: ['问题1', '问题2'], max: new Decimal(10) });
const levels = surveyKind({ mode: 'levels', items: ['问题1', '问题2'], levels: { 满意: new Decimal(1), 一般: new Decimal(0.5) } });
const shown = (records: unknown[]) => (records as SurveyAnswers[]).map((a) => `${a.got.toString()}/${a.possible.toString()}`);
const why = (problems: { code: string; where: { row?: number; column?: string }; message: string }[]) => problems.map((p) => [p.code, p.where.row, p.where.column, p.message]);

describe('item scores', () => {
  it('each answer counts within [0, max]; padded answers are read; a blank answer is left out of both sums', async () => {
    const { records, problems } = await readAs(scores, '序号,问题1,问题2\n1,8, 9 \n2,10,0\n3,,7\n4, , \n');
    expect(problems).toEqual([]);
    expect(shown(records)).toEqual(['17/20', '10/20', '7/10', '0/0']);
  });

  it('above max, below 0 or not a number: refused on its cell with the range', async () => {
    const { records, problems } = await readAs(scores, '问题1,问题2\n10.5,1\n-1,1\nx,1\n');
    expect(records).toEqual([]);
    expect(why(problems)).toEqual([
      ['survey-row-invalid', 2, '问题1', '问卷得分应为 0 到 10 的数'],
      ['survey-row-invalid', 3, '问题1', '问卷得分应为 0 到 10 的数'],
      ['survey-row-invalid', 4, '问题1', '问卷得分应为 0 到 10 的数'],
    ]);
  });

  it('a 合计 row of scores is checked against the answers above it', async () => {
    const { problems } = await readAs(scores, '序号,问题1,问题2\n1,8,9\n2,10,10\n合计,18,18\n');
    expect(problems.map((p) => [p.code, p.where.column, p.expected, p.found])).toEqual([['total-mismatch', '问题2', '19.00', '18.00']]);
  });

  it('every item column is required, named with the kind', async () => {
    const { problems } = await readAs(scores, '序号,问题1\n1,8\n');
    expect(problems.map((p) => [p.code, p.message])).toEqual([['header-missing', '找不到问卷的必需列「问题2」']]);
  });
});

describe('answer levels', () => {
  it('each level counts its weight out of 1; padded answers are read; blanks are not counted', async () => {
    const { records, problems } = await readAs(levels, '问题1,问题2\n满意,一般\n 一般 ,\n,\n');
    expect(problems).toEqual([]);
    // the row of two blanks is an empty row: skipped, as in every table
    expect(shown(records)).toEqual(['1.5/2', '0.5/1']);
  });

  it('an answer that is no level is refused, listing the levels', async () => {
    const { problems } = await readAs(levels, '问题1,问题2\n很好,满意\n');
    expect(why(problems)).toEqual([['survey-row-invalid', 2, '问题1', '问卷答案应为 满意 / 一般 之一']]);
  });

  it('levels are not summed: a 合计 row of counts under answer levels is not checked', async () => {
    const { problems, tables } = await readAs(levels, '序号,问题1,问题2\n1,满意,满意\n2,一般,满意\n合计,5,1\n');
    expect(problems).toEqual([]);
    expect(tables[0]?.columns.map((c) => [c.field, c.header])).toEqual([['seq', '序号'], ['问题1', '问题1'], ['问题2', '问题2']]);
  });
});

describe('item columns found without configuration', () => {
  it.each(['问题1', '问1', '题2', '第3题', '第12题', '12题', 'Q4', 'q5', '问题 12', '问题'])('「%s」 is an item', (header) => {
    expect(AUTO_ITEM.test(header)).toBe(true);
  });
  it.each(['满意度问题1', '问题1x', '第3题目', '问题1a', '题目', 'A问'])('「%s」 is not', (header) => {
    expect(AUTO_ITEM.test(header)).toBe(false);
  });
});

describe('counts tables', () => {
  const counts = surveyKind({ mode: 'counts', levels: { 满意: new Decimal(1), 一般: new Decimal('0.5'), 不满意: new Decimal(0) } });
  it('one row per item: Σ count × weight of Σ count; blank = nobody; "5人" read as 5', async () => {
    const { records, problems } = await readAs(counts, '题目,满意,一般,不满意\n政策知晓,8,2,0\n资金发放,5人,,1\n');
    expect(problems).toEqual([]);
    expect(shown(records)).toEqual(['9/10', '5/6']);
    expect((records as { item: string }[]).map((r) => r.item)).toEqual(['政策知晓', '资金发放']);
  });

  it('a count that is negative, fractional or no number is refused on its cell', async () => {
    const { records, problems } = await readAs(counts, '题目,满意,一般,不满意\na,-1,0,0\nb,2.5,0,0\nc,x,0,0\n');
    expect(records).toEqual([]);
    expect(why(problems)).toEqual([
      ['survey-row-invalid', 2, '满意', '人数应为不小于 0 的整数'],
      ['survey-row-invalid', 3, '满意', '人数应为不小于 0 的整数'],
      ['survey-row-invalid', 4, '满意', '人数应为不小于 0 的整数'],
    ]);
  });

  it('the item column and every level column are required; a 合计 row of counts is checked', async () => {
    expect((await readAs(counts, '题目,满意,一般\na,1,1\n')).problems.map((p) => p.message)).toEqual(['找不到问卷汇总表的必需列「不满意」']);
    const { problems } = await readAs(counts, '题目,满意,一般,不满意\na,1,1,0\nb,2,0,0\n合计,3,2,0\n');
    expect(problems.map((p) => [p.code, p.where.column, p.expected, p.found])).toEqual([['total-mismatch', '一般', '1', '2']]);
  });
});
