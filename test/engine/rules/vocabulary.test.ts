// The vocabulary real trees need: 不适用 under each policy, deductions per finding inside
// an item ("每出现一项不满足扣该要点 1/3，三项及以上不得分"), exact fractions, "=" with a
// deviation rule, trends over years, partial trees graded on their rate. Each at its edges.
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../../src/engine/load-tree.js';
import { lintTree } from '../../../src/engine/lint-tree.js';
import { score } from '../../../src/engine/score.js';
import { scoredTreeJson } from '../../../src/report/json.js';
import { points, ruleError, runRule } from '../../helpers/rule.js';
import { kindOf, parseRuleSpec } from '../../../src/engine/rules/registry.js';
import { Decimal } from '../../../src/numbers/decimal.js';
import { metric, metricSet } from '../../helpers/metrics.js';

describe('checklist: 不适用', () => {
  const items = [
    { id: 'a', text: '制度健全', points: 2 },
    { id: 'b', text: '台账完整', points: 1 },
    { id: 'c', text: '公示到位', points: 1 },
  ];
  const run = (policy: string | undefined, answer: Record<string, unknown>) =>
    runRule({ rule: { kind: 'checklist', items, ...(policy ? { not_applicable: policy } : {}) }, points: 4, answer: { items: answer, reason: 'x' } });

  it('award (the default): the item’s points are given, the trace says 不适用', () => {
    const out = run(undefined, { a: 'met', b: '不适用', c: 'not_met' });
    expect([out.points.toString(), out.actual, out.removed]).toEqual(['3', '符合 1/2 项，1 项不适用', undefined]);
    expect(out.trace).toBe('制度健全（2 分）：符合，得 2 分；台账完整（1 分）：不适用，按规定给予该项分值 1 分；公示到位（1 分）：不符合，得 0 分；合计得 3 分');
    expect(run('award', { a: 'n/a', b: '暂不扣分', c: 'n/a' }).points.toString()).toBe('4');
  });

  it('redistribute: the other items’ points grow in proportion (4 ÷ 3 each), exactly', () => {
    const out = run('redistribute', { a: 'met', b: 'n/a', c: 'not_met' });
    // 制度健全 2 × 4/3 = 8/3; 公示到位 0
    expect(out.points.toFixed(6)).toBe('2.666667');
    expect(out.trace).toBe('制度健全（2 分）：符合，按分配后的分值 2.6667 分计，得 2.6667 分；台账完整（1 分）：不适用，分值按比例分配到其余各项；公示到位（1 分）：不符合，按分配后的分值 1.3333 分计，得 0 分；合计得 2.6667 分');
    // everything met but the n/a item: full points, exactly 4 (not 3.999…)
    expect(run('redistribute', { a: 'met', b: 'n/a', c: 'met' }).points.toString()).toBe('4');
    // nothing applies: the points are given
    expect(run('redistribute', { a: 'n/a', b: 'n/a', c: 'n/a' }).points.toString()).toBe('4');
  });

  it('rescale: the item’s points leave the weight (removed), the leaf scores of what is left', () => {
    const out = run('rescale', { a: 'met', b: 'n/a', c: 'met' });
    expect([out.points.toString(), out.removed?.toString()]).toEqual(['3', '1']);
    expect(out.trace).toContain('台账完整（1 分）：不适用，分值从本指标权重中扣除，总分按比例折算');
  });

  it('an unknown policy is refused', () => {
    expect(() => run('ignore', { a: 'met', b: 'met', c: 'met' })).toThrow(/not_applicable/);
  });
});

