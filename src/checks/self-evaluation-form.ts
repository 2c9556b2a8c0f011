// The checks only a self-evaluation form (项目支出绩效自评表, 财预〔2020〕10号) calls for, beyond
// the arithmetic every score table gets: 执行率 = 全年执行数 ÷ 全年预算数 to the printed
// decimals; its 得分 = 执行率 × 分值, an execution above 100% counting as 100%; the 其中
// lines not exceeding the 年度资金总额; and, as expectations, a 偏差原因分析 wherever a target is
// missed or points are lost, and no cell left as the 【待填写】 a template prints.
import { Decimal, ONE, ZERO } from '../numbers/decimal.js';
import { toHalfWidth } from '../numbers/parse.js';
import { problem, type Problem } from '../problems/problem.js';
import type { PrintedCell, PrintedRow, PrintedTable } from '../schema/score-table.js';
import { decimalsOf, number, pathOf, printedPercent, shown, whereIn } from './printed-figures.js';
import { meetsTarget } from './target-met.js';

/** What a template or a unit leaves in a cell it has not filled in. */
const UNFILLED = /^【?待(填写|填|补充)】?$/;
/** A deviation column holding nothing that explains. */
const NO_REASON = /^(【?待(填写|填|补充)】?|无|\/|—+|-+)?$/;

const compact = (text: string) => toHalfWidth(text).replace(/\s+/g, '');
const percentText = (d: Decimal, places: number) => `${d.toFixed(places)}%`;

function executionFindings(t: PrintedTable, line: PrintedRow): Problem[] {
  const planned = number(line.planned);
  const spent = number(line.spent);
  if (!planned || !spent || planned.isZero()) return [];
  const out: Problem[] = [];
  const ratio = spent.dividedBy(planned);
  const at = pathOf(line);
  const printedRate = line.rate ? printedPercent(line.rate.text) : undefined;
  const rateRight = printedRate !== undefined && ratio.times(100).toDecimalPlaces(printedRate.places, Decimal.ROUND_HALF_UP).equals(printedRate.value);
  if (line.rate && printedRate) {
    const expected = ratio.times(100).toDecimalPlaces(printedRate.places, Decimal.ROUND_HALF_UP);
    if (!rateRight) {
      const text = percentText(expected, printedRate.places);
      out.push(problem('error', 'execution-rate-mismatch', `执行率印作 ${line.rate.text}，按 全年执行数 ${line.spent?.text} ÷ 全年预算数 ${line.planned?.text} 应为 ${text}`, whereIn(t, line, line.rate, at), { expected: text, found: line.rate.text }));
    }
  }
  const points = number(line.weight);
  const score = number(line.score);
  if (points && score && line.score) {
    const places = decimalsOf(line.score.text);
    const capped = (r: Decimal) => Decimal.min(r, ONE).times(points).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    const expected = capped(ratio);
    // the points from a right rate as printed (92% for 0.9199 × 10) are as right as from the exact ratio
    const fromPrinted = printedRate && rateRight ? capped(printedRate.value.dividedBy(100)) : expected;
    if (!expected.equals(score) && !fromPrinted.equals(score)) {
      const text = expected.toFixed(places);
      const over = ratio.greaterThan(ONE) ? '（执行率超过 100% 的按 100% 计）' : '';
      out.push(
        problem('error', 'execution-score-mismatch', `执行率的得分印作 ${line.score.text}，按 执行率 ${percentText(ratio.times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP), 2)} × 分值 ${shown(points)}${over || ' '}应为 ${text}`, whereIn(t, line, line.score, at), {
          expected: text,
          found: line.score.text,
        }),
      );
    }
  }
  return out;
}

