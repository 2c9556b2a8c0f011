// Who is the same person across payments. By ID number where both have one;
// otherwise by name plus a unit name that is the same or alike after
// normalising (unit-name.ts). Every merge records the rule that made it and how
// sure it is; two persons are never merged silently, and same-name persons left
// apart are reported too.
import { normaliseName } from '../schema/cells.js';
import type { RosterRecord } from '../schema/roster.js';
import { normaliseUnit, unitLikeness, type NormalisedUnit } from './unit-name.js';

export type MatchRule = 'id' | 'name-unit-same' | 'name-unit-normalised' | 'name-unit-contained' | 'name-no-unit';

export const RULE_TEXT: Record<MatchRule, string> = {
  id: '身份证号相同',
  'name-unit-same': '姓名相同，单位名称相同',
  'name-unit-normalised': '姓名相同，单位名称相近',
  'name-unit-contained': '姓名相同，单位名称一方包含另一方',
  'name-no-unit': '姓名相同，一方未填单位',
};

export const RULE_CONFIDENCE: Record<MatchRule, string> = {
  id: '确定',
  'name-unit-same': '高',
  'name-unit-normalised': '较高',
  'name-unit-contained': '中',
  'name-no-unit': '低',
};

export interface Match {
  /** index of the record that joined the person */
  record: number;
  /** index of the earlier record it was matched against */
  against: number;
  rule: MatchRule;
  /** why, in Chinese: the rule and, for unit names, what normalising did */
  reason: string;
}

export interface Person {
  name: string;
  idNumber?: string;
  records: number[];
  matches: Match[];
}

/** A person left apart from the first person of the same name (one entry per such person, not per pair). */
export interface SameNameApart {
  name: string;
  /** the first record of the first person of that name, and the record that started this person */
  records: [number, number];
  reason: string;
}

export interface Identities {
  /** person index of each record */
  personOf: number[];
  persons: Person[];
  /** same name, kept as different persons, with why */
  apart: SameNameApart[];
}

export function resolveIdentities(records: readonly RosterRecord[], prefixes: readonly string[] = []): Identities {
  const persons: Person[] = [];
  const personOf: number[] = [];
  const apart: SameNameApart[] = [];
  const byId = new Map<string, number>();
  // every person of a name, in order; and those of them without an ID number yet,
  // the only ones a record with an ID can still join (keeps common names linear)
  const byName = new Map<string, number[]>();
  const unidentified = new Map<string, Set<number>>();
  const units = records.map((r) => normaliseUnit(r.unit, prefixes));

  const join = (p: number, i: number, rule: MatchRule, against: number, detail = '') => {
    const person = persons[p] as Person;
    const id = records[i]?.idNumber;
    if (id && !person.idNumber) {
      person.idNumber = id;
      byId.set(id, p);
      unidentified.get(person.name)?.delete(p);
    }
    person.records.push(i);
    person.matches.push({ record: i, against, rule, reason: `${RULE_TEXT[rule]}${detail}` });
    personOf[i] = p;
  };

  records.forEach((r, i) => {
    const name = normaliseName(r.name);
    const id = r.idNumber;
    if (id && byId.has(id)) {
      const p = byId.get(id) as number;
      join(p, i, 'id', (persons[p] as Person).records[0] as number);
      return;
    }
    const sameName = byName.get(name) ?? [];
    // different ID numbers are different persons, whatever else agrees
    const candidates = id ? (unidentified.get(name) ?? []) : sameName;
    for (const p of candidates) {
      const person = persons[p] as Person;
      const first = person.records[0] as number;
      const likeness = unitLikeness(units[i] as NormalisedUnit, units[first] as NormalisedUnit, r.unit, records[first]?.unit);
      const detail = (u: NormalisedUnit[]) => {
        const steps = [...new Set(u.flatMap((x) => x.steps))];
        return steps.length > 0 ? `（${steps.join('；')}）` : '';
      };
      if (likeness === 'same') return join(p, i, 'name-unit-same', first);
      if (likeness === 'normalised') return join(p, i, 'name-unit-normalised', first, detail([units[i] as NormalisedUnit, units[first] as NormalisedUnit]));
      if (likeness === 'contained') return join(p, i, 'name-unit-contained', first, `（「${r.unit}」与「${records[first]?.unit}」）`);
      if (likeness === 'missing') return join(p, i, 'name-no-unit', first);
    }
    // a new person
    const p = persons.length;
    persons.push({ name, ...(id ? { idNumber: id } : {}), records: [i], matches: [] });
    personOf[i] = p;
    if (id) byId.set(id, p);
    else {
      const set = unidentified.get(name) ?? new Set<number>();
      set.add(p);
      unidentified.set(name, set);
    }
    const earlier = sameName[0];
    if (earlier !== undefined) {
      // reported against the first person of the name: a common name gives one line per person, not one per pair
      const other = persons[earlier] as Person;
      const first = other.records[0] as number;
      const why =
        id && other.idNumber && other.idNumber !== id ? '身份证号不同' : `单位不同（「${records[first]?.unit ?? ''}」与「${r.unit ?? ''}」）`;
      const count = sameName.length > 1 ? `（同名已有 ${sameName.length} 人）` : '';
      apart.push({ name, records: [first, i], reason: `同名${count}，${why}，视为不同人员` });
    }
    sameName.push(p);
    byName.set(name, sameName);
  });
  return { personOf, persons, apart };
}