describe('checklist: deductions per finding inside an item', () => {
  const rule = {
    kind: 'checklist',
    items: [
      { id: 'docs', text: '资料齐全', points: 3, per_finding: '1/3', zero_after: 3 },
      { id: 'pub', text: '公示规范', points: 2, per_finding: '20%' },
    ],
  };
  const run = (docs: number, pub: number) => runRule({ rule, points: 5, answer: { items: { docs: { findings: docs }, pub: { findings: pub } }, reason: 'x' } });

  it.each([
    [0, 0, '5', '符合 2/2 项，发现 0 处'],
    [1, 0, '4', '符合 1/2 项，发现 1 处'],
    [2, 0, '3', '符合 1/2 项，发现 2 处'],
    // at zero_after: nothing; above it: still nothing
    [3, 0, '2', '符合 1/2 项，发现 3 处'],
    [4, 0, '2', '符合 1/2 项，发现 4 处'],
    [0, 4, '3.4', '符合 1/2 项，发现 4 处'],
    // 20% × 5 = 100%: nothing left, never below 0
    [0, 5, '3', '符合 1/2 项，发现 5 处'],
    [0, 6, '3', '符合 1/2 项，发现 6 处'],
  ])('资料 %i 处, 公示 %i 处 → %s 分 (%s)', (docs, pub, pointsText, actual) => {
    const out = run(docs, pub);
    expect([out.points.toString(), out.actual]).toEqual([pointsText, actual]);
  });

  it('the trace says what was found and what each finding costs; 1/3 of 3 points is exactly 1', () => {
    expect(run(2, 1).trace).toBe('资料齐全（3 分）：发现 2 处，每处扣该项 1/3，得 1 分；公示规范（2 分）：发现 1 处，每处扣该项 20%，得 1.6 分；合计得 2.6 分');
    expect(run(3, 0).trace).toContain('资料齐全（3 分）：发现 3 处，达到 3 处不得分，得 0 分');
    expect(run(0, 0).trace).toContain('资料齐全（3 分）：未发现问题，得 3 分');
  });

  it('findings on an item without per_finding, zero_after without per_finding, a share above 1: refused', () => {
    const plain = { kind: 'checklist', items: [{ id: 'a', text: '甲', points: 1 }] };
    const e = ruleError({ rule: plain, points: 1, answer: { items: { a: { findings: 1 } }, reason: 'x' } });
    expect([e.code, e.message]).toEqual(['answer-unexpected-findings', '检查项「甲」没有按处扣分（per_finding），评价判断却给出了 findings']);
    expect(() => points({ rule: { kind: 'checklist', items: [{ id: 'a', text: '甲', points: 1, zero_after: 2 }] }, points: 1, answer: { items: { a: 'met' } } })).toThrow('zero_after 要与 per_finding 一起写');
    expect(() => points({ rule: { kind: 'checklist', items: [{ id: 'a', text: '甲', points: 1, per_finding: '3/2' }] }, points: 1, answer: { items: { a: 'met' } } })).toThrow('每处扣分的比例应大于 0、不大于 1（如 1/3、20%）');
  });
});

describe('composite: 不适用 parts', () => {
  const rule = (policy?: string) => ({
    kind: 'composite',
    ...(policy ? { not_applicable: policy } : {}),
    parts: [
      { id: 'rate', name: '开展率', points: 3, rule: { kind: 'linear', metric: 'x.r', zero_at: 0, full_at: 1 } },
      { id: 'files', name: '档案', points: 2, rule: { kind: 'manual' } },
    ],
  });
  const metrics = [metric('x.r', '0.5', 'ratio', '开展率')];
  it('award gives the part’s points; redistribute scales the rest (1.5 of 3 → 2.5 of 5); rescale removes them', () => {
    const award = runRule({ rule: rule(), points: 5, metrics, answer: { parts: { files: 'n/a' }, reason: 'x' } });
    expect([award.points.toString(), award.trace]).toEqual(['3.5', '开展率（3 分）：开展率 50.00% 介于 0.00% 与 100.00% 之间，按比例计算：(50.00% − 0.00%) ÷ (100.00% − 0.00%) × 3 = 1.5 分；档案（2 分）：不适用，按规定给予该部分分值 2 分；合计得 3.5 分']);
    const spread = runRule({ rule: rule('redistribute'), points: 5, metrics, answer: { parts: { files: '不适用' }, reason: 'x' } });
    expect([spread.points.toString(), spread.trace.endsWith('；其余部分得 1.5 / 3 分，按比例折算为 2.5 分；合计得 2.5 分')]).toEqual(['2.5', true]);
    const rescale = runRule({ rule: rule('rescale'), points: 5, metrics, answer: { parts: { files: 'n/a' }, reason: 'x' } });
    expect([rescale.points.toString(), rescale.removed?.toString()]).toEqual(['1.5', '2']);
    // as the working paper writes it: 不适用 beside the part's own (empty) answers
    const paper = runRule({ rule: rule('rescale'), points: 5, metrics, answer: { parts: { files: { not_applicable: '不适用' } }, reason: 'x' } });
    expect([paper.points.toString(), paper.removed?.toString()]).toEqual(['1.5', '2']);
    // left empty, the part's own answer counts
    const applies = runRule({ rule: rule('rescale'), points: 5, metrics, answer: { parts: { files: { points: 2, reason: '齐全' } }, reason: 'x' } });
    expect([applies.points.toString(), applies.removed]).toEqual(['3.5', undefined]);
  });
});

