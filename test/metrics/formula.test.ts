// Metric names with scopes, and the formula language of derived metrics: exact,
// closed (nothing reaches JavaScript), and saying what is wrong in Chinese.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from '../../src/numbers/decimal.js';
import { canonicalName, closestNames, metricName, MetricNameError, parseMetricRef, whyMissing } from '../../src/metrics/metric-name.js';
import { evaluateFormula, FormulaError, formulaWithValues, parseFormula } from '../../src/metrics/formula.js';
import { derivedMetrics } from '../../src/metrics/derived-metrics.js';
import type { Metric } from '../../src/metrics/metric.js';
import { usedMetricNames } from '../../src/engine/used-metrics.js';

const d = (v: string | number) => new Decimal(v);

describe('metric names', () => {
  it.each([
    ['roster.persons', 'roster.persons'],
    ['roster.paid[医疗救助]', 'roster.paid[医疗救助]'],
    ['roster.paid[type=医疗救助]', 'roster.paid[医疗救助]'],
    ['roster.paid[ 生活救助 ]@2022', 'roster.paid[生活救助]@2022'],
    ['budget.spent[project=子项目A, source=省财政]@2024', 'budget.spent[source=省财政, project=子项目A]@2024'],
    ['budget.spent[type=一次性竞赛补贴，source=省财政]', 'budget.spent[source=省财政, type=一次性竞赛补贴]'],
    ['budget.spent[source＝省财政]', 'budget.spent[source=省财政]'],
    ['survey.satisfaction[主办方]', 'survey.satisfaction[主办方]'],
    ['survey.satisfaction[name=主办方]', 'survey.satisfaction[主办方]'],
    ['budget.execution_rate@2024', 'budget.execution_rate@2024'],
  ])('%s is stored as %s', (written, canonical) => {
    expect(canonicalName(written)).toBe(canonical);
  });

  it('a bare scope is the aid type, except on surveys where it is the survey’s name', () => {
    expect(parseMetricRef('roster.paid[助学]@2021')).toEqual({ base: 'roster.paid', scope: { type: '助学' }, year: 2021 });
    expect(parseMetricRef('survey.respondents[职工]')).toEqual({ base: 'survey.respondents', scope: { name: '职工' } });
    // the only bare scope written bare: a type beside a source is named
    expect(metricName({ base: 'roster.paid', scope: { source: 'A', type: 'B' } })).toBe('roster.paid[source=A, type=B]');
  });

  it.each([
    ['X', '指标数据名「X」应形如 roster.persons、roster.paid[医疗救助]、budget.spent[source=省财政]@2024'],
    ['budget.spent[]', '指标数据名「budget.spent[]」的范围 [...] 中有空项'],
    ['budget.spent[a,,b]', '指标数据名「budget.spent[a,,b]」的范围 [...] 中有空项'],
    ['budget.spent[unit=x]', '指标数据名「budget.spent[unit=x]」的范围名 unit 未知，可用：source、project、type、name'],
    ['budget.spent[source=]', '指标数据名「budget.spent[source=]」的范围 source 没有取值'],
    ['budget.spent[source=a, source=b]', '指标数据名「budget.spent[source=a, source=b]」的范围 source 写了两次'],
    ['budget.spent@24', '指标数据名「budget.spent@24」应形如 roster.persons、roster.paid[医疗救助]、budget.spent[source=省财政]@2024'],
  ])('%s is refused: %s', (written, message) => {
    expect(() => parseMetricRef(written)).toThrow(new MetricNameError(message));
    expect(canonicalName(written)).toBe(written);
  });

  const names = ['budget.spent', 'budget.spent[source=省财政]', 'budget.spent[source=市财政]', 'budget.spent@2023', 'budget.spent@2024', 'roster.paid[生活救助]', 'survey.satisfaction[主办方]'];
  it.each([
    ['budget.spent[source=县财政]', '数据中没有资金来源「县财政」，现有：市财政、省财政'],
    ['budget.spent[project=A]', 'budget.spent 没有按项目分的数据'],
    ['budget.spent@2022', '数据中没有 2022 年，现有：2023、2024'],
    ['roster.paid@2022', 'roster.paid 没有按年度分的数据'],
    ['survey.satisfaction[参与者]', '数据中没有问卷名称「参与者」，现有：主办方'],
    ['budget.spent[省财政]', '「省财政」是资金来源，不是帮扶类型：写作 budget.spent[source=省财政]'],
    ['budget.spend', '现有的指标数据（最接近的在前）：budget.spent、budget.spent@2023、budget.spent@2024、budget.spent[source=市财政]、budget.spent[source=省财政]'],
    ['budget.spent[', '指标数据名「budget.spent[」应形如 roster.persons、roster.paid[医疗救助]、budget.spent[source=省财政]@2024'],
  ])('why %s finds nothing: %s', (ref, why) => {
    expect(whyMissing(ref, names)).toBe(why);
  });

  it('closest names: nearest first, ties by name', () => {
    expect(closestNames('ab', ['ac', 'ab', 'zz', 'aa'], 3)).toEqual(['ab', 'aa', 'ac']);
    expect(whyMissing('x.y', [])).toBe('没有任何指标数据');
  });
});

