// zod schemas for single cells of input tables: money, counts, ratios as text.
import { z } from 'zod';
import { parseNumber, toHalfWidth } from '../numbers/parse.js';

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

// Optional cells: the column may be absent (no key) or the cell empty.
export const optionalText = z
  .string()
  .transform((t) => (t.trim() === '' ? undefined : t.trim()))
  .optional();

export const requiredText = z.string().transform((t, ctx) => {
  const v = t.replace(/\u3000/g, ' ').trim();
  if (v === '') {
    ctx.addIssue({ code: 'custom', message: '不能为空' });
    return z.NEVER;
  }
  return v;
});


/** Excel's day 0 is 1899-12-30 (with its 1900 leap-year bug already folded in). */
function fromSerial(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const ms = Math.round((serial - 25569) * 86400 * 1000);
  return new Date(ms).toISOString().slice(0, 10);
}

function isoDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 2023-11-30, 2023/11/30, 2023.11.30, 2023年11月30日, 20231130 or an Excel serial → ISO date text. */
export function parseDate(text: string): string | undefined {
  const t = text.replace(/\s+/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{4,5}(\.\d+)?$/.test(t)) return fromSerial(Number(t));
  return undefined;
}

export const optionalDate = z
  .string()
  .transform((text, ctx) => {
    if (text.trim() === '') return undefined;
    const iso = parseDate(text);
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: '不是日期（应形如 2023-11-30、2023/11/30 或 2023年11月30日）' });
      return z.NEVER;
    }
    return iso;
  })
  .optional();

/** A person's name without the spaces (also full-width) used for alignment: "刘　勇" → "刘勇". */
export function normaliseName(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** Identity or bank numbers: exact text, never a number. */
export const numberText = z
  .string()
  .transform((t) => (t.trim() === '' ? undefined : toHalfWidth(t).replace(/\s+/g, '').toUpperCase()))
  .optional();