describe('ratio with "=": all or nothing by default, by deviation when asked', () => {
  const rule = (extra: Record<string, unknown> = {}) => ({ kind: 'ratio', metric: 'x.n', target: '=8个', ...extra });
  const at = (v: string, extra?: Record<string, unknown>) => points({ rule: rule(extra), points: 10, metrics: [metric('x.n', v, 'count', '场次', '个')] });
  it.each([
    ['8', '10', '10'],
    ['7', '0', '8.75'],
    ['9', '0', '8.75'],
    ['6', '0', '7.5'],
    ['12', '0', '5'],
    ['16', '0', '0'],
    ['20', '0', '0'],
  ])('%s against =8: %s all-or-nothing, %s by deviation', (v, plain, deviation) => {
    expect(at(v)).toBe(plain);
    expect(at(v, { equal: 'deviation' })).toBe(deviation);
  });
  it('a tolerance band gives full points inside it (at its edge too), the deviation beyond', () => {
    expect(at('9', { equal: 'deviation', tolerance: 1 })).toBe('10');
    expect(at('10', { equal: 'deviation', tolerance: 1 })).toBe('7.5');
    const out = runRule({ rule: rule({ equal: 'deviation' }), points: 10, metrics: [metric('x.n', '6', 'count', '场次', '个')] });
    expect(out.trace).toBe('场次 6个，目标 =8个，偏差 25%，按 (1 − |完成值 − 目标值| ÷ 目标值) × 10 计 7.5 分');
  });
});

describe('trend', () => {
  const years = (a: string, b: string, c: string) => [metric('x.n@2021', a, 'count', '2021年人数', '人'), metric('x.n@2022', b, 'count', '2022年人数', '人'), metric('x.n@2023', c, 'count', '2023年人数', '人')];
  const rule = (extra: Record<string, unknown> = {}) => ({ kind: 'trend', metric: 'x.n', years: [2021, 2022, 2023], ...extra });
  it('rising: each step higher (a level step is not rising); per_step deducts each wrong step', () => {
    expect(points({ rule: rule(), points: 4, metrics: years('10', '11', '12') })).toBe('4');
    expect(points({ rule: rule(), points: 4, metrics: years('10', '10', '12') })).toBe('0');
    expect(points({ rule: rule({ per_step: 1 }), points: 4, metrics: years('10', '10', '12') })).toBe('3');
    expect(points({ rule: rule({ per_step: 3 }), points: 4, metrics: years('12', '11', '10') })).toBe('0');
    expect(points({ rule: rule({ direction: 'not_falling' }), points: 4, metrics: years('10', '10', '12') })).toBe('4');
    expect(points({ rule: rule({ direction: 'falling' }), points: 4, metrics: years('12', '11', '10') })).toBe('4');
    expect(points({ rule: rule({ direction: 'not_rising' }), points: 4, metrics: years('12', '12', '13') })).toBe('0');
  });
  it('the trace walks the years; the 完成值 names each step', () => {
    const out = runRule({ rule: rule({ per_step: 1 }), points: 4, metrics: years('10', '9', '12') });
    expect([out.trace, out.actual]).toEqual(['2021年人数 10人 → 2022年人数 9人（下降） → 2023年人数 12人（上升）；1 步未逐年上升，每步扣 1 分，得 3 分', '下降、上升']);
  });
  it('this year against last: a series written out', () => {
    const ms = [metric('a.b', '0.9', 'ratio', '上年'), metric('a.c', '0.95', 'ratio', '本年')];
    expect(points({ rule: { kind: 'trend', series: ['a.b', 'a.c'] }, points: 2, metrics: ms })).toBe('2');
  });
  it('one of metric + years or series; no year on the metric', () => {
    expect(() => points({ rule: { kind: 'trend', metric: 'x.n' }, points: 1 })).toThrow('写 metric 和 years（同一指标数据按年度），或写 series（按顺序列出），二者选一');
    expect(() => points({ rule: { kind: 'trend', metric: 'x.n@2021', years: [2021, 2022] }, points: 1 })).toThrow('metric 不要带年度 @，年度写在 years 中');
  });
});

