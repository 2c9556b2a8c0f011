// Satisfaction from a questionnaire: all points given ÷ all points possible over
// the counted items (blank answers count neither way).
import { Decimal, ZERO } from '../numbers/decimal.js';
import type { SurveyAnswers } from '../schema/survey.js';
import type { Metric } from './metric.js';
import { rowRanges } from './row-ranges.js';

export function surveyMetrics(file: string, answers: readonly { value: SurveyAnswers; row: number }[], items: number): Metric[] {
  const got = answers.reduce((acc, a) => acc.plus(a.value.got), ZERO);
  const possible = answers.reduce((acc, a) => acc.plus(a.value.possible), ZERO);
  if (possible.isZero()) return [];
  const provenance = [{ file, rows: rowRanges(answers.map((a) => a.row)), note: `${answers.length} 份问卷，${items} 个计分题` }];
  const metric = (name: string, label: string, kind: Metric['kind'], value: Decimal): Metric => ({ name: `survey.${name}`, label, kind, value, source: 'data', provenance });
  return [
    metric('satisfaction', '满意度', 'ratio', got.dividedBy(possible)),
    { ...metric('respondents', '问卷份数', 'count', new Decimal(answers.length)), unit: '份' },
    { ...metric('score_total', '问卷得分合计', 'count', got), unit: '分' },
  ];
}
