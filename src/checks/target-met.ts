// Whether a printed actual value reaches its printed target ("≥45户" vs "29户", "健全" vs
// "不健全"), as far as the texts tell.
import { toHalfWidth } from '../numbers/parse.js';
import { parseTarget } from '../schema/target.js';

const QUALIFIERS = /^(较为|较|比较|基本|部分|一般|不|未|没有)/;

/** Whether the actual value reaches the target: true, false, or undefined where the texts cannot tell. */
export function meetsTarget(targetText: string, actualText: string): boolean | undefined {
  const target = parseTarget(targetText);
  const actual = parseTarget(actualText);
  if (target.qualitative || target.value === undefined) {
    const t = toHalfWidth(targetText).replace(/\s+/g, '');
    const a = toHalfWidth(actualText).replace(/\s+/g, '');
    if (a === t) return true;
    if (a === '无' || a === '否') return false;
    const m = QUALIFIERS.exec(a);
    return m && a.slice(m[0].length) === t ? false : undefined;
  }
  if (actual.value === undefined) return undefined;
  // a target printed without a unit ("10") against "10人" still compares; two different units do not
  if (target.unit && actual.unit && target.unit !== actual.unit) return undefined;
  // a bare number or percentage as a target means at least that (100%, 10)
  const direction = target.direction ?? '>=';
  return direction === '>=' ? actual.value.greaterThanOrEqualTo(target.value) : direction === '<=' ? actual.value.lessThanOrEqualTo(target.value) : actual.value.equals(target.value);
}

