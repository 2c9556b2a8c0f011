// The expression language of derived metrics (evaluation.yaml derived:):
//   {budget.spent[project=子项目A]} / {budget.planned[project=子项目A]}
//   mean({roster.launch_rate@2021}, {@2022}, {@2023})
// + − × ÷, parentheses, numbers, min/max/mean/sum, metric references in braces;
// {@2022} and {[x]} repeat the previous reference with another year or scope.
// jsep reads the syntax (a small, dependency-free parser that only builds a tree and
// never evaluates — mathjs would bring 10× the code and its own function namespace);
// we accept a closed set of node kinds from its tree and evaluate over Decimal, so
// nothing a formula says can reach JavaScript (constructor, __proto__, process.exit()
// are refused as unknown names or forms).
import jsep from 'jsep';
import { Decimal } from '../numbers/decimal.js';
import { decimalOf, Fraction, fractionOf } from '../numbers/fraction.js';
import { metricName, MetricNameError, parseMetricRef } from './metric-name.js';

export type FormulaNode =
  | { t: 'num'; value: Decimal }
  | { t: 'ref'; name: string }
  | { t: 'neg'; arg: FormulaNode }
  | { t: 'bin'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode }
  | { t: 'call'; fn: FormulaFunction; args: FormulaNode[] };

export type FormulaFunction = 'min' | 'max' | 'mean' | 'sum';
const FUNCTIONS: readonly string[] = ['min', 'max', 'mean', 'sum'];

export interface Formula {
  text: string;
  root: FormulaNode;
  /** the metrics referred to, canonical names, in order of first mention */
  refs: string[];
}

export class FormulaError extends Error {}

/** Braced references → placeholders jsep reads as names; partial ones completed from the one before. */
function extractRefs(text: string): { source: string; names: string[] } {
  // the placeholders are ours alone
  if (/__m\d/.test(text)) throw new FormulaError(`公式「${text}」中不能出现 __m 加数字`);
  const names: string[] = [];
  let previous: ReturnType<typeof parseMetricRef> | undefined;
  const source = text.replace(/\{([^{}]*)\}/g, (_, inner: string) => {
    const written = inner.trim();
    let full = written;
    if (/^[@[［]/.test(written)) {
      if (!previous) throw new FormulaError(`公式中的 {${written}} 沿用前一个指标数据名，但它前面没有完整的指标数据名`);
      // {@2022}: the same metric and scope in another year; {[x]} or {[x]@2022}: the same metric, another scope
      full = written.startsWith('@') ? `${metricName({ base: previous.base, scope: previous.scope })}${written}` : `${previous.base}${written}`;
    }
    let ref;
    try {
      ref = parseMetricRef(full);
    } catch (e) {
      if (e instanceof MetricNameError) throw new FormulaError(e.message);
      throw e;
    }
    previous = ref;
    const name = metricName(ref);
    let index = names.indexOf(name);
    if (index < 0) index = names.push(name) - 1;
    return ` __m${index} `;
  });
  if (/[{}]/.test(source)) throw new FormulaError('公式中的花括号 { } 不成对');
  return { source, names };
}

/** The formula's own signs as the ASCII jsep reads. */
function normalise(source: string): string {
  return source
    .replace(/×/g, '*')
    .replace(/÷/g, '/')
    .replace(/[−–—]/g, '-')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/，/g, ',')
    .replace(/＋/g, '+');
}

