// Converters for single cells of input tables: money, counts, dates, names,
// identity numbers. Plain functions (a million rows go through them); a row
// schema (row-schema.ts) turns their complaints into zod issues on the column.
import type { Decimal } from '../numbers/decimal.js';
import { parseNumber, toHalfWidth } from '../numbers/parse.js';

/** What a converter returns for a cell it cannot accept. */
export class Bad {
  constructor(readonly message: string) {}
}

export type Converter<T> = (text: string) => T | Bad;

const EMPTY_MONEY = new Bad('金额为空');
const NOT_MONEY = new Bad('不是金额');

/** An amount in yuan, or undefined when the text is none; the column's unit (万元) scales it unless the cell says 元. */
export function amountOf(text: string, unit?: string): Decimal | undefined {
  const parsed = parseNumber(text);
  if (!parsed || parsed.unit === 'percent') return undefined;
  return unit === '万元' && parsed.unit !== 'yuan' ? parsed.value.times(10000) : parsed.value;
}

/** Money in yuan; the column's unit (万元) scales it. Empty is not allowed. */
export function money(unit?: string): Converter<Decimal> {
  return (text) => amountOf(text, unit) ?? (text.trim() === '' ? EMPTY_MONEY : NOT_MONEY);
}

const NOT_COUNT = new Bad('不是非负整数');

/** A count (人次, 户数) in an optional column: a blank cell has no value, which is not 0. */
export const optionalCount: Converter<Decimal | undefined> = (text) => {
  if (text.trim() === '') return undefined;
  const parsed = parseNumber(text);
  if (!parsed || !parsed.value.isInteger() || parsed.value.isNegative()) return NOT_COUNT;
  return parsed.value;
};

/** Marks that mean "no amount here" in budget tables: distinct from 0, and no error. */
const NO_AMOUNT = /^(\/|-|－|—|——|–|无)$/;

export function isNoAmount(text: string): boolean {
  return NO_AMOUNT.test(text.trim());
}

/** An optional amount in yuan: blank or a no-amount mark (/, —, 无) has no value. */
export function optionalMoney(unit?: string): Converter<Decimal | undefined> {
  return (text) => (text.trim() === '' || isNoAmount(text) ? undefined : (amountOf(text, unit) ?? NOT_MONEY));
}

/** The words a count may carry in its own cell (16户, 10名, 192人次), longest first. */
const COUNT_WORD = /(人次|户次|户|人|名|次)$/;

/** A count's number and the word written with it: "16户" → 16, 户; "16" → 16. */
export function countOf(text: string): { value: Decimal; word?: string } | undefined {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const word = COUNT_WORD.exec(t)?.[1];
  const parsed = parseNumber(word ? t.slice(0, -word.length) : t);
  if (!parsed || parsed.unit !== 'plain' || !parsed.value.isInteger() || parsed.value.isNegative()) return undefined;
  return word ? { value: parsed.value, word } : { value: parsed.value };
}

/** An optional count that may say what it counts (户, 名, 人次); a no-amount mark has no value. */
export const optionalWordedCount: Converter<{ value: Decimal; word?: string } | undefined> = (text) => {
  if (text.trim() === '' || isNoAmount(text)) return undefined;
  return countOf(text) ?? NOT_COUNT;
};

/** Optional text: the column may be absent or the cell empty. */
export const optionalText: Converter<string | undefined> = (text) => {
  const t = text.trim();
  return t === '' ? undefined : t;
};

const EMPTY = new Bad('不能为空');

export const requiredText: Converter<string> = (text) => {
  const v = text.replace(/\u3000/g, ' ').trim();
  return v === '' ? EMPTY : v;
};

/** A person's name without the spaces (also full-width) used for alignment: "刘　勇" → "刘勇". */
export function normaliseName(text: string): string {
  // Stryker disable next-line Regex: removing runs of spaces or each space is the same
  return text.replace(/[\s\u3000]+/g, '');
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > (DAYS[m - 1] as number)) return undefined;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return undefined;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The last day a written date may have (2100-12-31) as an Excel serial. */
const LAST_SERIAL = 73415;

/**
 * Excel's day 0 is 1899-12-30 (with its 1900 leap-year bug already folded in). The
 * caller passes 4 or 5 digits (from 1000, 1902-09-26); the years stop at 2100 as for
 * written dates.
 */
function fromSerial(serial: number): string | undefined {
  if (serial > LAST_SERIAL) return undefined;
  return new Date(Math.round((serial - 25569) * 86400 * 1000)).toISOString().slice(0, 10);
}

const WRITTEN = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** The digit at `i` of `text`, or NaN. */
// Stryker disable all: the fast path's mutants that only make it decline are equivalent (see isoForm);
// those that make it accept a non-date are killed by the tests of every digit place
function digitAt(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}
// Stryker restore all

/**
 * A date already in the ISO form (2023-11-30), read by character codes: the common case
 * on every row. A fast path only: whatever it declines, parseWrittenDate reads the same
 * way, so a mutant that makes it decline more is equivalent; a mutant that makes it
 * accept a non-date is killed by the property test in test/schema/cells.test.ts.
 */
// Stryker disable BlockStatement,ConditionalExpression: declining every text, or these shapes, only slows the common case
function isoForm(text: string): string | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const y = digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
  const m = digitAt(text, 5) * 10 + digitAt(text, 6);
  const d = digitAt(text, 8) * 10 + digitAt(text, 9);
  // a non-digit made one of them NaN, which no comparison rejects
  // Stryker disable next-line ArithmeticOperator: y + m - d is NaN exactly when y + m + d is
  if (Number.isNaN(y + m + d)) return undefined;
  return isoDate(y, m, d) && text;
}
// Stryker restore BlockStatement,ConditionalExpression

/** 2023-11-30, 2023/11/30, 2023.11.30, 2023年11月30日, 20231130 or an Excel serial → ISO date text. */
export function parseDate(text: string): string | undefined {
  return isoForm(text) ?? parseWrittenDate(text);
}

function parseWrittenDate(text: string): string | undefined {
  // Stryker disable next-line Regex: removing runs of spaces or each space is the same
  const t = text.replace(/\s+/g, '');
  const m = WRITTEN.exec(t) ?? COMPACT.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{4,5}(\.\d+)?$/.test(t)) return fromSerial(Number(t));
  return undefined;
}

const NOT_DATE = new Bad('不是日期（应形如 2023-11-30、2023/11/30 或 2023年11月30日）');

export const optionalDate: Converter<string | undefined> = (text) => {
  if (text.trim() === '') return undefined;
  return parseDate(text) ?? NOT_DATE;
};

/** Identity or bank numbers: exact text, never a number. */
// Stryker disable next-line Regex: a fast path; digits the pattern misses are folded to themselves below
const DIGITS = /^\d+$/;

export const numberText: Converter<string | undefined> = (text) => {
  // the common case needs no folding (and no new string); skipping the shortcut is equivalent
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  if (DIGITS.test(text)) return text;
  if (text.trim() === '') return undefined;
  // Stryker disable next-line Regex: removing runs of spaces or each space is the same
  return toHalfWidth(text).replace(/\s+/g, '').toUpperCase();
};

const ID_FORMAT = /^(\d{17}[\dX]|\d{15})$/;
const BAD_ID = new Bad('身份证号应为 18 位（末位可为 X）或 15 位数字');

export const idNumber: Converter<string | undefined> = (text) => {
  // a shortcut: a valid ID folds to itself below
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  if (ID_FORMAT.test(text)) return text;
  const t = numberText(text);
  return t === undefined || t instanceof Bad || ID_FORMAT.test(t) ? t : BAD_ID;
};
