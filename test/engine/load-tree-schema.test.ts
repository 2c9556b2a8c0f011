// What loadTree accepts and the defaults it fills in, case by case.
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/engine/load-tree.js';
import { formatProblem } from '../../src/problems/problem.js';

const leaf = (extra: Record<string, unknown> = {}) => ({ id: 'a', name: '甲', weight: 10, rule: { kind: 'manual', guidance: 'x' }, ...extra });
const tree = (extra: Record<string, unknown> = {}, indicators: unknown[] = [leaf()]) => ({ title: 't', type: 'evaluation', total: 10, indicators, ...extra });
const problems = (raw: unknown) => loadTree(raw, 't.yaml').problems.map((p) => [p.code, formatProblem(p)]);

describe('defaults', () => {
  it('rounding to 2 places per leaf, not partial, grades 优/良/中/差 with inclusive bounds', () => {
    const t = loadTree(tree({ total: 100 }), 't.yaml').tree!;
    expect(t.rounding).toEqual({ places: 2, at: 'leaf' });
    expect(t.partial).toBe(false);
    expect(t.grades.map((g) => [g.name, g.min?.toString(), g.minInclusive])).toEqual([
      ['优', '90', true],
      ['良', '80', true],
      ['中', '60', true],
      ['差', undefined, true],
    ]);
  });
  it('the default grades of a tree not out of 100 are in proportion to its total; given grades are as written', () => {
    expect(loadTree(tree({ total: 20 }), 't.yaml').tree!.grades.map((g) => g.min?.toString())).toEqual(['18', '16', '12', undefined]);
    expect(loadTree(tree({ total: 10 }), 't.yaml').tree!.grades.map((g) => g.min?.toString())).toEqual(['9', '8', '6', undefined]);
    expect(loadTree(tree({ total: 10, grades: [{ name: '合格', min: 60 }, { name: '不合格' }] }), 't.yaml').tree!.grades.map((g) => g.min?.toString())).toEqual(['60', undefined]);
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

describe('every refusal, word for word', () => {
  const group = (children: unknown[], extra: Record<string, unknown> = {}) => ({ id: 'g', name: '组', weight: 10, children, ...extra });
  it.each<[string, unknown, string, string]>([
    ['an id with a space', tree({}, [leaf({ id: 'a b' })]), 'tree-node-invalid', 't.yaml 甲：编号 id：编号只能用字母、数字、下划线和连字符'],
    ['a rule without a kind', tree({}, [leaf({ rule: { guidance: 'x' } })]), 'tree-node-invalid', 't.yaml 甲：缺少 rule.kind'],
    ['a grade without a name', tree({ grades: [{ name: '', min: 60 }, { name: '差' }] }), 'tree-invalid', 't.yaml：名称 grades[0].name过小或过短（应为 不少于 1，实际为 ）'],
    ['a last grade with a lower bound', tree({ grades: [{ name: '优', min: 90 }, { name: '差', min: 0 }] }), 'tree-grades', 't.yaml：最后一个评价等级「差」不应有下限 min（它收下所有更低的得分）'],
    ['a grade above the last without one', tree({ grades: [{ name: '优' }, { name: '差' }] }), 'tree-grades', 't.yaml：评价等级「优」缺少下限 min'],
    ['grades not falling', tree({ grades: [{ name: '优', min: 80 }, { name: '良', min: 80 }, { name: '差' }] }), 'tree-grades', 't.yaml：评价等级应按下限从高到低排列：「良」的下限不低于「优」'],
    ['a duplicate id', tree({}, [group([leaf(), leaf({ name: '乙' })])]), 'tree-duplicate-id', 't.yaml 组 > 乙：指标编号 a 重复（另见 组 > 甲）'],
    ['deeper than the levels', tree({ levels: ['一级'] }, [group([leaf()])]), 'tree-too-deep', 't.yaml 组 > 甲：指标层级超过了 levels 中定义的 1 级'],
    ['a rule missing a parameter', tree({}, [leaf({ rule: { kind: 'linear', metric: 'x.y', zero_at: 1 } })]), 'tree-rule-invalid', 't.yaml 甲：评分规则有误：缺少 full_at'],
    ['an unknown rule kind', tree({}, [leaf({ rule: { kind: 'foo' } })]), 'tree-rule-invalid', 't.yaml 甲：评分规则有误：未知的评分规则类型「foo」，可用：linear、bands、deduct_per_unit、step_deduction、checklist、ratio、grade、manual、composite、trend'],
    ['no title', { type: 'evaluation', indicators: [leaf()] }, 'tree-invalid', 't.yaml：缺少 title'],
    ['an unknown type', { title: 't', type: 'x', indicators: [leaf()] }, 'tree-invalid', 't.yaml：type不在允许的取值中（应为 evaluation / self-evaluation，实际为 x）'],
    ['7 decimal places', tree({ rounding: { places: 7 } }), 'tree-invalid', 't.yaml：rounding.places过大或过长（应为 不超过 6，实际为 7）'],
    ['−1 decimal places', tree({ rounding: { places: -1 } }), 'tree-invalid', 't.yaml：rounding.places过小或过短（应为 不少于 0，实际为 -1）'],
    ['an unknown rounding point', tree({ rounding: { at: 'node' } }), 'tree-invalid', 't.yaml：rounding.at不在允许的取值中（应为 part / leaf / total，实际为 node）'],
    ['no indicators', tree({}, []), 'tree-invalid', 't.yaml：indicators过小或过短（应为 不少于 1，实际为 列表）'],
    ['empty children', tree({}, [group([])]), 'tree-node-invalid', 't.yaml 组：下级指标 children过小或过短（应为 不少于 1，实际为 列表）'],
    ['a negative weight', tree({}, [leaf({ weight: -1 })]), 'tree-node-invalid', 't.yaml 甲：权重 weight：不能为负数'],
    ['a misspelt field', tree({}, [leaf({ wieght: 1 })]), 'tree-node-invalid', 't.yaml 甲：未知字段 wieght 建议：此处可用的字段：explanation、criteria、target、note、children、lint'],
    ['not a mapping', 'abc', 'tree-invalid', 't.yaml：内容的类型不对（应为 对象（键: 值），实际为 abc）'],
    ['a bad child', tree({}, [group([{ id: 'b', name: '乙', weight: 'x' }])]), 'tree-node-invalid', 't.yaml 组 > 乙：权重 weight：应为数字或分数（如 1/3），实际为「x」'],
    ['an empty node', tree({}, [leaf(), null]), 'tree-node-invalid', 't.yaml 第 2 个指标：内容的类型不对（应为 对象（键: 值），实际为 空）'],
    ['a node that is text', tree({}, ['甲']), 'tree-node-invalid', 't.yaml 第 1 个指标：内容的类型不对（应为 对象（键: 值），实际为 甲）'],
  ])('%s', (_what, raw, code, text) => {
    const loaded = loadTree(raw, 't.yaml');
    expect(loaded.tree).toBeUndefined();
    expect(loaded.problems.map((p) => [p.code, formatProblem(p)])).toEqual([[code, text]]);
  });

  it('accepts the edges: 0 and 6 places, a grade just below the one above', () => {
    expect(loadTree(tree({ rounding: { places: 0 } }), 't.yaml').tree?.rounding.places).toBe(0);
    expect(loadTree(tree({ rounding: { places: 6 } }), 't.yaml').tree?.rounding.places).toBe(6);
    expect(loadTree(tree({ grades: [{ name: '优', min: 80 }, { name: '良', min: '79.99' }, { name: '差' }] }), 't.yaml').problems).toEqual([]);
    expect(loadTree(tree({ levels: ['一级'] }), 't.yaml').tree?.levels).toEqual(['一级']);
  });

  it('keeps every field of a node and the header as written', () => {
    const t = loadTree(
      tree({ levels: ['A', 'B'], rounding: { places: 0, at: 'total' }, partial: true, description: 'd' }, [group([leaf({ target: 45, explanation: 'e', criteria: 'c', note: 'n' })])]),
      't.yaml',
    ).tree!;
    expect([t.title, t.type, t.levels, t.total.toString(), t.rounding, t.partial]).toEqual(['t', 'evaluation', ['A', 'B'], '10', { places: 0, at: 'total' }, true]);
    const g = t.indicators[0]!;
    const a = g.children![0]!;
    expect([g.id, g.name, g.weight.toString(), g.path, g.level, g.rule]).toEqual(['g', '组', '10', ['组'], 1, undefined]);
    expect([a.path, a.level, a.explanation, a.criteria, a.note, a.target?.text, a.target?.value?.toString(), a.rule]).toEqual([
      ['组', '甲'], 2, 'e', 'c', 'n', '45', '45', { kind: 'manual', params: { guidance: 'x' } },
    ]);
    expect(Object.keys(loadTree(tree(), 't.yaml').tree!.indicators[0]!).sort()).toEqual(['id', 'level', 'name', 'path', 'rule', 'weight']);
    expect(loadTree({ title: 't', type: 'self-evaluation', indicators: [leaf()] }, 't.yaml').tree?.total.toString()).toBe('100');
  });
});