describe('formulas', () => {
  const values = new Map<string, Decimal>([
    ['budget.spent[project=子项目A]', d('80')],
    ['budget.planned[project=子项目A]', d('100')],
    ['roster.launch_rate@2021', d('0.9')],
    ['roster.launch_rate@2022', d('1')],
    ['roster.launch_rate@2023', d('0.95')],
    ['x.zero', d('0')],
  ]);
  const run = (text: string) => evaluateFormula(parseFormula(text), (n) => values.get(n)).toString();

  it.each([
    ['{budget.spent[project=子项目A]} / {budget.planned[project=子项目A]}', '0.8'],
    ['{budget.spent[project=子项目A]} ÷ {budget.planned[project=子项目A]} × 100', '80'],
    ['mean({roster.launch_rate@2021}, {@2022}, {@2023})', '0.95'],
    ['sum({roster.launch_rate@2021}, {@2022}, {@2023})', '2.85'],
    ['min({roster.launch_rate@2021}, {@2022}) + max({roster.launch_rate@2021}, {@2023})', '1.85'],
    ['（1 − {roster.launch_rate@2021}）× 10', '1'],
    ['-{x.zero} + -2 * +3', '-6'],
    ['0.1 + 0.2', '0.3'],
    ['1 / 3 * 3', '1'],
    ['2 - 3 - 4', '-5'],
    ['24 / 4 / 2', '3'],
    ['.5 + 1.', '1.5'],
    ['{[project=子项目A]}', 'NaN'],
  ])('%s = %s', (text, value) => {
    if (value === 'NaN') expect(() => parseFormula(text)).toThrow(new FormulaError('公式中的 {[project=子项目A]} 沿用前一个指标数据名，但它前面没有完整的指标数据名'));
    else expect(run(text)).toBe(value);
  });

  it('refers to each metric once, canonical, in order of mention; partial references complete from the one before', () => {
    expect(parseFormula('{budget.spent[project=A, source=S]@2022} / {[source=S, project=A]@2023} + {@2024} + {budget.spent[project=A, source=S]@2022}').refs).toEqual([
      'budget.spent[source=S, project=A]@2022',
      'budget.spent[source=S, project=A]@2023',
      'budget.spent[source=S, project=A]@2024',
    ]);
  });

  it.each([
    ['constructor', '公式「constructor」中的 constructor 不是可用的名称：指标数据要写在花括号中（如 {budget.spent}），函数只有 min、max、mean、sum'],
    ['__proto__', '公式「__proto__」中的 __proto__ 不是可用的名称：指标数据要写在花括号中（如 {budget.spent}），函数只有 min、max、mean、sum'],
    ['process.exit()', '公式「process.exit()」调用的函数不可用，只有 min、max、mean、sum'],
    ['process.exit', '公式「process.exit」中有不可用的写法（MemberExpression）：只能用数、{指标数据}、+ − × ÷、括号和 min、max、mean、sum'],
    ['{x.zero}.constructor', '公式「{x.zero}.constructor」中有不可用的写法（MemberExpression）：只能用数、{指标数据}、+ − × ÷、括号和 min、max、mean、sum'],
    ['this', '公式「this」中有不可用的写法（ThisExpression）：只能用数、{指标数据}、+ − × ÷、括号和 min、max、mean、sum'],
    ['[1, 2]', '公式「[1, 2]」中有不可用的写法（ArrayExpression）：只能用数、{指标数据}、+ − × ÷、括号和 min、max、mean、sum'],
    ['1 ? 2 : 3', '公式「1 ? 2 : 3」中有不可用的写法（ConditionalExpression）：只能用数、{指标数据}、+ − × ÷、括号和 min、max、mean、sum'],
    ['"a"', '公式「"a"」中的 "a" 不是数'],
    ['0x10', '公式「0x10」无法解析：检查括号是否成对、运算符之间是否有数；指标数据要写在花括号中，如 {budget.spent} / {budget.arrived}'],
    ['1e3', '公式「1e3」中的 1e3 不是数'],
    ['2 ** 3', '公式「2 ** 3」中的运算符 ** 不可用，只有 + − × ÷'],
    ['2 % 3', '公式「2 % 3」中的运算符 % 不可用，只有 + − × ÷'],
    ['!1', '公式「!1」中的运算符 ! 不可用，只有 + − × ÷'],
    ['mean()', '公式「mean()」中的 mean() 至少要有一个参数'],
    ['eval(1)', '公式「eval(1)」调用的函数不可用，只有 min、max、mean、sum'],
    ['{x.zero}()', '公式「{x.zero}()」调用的函数不可用，只有 min、max、mean、sum'],
    ['__m0', '公式「__m0」中不能出现 __m 加数字'],
    ['{x.zero', '公式中的花括号 { } 不成对'],
    ['{X}', '指标数据名「X」应形如 roster.persons、roster.paid[医疗救助]、budget.spent[source=省财政]@2024'],
  ])('%s is refused', (text, message) => {
    expect(() => parseFormula(text)).toThrow(new FormulaError(message));
  });

  it('names what it cannot parse and how metrics are written', () => {
    expect(() => parseFormula('budget.spent@2022 / 2')).toThrow(new FormulaError('公式「budget.spent@2022 / 2」无法解析：检查括号是否成对、运算符之间是否有数；指标数据要写在花括号中，如 {budget.spent} / {budget.arrived}'));
    expect(() => parseFormula('(1 + 2')).toThrow(FormulaError);
  });

  it('a zero divisor and a missing metric are errors, not Infinity or 0', () => {
    expect(() => run('1 / {x.zero}')).toThrow(new FormulaError('公式「1 / {x.zero}」中除数为 0'));
    expect(() => run('{x.none} + 1')).toThrow(new FormulaError('缺少指标数据 x.none'));
  });

  it('shows the values in the formula, brackets only where needed', () => {
    const show = (n: string) => `<${n}>`;
    expect(formulaWithValues(parseFormula('({a.b} - {a.c}) / ({a.d} * 2) - (1 - 2) + mean({a.b}, -{a.c})'), show)).toBe('(<a.b> − <a.c>) ÷ (<a.d> × 2) − (1 − 2) + mean(<a.b>, −<a.c>)');
    expect(formulaWithValues(parseFormula('1 - 2 - 3'), show)).toBe('1 − 2 − 3');
    expect(formulaWithValues(parseFormula('1 - (2 - 3)'), show)).toBe('1 − (2 − 3)');
    expect(formulaWithValues(parseFormula('1 + 2 * 3'), show)).toBe('1 + 2 × 3');
    expect(formulaWithValues(parseFormula('(1 + 2) * 3'), show)).toBe('(1 + 2) × 3');
    expect(formulaWithValues(parseFormula('-(1 + 2)'), show)).toBe('−(1 + 2)');
  });
});

