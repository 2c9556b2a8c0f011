// Unit names normalised step by step, each removal kept only when at least two
// characters remain; how alike two names are.
import { describe, expect, it } from 'vitest';
import { normaliseUnit, unitLikeness } from '../../src/checks/unit-name.js';

const n = (u: string | undefined, prefixes: string[] = []) => {
  const r = normaliseUnit(u, prefixes);
  return [r.text, r.steps];
};

describe('normaliseUnit', () => {
  it.each<[string | undefined, string[], [string, string[]]]>([
    [undefined, [], ['', []]],
    ['', [], ['', []]],
    [' 襄垣县 弘昇电力有限公司 ', [], ['弘升电力', ['异体字 昇→升', '去掉地名「襄垣县」', '去掉「有限公司」']]],
    ['襄垣弘昇电力', ['襄垣', '襄垣县'], ['弘升电力', ['异体字 昇→升', '去掉地名「襄垣」']]],
    // the longer prefix first: 襄垣县 before 襄垣
    ['襄垣县供销社', ['襄垣', '襄垣县'], ['供销社', ['去掉地名「襄垣县」']]],
    // a removal that would leave one character is not made
    ['襄垣县厂', [], ['襄垣县厂', []]],
    ['襄垣县机厂', [], ['机厂', ['去掉地名「襄垣县」']]],
    ['襄垣社', ['襄垣'], ['襄垣社', []]],
    ['襄垣社区', ['襄垣'], ['社区', ['去掉地名「襄垣」']]],
    ['甲公司', [], ['甲公司', []]],
    ['甲乙公司', [], ['甲乙', ['去掉「公司」']]],
    ['华宇股份有限公司', [], ['华宇', ['去掉「股份有限公司」']]],
    ['Ｎ２廠', [], ['N2厂', ['异体字 廠→厂']]],
  ])('%j with prefixes %j', (unit, prefixes, expected) => {
    expect(n(unit, prefixes)).toEqual(expected);
  });
});

describe('unitLikeness', () => {
  const like = (a?: string, b?: string) => unitLikeness(normaliseUnit(a), normaliseUnit(b), a, b);
  it.each<[string | undefined, string | undefined, string]>([
    [undefined, '弘昇电力', 'missing'],
    ['弘昇电力', '', 'missing'],
    ['弘昇 电力', '弘昇电力', 'same'],
    ['ＡＢ电力', 'AB电力', 'same'],
    ['襄垣县弘昇电力有限公司', '弘升电力', 'normalised'],
    ['弘升电力', '弘升电力二分厂', 'contained'],
    ['弘升电力二分厂', '弘升电力', 'contained'],
    ['电', '供电局', 'different'],
    ['弘升电力', '恒祥焦化', 'different'],
  ])('%j ~ %j: %s', (a, b, expected) => {
    expect(like(a, b)).toBe(expected);
  });
});
