// Who is the same person across rows: by ID number where present, otherwise by
// name plus a unit name normalised for the variants real rosters show (a county
// prefix or not, 有限公司/公司, variant characters such as 弘昇/弘升).
import { toHalfWidth } from '../numbers/parse.js';
import type { RosterRecord } from '../schema/roster.js';

const VARIANTS: Record<string, string> = { 昇: '升', 燁: '烨', 賢: '贤' };
const SUFFIXES = /(股份有限公司|有限责任公司|有限公司|集团公司|公司)$/;

export function normaliseUnit(unit: string | undefined, prefixes: readonly string[] = []): string {
  if (!unit) return '';
  let u = toHalfWidth(unit).replace(/\s+/g, '');
  u = [...u].map((ch) => VARIANTS[ch] ?? ch).join('');
  for (const p of prefixes) if (u.startsWith(p) && u.length > p.length + 1) u = u.slice(p.length);
  u = u.replace(/^[\u4e00-\u9fa5]{1,3}县/, '');
  return u.replace(SUFFIXES, '');
}

function unitsAlike(a: string, b: string): boolean {
  if (a === '' || b === '') return true;
  return a === b || (a.length >= 2 && b.includes(a)) || (b.length >= 2 && a.includes(b));
}

/** Assigns each record a person key; records with the same key are one person. */
export function personKeys(records: readonly RosterRecord[]): string[] {
  const clusters = new Map<string, string[]>(); // name -> normalised units of each person found so far
  return records.map((r) => {
    if (r.idNumber) return `id:${r.idNumber.toUpperCase()}`;
    const name = toHalfWidth(r.name).replace(/\s+/g, '');
    const unit = normaliseUnit(r.unit);
    const units = clusters.get(name) ?? [];
    let index = units.findIndex((u) => unitsAlike(u, unit));
    if (index < 0) {
      units.push(unit);
      index = units.length - 1;
    }
    clusters.set(name, units);
    return `name:${name}#${index}`;
  });
}
