import type { Decimal } from '../numbers/decimal.js';
import type { GradeBand } from './tree.js';

/** The grade whose band holds the total; bands run from the highest down. */
export function gradeOf(total: Decimal, bands: readonly GradeBand[]): string {
  for (const band of bands) {
    if (!band.min) return band.name;
    if (band.minInclusive ? total.greaterThanOrEqualTo(band.min) : total.greaterThan(band.min)) return band.name;
  }
  return bands[bands.length - 1]?.name ?? '';
}
