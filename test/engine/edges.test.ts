// Engine numbers at their edges: exact halves under 四舍五入, grade band limits,
// band edges of a tiered rule, the over-target explanation ratio, the ≤ rule's
// zero point, and the pass mark — each at the limit, just below and just above.
import { describe, expect, it } from 'vitest';
import { gradeOf } from '../../src/schema/grades.js';
import { loadTree } from '../../src/engine/load-tree.js';
import { score } from '../../src/engine/score.js';
import { Decimal, roundTo } from '../../src/numbers/decimal.js';
import { metric } from '../helpers/metrics.js';
import { points, runRule } from '../helpers/rule.js';

describe('四舍五入 (half up, away from zero), never banker’s rounding', () => {
  it.each([
    ['0.125', 2, '0.13'],
    ['0.135', 2, '0.14'],
    ['2.345', 2, '2.35'],
    ['2.3449999', 2, '2.34'],
    ['1.005', 2, '1.01'],
    ['0.5', 0, '1'],
    ['2.5', 0, '3'],
    ['-0.125', 2, '-0.13'],
    ['-2.5', 0, '-3'],
  ])('%s to %i places is %s', (value, places, expected) => {
    expect(roundTo(new Decimal(value), places).toString()).toBe(expected);
  });

  // one checklist item of 1 point, 1 of 8 documents: exactly 0.125
  function eighth(at: string) {
    const tree = loadTree(
      { title: 't', type: 'evaluation', total: 1, rounding: { places: 2, at }, indicators: [{ id: 'a', name: '档案', weight: 1, rule: { kind: 'checklist', items: [{ id: 'docs', text: '档案', points: 1 }] } }] },
      't',
    ).tree!;
    const s = score({ tree, metrics: new Map(), answers: { a: { items: { docs: { have: 1, need: 8 } }, reason: '缺档案' } } }).scored!;
    return [s.nodes[0]!.score.toString(), s.total.toString()];
  }
  it('an exact half in a leaf rounds up under every policy', () => {
    expect(eighth('part')).toEqual(['0.13', '0.13']);
    expect(eighth('leaf')).toEqual(['0.13', '0.13']);
    expect(eighth('total')).toEqual(['0.125', '0.13']);
  });
});

describe('grade bands (优 ≥90, 良 ≥80, 中 ≥60, 差)', () => {
  // Built inside each test: a tree loaded while tests are collected counts as "static"
  // for Stryker, which then runs the whole suite against every mutant of load-tree.ts.
  const bands = () => loadTree({ title: 't', type: 'evaluation', total: 100, indicators: [{ id: 'a', name: 'a', weight: 1, rule: { kind: 'manual', guidance: 'x' } }] }, 't').tree!.grades;
  it.each([
    ['100', '优'],
    ['90', '优'],
    ['89.99', '良'],
    ['80', '良'],
    ['79.99', '中'],
    ['60', '中'],
    ['59.99', '差'],
    ['0', '差'],
  ])('%s is %s', (total, grade) => {
    expect(gradeOf(new Decimal(total), bands())).toBe(grade);
  });
  it('an exclusive lower bound (min_inclusive: false) puts the limit in the band below', () => {
    const exclusive = loadTree({ title: 't', type: 'evaluation', total: 1, grades: [{ name: '优', min: 90, min_inclusive: false }, { name: '良' }], indicators: [{ id: 'a', name: 'a', weight: 1, rule: { kind: 'manual', guidance: 'x' } }] }, 't').tree!.grades;
    expect([gradeOf(new Decimal('90'), exclusive), gradeOf(new Decimal('90.01'), exclusive)]).toEqual(['良', '优']);
  });
});

describe('over-target explanation: above 130% of the target, not at it', () => {
  const rule = { kind: 'ratio', metric: 'x.count' };
  const at = (value: string) => runRule({ rule, points: 10, metrics: [metric('x.count', value, 'count', '户数')], target: '≥100户' }).warnings.length;
  it.each([
    ['129.99', 0],
    ['130', 0],
    ['130.01', 1],
  ])('%s of a target of 100', (value, warnings) => {
    expect(at(value)).toBe(warnings);
  });
  it('markdown deducts exactly the deviation above 130%', () => {
    const down = (value: string) => points({ rule: { ...rule, over_target: { explain_above: '130%', markdown: true } }, points: 10, metrics: [metric('x.count', value, 'count')], target: '≥100户', answer: { explanation: '目标偏低' } });
    expect([down('130'), down('131'), down('140')]).toEqual(['10', '9.9', '9']);
  });
});

describe('≤ targets fall to zero at twice the target', () => {
  const cost = (v: string) => points({ rule: { kind: 'ratio', metric: 'x.cost' }, points: 10, metrics: [metric('x.cost', v, 'amount')], target: '<=100元' });
  it.each([
    ['100', '10'],
    ['100.01', '9.999'],
    ['199.99', '0.001'],
    ['200', '0'],
    ['200.01', '0'],
  ])('cost %s', (v, expected) => {
    expect(cost(v)).toBe(expected);
  });
});

describe('the 2021 pass mark of 60%', () => {
  const r = { kind: 'ratio', metric: 'x.count', pass_mark: '60%' };
  it.each([
    ['59.99', '0'],
    ['60', '0'],
    ['60.01', '0.0025'],
    ['100', '10'],
  ])('%s of a target of 100', (v, expected) => {
    expect(points({ rule: r, points: 10, metrics: [metric('x.count', v, 'count')], target: '≥100户' })).toBe(expected);
  });
});

describe('a judged leaf below full points needs a reason with text in it', () => {
  const tree = () => loadTree(
    {
      title: 't',
      type: 'evaluation',
      total: 10,
      indicators: [
        { id: 'a', name: '可持续影响', weight: 5, rule: { kind: 'manual', guidance: '按访谈' } },
        { id: 'b', name: '档案', weight: 5, rule: { kind: 'checklist', items: [{ id: 'x', text: '台账', points: 5 }] } },
      ],
    },
    't',
  ).tree!;
  const codes = (a: unknown, b: unknown) => score({ tree: tree(), metrics: new Map(), answers: { a, b } }).problems.map((p) => p.code);
  const met = { items: { x: 'met' } };
  it.each([
    ['manual, a reason', { points: 4, reason: '群众反映一般' }, met, []],
    ['manual, spaces for a reason', { points: 4, reason: '   ' }, met, ['answer-reason-missing']],
    ['manual, full-width space and tab', { points: 5, reason: '\u3000\t' }, met, ['answer-reason-missing']],
    ['checklist not met, a reason', { points: 5, reason: '好' }, { items: { x: 'not_met' }, reason: '缺台账' }, []],
    ['checklist not met, spaces', { points: 5, reason: '好' }, { items: { x: 'not_met' }, reason: '  ' }, ['judgement-reason-missing']],
    ['checklist met, no reason needed', { points: 5, reason: '好' }, met, []],
  ])('%s', (_label, a, b, expected) => {
    expect(codes(a, b)).toEqual(expected);
  });
});

describe('gradeOf on bands every one of which has a lower bound', () => {
  it('a total below them all takes the last band', () => {
    const bands = [{ name: '合格', min: new Decimal(60), minInclusive: true }, { name: '基本合格', min: new Decimal(50), minInclusive: false }];
    expect(['60', '50.01', '50', '0'].map((t) => gradeOf(new Decimal(t), bands))).toEqual(['合格', '基本合格', '基本合格', '基本合格']);
    expect(gradeOf(new Decimal(1), [])).toBe('');
  });
});
