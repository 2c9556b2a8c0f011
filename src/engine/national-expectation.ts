// The points a printed indicator row should carry under a national rule, scored by the
// engine's own rule kinds so that review and score never disagree on what a rule means:
//   2020 (财预〔2020〕10号): a quantitative target met → full, missed → 完成值 ÷ 目标值 × 分值
//        (ratio); qualitative 达成 / 部分达成 / 未达成 in 80-100% / 60-80% / 0-60% of the points;
//   2021 (财预〔2021〕101号): quantitative with the 60% pass mark (完成率 − 60%) ÷ 40% × 分值, 0 below;
//        a yes/no indicator all or nothing.
// Which rule a row follows: the one the user names (review --rule), else what the row's
// 评分标准 or the table's title says; rows that say nothing are left alone.
import { decimalsOf, number, pathOf, whereIn } from '../checks/printed-figures.js';
import { meetsTarget } from '../checks/target-met.js';
import { Decimal } from '../numbers/decimal.js';
import { toHalfWidth } from '../numbers/parse.js';
import type { Metric } from '../metrics/metric.js';
import { problem, type Problem } from '../problems/problem.js';
import type { PrintedTable } from '../schema/score-table.js';
import { parseTarget, type Target } from '../schema/target.js';
import { RuleError } from './rule-kind.js';
import { grade } from './rules/grade.js';
import { ratio } from './rules/ratio.js';

export type NationalRule = '2020' | '2021';

export const NATIONAL_RULES: Record<NationalRule, string> = {
  '2020': '2020 年规则（财预〔2020〕10号）',
  '2021': '2021 年规则（财预〔2021〕101号）',
};

const SAYS_2021 = /财预〔?2021〕?101号|及格线?|[(（]?完成率\s*[-−–]\s*60\s*%|60\s*%\s*(以下|以下的)?不得分|40\s*%\s*[×x*]/;
const SAYS_2020 = /财预〔?2020〕?10号|(实际)?完成值\s*[÷/]\s*(年度)?(指标值|目标值)|按(实际)?完成(比例|程度)计分|完成率\s*[×x*]\s*(该指标)?分值/;

/** The rule a row's 评分标准, or else its table's title, says it follows. */
export function ruleStated(criteria: string | undefined, title: string | undefined): NationalRule | undefined {
  for (const text of [criteria, title]) {
    const t = toHalfWidth(text ?? '');
    if (SAYS_2021.test(t)) return '2021';
    if (SAYS_2020.test(t)) return '2020';
  }
  return undefined;
}

/** The points the rule gives (before rounding to the printed places), or for a qualitative level the range the score must lie in; with how the rule arrives there. */
export type Expected = { points: Decimal; trace: string } | { range: string; within: boolean; trace: string };

const QUALITATIVE_2020 = ['达成', '部分达成', '未达成'];

function printedMetric(actual: Target): Metric {
  const percent = actual.unit === '%';
  return { name: 'printed.actual', label: '完成值', kind: percent ? 'ratio' : 'count', value: actual.value!, ...(actual.unit && !percent ? { unit: actual.unit } : {}), source: 'judgement', provenance: [] };
}

/**
 * What the rule expects of a row with this target, actual value and weight, given the
 * score it prints; undefined where the rule does not decide (texts that do not compare,
 * a target without a number or direction, units that differ).
 */
export function nationalExpectation(rule: NationalRule, row: { target: string; actual: string; weight: Decimal; score: Decimal; places: number }, met: boolean | undefined): Expected | undefined {
  const target = parseTarget(row.target);
  const actual = parseTarget(row.actual);
  // the points to the places the score is printed with, so that the trace shows what is compared
  const toPlaces = (d: Decimal) => d.toDecimalPlaces(row.places, Decimal.ROUND_HALF_UP);
  if (!target.qualitative && target.value !== undefined && !actual.qualitative && actual.value !== undefined) {
    if (target.unit && actual.unit && target.unit !== actual.unit) return undefined;
    const params = ratio.params.parse({ metric: 'printed.actual', direction: target.direction ?? '>=', ...(rule === '2021' ? { pass_mark: '0.6' } : {}) });
    const metric = printedMetric(actual);
    const outcome = ratio.score(params, { points: row.weight, target, metrics: new Map([[metric.name, metric]]), answer: { explanation: '印出的表' }, roundPart: toPlaces });
    return { points: outcome.points, trace: outcome.trace.replace(/；超目标说明：.*$/, '') };
  }
  const word = toHalfWidth(row.actual).replace(/\s+/g, '');
  if (rule === '2020' && QUALITATIVE_2020.includes(word)) {
    try {
      const outcome = grade.score(grade.params.parse({ preset: 'qualitative-2020' }), { points: row.weight, metrics: new Map(), answer: { grade: word, points: row.score }, roundPart: toPlaces });
      return { range: '', within: true, trace: outcome.trace };
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      return { range: e.extra.expected ?? '', within: false, trace: `评定等级「${word}」的得分应为 ${e.extra.expected ?? ''}` };
    }
  }
  // 2021: a yes/no indicator is all or nothing
  if (rule === '2021' && met !== undefined) {
    return { points: met ? row.weight : new Decimal(0), trace: met ? '达到目标，得满分' : '未达到目标，得 0 分' };
  }
  return undefined;
}

/**
 * Each indicator row whose printed score does not follow from the national rule that applies
 * to it (the one given, else the one its 评分标准 or title states): a warning with the
 * expected points, rounded to the places the score is printed with.
 */
export function nationalRuleFindings(t: PrintedTable, given: NationalRule | undefined): Problem[] {
  const out: Problem[] = [];
  for (const r of t.rows) {
    if (r.kind !== 'item' || !r.target || !r.actual || !r.score) continue;
    const rule = given ?? ruleStated(r.criteria?.text, t.title);
    const weight = number(r.weight);
    const score = number(r.score);
    if (!rule || !weight || !score || weight.isZero()) continue;
    const places = decimalsOf(r.score.text);
    const expected = nationalExpectation(rule, { target: r.target.text, actual: r.actual.text, weight, score, places }, meetsTarget(r.target.text, r.actual.text));
    if (!expected) continue;
    const where = whereIn(t, r.row, r.score, pathOf(r));
    if ('points' in expected) {
      const points = expected.points.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
      if (points.equals(score)) continue;
      out.push(problem('warning', 'national-rule-mismatch', `得分印作 ${r.score.text}，按 ${NATIONAL_RULES[rule]}应为 ${points.toFixed(places)} 分：${expected.trace}`, where, { expected: points.toFixed(places), found: r.score.text }));
    } else if (!expected.within) {
      out.push(problem('warning', 'national-rule-mismatch', `得分印作 ${r.score.text}，按 ${NATIONAL_RULES[rule]}${expected.trace}`, where, { expected: expected.range, found: r.score.text }));
    }
  }
  return out;
}
