// The arithmetic of a printed score table, as a reviewer checks it: each rate against
// score ÷ weight to the printed decimals, scores within [0, weight], the weights under a
// group against the points its name prints (资金管理（8分）), 小计 and 合计 rows against
// their rows, the printed grade against the total; and, as expectations rather than slips,
// full points where the printed actual value misses the printed target. Every finding
// names the printed and the recomputed number and the cell.
import { Decimal, ZERO } from '../numbers/decimal.js';
import { problem, type Problem } from '../problems/problem.js';
import { gradeOf, type GradeBand } from '../schema/grades.js';
import type { PrintedRow, PrintedTable } from '../schema/score-table.js';
import { number, pathOf, printedPercent, shown, splitPoints, whereIn } from './printed-figures.js';
import { meetsTarget } from './target-met.js';

export interface TableCheckOptions {
  /** the grade bands the printed grade must follow (national by default) */
  grades: readonly GradeBand[];
}

function rateFinding(t: PrintedTable, r: PrintedRow, weight: Decimal, score: Decimal): Problem[] {
  if (!r.rate || weight.isZero()) return [];
  const printed = printedPercent(r.rate.text);
  if (!printed) return [];
  const expected = score.dividedBy(weight).times(100).toDecimalPlaces(printed.places, Decimal.ROUND_HALF_UP);
  if (expected.equals(printed.value)) return [];
  const text = `${expected.toFixed(printed.places)}%`;
  return [problem('error', 'rate-mismatch', `得分率印作 ${r.rate.text}，按 得分 ${shown(score)} ÷ 权重 ${shown(weight)} 应为 ${text}`, whereIn(t, r, r.rate, pathOf(r)), { expected: text, found: r.rate.text })];
}

function rangeFindings(t: PrintedTable, r: PrintedRow, weight: Decimal, score: Decimal): Problem[] {
  if (score.isNegative()) return [problem('error', 'score-negative', `得分 ${r.score?.text} 小于 0`, whereIn(t, r, r.score, pathOf(r)), { expected: `0 到 ${shown(weight)}`, found: r.score?.text ?? '' })];
  if (score.greaterThan(weight)) return [problem('error', 'score-above-weight', `得分 ${r.score?.text} 高于权重 ${r.weight?.text}`, whereIn(t, r, r.score, pathOf(r)), { expected: `不高于 ${shown(weight)}`, found: r.score?.text ?? '' })];
  return [];
}

function targetFinding(t: PrintedTable, r: PrintedRow, weight: Decimal, score: Decimal): Problem[] {
  if (!r.target || !r.actual || !score.equals(weight) || weight.isZero()) return [];
  if (meetsTarget(r.target.text, r.actual.text) !== false) return [];
  return [
    problem('warning', 'full-despite-miss', `完成值「${r.actual.text}」未达到目标值「${r.target.text}」，却得满分 ${r.score?.text} 分`, whereIn(t, r, r.score, pathOf(r)), {
      expected: `低于 ${shown(weight)} 分，或说明为何给满分`,
      found: r.score?.text ?? '',
      hint: '核对完成值、目标值和得分，三者应一致',
    }),
  ];
}

/** Item rows, each with its numbers where both print as numbers. */
function figures(r: PrintedRow): { weight?: Decimal; score?: Decimal } {
  const weight = number(r.weight);
  const score = number(r.score);
  return { ...(weight ? { weight } : {}), ...(score ? { score } : {}) };
}

const sumOf = (xs: readonly Decimal[]) => xs.reduce((a, b) => a.plus(b), ZERO);

/** The weights under each group whose name prints its points, against those points. */
function groupFindings(t: PrintedTable, items: readonly PrintedRow[]): Problem[] {
  const out: Problem[] = [];
  const depth = t.levelHeaders.length - 1;
  for (let level = 0; level < depth; level += 1) {
    const groups = new Map<string, PrintedRow[]>();
    for (const r of items) {
      const key = r.levels.slice(0, level + 1).join('\u0000');
      if ((r.levels[level] ?? '') === '') continue;
      (groups.get(key) ?? groups.set(key, []).get(key))!.push(r);
    }
    for (const rows of groups.values()) {
      const first = rows[0]!;
      const name = first.levels[level] ?? '';
      const { points } = splitPoints(name);
      const weights = rows.map((r) => figures(r).weight);
      if (!points || weights.some((w) => w === undefined)) continue;
      const sum = sumOf(weights as Decimal[]);
      if (sum.equals(points)) continue;
      const parts = rows.map((r) => `${splitPoints(r.levels[depth] ?? '').name} ${r.weight?.text}`).join(' + ');
      out.push(
        problem('error', 'group-weight-mismatch', `「${name}」印作 ${shown(points)} 分，其下各项权重之和为 ${shown(sum)}（${parts}）`, whereIn(t, first.row, { text: name, header: t.levelHeaders[level] ?? '', column: 0 }, pathOf(first).slice(0, level + 1)), {
          expected: shown(sum),
          found: `${shown(points)} 分`,
          hint: '核对这一组的分值和其下各项的权重（或是否有指标排错了组）',
        }),
      );
    }
  }
  return out;
}

