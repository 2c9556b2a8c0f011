// Targets as people write them in goal tables: "≥45户", "≥98%", "<=5300元/户",
// "=8个", "15000元", "符合条件及时救助". Parsed into direction, value and unit.
import type { Decimal } from '../numbers/decimal.js';
import { parseNumber, toHalfWidth } from '../numbers/parse.js';

export type Direction = '>=' | '<=' | '=';

export interface Target {
  text: string;
  /** absent for a bare number ("15000元") or a qualitative target */
  direction?: Direction;
  /** ratios for percentages (98% -> 0.98) */
  value?: Decimal;
  unit?: string;
  qualitative: boolean;
}

const OPERATORS: [RegExp, Direction][] = [
  [/^(≥|>=|⩾|不低于|不少于)/, '>='],
  [/^(≤|<=|⩽|不高于|不超过|不多于)/, '<='],
  [/^(==|=|＝)/, '='],
];

export function parseTarget(text: string): Target {
  const original = text.trim();
  let rest = toHalfWidth(original).replace(/\s/g, '');
  let direction: Direction | undefined;
  for (const [re, dir] of OPERATORS) {
    const m = re.exec(rest);
    if (m) {
      direction = dir;
      rest = rest.slice(m[0].length);
      break;
    }
  }
  // number then unit: "45户", "98%", "5300元/户", "17.16万元"
  const m = /^([+-]?\d[\d,]*(?:\.\d+)?|[+-]?\.\d+)(.*)/.exec(rest); // (.*) runs to the end
  if (!m) return { text: original, qualitative: true, ...(direction ? { direction } : {}) };
  const [, numberText, unitText] = m as unknown as [string, string, string];
  // keep the money scale (万元) and percent in the value, the rest is the unit
  const scaled = /^(%|万元|万|亿元|元)/.exec(unitText);
  const parsed = parseNumber(numberText + (scaled ? scaled[0] : ''));
  if (!parsed) return { text: original, qualitative: true };
  const unit = scaled?.[0] === '%' ? '%' : unitText.replace(/^(万元|万|亿元)/, '元') || undefined;
  return {
    text: original,
    value: parsed.value,
    qualitative: false,
    ...(direction ? { direction } : {}),
    ...(unit ? { unit } : {}),
  };
}