function convert(node: jsep.Expression, names: readonly string[], text: string): FormulaNode {
  switch (node.type) {
    case 'Literal': {
      const raw = String((node as jsep.Literal).raw);
      if (typeof (node as jsep.Literal).value !== 'number' || !/^(\d+\.?\d*|\.\d+)$/.test(raw)) throw new FormulaError(`公式「${text}」中的 ${raw} 不是数`);
      return { t: 'num', value: new Decimal(raw) };
    }
    case 'Identifier': {
      const id = (node as jsep.Identifier).name;
      const m = /^__m(\d+)$/.exec(id);
      if (m) return { t: 'ref', name: names[Number(m[1])] as string };
      throw new FormulaError(`公式「${text}」中的 ${id} 不是可用的名称：指标数据要写在花括号中（如 {budget.spent}），函数只有 ${FUNCTIONS.join('、')}`);
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      if (u.operator === '-') return { t: 'neg', arg: convert(u.argument, names, text) };
      if (u.operator === '+') return convert(u.argument, names, text);
      throw new FormulaError(`公式「${text}」中的运算符 ${u.operator} 不可用，只有 + − × ÷`);
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      if (b.operator === '+' || b.operator === '-' || b.operator === '*' || b.operator === '/') {
        return { t: 'bin', op: b.operator, left: convert(b.left, names, text), right: convert(b.right, names, text) };
      }
      throw new FormulaError(`公式「${text}」中的运算符 ${b.operator} 不可用，只有 + − × ÷`);
    }
    case 'CallExpression': {
      const c = node as jsep.CallExpression;
      const callee = c.callee.type === 'Identifier' ? (c.callee as jsep.Identifier).name : '';
      if (!FUNCTIONS.includes(callee)) throw new FormulaError(`公式「${text}」调用的函数不可用，只有 ${FUNCTIONS.join('、')}`);
      if (c.arguments.length === 0) throw new FormulaError(`公式「${text}」中的 ${callee}() 至少要有一个参数`);
      return { t: 'call', fn: callee as FormulaFunction, args: c.arguments.map((a) => convert(a, names, text)) };
    }
    default:
      throw new FormulaError(`公式「${text}」中有不可用的写法（${node.type}）：只能用数、{指标数据}、+ − × ÷、括号和 ${FUNCTIONS.join('、')}`);
  }
}

export function parseFormula(text: string): Formula {
  const { source, names } = extractRefs(text);
  let tree: jsep.Expression;
  try {
    tree = jsep(normalise(source));
  } catch {
    // jsep's own message is English and counts positions in the rewritten text: ours names the usual cause
    throw new FormulaError(`公式「${text}」无法解析：检查括号是否成对、运算符之间是否有数；指标数据要写在花括号中，如 {budget.spent} / {budget.arrived}`);
  }
  return { text, root: convert(tree, names, text), refs: names };
}

/**
 * A formula's value, exact: computed in fractions (1 / 3 × 3 is 1) and made a Decimal once at
 * the end. A reference the lookup lacks or a zero divisor throws FormulaError.
 */
export function evaluateFormula(formula: Formula, valueOf: (name: string) => Decimal | undefined): Decimal {
  const visit = (n: FormulaNode): Fraction => {
    switch (n.t) {
      case 'num':
        return fractionOf(n.value);
      case 'ref': {
        const v = valueOf(n.name);
        if (v === undefined) throw new FormulaError(`缺少指标数据 ${n.name}`);
        return fractionOf(v);
      }
      case 'neg':
        return visit(n.arg).neg();
      case 'bin': {
        const a = visit(n.left);
        const b = visit(n.right);
        if (n.op === '+') return a.add(b);
        if (n.op === '-') return a.sub(b);
        if (n.op === '*') return a.mul(b);
        if (b.equals(0)) throw new FormulaError(`公式「${formula.text}」中除数为 0`);
        return a.div(b);
      }
      case 'call': {
        const values = n.args.map(visit);
        if (n.fn === 'min') return values.reduce((m, v) => (v.compare(m) < 0 ? v : m));
        if (n.fn === 'max') return values.reduce((m, v) => (v.compare(m) > 0 ? v : m));
        const total = values.reduce((acc, v) => acc.add(v), new Fraction(0));
        return n.fn === 'sum' ? total : total.div(values.length);
      }
    }
  };
  return decimalOf(visit(formula.root));
}

/** The formula with each reference replaced by how its value reads (for traces): mean(95.00%, 100.00%). */
export function formulaWithValues(formula: Formula, show: (name: string) => string): string {
  const sign = { '+': ' + ', '-': ' − ', '*': ' × ', '/': ' ÷ ' } as const;
  const rank = (n: FormulaNode) => (n.t === 'bin' ? (n.op === '+' || n.op === '-' ? 1 : 2) : 3);
  const visit = (n: FormulaNode, parentRank = 0, right = false): string => {
    let s: string;
    switch (n.t) {
      case 'num':
        s = n.value.toString();
        break;
      case 'ref':
        s = show(n.name);
        break;
      case 'neg':
        s = `−${visit(n.arg, 3)}`;
        break;
      case 'call':
        s = `${n.fn}(${n.args.map((a) => visit(a)).join(', ')})`;
        break;
      case 'bin':
        s = `${visit(n.left, rank(n))}${sign[n.op]}${visit(n.right, rank(n), true)}`;
    }
    const r = rank(n);
    return r < parentRank || (right && r === parentRank && n.t === 'bin') ? `(${s})` : s;
  };
  return visit(formula.root);
}
