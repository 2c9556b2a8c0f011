// Targets and band edges as people write them, every spelling and every edge.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/numbers/decimal.js';
import { contains, overlaps, parseInterval } from '../../src/engine/interval.js';
import { parseTarget } from '../../src/schema/target.js';

const target = (s: string) => {
  const p = parseTarget(s);
  return [p.text, p.direction, p.value?.toString(), p.unit, p.qualitative];
};

describe('parseTarget', () => {
  it.each([
    ['≥45户', '>=', '45', '户'],
    ['>=45户', '>=', '45', '户'],
    ['⩾45户', '>=', '45', '户'],
    ['不低于45户', '>=', '45', '户'],
    ['不少于 45 户', '>=', '45', '户'],
    ['≤5300元/户', '<=', '5300', '元/户'],
    ['<=5300元', '<=', '5300', '元'],
    ['⩽3天', '<=', '3', '天'],
    ['不高于5%', '<=', '0.05', '%'],
    ['不超过5%', '<=', '0.05', '%'],
    ['不多于2次', '<=', '2', '次'],
    ['=8个', '=', '8', '个'],
    ['＝8个', '=', '8', '个'],
    ['==8个', '=', '8', '个'],
    ['≥１００％', '>=', '1', '%'],
    ['≥1,200人', '>=', '1200', '人'],
    ['≥.5', '>=', '0.5', undefined],
    ['≥-3', '>=', '-3', undefined],
    ['≥+3', '>=', '3', undefined],
    ['17.16万元', undefined, '171600', '元'],
    ['2万', undefined, '20000', '元'],
    ['1.5亿元', undefined, '150000000', '元'],
    ['45', undefined, '45', undefined],
  ])('%s', (text, direction, value, unit) => {
    expect(target(text)).toEqual([text, direction, value, unit, false]);
  });

  it('keeps the text as written (trimmed) and marks words as qualitative', () => {
    expect(target('  ≥45户 ')).toEqual(['≥45户', '>=', '45', '户', false]);
    expect(target('符合条件及时救助')).toEqual(['符合条件及时救助', undefined, undefined, undefined, true]);
    expect(target('≥较好')).toEqual(['≥较好', '>=', undefined, undefined, true]);
    expect(target('')).toEqual(['', undefined, undefined, undefined, true]);
    // an operator only counts at the start; a malformed number is words
    expect(target('约≥45户')).toEqual(['约≥45户', undefined, undefined, undefined, true]);
    expect(target('≥1,2,3人')).toEqual(['≥1,2,3人', undefined, undefined, undefined, true]);
  });

  it('a money scale counts only right after the number', () => {
    expect(target('≥5人/万元')).toEqual(['≥5人/万元', '>=', '5', '人/万元', false]);
    expect(target('≤3%/年')).toEqual(['≤3%/年', '<=', '0.03', '%', false]);
  });
});

describe('parseInterval', () => {
  const edges = (s: string) => {
    const i = parseInterval(s);
    return i && [i.text, i.min?.toString(), i.minInclusive, i.max?.toString(), i.maxInclusive];
  };
  it.each([
    ['[90%,100%)', '0.9', true, '1', false],
    ['(70%,90%]', '0.7', false, '0.9', true],
    ['[ 90% ， 100% ]', '0.9', true, '1', true],
    ['［90%，100%）', '0.9', true, '1', false],
    ['[90%,)', '0.9', true, undefined, false],
    ['(,70%]', undefined, false, '0.7', true],
    ['[5,5]', '5', true, '5', true],
    ['≥90%', '0.9', true, undefined, false],
    ['>=90%', '0.9', true, undefined, false],
    ['⩾90%', '0.9', true, undefined, false],
    ['>90%', '0.9', false, undefined, false],
    ['≤70%', undefined, false, '0.7', true],
    ['<=70%', undefined, false, '0.7', true],
    ['⩽70%', undefined, false, '0.7', true],
    ['<70%', undefined, false, '0.7', false],
    ['=100%', '1', true, '1', true],
    ['==100%', '1', true, '1', true],
    ['＝100%', '1', true, '1', true],
    ['≥ １００', '100', true, undefined, false],
  ])('%s', (text, min, minInclusive, max, maxInclusive) => {
    expect(edges(text)).toEqual([text, min, minInclusive, max, maxInclusive]);
  });

  it.each(['90%-100%', '[100%,90%)', '[abc,1]', '[1,abc]', '≥abc', '≥', '90%', '', '[1,2,3]', '{1,2}', 'a[1,2]', '[1,2]a', 'a≥5', '约=100%'])('refuses %j', (text) => {
    expect(parseInterval(text)).toBeUndefined();
  });

  it('contains: each edge at, just below and just above', () => {
    const inside = (i: string, x: string) => contains(parseInterval(i)!, new Decimal(x));
    expect(['0.8999', '0.9', '0.9999', '1', '1.0001'].map((x) => inside('[90%,100%)', x))).toEqual([false, true, true, false, false]);
    expect(['0.6999', '0.7', '0.7001', '0.9', '0.9001'].map((x) => inside('(70%,90%]', x))).toEqual([false, false, true, true, false]);
    expect(['0.8999', '0.9', '0.9001'].map((x) => inside('>90%', x))).toEqual([false, false, true]);
    expect(['0.8999', '0.9', '9'].map((x) => inside('≥90%', x))).toEqual([false, true, true]);
    expect(['-1', '0.7', '0.7001'].map((x) => inside('≤70%', x))).toEqual([true, true, false]);
    expect(['0.6999', '0.7'].map((x) => inside('<70%', x))).toEqual([true, false]);
    expect(['0.9999', '1', '1.0001'].map((x) => inside('=100%', x))).toEqual([false, true, false]);
  });

  it('overlaps: touching edges overlap only when both include the point', () => {
    const o = (a: string, b: string) => [overlaps(parseInterval(a)!, parseInterval(b)!), overlaps(parseInterval(b)!, parseInterval(a)!)];
    expect(o('[90%,100%)', '=100%')).toEqual([false, false]);
    expect(o('[90%,100%]', '=100%')).toEqual([true, true]);
    expect(o('(80%,90%]', '[90%,100%)')).toEqual([true, true]);
    expect(o('(80%,90%)', '[90%,100%)')).toEqual([false, false]);
    expect(o('(80%,90%]', '(90%,100%)')).toEqual([false, false]);
    expect(o('<70%', '[60%,80%)')).toEqual([true, true]);
    expect(o('<70%', '≥70%')).toEqual([false, false]);
    expect(o('≤70%', '≥70%')).toEqual([true, true]);
    expect(o('<60%', '≥70%')).toEqual([false, false]);
    expect(o('≥90%', '≥95%')).toEqual([true, true]);
    expect(o('<10%', '<5%')).toEqual([true, true]);
  });
});
