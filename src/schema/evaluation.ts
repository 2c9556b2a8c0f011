// evaluation.yaml: one file that names everything an evaluation rests on.
// Paths are relative to the evaluation folder.
import { z } from 'zod';
import { auditConfigSchema, DEFAULT_AUDIT } from './audit-config.js';
import { decimalSchema } from './numbers.js';

const year = z.number().int().min(1990).max(2100);
const file = z.string().min(1);
/** a sheet by name or by position (1 = the first) */
const sheet = z.union([z.string(), z.number().int().min(1)]).optional();

/** the item columns that count towards satisfaction */
const items = z.array(z.string().min(1)).min(1);

const surveyScores = z.strictObject({
  mode: z.literal('scores'),
  items,
  /** each item's maximum score */
  max: decimalSchema,
});

const surveyLevels = z.strictObject({
  mode: z.literal('levels'),
  items,
  /** answer level → weight, e.g. 满意: 1, 较满意: 0.75 */
  levels: z.record(z.string(), decimalSchema),
});

/** a counts table: one row per item, one column per level holding how many gave that answer */
const surveyCounts = z.strictObject({
  mode: z.literal('counts'),
  /** answer level (the column header) → weight, e.g. 非常满意: 1, 满意: 0.75 */
  levels: z.record(z.string(), decimalSchema),
  /** the items to count (the 题目 column's texts); all rows when absent */
  items: items.optional(),
});

const input = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('roster'), file, year: year.optional(), sheet }),
  z.strictObject({ kind: z.literal('budget'), file, sheet }),
  z.strictObject({
    kind: z.literal('survey'),
    file,
    sheet,
    /** who was asked (主办方, 参与职工): scopes its metrics, survey.satisfaction[主办方]; needed when there are several surveys */
    name: z.string().min(1).regex(/^[^\[\],，=@]+$/, '问卷名称不能含 [ ] , = @').optional(),
    scoring: z.discriminatedUnion('mode', [surveyScores, surveyLevels, surveyCounts]),
  }),
  z.strictObject({ kind: z.literal('judgements'), file }),
  /** the registered households (建档名单) */
  z.strictObject({ kind: z.literal('registry'), file, sheet }),
]);

/** a metric computed from others: derived.x: { label, formula: '{budget.spent} / {budget.planned}' } */
const derivedMetric = z.strictObject({
  label: z.string().min(1),
  formula: z.string().min(1),
  kind: z.enum(['ratio', 'amount', 'count']).default('ratio'),
  /** what a count counts (人次, 户) */
  unit: z.string().min(1).optional(),
});

export const evaluationSchema = z.strictObject({
  project: z.string().min(1),
  evaluator: z.string().optional(),
  /** the report's date as printed (e.g. 2023年10月): the workbooks show it, never the clock */
  report_date: z.string().min(1).optional(),
  /** the evaluated years */
  period: z.array(year).min(1),
  /** the indicator tree: a copy inside the folder, so template changes never rescore this evaluation */
  tree: z.string().min(1),
  /** the workbook's file name inside the output folder */
  output: z.string().regex(/^[^/\\]+\.xlsx$/, '应为不含路径的 .xlsx 文件名').default('评分结果.xlsx'),
  inputs: z.array(input).min(1),
  /** extra header texts per canonical field, e.g. { name: [受助职工] } */
  header_aliases: z.record(z.string(), z.array(z.string())).default({}),
  /** metrics defined from other metrics, by name (e.g. derived.launch_rate_mean) */
  derived: z.record(z.string(), derivedMetric).default({}),
  settings: z.strictObject({ audit: auditConfigSchema.default(DEFAULT_AUDIT) }).default({ audit: DEFAULT_AUDIT }),
});

export type EvaluationConfig = z.infer<typeof evaluationSchema>;
export type InputSpec = EvaluationConfig['inputs'][number];
export type SurveyScoring = Extract<InputSpec, { kind: 'survey' }>['scoring'];

export const EVALUATION_LABELS = {
  project: '项目名称',
  period: '评价期间',
  tree: '指标体系文件',
  inputs: '输入文件',
  file: '文件',
  kind: '类型',
  year: '年度',
  output: '输出文件名',
  report_date: '报告日期',
  evaluator: '评价机构',
  derived: '派生指标',
  formula: '公式',
  label: '显示名称',
};
