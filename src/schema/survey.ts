// Questionnaires: item-score tables (respondents × items, each item's maximum
// declared, as 附件3) or answer levels with weights (满意 1 / 较满意 0.75 …).
import { z } from 'zod';
import { Decimal, ZERO } from '../numbers/decimal.js';
import { parseNumber, toHalfWidth } from '../numbers/parse.js';
import type { SurveyScoring } from './evaluation.js';
import type { InputKind } from './input-kind.js';

export interface SurveyAnswers {
  /** points (or level weights) given by this respondent over the counted items */
  got: Decimal;
  /** the most those items could give */
  possible: Decimal;
}

/** Item columns found without configuration: 问题1, 题2, Q3 … */
export const AUTO_ITEM = /^(问题|问|题|第?\d+题|Q)\s*\d*$/i;

/** The item column of a counts table. */
const ITEM_ALIASES = ['题目', '问题', '调查内容', '调查项目', '调查问题', '评价内容', '项目', '指标'];

/** A counts table (one row per item, one column per answer level): got = Σ count × weight, possible = Σ count. */
function countsKind(scoring: Extract<SurveyScoring, { mode: 'counts' }>): InputKind<SurveyAnswers & { item: string }> {
  const levels = Object.keys(scoring.levels);
  const fields = [{ field: 'item', aliases: ITEM_ALIASES, required: true }, ...levels.map((level) => ({ field: level, aliases: [level], required: true, summable: 'count' as const }))];
  const count = z.string().transform((text, ctx) => {
    const t = toHalfWidth(text).replace(/\s+/g, '').replace(/[人份次个]$/, '');
    if (t === '') return ZERO; // no one gave this answer
    const v = parseNumber(t)?.value;
    if (!v || v.isNegative() || !v.isInteger()) {
      ctx.addIssue({ code: 'custom', message: '人数应为不小于 0 的整数' });
      return z.NEVER;
    }
    return v;
  });
  const shape = { item: z.string().transform((t) => t.trim()), ...Object.fromEntries(levels.map((level) => [level, count])) };
  return {
    kind: 'survey',
    label: '问卷汇总表',
    fields,
    schemaFor: () =>
      z.object(shape).transform((row) => {
        let got = ZERO;
        let possible = ZERO;
        for (const level of levels) {
          const n = (row as unknown as Record<string, Decimal>)[level] as Decimal;
          got = got.plus(n.times(scoring.levels[level] as Decimal));
          possible = possible.plus(n);
        }
        return { item: (row as { item: string }).item, got, possible };
      }),
  };
}

export function surveyKind(scoring: SurveyScoring): InputKind<SurveyAnswers & { item?: string }> {
  if (scoring.mode === 'counts') return countsKind(scoring);
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
