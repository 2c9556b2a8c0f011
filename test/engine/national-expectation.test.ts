// The points a printed row should carry under the 2020 and 2021 national rules, at the
// rules' limits: a target just met and just missed, the 60% pass mark, the qualitative
// bands' edges (lower bound inclusive), yes/no indicators; and which rule a row states.
import { describe, expect, it } from 'vitest';
import { nationalExpectation, ruleStated, type Expected } from '../../src/engine/national-expectation.js';
import { Decimal } from '../../src/numbers/decimal.js';

const expect2 = (rule: '2020' | '2021', target: string, actual: string, weight: string, score: string, met?: boolean, places = 2) => nationalExpectation(rule, { target, actual, weight: new Decimal(weight), score: new Decimal(score), places }, met);
const pointsOf = (e: Expected | undefined) => (e && 'points' in e ? e.points.toString() : e ? (e.within ? 'within' : `outside ${e.range}`) : 'undecided');

describe('ruleStated', () => {
  it('from the row’s 评分标准 first, then the table’s title; nothing where neither says', () => {
    expect(ruleStated('完成值达到指标值的记满分，未达到的按 实际完成值÷指标值×该指标分值 计分', undefined)).toBe('2020');
    expect(ruleStated('按完成比例计分', '表')).toBe('2020');
    expect(ruleStated('完成率低于60%不得分，(完成率-60%)÷40%×分值', undefined)).toBe('2021');
    expect(ruleStated('设及格线 60%', undefined)).toBe('2021');
    expect(ruleStated(undefined, '项目支出绩效自评表（按财预〔2021〕101号评分）')).toBe('2021');
    expect(ruleStated('达成 10 分', '项目支出绩效自评表（财预〔2020〕10号）')).toBe('2020');
    expect(ruleStated('根据实际情况评分', '项目支出绩效自评表')).toBeUndefined();
  });
});

describe('2020: met → full, missed → 完成值 ÷ 目标值 × 分值', () => {
  it('at the target, one unit short, and above it', () => {
    expect(pointsOf(expect2('2020', '≥45户', '45户', '10', '10'))).toBe('10');
    expect(pointsOf(expect2('2020', '≥45户', '44户', '10', '10'))).toBe('9.78');
    expect(pointsOf(expect2('2020', '≥45户', '46户', '10', '10'))).toBe('10');
    // to the printed places: 44 ÷ 45 × 10 = 9.777… is 9.8 with one decimal, 10 with none
    expect(pointsOf(expect2('2020', '≥45户', '44户', '10', '10', undefined, 1))).toBe('9.8');
    expect(pointsOf(expect2('2020', '≥98%', '90%', '10', '10'))).toBe('9.18');
  });
  it('qualitative 达成 80-100%, 部分达成 60-80%, 未达成 0-60%: lower bounds inclusive, upper ones (but 100%) exclusive', () => {
    expect(['8', '10', '7.99'].map((s) => pointsOf(expect2('2020', '健全', '达成', '10', s)))).toEqual(['within', 'within', 'outside 8-10 分']);
    expect(['6', '7.99', '8', '5.99'].map((s) => pointsOf(expect2('2020', '健全', '部分达成', '10', s)))).toEqual(['within', 'within', 'outside 6-8 分（不含 8）', 'outside 6-8 分（不含 8）']);
    expect(['0', '5.99', '6'].map((s) => pointsOf(expect2('2020', '健全', '未达成', '10', s)))).toEqual(['within', 'within', 'outside 0-6 分（不含 6）']);
  });
  it('undecided where the texts do not compare: other units, no number, words outside the three levels', () => {
    expect(pointsOf(expect2('2020', '≥45户', '45人', '10', '10'))).toBe('undecided');
    expect(pointsOf(expect2('2020', '及时', '及时', '10', '10', true))).toBe('undecided');
    expect(pointsOf(expect2('2020', '健全', '部分缓解', '10', '7'))).toBe('undecided');
  });
});

describe('2021: the 60% pass mark, yes/no all or nothing', () => {
  it('(完成率 − 60%) ÷ 40% × 分值 above the mark, 0 at and below it', () => {
    expect(['100', '80', '60', '59', '61', '120'].map((a) => pointsOf(expect2('2021', '≥100人', `${a}人`, '10', '0')))).toEqual(['10', '5', '0', '0', '0.25', '10']);
  });
  it('a qualitative target met is full, missed is 0; unknown stays undecided', () => {
    expect(pointsOf(expect2('2021', '健全', '健全', '10', '10', true))).toBe('10');
    expect(pointsOf(expect2('2021', '健全', '不健全', '10', '10', false))).toBe('0');
    expect(pointsOf(expect2('2021', '及时', '另行说明', '10', '10', undefined))).toBe('undecided');
  });
});
