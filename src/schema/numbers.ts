// Numbers in configuration files: a YAML number or numeric text ("1.5", "90%",
// "17.16万元"), or a fraction ("1/3", held exact), always as a Decimal.
import { z } from 'zod';
import { parseFraction } from '../numbers/fraction.js';
import { parseNumber } from '../numbers/parse.js';

export const decimalSchema = z.union([z.number(), z.string()]).transform((raw, ctx) => {
  const fraction = typeof raw === 'string' ? parseFraction(raw) : undefined;
  if (fraction) return fraction;
  const parsed = parseNumber(raw);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: `应为数字或分数（如 1/3），实际为「${String(raw)}」` });
    return z.NEVER;
  }
  return parsed.value;
});

export const nonNegativeDecimal = decimalSchema.refine((d) => !d.isNegative(), { message: '不能为负数' });
