// Questionnaires: item-score tables (respondents × items, each item's maximum
// declared, as 附件3) or answer levels with weights (满意 1 / 较满意 0.75 …).
import { z } from 'zod';
import { Decimal, ZERO } from '../numbers/decimal.js';
import { parseNumber, toHalfWidth } from '../numbers/parse.js';
import type { SurveyScoring } from './evaluation.js';
import type { ColumnInfo, FieldSpec, InputKind } from './input-kind.js';

export interface SurveyAnswers {
  /** points (or level weights) given by this respondent over the counted items */
  got: Decimal;
  /** the most those items could give */
  possible: Decimal;
}

/** Item columns found without configuration: 问题1, 题2, Q3 … */
export const AUTO_ITEM = /^(问题|问|题|第?\d+题|Q)\s*\d*$/i;

export function surveyKind(scoring: SurveyScoring): InputKind<SurveyAnswers> {
  const fields = [{ field: 'seq', aliases: ['序号'], required: false }, ...scoring.items.map((item) => ({ field: item, aliases: [item], required: true, ...(scoring.mode === 'scores' ? { summable: 'amount' as const } : {}) }))];
  const answer = z.string().transform((text, ctx) => {
    // Stryker disable next-line Regex: removing every whitespace run or every whitespace character is the same
    const t = toHalfWidth(text).replace(/\s+/g, '');
    if (t === '') return undefined; // a blank answer is not counted
    if (scoring.mode === 'scores') {
      const v = parseNumber(t)?.value;
      if (!v || v.isNegative() || v.greaterThan(scoring.max)) {
        ctx.addIssue({ code: 'custom', message: `问卷得分应为 0 到 ${scoring.max.toString()} 的数` });
        return z.NEVER;
      }
      return { got: v, possible: scoring.max };
    }
    const weight = scoring.levels[t];
    if (weight === undefined) {
      ctx.addIssue({ code: 'custom', message: `问卷答案应为 ${Object.keys(scoring.levels).join(' / ')} 之一` });
      return z.NEVER;
    }
    return { got: weight, possible: new Decimal(1) };
  });
  const shape = Object.fromEntries(scoring.items.map((item) => [item, answer]));
  return {
    kind: 'survey',
    label: '问卷',
    fields,
    schemaFor: () =>
      z.object(shape).transform((answers) => {
        let got = ZERO;
        let possible = ZERO;
        for (const a of Object.values(answers)) {
          if (!a) continue;
          got = got.plus(a.got);
          possible = possible.plus(a.possible);
        }
        return { got, possible };
      }),
  };
}
