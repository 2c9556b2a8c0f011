// The evaluator's judgements file: answers by leaf id (never points, except for
// manual rules and ranges), and metrics given only where no data exists.
import { z } from 'zod';
import type { Decimal } from '../numbers/decimal.js';
import { problem, type Problem } from '../problems/problem.js';
import { decimalSchema, nonNegativeDecimal } from './numbers.js';
import { isBlank, withoutBlanks } from './blanks.js';

const givenMetric = z.strictObject({
  value: decimalSchema,
  label: z.string().min(1),
  kind: z.enum(['ratio', 'amount', 'count']).default('ratio'),
  /** where the figure comes from: fieldwork, interviews, documents */
  source: z.string().min(1),
});

/** The sections of the report only people write (jixiao report); each is paragraphs separated by blank lines. */
const writtenSections = z.strictObject({
  overview: z.string().optional(),
  experience: z.string().optional(),
  problems: z.string().optional(),
  recommendations: z.string().optional(),
  other: z.string().optional(),
  /** the self-evaluation form's 年度总体目标: 预期目标 and 实际完成情况 */
  goal: z.string().optional(),
  achieved: z.string().optional(),
});

export const judgementsSchema = z.strictObject({
  evaluator: z.string().optional(),
  report: writtenSections.default({}),
  judgements: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  metrics: z.record(z.string(), givenMetric).default({}),
  /** the total a report (or a unit's self-evaluation) printed, compared with the one scored */
  printed_total: nonNegativeDecimal.optional(),
});

export type JudgementsFile = z.infer<typeof judgementsSchema>;
export type GivenMetric = z.infer<typeof givenMetric>;
export type WrittenSections = z.infer<typeof writtenSections>;

/**
 * The judgements file as `jixiao init` writes it has every answer blank: blanks are taken
 * as not answered yet, so scoring reports each missing answer by its leaf instead of
 * refusing the file. A given metric without a value is not given yet.
 */
export function judgementsWithoutBlanks(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const file = { ...(raw as Record<string, unknown>) };
  if (file.metrics && typeof file.metrics === 'object' && !Array.isArray(file.metrics)) {
    file.metrics = Object.fromEntries(Object.entries(file.metrics as Record<string, unknown>).filter(([, m]) => !(m && typeof m === 'object' && isBlank((m as { value?: unknown }).value))));
  }
  return withoutBlanks(file);
}

/**
 * The scores a report printed (`printed:` in an indicator's entry, any level), taken out of
 * the answers the rules read: an entry holding nothing else is no answer at all.
 */
export function splitPrinted(judgements: Readonly<Record<string, Record<string, unknown>>>, file: string | undefined): { answers: Record<string, Record<string, unknown>>; printed: Map<string, Decimal>; problems: Problem[] } {
  const answers: Record<string, Record<string, unknown>> = {};
  const printed = new Map<string, Decimal>();
  const problems: Problem[] = [];
  for (const [id, entry] of Object.entries(judgements)) {
    if (!('printed' in entry)) {
      answers[id] = entry;
      continue;
    }
    const { printed: value, ...rest } = entry;
    const parsed = nonNegativeDecimal.safeParse(value);
    if (parsed.success) printed.set(id, parsed.data);
    else problems.push(problem('error', 'judgements-invalid', `${id}.printed 应为报告印出的得分（不小于 0 的数），实际为「${String(value)}」`, { ...(file ? { file } : {}), field: `judgements.${id}.printed` }));
    if (Object.keys(rest).length > 0) answers[id] = rest;
  }
  return { answers, printed, problems };
}