describe('formula properties', () => {
  const decimal = fc.integer({ min: -1_000_000, max: 1_000_000 }).chain((n) => fc.integer({ min: 0, max: 4 }).map((places) => new Decimal(n).dividedBy(10 ** places)));
  const lit = (v: Decimal) => (v.isNegative() ? `(0 - ${v.negated().toFixed()})` : v.toFixed());
  const none = () => undefined;

  it('sums and products are exact in decimal (0.1 + 0.2 = 0.3) and + is associative', () => {
    fc.assert(
      fc.property(decimal, decimal, decimal, (a, b, c) => {
        const left = evaluateFormula(parseFormula(`(${lit(a)} + ${lit(b)}) + ${lit(c)}`), none);
        const right = evaluateFormula(parseFormula(`${lit(a)} + (${lit(b)} + ${lit(c)})`), none);
        expect(left.equals(right)).toBe(true);
        expect(left.equals(a.plus(b).plus(c))).toBe(true);
        expect(evaluateFormula(parseFormula(`${lit(a)} * ${lit(b)}`), none).equals(a.times(b))).toBe(true);
      }),
    );
  });

  it('mean lies between min and max', () => {
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 6 }), (xs) => {
        const args = xs.map(lit).join(', ');
        const [mean, min, max] = ['mean', 'min', 'max'].map((f) => evaluateFormula(parseFormula(`${f}(${args})`), none));
        expect(mean!.greaterThanOrEqualTo(min!) && mean!.lessThanOrEqualTo(max!)).toBe(true);
      }),
    );
  });

  it('any text either parses to a formula or is refused with a FormulaError, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        try {
          parseFormula(text);
        } catch (e) {
          expect(e).toBeInstanceOf(FormulaError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('nothing a formula says runs: evaluating parsed texts built from dangerous words never touches globals', () => {
    const words = fc.constantFrom('constructor', '__proto__', 'process', 'exit', 'globalThis', 'require', 'Function', 'eval', 'this', 'mean', '(', ')', '.', ',', '1', '{x.y}', '[', ']', '+', '*', "'", '`');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        try {
          const f = parseFormula(text);
          evaluateFormula(f, () => new Decimal(1));
        } catch (e) {
          expect(e).toBeInstanceOf(FormulaError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('derived metrics', () => {
  const base = new Map<string, Metric>([
    ['a.x', { name: 'a.x', label: '甲', kind: 'amount', value: new Decimal(80), source: 'data', provenance: [{ file: 'b.csv', rows: '2' }] }],
    ['a.y', { name: 'a.y', label: '乙', kind: 'amount', value: new Decimal(100), source: 'data', provenance: [{ file: 'b.csv', rows: '2' }, { file: 'b.csv', rows: '3' }] }],
    ['g.z', { name: 'g.z', label: '丙', kind: 'count', value: new Decimal(2), source: 'judgement', provenance: [{ file: 'j.yaml', note: '访谈' }] }],
  ]);
  const spec = (formula: string, kind: 'ratio' | 'count' = 'ratio', unit?: string) => ({ label: formula, formula: parseFormula(formula), kind, ...(unit ? { unit } : {}) });
  it('a derived metric of a derived one: both computed, sources each once, inputs named; one resting on a given figure is the evaluator’s', () => {
    const specs = new Map([
      ['d.rate', spec('{a.x} / {a.y}')],
      ['d.twice', spec('{d.rate} * {g.z}', 'count', '倍')],
    ]);
    const { metrics, problems } = derivedMetrics(specs, base, 'e.yaml');
    expect(problems).toEqual([]);
    const [rate, twice] = metrics;
    expect([rate!.value.toString(), rate!.source, rate!.inputs, rate!.provenance]).toEqual(['0.8', 'data', ['a.x', 'a.y'], [{ file: 'e.yaml', note: '公式 {a.x} / {a.y}' }, { file: 'b.csv', rows: '2' }, { file: 'b.csv', rows: '3' }]]);
    expect([twice!.value.toString(), twice!.source, twice!.unit, twice!.inputs, twice!.derivation]).toEqual(['1.6', 'judgement', '倍', ['d.rate', 'g.z'], '{d.rate} * {g.z} = 80.00% × 2 = 1.6倍']);
    // the metrics a rule using d.twice rests on, all the way down
    const all = new Map([...base, ...metrics.map((m) => [m.name, m] as const)]);
    const node = { node: { id: 'n', name: 'n', weight: new Decimal(1), path: ['n'], level: 1 }, score: new Decimal(1), rate: new Decimal(1), metrics: [twice!] };
    expect([...usedMetricNames([node], all)].sort()).toEqual(['a.x', 'a.y', 'd.rate', 'd.twice', 'g.z']);
  });
  it('a missing input and a zero divisor are warnings naming the metric; a cycle an error naming the loop', () => {
    const r = derivedMetrics(new Map([['d.m', spec('{a.none} + 1')], ['d.z', spec('{a.x} / ({a.y} - 100)')]]), base, 'e.yaml');
    expect(r.metrics).toEqual([]);
    expect(r.problems.map((p) => [p.severity, p.code, p.where.field, p.message])).toEqual([
      ['warning', 'derived-input-missing', 'derived.d.m', '派生指标 d.m（{a.none} + 1）缺少指标数据 a.none，未计算'],
      ['warning', 'derived-not-computed', 'derived.d.z', '派生指标 d.z（{a.x} / ({a.y} - 100)）无法计算：公式「{a.x} / ({a.y} - 100)」中除数为 0'],
    ]);
    const cycle = derivedMetrics(new Map([['d.p', spec('{d.q} + 1')], ['d.q', spec('{d.p} + 1')]]), base, 'e.yaml');
    expect(cycle.problems.map((p) => [p.code, p.message])).toEqual([['derived-cycle', '派生指标 d.p → d.q → d.p 互相引用，无法计算']]);
  });
});
