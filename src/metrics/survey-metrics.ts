// Satisfaction from a questionnaire: all points given ÷ all points possible over
// the counted items (blank answers count neither way). A named survey (主办方,
// 参与职工) gives its metrics under its name: survey.satisfaction[主办方].
import { Decimal, ZERO } from '../numbers/decimal.js';
import type { SurveyAnswers } from '../schema/survey.js';
import type { Metric } from './metric.js';
import { metricName } from './metric-name.js';
import { rowRanges } from './row-ranges.js';

export interface SurveyTally {
  file: string;
  /** the survey's name in evaluation.yaml, if any */
  name?: string;
  /** one per respondent (answer tables) or one per item (counts tables) */
  answers: readonly { value: SurveyAnswers; row: number }[];
  /** 'respondents': a row is a questionnaire; 'items': a row is an item with the counts of each answer */
  rows: 'respondents' | 'items';
  /** the counted items */
  items: number;
}

export function surveyMetrics(tally: SurveyTally): Metric[] {
  const { answers, name } = tally;
  const got = answers.reduce((acc, a) => acc.plus(a.value.got), ZERO);
  const possible = answers.reduce((acc, a) => acc.plus(a.value.possible), ZERO);
  if (possible.isZero()) return [];
  // a counts table does not say how many filled in the form: the most answers any item got
  const respondents = tally.rows === 'respondents' ? new Decimal(answers.length) : Decimal.max(...answers.map((a) => a.value.possible));
  const note = tally.rows === 'respondents' ? `${answers.length} 份问卷，${tally.items} 个计分题` : `${answers.length} 个题目，共 ${possible.toString()} 人次作答`;
  const provenance = [{ file: tally.file, rows: rowRanges(answers.map((a) => a.row)), note }];
  const prefix = name ? `${name}` : '';
  const metric = (n: string, label: string, kind: Metric['kind'], value: Decimal): Metric => ({
    name: metricName({ base: `survey.${n}`, scope: name ? { name } : {} }),
    label: `${prefix}${label}`,
    kind,
    value,
    source: 'data',
    provenance,
  });
  return [
    metric('satisfaction', '满意度', 'ratio', got.dividedBy(possible)),
    { ...metric('respondents', tally.rows === 'respondents' ? '问卷份数' : '问卷份数（按作答最多的题）', 'count', respondents), unit: '份' },
    { ...metric('score_total', tally.rows === 'respondents' ? '问卷得分合计' : '问卷得分合计（人数 × 权重）', 'count', got), unit: '分' },
  ];
}
