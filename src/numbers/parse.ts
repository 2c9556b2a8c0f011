// Numbers as people write them in Chinese tables: "6,664", "17.16万元",
// "91.38%", full-width digits, "(1,200)" for negatives. Never through a float.
import { Decimal } from './decimal.js';

export type NumberUnit = 'yuan' | 'percent' | 'plain';

export interface ParsedNumber {
  value: Decimal;
  /** percent values are returned as ratios (91.38% -> 0.9138) */
  unit: NumberUnit;
}

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/** Full-width ASCII (０-９，．％ etc.) to half-width; the ideographic space to a space. */
const NEEDS_FOLDING = /[\uFF01-\uFF5E\u3000]/;

export function toHalfWidth(text: string): string {
  // most cells have nothing to fold: skip the replace (a hot path on large files).
  // Equivalent mutant: without this test the replaces run and return the same text.
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  if (!NEEDS_FOLDING.test(text)) return text;
  return text
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/**
 * The common case, digits as Decimal takes them. A fast path only: any text it
 * misses is parsed the long way with the same result, so mutants that narrow it
 * (or skip the cache below) are equivalent, visible in the benchmark, not in values.
 */
// Stryker disable next-line Regex: equivalent, see above
const PLAIN = /^-?\d+(\.\d+)?$/;
/** A scale word at the end: one pattern for the test and the cut, so both move together. */
const YI = /(亿元|亿)$/;
const WAN = /(万元|万)$/;

/**
 * Plain numbers already parsed. Rosters repeat the same few amounts (6664, 2000 …)
 * down a million rows, and parsing a Decimal costs more than the rest of a money
 * cell; Decimals are immutable, so one instance can serve every row.
 */
const plainCache = new Map<string, ParsedNumber>();
const PLAIN_CACHE_SIZE = 4096;

function plainNumber(text: string): ParsedNumber {
  // a file of all-different amounts starts over rather than growing without bound
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the cache's size changes speed and memory, never a value
  if (plainCache.size >= PLAIN_CACHE_SIZE) plainCache.clear();
  const parsed: ParsedNumber = Object.freeze({ value: new Decimal(text), unit: 'plain' });
  plainCache.set(text, parsed);
  return parsed;
}

/**
 * Parse a number written by a person. Returns undefined for text that is not a
 * number (the caller decides whether that is an error). Handles thousands
 * separators, 元 / 万元 / 亿元, a trailing %, and accounting negatives "(12)".
 */
export function parseNumber(raw: string | number): ParsedNumber | undefined {
  // Stryker disable next-line ConditionalExpression: a number looked up in the cache misses it and takes the number branch
  if (typeof raw === 'string') {
    const known = plainCache.get(raw);
    // Stryker disable next-line ConditionalExpression: without the cache the same value is parsed again
    if (known) return known;
    if (PLAIN.test(raw)) return plainNumber(raw);
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return undefined;
    // A JS number from a file format that has no other (XLSX): its shortest
    // round-trip text is the value the author typed.
    return { value: new Decimal(String(raw)), unit: 'plain' };
  }
  // (.trim() and `text === ''` are belts to the braces of \s+ and NUMBER: equivalent mutants)
  // Stryker disable next-line MethodExpression,Regex: equivalent, see above
  let text = toHalfWidth(raw).trim().replace(/\s+/g, '');
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, see above
  if (text === '') return undefined;
  let negative = false;
  // (either anchor dropped is an equivalent mutant: the inner text must still be a number)
  // Stryker disable next-line Regex: equivalent, see above
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  let scale = new Decimal(1);
  let unit: NumberUnit = 'plain';
  if (text.endsWith('%')) {
    text = text.slice(0, -1);
    scale = new Decimal('0.01');
    unit = 'percent';
  } else if (YI.test(text)) {
    text = text.replace(YI, '');
    scale = new Decimal('100000000');
    unit = 'yuan';
  } else if (WAN.test(text)) {
    text = text.replace(WAN, '');
    scale = new Decimal('10000');
    unit = 'yuan';
  } else if (text.endsWith('元')) {
    text = text.slice(0, -1);
    unit = 'yuan';
  }
  text = text.replace(/,(?=\d{3}(\D|$))/g, '');
  if (!NUMBER.test(text)) return undefined;
  let value = new Decimal(text).times(scale);
  if (negative) value = value.negated();
  return { value, unit };
}

/** A ratio from "91.38%", "0.9138" or a number: the form targets and rates take. */
export function parseRatio(raw: string | number): Decimal | undefined {
  return parseNumber(raw)?.value;
}
