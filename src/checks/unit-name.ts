// Unit names as rosters spell them across years: with or without the county
// prefix (襄垣县…/襄垣…), with 有限公司 or 公司 or neither, with variant or
// homophone characters (弘昇/弘升). Normalised with a record of what was done,
// so a match can say why it was made.
import { toHalfWidth } from '../numbers/parse.js';

/** Variant and homophone characters seen in unit names, mapped to one form. */
const VARIANTS: Record<string, string> = { 昇: '升', 燁: '烨', 賢: '贤', 陞: '升', 線: '线', 廠: '厂', 礦: '矿' };
const SUFFIXES = /(股份有限公司|有限责任公司|有限公司|集团公司|公司)$/;
const COUNTY = /^[\u4e00-\u9fa5]{1,4}?[县市区旗]/;

export interface NormalisedUnit {
  text: string;
  /** what was done, in Chinese, e.g. 异体字 昇→升 */
  steps: string[];
}

export function normaliseUnit(unit: string | undefined, prefixes: readonly string[] = []): NormalisedUnit {
  const steps: string[] = [];
  if (!unit) return { text: '', steps };
  let u = toHalfWidth(unit).replace(/\s+/g, '');
  for (const ch of [...u]) {
    const v = VARIANTS[ch];
    if (v) {
      u = u.split(ch).join(v);
      steps.push(`异体字 ${ch}→${v}`);
    }
  }
  for (const p of [...prefixes].sort((a, b) => b.length - a.length)) {
    if (u.startsWith(p) && u.length > p.length + 1) {
      u = u.slice(p.length);
      steps.push(`去掉地名「${p}」`);
      break;
    }
  }
  const county = COUNTY.exec(u);
  if (county && u.length > county[0].length + 1) {
    u = u.slice(county[0].length);
    steps.push(`去掉地名「${county[0]}」`);
  }
  const suffix = SUFFIXES.exec(u);
  if (suffix && u.length > suffix[0].length + 1) {
    u = u.slice(0, -suffix[0].length);
    steps.push(`去掉「${suffix[0]}」`);
  }
  return { text: u, steps };
}

export type UnitLikeness = 'same' | 'normalised' | 'contained' | 'different' | 'missing';

/** How alike two unit names are, after normalising both. */
export function unitLikeness(a: NormalisedUnit, b: NormalisedUnit, rawA?: string, rawB?: string): UnitLikeness {
  if (!rawA || !rawB) return 'missing';
  if (toHalfWidth(rawA).replace(/\s+/g, '') === toHalfWidth(rawB).replace(/\s+/g, '')) return 'same';
  if (a.text === b.text) return 'normalised';
  const [short, long] = a.text.length <= b.text.length ? [a.text, b.text] : [b.text, a.text];
  if (short.length >= 2 && long.includes(short)) return 'contained';
  return 'different';
}
