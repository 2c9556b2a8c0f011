// A regression case for `jixiao test`: a tree (a file or a built-in template) scored on an
// evaluation folder's inputs, or on metrics and judgements written in the case, and the
// results expected at any level. Paths are relative to the case file.
import { z } from 'zod';
import { decimalSchema } from './numbers.js';

const givenMetric = z.strictObject({
  value: decimalSchema,
  kind: z.enum(['ratio', 'amount', 'count']).default('ratio'),
  label: z.string().min(1).optional(),
  unit: z.string().min(1).optional(),
});

export const testCaseSchema = z
  .strictObject({
    name: z.string().min(1).optional(),
    /** an evaluation folder (or its evaluation.yaml): its tree, inputs and judgements */
    evaluation: z.string().min(1).optional(),
    /** or a tree (file or template name, or the tree itself written in the case) with the figures below */
    tree: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
    metrics: z.record(z.string(), givenMetric).default({}),
    judgements: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
    expect: z.strictObject({
      total: decimalSchema.optional(),
      grade: z.string().min(1).optional(),
      /** a leaf's or a group's score, by id */
      scores: z.record(z.string(), decimalSchema).default({}),
      /** problem codes that must be among the findings */
      findings: z.array(z.string().min(1)).default([]),
    }),
    /** how far a score may be from the expected one (default 0: exact) */
    tolerance: decimalSchema.optional(),
  })
  .refine((c) => (c.evaluation === undefined) !== (c.tree === undefined), { message: '写 evaluation（评价目录）或 tree（指标体系），二者选一' });

export type TestCase = z.infer<typeof testCaseSchema>;