describe('fractions in the tree', () => {
  const raw = (weights: unknown[], extra: Record<string, unknown> = {}) => ({
    title: 't',
    type: 'evaluation',
    total: 1,
    ...extra,
    indicators: weights.map((w, i) => ({ id: `n${i}`, name: `指标${i}`, weight: w, rule: { kind: 'manual' } })),
  });
  it('three weights of 1/3 make exactly the total of 1; 0.33 three times does not', () => {
    const thirds = loadTree(raw(['1/3', '1/3', '1/3']), 't.yaml').tree!;
    expect(lintTree(thirds, 't.yaml')).toEqual([]);
    const decimals = loadTree(raw(['0.33', '0.33', '0.34']), 't.yaml').tree!;
    expect(lintTree(decimals, 't.yaml')).toEqual([]);
    const off = loadTree(raw(['0.33', '0.33', '0.33']), 't.yaml').tree!;
    expect(lintTree(off, 't.yaml').map((p) => p.code)).toEqual(['tree-weights']);
  });
  it('checklist items of 1/3 fill a 1-point leaf exactly; JSON shows the decimal and the text', () => {
    const tree = loadTree(
      { title: 't', type: 'evaluation', total: '2/3', indicators: [{ id: 'c', name: '清单', weight: '2/3', rule: { kind: 'checklist', items: [{ id: 'a', text: '甲', points: '1/3' }, { id: 'b', text: '乙', points: '1/3' }] } }] },
      't.yaml',
    ).tree!;
    expect(lintTree(tree, 't.yaml')).toEqual([]);
    const out = score({ tree, metrics: metricSet(), answers: { c: { items: { a: 'met', b: 'met' } } } });
    expect(out.problems).toEqual([]);
    const json = scoredTreeJson(out.scored!) as { total: string; indicators: { weight: string; weight_written?: string; score: string }[] };
    expect([json.total, json.indicators[0]!.weight, json.indicators[0]!.weight_written, json.indicators[0]!.score]).toEqual(['0.67', '0.67', '2/3', '0.67']);
    expect(out.scored!.rate.toString()).toBe('1');
  });
  it('a fraction with a zero denominator is no number', () => {
    expect(loadTree(raw(['1/0']), 't.yaml').problems.map((p) => p.message)).toEqual(['权重 weight：应为数字或分数（如 1/3），实际为「1/0」']);
  });
});

