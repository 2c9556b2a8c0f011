// What the audit checks against, from evaluation.yaml `settings.audit` or an
// audit config file; defaults follow the funds' rules (DOMAIN.md).
import { z } from 'zod';
import { Decimal } from '../numbers/decimal.js';
import { decimalSchema, nonNegativeDecimal } from './numbers.js';

const standard = z.strictObject({ min: nonNegativeDecimal.optional(), max: nonNegativeDecimal.optional() });

export const CHECK_IDS = ['id-numbers', 'amounts', 'row-rates', 'totals', 'approvals', 'timing', 'registration', 'repeats'] as const;

export const auditConfigSchema = z.strictObject({
  /** checks not to run, by id */
  disable: z.array(z.enum(CHECK_IDS)).default([]),
  /** place names dropped from unit names before comparing them (襄垣县, 襄垣) */
  county_prefixes: z.array(z.string().min(1)).default([]),
  /** a worker's plausible age in the payment year */
  age: z.strictObject({ min: z.number().int().default(16), max: z.number().int().default(80) }).default({ min: 16, max: 80 }),
  /** per aid type, per person and year: amounts outside are outliers */
  standards: z.record(z.string(), standard).default({ 医疗救助: { max: new Decimal(15000) } }),
  /** the local monthly 低保 standard: 生活救助 ≈ 12 ×, 助学 ≈ 10 × per household and year */
  dibao_monthly: nonNegativeDecimal.optional(),
  /** how far above the 低保-based standard an amount may go before it is an outlier (0.5 = 50%) */
  dibao_tolerance: decimalSchema.default(new Decimal('0.5')),
  /** medical aid per household and year above these needs approval: city, province, national (全总) */
  approvals: z
    .strictObject({ city: nonNegativeDecimal.default(new Decimal(10000)), province: nonNegativeDecimal.default(new Decimal(20000)), national: nonNegativeDecimal.default(new Decimal(50000)) })
    .default({ city: new Decimal(10000), province: new Decimal(20000), national: new Decimal(50000) }),
  /** payment deadline: "11-30" every year, or per year { 2020: 2020-09-30 } */
  deadline: z
    .union([
      z.string().regex(/^\d{2}-\d{2}$/, '每年的截止日应写成 月-日，如 11-30'),
      z.record(z.string().regex(/^\d{4}$/, '年份应为四位数字，如 2020'), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期应写成 年-月-日，如 2020-09-30')),
    ])
    .optional(),
  /** aid types that count as education (助学 standard) */
  education_types: z.array(z.string()).default(['助学', '金秋助学', '子女助学']),
  /** aid types that count as living aid (生活救助 standard) */
  living_types: z.array(z.string()).default(['生活救助']),
  medical_types: z.array(z.string()).default(['医疗救助']),
});

export type AuditConfig = z.infer<typeof auditConfigSchema>;

export const DEFAULT_AUDIT = auditConfigSchema.parse({});
