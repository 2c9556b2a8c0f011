// Grade bands (优 / 良 / 中 / 差) as data: the national default, and the grade a total
// falls in. Shared by the engine (a tree's grades) and the review of printed tables.
import type { Decimal } from '../numbers/decimal.js';

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