/** A 小计 or 合计 row's weight and score against the rows it sums. */
function sumFindings(t: PrintedTable, r: PrintedRow, rows: readonly PrintedRow[], code: 'subtotal-mismatch' | 'total-mismatch'): Problem[] {
  const out: Problem[] = [];
  // a form's last row reads 总分
  const label = code === 'subtotal-mismatch' ? '小计' : /^总分/.test(r.cells.find((c) => c !== '') ?? '') ? '总分' : '合计';
  for (const field of ['weight', 'score'] as const) {
    const cell = r[field];
    const printed = number(cell);
    const values = rows.map((x) => number(x[field]));
    if (!cell || !printed || values.some((v) => v === undefined) || rows.length === 0) continue;
    const sum = sumOf(values as Decimal[]);
    if (sum.equals(printed)) continue;
    const what = field === 'weight' ? '权重' : '得分';
    out.push(problem('error', code, `${label}的${what}印作 ${cell.text}，${rows.length} 项之和为 ${shown(sum)}（${rows.map((x) => x[field]?.text).join(' + ')}）`, whereIn(t, r, cell, r.levels.length > 0 ? pathOf(r) : undefined), { expected: shown(sum), found: cell.text }));
  }
  return out;
}

/**
 * The rows a 合计 adds up: the indicators above it; a level-1 indicator printed as a 小计
 * alone (表3-2's 预算执行率 with no level 2) by its 小计; a form's 年度资金总额 by its 得分.
 */
function totalParts(t: PrintedTable, total: PrintedRow): PrintedRow[] {
  const above = t.rows.filter((x) => x.row < total.row);
  const items = above.filter((x) => x.kind === 'item');
  const alone = above.filter((x) => x.kind === 'subtotal' && !items.some((i) => i.levels[0] === x.levels[0]));
  const funds = above.filter((x) => x.kind === 'funds' && x.score).slice(0, 1);
  return [...funds, ...items, ...alone].sort((a, b) => a.row - b.row);
}

export function checkPrintedTable(t: PrintedTable, options: TableCheckOptions): Problem[] {
  const out: Problem[] = [];
  const items = t.rows.filter((r) => r.kind === 'item');
  for (const r of t.rows) {
    if (r.kind === 'grade' || r.kind === 'note') continue;
    const { weight, score } = figures(r);
    if (!weight || !score) continue;
    out.push(...rangeFindings(t, r, weight, score));
    // a funds line's rate is its 执行率, checked with the form
    if (r.kind !== 'funds') out.push(...rateFinding(t, r, weight, score));
    if (r.kind === 'item') out.push(...targetFinding(t, r, weight, score));
  }
  out.push(...groupFindings(t, items));
  // a 小计 sums the rows of its level-1 indicator above it
  for (const r of t.rows.filter((x) => x.kind === 'subtotal')) {
    const rows = items.filter((x) => x.row < r.row && x.levels[0] === r.levels[0]);
    out.push(...sumFindings(t, r, rows, 'subtotal-mismatch'));
  }
  const total = t.rows.find((r) => r.kind === 'total');
  if (total) out.push(...sumFindings(t, total, totalParts(t, total), 'total-mismatch'));
  const grade = t.rows.find((r) => r.kind === 'grade');
  const totalScore = number(total?.score);
  if (grade?.grade && totalScore) {
    const expected = gradeOf(totalScore, options.grades);
    if (expected !== grade.grade.text) {
      const bands = options.grades.map((g) => `${g.name}${g.min ? ` ≥${shown(g.min)}` : ''}`).join('、');
      out.push(problem('error', 'grade-mismatch', `评价等级印作「${grade.grade.text}」，合计 ${total?.score?.text} 分按等级标准（${bands}）应为「${expected}」`, whereIn(t, grade.row, grade.grade), { expected, found: grade.grade.text, hint: '核对合计得分和等级标准；本地的等级标准不同时用 --grades 给出' }));
    }
  }
  return out.sort((a, b) => (a.where.row ?? 0) - (b.where.row ?? 0));
}
