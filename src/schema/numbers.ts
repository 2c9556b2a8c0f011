// Numbers in configuration files: a YAML number or numeric text ("1.5", "90%",
// "17.16万元"), always as a Decimal.
import { z } from 'zod';
import { parseNumber } from '../numbers/parse.js';

export const decimalSchema = z.union([z.number(), z.string()]).transform((raw, ctx) => {
  const parsed = parseNumber(raw);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: `应为数字，实际为「${String(raw)}」` });
    return z.NEVER;
  }
  return parsed.value;
});

export const nonNegativeDecimal = decimalSchema.refine((d) => !d.isNegative(), { message: '不能为负数' });