/** The 其中 lines (当年财政拨款, 上年结转资金 …) cannot add up to more than the 年度资金总额. */
function partsFindings(t: PrintedTable, total: PrintedRow, parts: readonly PrintedRow[]): Problem[] {
  const out: Problem[] = [];
  for (const field of ['planned', 'spent'] as const) {
    const whole = number(total[field]);
    const cells = parts.map((p) => p[field]).filter((c): c is PrintedCell => c !== undefined);
    const values = cells.map((c) => number(c)).filter((v): v is Decimal => v !== undefined);
    if (!whole || values.length === 0) continue;
    const sum = values.reduce((a, b) => a.plus(b), ZERO);
    if (sum.lessThanOrEqualTo(whole)) continue;
    const what = total[field]?.header ?? '';
    out.push(
      problem('error', 'funds-parts-exceed', `「其中」各项的${what}之和 ${shown(sum)}（${cells.map((c) => c.text).join(' + ')}）超过年度资金总额的 ${total[field]?.text}`, whereIn(t, total, total[field], pathOf(total)), {
        expected: `不超过 ${total[field]?.text}`,
        found: shown(sum),
      }),
    );
  }
  return out;
}

function deviationFinding(t: PrintedTable, r: PrintedRow): Problem[] {
  const weight = number(r.weight);
  const score = number(r.score);
  const missed = r.target && r.actual ? meetsTarget(r.target.text, r.actual.text) === false : false;
  const lost = weight !== undefined && score !== undefined && score.lessThan(weight);
  if ((!missed && !lost) || !NO_REASON.test(compact(r.deviation?.text ?? ''))) return [];
  const why = missed ? `完成值「${r.actual?.text}」未达到年度指标值「${r.target?.text}」` : `未得满分（${r.score?.text}/${r.weight?.text} 分）`;
  const column = t.header[(t.columns.deviation ?? 0) - 1] ?? '偏差原因分析及改进措施';
  return [
    problem('warning', 'deviation-missing', `${why}，${column}却${!r.deviation ? '为空' : UNFILLED.test(compact(r.deviation.text)) ? '尚未填写' : `只写了「${r.deviation.text}」`}`, { ...whereIn(t, r, undefined, pathOf(r)), column }, {
      hint: '写明未达到目标（或失分）的原因和下一步的改进措施',
    }),
  ];
}

/** Cells still reading 【待填写】, each under the header of its column (or the note above it). */
function unfilledFindings(t: PrintedTable, skip: ReadonlySet<number>): Problem[] {
  const out: Problem[] = [];
  t.rows.forEach((r, i) => {
    r.cells.forEach((text, c) => {
      if (!UNFILLED.test(compact(text)) || (r.deviation?.column === c + 1 && skip.has(r.row))) return;
      // a merged cell repeats its text across the range: one finding for the range
      if (c > 0 && r.cells[c - 1] === text) return;
      const above = t.rows[i - 1];
      const header = r.kind === 'note' ? (above?.cells[c] ?? '') : ((r.header ?? t.header)[c] ?? '');
      out.push(problem('warning', 'cell-unfilled', `「${header || `第 ${c + 1} 列`}」尚未填写（印作 ${text}）`, { ...whereIn(t, r, undefined, r.kind === 'item' ? pathOf(r) : undefined), column: header || `第 ${c + 1} 列` }));
    });
  });
  return out;
}

export function checkSelfEvaluationForm(t: PrintedTable): Problem[] {
  const funds = t.rows.filter((r) => r.kind === 'funds');
  const isForm = funds.length > 0 || t.columns.deviation !== undefined;
  if (!isForm) return [];
  const out: Problem[] = [];
  const [total, ...parts] = funds;
  if (total) out.push(...executionFindings(t, total), ...partsFindings(t, total, parts));
  const deviations = t.columns.deviation !== undefined ? t.rows.filter((r) => r.kind === 'item').flatMap((r) => deviationFinding(t, r)) : [];
  out.push(...deviations);
  out.push(...unfilledFindings(t, new Set(deviations.map((d) => d.where.row ?? 0))));
  return out.sort((a, b) => (a.where.row ?? 0) - (b.where.row ?? 0));
}
