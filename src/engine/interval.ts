// Intervals written as people write band edges: "[90%,100%)", "≥90%", "<70%",
// "=100%", "(70%,90%]". Percent signs make ratios; bare numbers are taken as written.
import type { Decimal } from '../numbers/decimal.js';
import { parseNumber, toHalfWidth } from '../numbers/parse.js';

export interface Interval {
  text: string;
  min?: Decimal;
  minInclusive: boolean;
  max?: Decimal;
  maxInclusive: boolean;
}

function num(text: string): Decimal | undefined {
  return parseNumber(text)?.value;
}

export function parseInterval(raw: string): Interval | undefined {
  const text = toHalfWidth(raw).replace(/\s/g, '').replace(/，/g, ',');
  const range = /^([[(])([^,]*),([^,]*)([\])])$/.exec(text);
  if (range) {
    const [, open, lo, hi, close] = range;
    const min = lo ? num(lo) : undefined;
    const max = hi ? num(hi) : undefined;
    if ((lo && !min) || (hi && !max)) return undefined;
    if (min && max && min.greaterThan(max)) return undefined;
    return { text: raw, min, max, minInclusive: open === '[', maxInclusive: close === ']' };
  }
  const op = /^(≥|>=|⩾|>|≤|<=|⩽|<|==|=)(.+)$/.exec(text.replace(/^＝/, '='));
  if (!op) return undefined;
  const value = num(op[2] as string); // (.+) always captures
  if (!value) return undefined;
  switch (op[1]) {
    case '≥': case '>=': case '⩾':
      return { text: raw, min: value, minInclusive: true, maxInclusive: false };
    case '>':
      return { text: raw, min: value, minInclusive: false, maxInclusive: false };
    case '≤': case '<=': case '⩽':
      return { text: raw, max: value, minInclusive: false, maxInclusive: true };
    case '<':
      return { text: raw, max: value, minInclusive: false, maxInclusive: false };
    default:
      return { text: raw, min: value, max: value, minInclusive: true, maxInclusive: true };
  }
}

export function contains(interval: Interval, value: Decimal): boolean {
  if (interval.min) {
    if (interval.minInclusive ? value.lessThan(interval.min) : value.lessThanOrEqualTo(interval.min)) return false;
  }
  if (interval.max) {
    if (interval.maxInclusive ? value.greaterThan(interval.max) : value.greaterThanOrEqualTo(interval.max)) return false;
  }
  return true;
}

/** Whether two intervals share at least one point. */
export function overlaps(a: Interval, b: Interval): boolean {
  const below = (x: Interval, y: Interval): boolean => {
    // x lies entirely below y
    if (!x.max || !y.min) return false;
    if (x.max.lessThan(y.min)) return true;
    return x.max.equals(y.min) && !(x.maxInclusive && y.minInclusive);
  };
  return !below(a, b) && !below(b, a);
}
