// zod schemas for single cells of input tables: money, counts, ratios as text.
import { z } from 'zod';
import { parseNumber } from '../numbers/parse.js';

/** Money in yuan; the column's unit (万元) scales it. Empty is not allowed. */
export function moneyCell(unit?: string) {
  return z.string().transform((text, ctx) => {
    const parsed = parseNumber(text);
    if (!parsed || parsed.unit === 'percent') {
      ctx.addIssue({ code: 'custom', message: text.trim() === '' ? '金额为空' : '不是金额' });
      return z.NEVER;
    }
    return unit === '万元' && parsed.unit !== 'yuan' ? parsed.value.times(10000) : parsed.value;
  });
}

export const countCell = z.string().transform((text, ctx) => {
  const parsed = parseNumber(text);
  if (!parsed || !parsed.value.isInteger() || parsed.value.isNegative()) {
    ctx.addIssue({ code: 'custom', message: text.trim() === '' ? '数量为空' : '不是非负整数' });
    return z.NEVER;
  }
  return parsed.value;
});

export const optionalText = z
  .string()
  .optional()
  .transform((t) => (t === undefined || t.trim() === '' ? undefined : t.trim()));

export const requiredText = z.string().transform((t, ctx) => {
  const v = t.replace(/\u3000/g, ' ').trim();
  if (v === '') {
    ctx.addIssue({ code: 'custom', message: '不能为空' });
    return z.NEVER;
  }
  return v;
});

