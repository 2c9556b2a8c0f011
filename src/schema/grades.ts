// Grade bands (优 / 良 / 中 / 差) as data: the national default, and the grade a total
// falls in. Shared by the engine (a tree's grades) and the review of printed tables.
import { Decimal } from '../numbers/decimal.js';

export interface GradeBand {
  name: string;
  /** the lowest total of the band; absent for the lowest band */
  min?: Decimal;
  minInclusive: boolean;
}

/** On a 100-point scale; a tree of another total gets them in proportion (优 ≥ 90% of it). */
export const DEFAULT_GRADES = [
  { name: '优', min: 90 },
  { name: '良', min: 80 },
  { name: '中', min: 60 },
  { name: '差' },
];

/** The grade whose band holds the total; bands run from the highest down. */
export function gradeOf(total: Decimal, bands: readonly GradeBand[]): string {
  for (const band of bands) {
    if (!band.min) return band.name;
    if (band.minInclusive ? total.greaterThanOrEqualTo(band.min) : total.greaterThan(band.min)) return band.name;
  }
  return bands[bands.length - 1]?.name ?? '';
}

/** The national bands as a 100-point scale's grade bands. */
export function defaultBands(): GradeBand[] {
  return DEFAULT_GRADES.map((g) => ({ name: g.name, minInclusive: true, ...(g.min !== undefined ? { min: new Decimal(g.min) } : {}) }));
}

/**
 * Bands written on a command line, highest first: `优:90,良:80,中:60,差` (the last without a
 * lower limit). Undefined when the text does not read so; the caller says what was expected.
 */
export function parseBands(text: string): GradeBand[] | undefined {
  const parts = text.split(/[,，]/).map((p) => p.trim()).filter(Boolean);
  const bands: GradeBand[] = [];
  for (const [i, part] of parts.entries()) {
    const m = /^([^:：]+)(?:[:：]\s*(\d+(?:\.\d+)?))?$/.exec(part);
    if (!m) return undefined;
    const last = i === parts.length - 1;
    if (last !== (m[2] === undefined)) return undefined;
    const min = m[2] === undefined ? undefined : new Decimal(m[2]);
    const prev = bands[bands.length - 1]?.min;
    if (min && prev && !min.lessThan(prev)) return undefined;
    bands.push({ name: (m[1] ?? '').trim(), minInclusive: true, ...(min ? { min } : {}) });
  }
  return bands.length >= 2 ? bands : undefined;
}
