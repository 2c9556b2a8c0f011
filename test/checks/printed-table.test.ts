// The pieces of reading a printed table: a level name's points, whether an actual value
// reaches its target (and when the texts cannot tell).
import { describe, expect, it } from 'vitest';
import { splitPoints } from '../../src/checks/printed-figures.js';
import { meetsTarget } from '../../src/checks/target-met.js';

describe('splitPoints', () => {
  it('reads the points a level name prints, in either width of brackets, with spaces', () => {
    expect([splitPoints('资金管理（8分）'), splitPoints('项目决策 (20 分)'), splitPoints('可持续影响（5.5 分）')].map((p) => [p.name, p.points?.toString()])).toEqual([
      ['资金管理', '8'],
      ['项目决策', '20'],
      ['可持续影响', '5.5'],
    ]);
    expect(splitPoints('满意度')).toEqual({ name: '满意度' });
    expect(splitPoints('分配（办法）')).toEqual({ name: '分配（办法）' });
  });
});

describe('meetsTarget', () => {
  it('numbers with directions, at the limit and just past it; a bare target means at least', () => {
    expect([meetsTarget('≥45户', '45户'), meetsTarget('≥45户', '44户'), meetsTarget('<=5300元/户', '5300元/户'), meetsTarget('<=5300元/户', '5300.01元/户')]).toEqual([true, false, true, false]);
    expect([meetsTarget('=8个', '8个'), meetsTarget('=8个', '9个'), meetsTarget('100%', '100%'), meetsTarget('100%', '99.99%'), meetsTarget('10', '10人')]).toEqual([true, false, true, false, true]);
  });
  it('words: the same word is met, a qualified or negated one missed, anything else unknown', () => {
    expect([meetsTarget('健全', '健全'), meetsTarget('健全', '不健全'), meetsTarget('有保障', '较有保障'), meetsTarget('合理', '无'), meetsTarget('明确', '基本明确')]).toEqual([true, false, false, false, false]);
    expect([meetsTarget('及时', '另行说明'), meetsTarget('≥45户', '见附表'), meetsTarget('≥45户', '45人')]).toEqual([undefined, undefined, undefined]);
  });
});
