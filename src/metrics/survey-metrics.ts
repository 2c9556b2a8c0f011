// Satisfaction from a questionnaire: item-score tables (respondents × items, each
// item's maximum declared, as 附件3) or answer levels with weights (满意 1 / 较满意 0.75 …).
import { Decimal, ZERO } from '../numbers/decimal.js';
import { parseNumber, toHalfWidth } from '../numbers/parse.js';
import { problem, type Problem } from '../problems/problem.js';
import type { LocatedTable } from '../io/header.js';
import { cell } from '../io/header.js';
import type { SurveyScoring } from '../schema/evaluation.js';
import type { Metric } from './metric.js';
import { rowRanges } from './row-ranges.js';

export function surveyMetrics(table: LocatedTable, scoring: SurveyScoring): { metrics: Metric[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const where = (row: number, column: string) => ({ file: table.file, ...(table.sheet ? { sheet: table.sheet } : {}), row, column });
  let got = ZERO;
  let possible = ZERO;
  const rows: number[] = [];
  for (const row of table.rows) {
    rows.push(row.row);
    for (const item of scoring.items) {
      const column = table.columns.find((c) => c.field === item);
      const text = cell(row, column);
      if (text === '') {
        problems.push(problem('warning', 'survey-blank', '问卷答案为空，该项不计入满意度', where(row.row, item)));
        continue;
      }
      if (scoring.mode === 'scores') {
        const value = parseNumber(text)?.value;
        if (!value || value.isNegative() || value.greaterThan(scoring.max)) {
          problems.push(problem('error', 'survey-score-invalid', '问卷得分无效', where(row.row, item), { expected: `0 到 ${scoring.max.toString()} 的数`, found: text }));
          continue;
        }
        got = got.plus(value);
        possible = possible.plus(scoring.max);
      } else {
        const answer = toHalfWidth(text).replace(/\s+/g, '');
        const weight = scoring.levels[answer];
        if (weight === undefined) {
          problems.push(problem('error', 'survey-level-invalid', '问卷答案不是已定义的满意度等级', where(row.row, item), { expected: Object.keys(scoring.levels).join(' / '), found: text }));
          continue;
        }
        got = got.plus(weight);
        possible = possible.plus(1);
      }
    }
  }
  if (possible.isZero()) {
    problems.push(problem('error', 'survey-empty', '问卷中没有可计算满意度的答案', { file: table.file }));
    return { metrics: [], problems };
  }
  const provenance = [{ file: table.file, rows: rowRanges(rows), note: `${rows.length} 份问卷，${scoring.items.length} 个计分题` }];
  const metric = (name: string, label: string, kind: Metric['kind'], value: Decimal): Metric => ({ name: `survey.${name}`, label, kind, value, source: 'data', provenance });
  return {
    metrics: [
      metric('satisfaction', '满意度', 'ratio', got.dividedBy(possible)),
      metric('respondents', '问卷份数', 'count', new Decimal(rows.length)),
      metric('score_total', '问卷得分合计', 'count', got),
    ],
    problems,
  };
}