describe('rescaled totals and partial trees', () => {
  const tree = (partial: boolean, policy = 'rescale') =>
    loadTree(
      {
        title: 't',
        type: 'evaluation',
        partial,
        indicators: [
          { id: 'c', name: '管理', weight: 20, rule: { kind: 'checklist', not_applicable: policy, items: [{ id: 'a', text: '甲', points: 10 }, { id: 'b', text: '乙', points: 10 }] } },
          { id: 'm', name: '效益', weight: partial ? 40 : 80, rule: { kind: 'manual' } },
        ],
      },
      't.yaml',
    ).tree!;
  it('rescale: 10 points n/a leave 90; 70 of 90 is 77.78 of 100, graded 中 on it', () => {
    const out = score({ tree: tree(false), metrics: metricSet(), answers: { c: { items: { a: 'met', b: 'n/a' } }, m: { points: 60, reason: 'x' } } });
    const s = out.scored!;
    expect([s.total.toString(), s.rescaled?.raw.toString(), s.rescaled?.removed.toString(), s.grade]).toEqual(['77.78', '70', '10', '中']);
    expect(s.rescaled?.text).toBe('不适用的 10 分从总分中扣除，按 70 ÷ (100 − 10) × 100 折算为 77.78 分');
    expect([s.nodes[0]!.score.toString(), s.nodes[0]!.rate.toString(), s.nodes[0]!.removed?.toString()]).toEqual(['10', '1', '10']);
  });
  it('a partial tree (60 of 100 weighted) is graded on its rate: 48 of 60 = 80% → 80 → 良, and says so', () => {
    const out = score({ tree: tree(true, 'award'), metrics: metricSet(), answers: { c: { items: { a: 'met', b: 'met' } }, m: { points: 28, reason: 'x' } } });
    const s = out.scored!;
    expect([s.total.toString(), s.rate.toString(), s.grade, s.gradedOn?.value.toString()]).toEqual(['48', '0.8', '良', '80']);
    expect(s.gradedOn?.text).toBe('部分指标体系：已评权重 60 分，按得分率 80% 折算为 80 分（满分 100）定级');
    // just below the band: 47.99 of 60 = 79.98 → 中
    const below = score({ tree: tree(true, 'award'), metrics: metricSet(), answers: { c: { items: { a: 'met', b: 'met' } }, m: { points: '27.99', reason: 'x' } } }).scored!;
    expect([below.gradedOn?.value.toString(), below.grade]).toEqual(['79.98', '中']);
  });
});

describe('manual with the figure it rests on', () => {
  const rule = { kind: 'manual', metric: 'x.n' };
  const run = (v: string, given: number) => runRule({ rule, points: 5, target: '≥45户', metrics: [metric('x.n', v, 'count', '帮扶户数', '户')], answer: { points: given, reason: '现场核实' } });
  it('full points for a missed target: a warning with target and actual; at the target or below full points: none', () => {
    expect(run('29', 5).warnings).toEqual(['评价人员给了满分，但帮扶户数 29户 未达到目标 ≥45户']);
    expect(run('45', 5).warnings).toEqual([]);
    expect(run('44', 4).warnings).toEqual([]);
    expect([run('29', 4).actual, run('29', 4).trace]).toEqual(['29户', '评价人员评定 4 分：现场核实（帮扶户数 29户）']);
  });
  it('≤ and = targets too', () => {
    const at = (target: string, v: string) => runRule({ rule, points: 5, target, metrics: [metric('x.n', v, 'count', '人均', '元')], answer: { points: 5, reason: 'x' } }).warnings.length;
    expect([at('≤5300元', '5300'), at('≤5300元', '5301'), at('=8元', '8'), at('=8元', '9')]).toEqual([0, 1, 0, 1]);
  });
});

describe('grade with the figure it rests on', () => {
  const rule = { kind: 'grade', metric: 'x.r', levels: [{ name: '好', points: 4 }, { name: '一般', points: [1, 3] }] };
  const run = (v: string, answer: Record<string, unknown>) => runRule({ rule, points: 4, target: '≥98%', metrics: [metric('x.r', v, 'ratio', '发放及时率')], answer });
  it('full points for a missed target warn; below full or at the target, none', () => {
    expect(run('0.9', { grade: '好' }).warnings).toEqual(['评价人员给了满分，但发放及时率 90.00% 未达到目标 ≥98%']);
    expect(run('0.98', { grade: '好' }).warnings).toEqual([]);
    expect(run('0.9', { grade: '一般', points: 3, reason: 'x' }).warnings).toEqual([]);
    expect([run('0.9', { grade: '好' }).actual, run('0.9', { grade: '好' }).trace]).toEqual(['好（90.00%）', '评定等级「好」（4 分），得 4 分（发放及时率 90.00%）']);
  });
});

