// The arithmetic of a printed score table, as a reviewer checks it: each rate against
// score ÷ weight to the printed decimals, scores within [0, weight], the weights under a
// group against the points its name prints (资金管理（8分）), 小计 and 合计 rows against
// their rows, the printed grade against the total; and, as expectations rather than slips,
// full points where the printed actual value misses the printed target. Every finding
// names the printed and the recomputed number and the cell.
import { Decimal, ZERO } from '../numbers/decimal.js';
import { parseNumber, toHalfWidth } from '../numbers/parse.js';
import { problem, type Problem, type Where } from '../problems/problem.js';
import { gradeOf, type GradeBand } from '../schema/grades.js';
import type { PrintedCell, PrintedRow, PrintedTable } from '../schema/score-table.js';
import { parseTarget } from '../schema/target.js';

export interface TableCheckOptions {
  /** the grade bands the printed grade must follow (national by default) */
  grades: readonly GradeBand[];
}

/** A level name with the points it prints: 资金管理（8分） → 资金管理, 8. */
export function splitPoints(name: string): { name: string; points?: Decimal } {
  const m = /^(.*?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$/.exec(toHalfWidth(name).replace(/\s+/g, ' ').trim());
  return m ? { name: (m[1] ?? '').trim(), points: new Decimal(m[2] ?? '0') } : { name: name.trim() };
}

const number = (c: PrintedCell | undefined): Decimal | undefined => (c ? parseNumber(c.text)?.value : undefined);
/** A number as the tables print it: 88.5, 2.5, 14. */
const shown = (d: Decimal): string => d.toString();
const decimalsOf = (text: string): number => /\.(\d+)/.exec(toHalfWidth(text))?.[1]?.length ?? 0;

function where(t: PrintedTable, row: number, cell?: PrintedCell, path?: string[]): Where {
  return { file: t.file, ...(t.sheet ? { sheet: t.sheet } : {}), row, ...(cell ? { column: cell.header } : {}), ...(path && path.length > 0 ? { path } : {}) };
}

const pathOf = (r: PrintedRow) => r.levels.filter((l) => l !== '').map((l) => splitPoints(l).name);

/** The printed rate as a percentage and its places: 75.00% → 75.00 (2); 0 → 0 (0); 0.7 → 70 (0). */
function printedPercent(text: string): { value: Decimal; places: number } | undefined {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const parsed = parseNumber(t.replace(/%$/, ''));
  if (!parsed) return undefined;
  if (t.endsWith('%')) return { value: parsed.value, places: decimalsOf(t) };
  // a bare ratio (0.7) reads as 70%, a bare 0 as 0%
  return parsed.value.lessThanOrEqualTo(1) ? { value: parsed.value.times(100), places: Math.max(0, decimalsOf(t) - 2) } : { value: parsed.value, places: decimalsOf(t) };
}

function rateFinding(t: PrintedTable, r: PrintedRow, weight: Decimal, score: Decimal): Problem[] {
  if (!r.rate || weight.isZero()) return [];
  const printed = printedPercent(r.rate.text);
  if (!printed) return [];
  const expected = score.dividedBy(weight).times(100).toDecimalPlaces(printed.places, Decimal.ROUND_HALF_UP);
  if (expected.equals(printed.value)) return [];
  const text = `${expected.toFixed(printed.places)}%`;
  return [problem('error', 'rate-mismatch', `得分率印作 ${r.rate.text}，按 得分 ${shown(score)} ÷ 权重 ${shown(weight)} 应为 ${text}`, where(t, r.row, r.rate, pathOf(r)), { expected: text, found: r.rate.text })];
}

function rangeFindings(t: PrintedTable, r: PrintedRow, weight: Decimal, score: Decimal): Problem[] {
  if (score.isNegative()) return [problem('error', 'score-negative', `得分 ${r.score?.text} 小于 0`, where(t, r.row, r.score, pathOf(r)), { expected: `0 到 ${shown(weight)}`, found: r.score?.text ?? '' })];
  if (score.greaterThan(weight)) return [problem('error', 'score-above-weight', `得分 ${r.score?.text} 高于权重 ${r.weight?.text}`, where(t, r.row, r.score, pathOf(r)), { expected: `不高于 ${shown(weight)}`, found: r.score?.text ?? '' })];
  return [];
}

const QUALIFIERS = /^(较为|较|比较|基本|部分|一般|不|未|没有)/;

/** Whether the actual value reaches the target: true, false, or undefined where the texts cannot tell. */
export function meetsTarget(targetText: string, actualText: string): boolean | undefined {
  const target = parseTarget(targetText);
  const actual = parseTarget(actualText);
  if (target.qualitative || target.value === undefined) {
    const t = toHalfWidth(targetText).replace(/\s+/g, '');
    const a = toHalfWidth(actualText).replace(/\s+/g, '');
    if (a === t) return true;
    if (a === '无' || a === '否') return false;
    const m = QUALIFIERS.exec(a);
    return m && a.slice(m[0].length) === t ? false : undefined;
  }
  if (actual.value === undefined) return undefined;
  // a target printed without a unit ("10") against "10人" still compares; two different units do not
  if (target.unit && actual.unit && target.unit !== actual.unit) return undefined;
  // a bare number or percentage as a target means at least that (100%, 10)
  const direction = target.direction ?? '>=';
  return direction === '>=' ? actual.value.greaterThanOrEqualTo(target.value) : direction === '<=' ? actual.value.lessThanOrEqualTo(target.value) : actual.value.equals(target.value);
}

function targetFinding(t: PrintedTable, r: PrintedRow, weight: Decimal, score: Decimal): Problem[] {
  if (!r.target || !r.actual || !score.equals(weight) || weight.isZero()) return [];
  if (meetsTarget(r.target.text, r.actual.text) !== false) return [];
  return [
    problem('warning', 'full-despite-miss', `完成值「${r.actual.text}」未达到目标值「${r.target.text}」，却得满分 ${r.score?.text} 分`, where(t, r.row, r.score, pathOf(r)), {
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
        problem('error', 'group-weight-mismatch', `「${name}」印作 ${shown(points)} 分，其下各项权重之和为 ${shown(sum)}（${parts}）`, where(t, first.row, { text: name, header: t.levelHeaders[level] ?? '', column: 0 }, pathOf(first).slice(0, level + 1)), {
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
  const label = code === 'subtotal-mismatch' ? '小计' : '合计';
  for (const field of ['weight', 'score'] as const) {
    const cell = r[field];
    const printed = number(cell);
    const values = rows.map((x) => number(x[field]));
    if (!cell || !printed || values.some((v) => v === undefined) || rows.length === 0) continue;
    const sum = sumOf(values as Decimal[]);
    if (sum.equals(printed)) continue;
    const what = field === 'weight' ? '权重' : '得分';
    out.push(problem('error', code, `${label}的${what}印作 ${cell.text}，${rows.length} 项之和为 ${shown(sum)}（${rows.map((x) => x[field]?.text).join(' + ')}）`, where(t, r.row, cell, r.levels.length > 0 ? pathOf(r) : undefined), { expected: shown(sum), found: cell.text }));
  }
  return out;
}

export function checkPrintedTable(t: PrintedTable, options: TableCheckOptions): Problem[] {
  const out: Problem[] = [];
  const items = t.rows.filter((r) => r.kind === 'item');
  for (const r of t.rows) {
    if (r.kind === 'grade') continue;
    const { weight, score } = figures(r);
    if (weight && score) out.push(...rangeFindings(t, r, weight, score), ...rateFinding(t, r, weight, score));
    if (r.kind === 'item' && weight && score) out.push(...targetFinding(t, r, weight, score));
  }
  out.push(...groupFindings(t, items));
  // a 小计 sums the rows of its level-1 indicator above it
  for (const r of t.rows.filter((x) => x.kind === 'subtotal')) {
    const rows = items.filter((x) => x.row < r.row && x.levels[0] === r.levels[0]);
    out.push(...sumFindings(t, r, rows, 'subtotal-mismatch'));
  }
  const total = t.rows.find((r) => r.kind === 'total');
  if (total) out.push(...sumFindings(t, total, items.filter((x) => x.row < total.row), 'total-mismatch'));
  const grade = t.rows.find((r) => r.kind === 'grade');
  const totalScore = number(total?.score);
  if (grade?.grade && totalScore) {
    const expected = gradeOf(totalScore, options.grades);
    if (expected !== grade.grade.text) {
      const bands = options.grades.map((g) => `${g.name}${g.min ? ` ≥${shown(g.min)}` : ''}`).join('、');
      out.push(problem('error', 'grade-mismatch', `评价等级印作「${grade.grade.text}」，合计 ${total?.score?.text} 分按等级标准（${bands}）应为「${expected}」`, where(t, grade.row, grade.grade), { expected, found: grade.grade.text, hint: '核对合计得分和等级标准；本地的等级标准不同时用 --grades 给出' }));
    }
  }
  return out.sort((a, b) => (a.where.row ?? 0) - (b.where.row ?? 0));
}
