// The evaluator's judgements file: answers by leaf id (never points, except for
// manual rules and ranges), and metrics given only where no data exists.
import { z } from 'zod';
import { decimalSchema } from './numbers.js';

const givenMetric = z.strictObject({
  value: decimalSchema,
  label: z.string().min(1),
  kind: z.enum(['ratio', 'amount', 'count']).default('ratio'),
  /** where the figure comes from: fieldwork, interviews, documents */
  source: z.string().min(1),
});

export const judgementsSchema = z.strictObject({
  evaluator: z.string().optional(),
  judgements: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  metrics: z.record(z.string(), givenMetric).default({}),
});

export type JudgementsFile = z.infer<typeof judgementsSchema>;
export type GivenMetric = z.infer<typeof givenMetric>;