describe('the paper asks whether a computed part applies only where the tree says how 不适用 counts', () => {
  const slots = (extra: Record<string, unknown>) => {
    const spec = parseRuleSpec({ kind: 'composite', ...extra, parts: [{ id: 'rate', name: '开展率', points: 3, rule: { kind: 'linear', metric: 'x.r', zero_at: 0, full_at: 1 } }, { id: 'files', name: '档案', points: 2, rule: { kind: 'manual' } }] });
    if (!spec.ok) throw new Error(spec.messages.join());
    return kindOf('composite').paperSlots!(spec.spec.params, new Decimal(5)).map((s) => [s.key, s.label, s.choices ?? null]);
  };
  it('with not_applicable: a 不适用 choice for the computed part; without: none', () => {
    expect(slots({ not_applicable: 'rescale' })).toEqual([
      ['parts.rate', '开展率：是否不适用（适用时留空）', ['不适用']],
      ['parts.files.not_applicable', '档案：是否不适用（适用时留空）', ['不适用']],
      ['parts.files.points', '档案：评定的得分（0 到 2 分）', null],
    ]);
    expect(slots({})).toEqual([['parts.files.points', '档案：评定的得分（0 到 2 分）', null]]);
  });
});

describe('a total other than 100 with the usual bands says it is graded on the rate', () => {
  const tree = (grades?: unknown[]) =>
    loadTree({ title: 't', type: 'evaluation', total: 50, ...(grades ? { grades } : {}), indicators: [{ id: 'm', name: '甲', weight: 50, rule: { kind: 'manual' } }] }, 't.yaml').tree!;
  const run = (t: ReturnType<typeof tree>, given: string) => score({ tree: t, metrics: metricSet(), answers: { m: { points: given, reason: 'x' } } }).scored!;
  it('40 of 50 is 80%: 良, at the band’s edge; 39.99 is 中; custom bands in points say nothing', () => {
    const at = run(tree(), '40');
    expect([at.grade, at.gradedOn?.text]).toEqual(['良', '满分 50 分，按得分率 80% 定级（等级界限为满分的 90%、80%、60%）']);
    expect(run(tree(), '39.99').grade).toBe('中');
    expect(run(tree([{ name: '好', min: 40 }, { name: '差' }]), '40').gradedOn).toBeUndefined();
  });
});

describe('trend: each direction told apart on a level step', () => {
  const years = (a: string, b: string, c: string) => [metric('x.n@2021', a, 'count', '2021年', '人'), metric('x.n@2022', b, 'count', '2022年', '人'), metric('x.n@2023', c, 'count', '2023年', '人')];
  const run = (direction: string, a: string, b: string, c: string) => runRule({ rule: { kind: 'trend', metric: 'x.n', years: [2021, 2022, 2023], direction }, points: 4, metrics: years(a, b, c) });
  it.each([
    ['rising', '1', '2', '3', '4', '上升、上升', '逐年上升，得满分 4 分'],
    ['rising', '1', '1', '3', '0', '持平、上升', '1 步未逐年上升，得 0 分'],
    ['falling', '3', '2', '1', '4', '下降、下降', '逐年下降，得满分 4 分'],
    ['falling', '3', '3', '1', '0', '持平、下降', '1 步未逐年下降，得 0 分'],
    ['not_falling', '1', '1', '3', '4', '持平、上升', '不低于上一年，得满分 4 分'],
    ['not_falling', '2', '1', '3', '0', '下降、上升', '1 步未不低于上一年，得 0 分'],
    ['not_rising', '3', '3', '1', '4', '持平、下降', '不高于上一年，得满分 4 分'],
    ['not_rising', '3', '4', '1', '0', '上升、下降', '1 步未不高于上一年，得 0 分'],
  ])('%s over %s → %s → %s: %s points', (direction, a, b, c, pointsText, actual, end) => {
    const out = run(direction, a, b, c);
    expect([out.points.toString(), out.actual, out.trace.endsWith(end)]).toEqual([pointsText, actual, true]);
  });
  it('a series of one is refused; the most it can give is the leaf’s points', () => {
    expect(() => points({ rule: { kind: 'trend', series: ['a.b'] }, points: 1 })).toThrow();
    const spec = parseRuleSpec({ kind: 'trend', series: ['a.b', 'a.c'] });
    expect(spec.ok && kindOf('trend').maxPoints(spec.spec.params, new Decimal(3)).toString()).toBe('3');
  });
});
