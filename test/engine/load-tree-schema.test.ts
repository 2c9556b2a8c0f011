// What loadTree accepts and the defaults it fills in, case by case.
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/engine/load-tree.js';
import { formatProblem } from '../../src/problems/problem.js';

const leaf = (extra: Record<string, unknown> = {}) => ({ id: 'a', name: '甲', weight: 10, rule: { kind: 'manual', guidance: 'x' }, ...extra });
const tree = (extra: Record<string, unknown> = {}, indicators: unknown[] = [leaf()]) => ({ title: 't', type: 'evaluation', total: 10, indicators, ...extra });
const problems = (raw: unknown) => loadTree(raw, 't.yaml').problems.map((p) => [p.code, formatProblem(p)]);

describe('defaults', () => {
  it('rounding to 2 places per leaf, not partial, grades 优/良/中/差 with inclusive bounds', () => {
    const t = loadTree(tree(), 't.yaml').tree!;
    expect(t.rounding).toEqual({ places: 2, at: 'leaf' });
    expect(t.partial).toBe(false);
    expect(t.grades.map((g) => [g.name, g.min?.toString(), g.minInclusive])).toEqual([
      ['优', '90', true],
      ['良', '80', true],
      ['中', '60', true],
      ['差', undefined, true],
    ]);
  });
  it('a grade given without min_inclusive is inclusive', () => {
    const t = loadTree(tree({ grades: [{ name: '合格', min: 60 }, { name: '不合格' }] }), 't.yaml').tree!;
    expect(t.grades.map((g) => g.minInclusive)).toEqual([true, true]);
  });
});

describe('what is refused', () => {
  it.each([
    ['an id with a space', tree({}, [leaf({ id: 'a b' })])],
    ['an id ending in punctuation', tree({}, [leaf({ id: 'ab!' })])],
    ['an id starting with punctuation', tree({}, [leaf({ id: '!ab' })])],
    ['a rule without a kind', tree({}, [leaf({ rule: { guidance: 'x' } })])],
    ['a grade without a name', tree({ grades: [{ name: '', min: 60 }, { name: '差' }] })],
    ['a last grade with a lower bound', tree({ grades: [{ name: '优', min: 90 }, { name: '差', min: 0 }] })],
    ['a grade above the last without one', tree({ grades: [{ name: '优' }, { name: '差' }] })],
    ['a leaf without a rule', tree({}, [{ id: 'a', name: '甲', weight: 10 }])],
  ])('%s', (_what, raw) => {
    const loaded = loadTree(raw, 't.yaml');
    expect(loaded.tree).toBeUndefined();
    expect(loaded.problems.length).toBeGreaterThan(0);
  });

  it('names a nameless node by its place', () => {
    expect(problems(tree({}, [leaf(), { weight: 'x' }]))[0]?.[1]).toContain('第 2 个指标');
    expect(problems(tree({}, [leaf(), { id: 'b', weight: 'x' }]))[0]?.[1]).toContain('t.yaml b：');
  });

  it('says a leaf needs a rule and a node cannot have both', () => {
    expect(problems(tree({}, [{ id: 'a', name: '甲', weight: 10 }]))).toEqual([['tree-node-invalid', 't.yaml 甲：末级指标缺少评分规则 rule 建议：写明 rule.kind（linear、bands、checklist 等）及其参数']]);
    expect(problems(tree({}, [leaf({ children: [leaf({ id: 'b' })] })]))).toEqual([['tree-node-invalid', 't.yaml 甲：一个指标不能同时有下级指标 children 和评分规则 rule']]);
  });
});
