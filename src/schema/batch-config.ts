// What `jixiao batch` checks units' fund tables against (a YAML settings file, every
// key optional): the notice's total, execution-rate thresholds, the matching ratio
// between central and provincial money, per-household standards, the outlier rule,
// and figures the submission states elsewhere (in its report text).
import { z } from 'zod';
import { Decimal } from '../numbers/decimal.js';
import { decimalSchema, nonNegativeDecimal } from './numbers.js';

const rate = nonNegativeDecimal;

export const STATED_FIELDS = ['planned', 'arrived', 'spent', 'balance', 'households', 'persons', 'person_times'] as const;

export const batchConfigSchema = z.strictObject({
  /** the allocation notice's total (下达通知的合计, e.g. 100万元): the units' allocations must add up to it */
  notice_total: nonNegativeDecimal.optional(),
  /** execution rate below `warning` is a warning, below `error` an error (ratios: 0.9 or "90%") */
  execution: z.strictObject({ warning: rate.default(new Decimal('0.9')), error: rate.default(new Decimal('0.7')) }).default({ warning: new Decimal('0.9'), error: new Decimal('0.7') }),
  /** provincial money per unit of central money where a unit has both (1 = 1 : 1); null turns the check off */
  matching_ratio: nonNegativeDecimal.nullable().default(new Decimal(1)),
  /** per aid type: the amount per household (or per person-time) the standard sets */
  standards: z.record(z.string(), z.strictObject({ per_household: nonNegativeDecimal.optional(), per_person_time: nonNegativeDecimal.optional() })).default({}),
  /** outliers across units of one aid type and year: |x − median| > factor × 1.4826 × MAD; when MAD is 0, a share off the median */
  outliers: z
    .strictObject({ mad_factor: nonNegativeDecimal.default(new Decimal(3)), zero_mad_share: nonNegativeDecimal.default(new Decimal('0.5')), min_units: z.number().int().min(3).default(5) })
    .default({ mad_factor: new Decimal(3), zero_mad_share: new Decimal('0.5'), min_units: 5 }),
  /** figures the submission states elsewhere (its report text), compared with what its tables give */
  stated: z
    .array(
      z.strictObject({
        unit: z.string().min(1),
        field: z.enum(STATED_FIELDS),
        value: decimalSchema,
        /** where the submission states it: 报告第四部分 … */
        where: z.string().min(1),
      }),
    )
    .default([]),
  /** extra header texts per field, as in evaluation.yaml */
  header_aliases: z.record(z.string(), z.array(z.string().min(1))).default({}),
});

export type BatchConfig = z.infer<typeof batchConfigSchema>;
export const DEFAULT_BATCH = batchConfigSchema.parse({});
