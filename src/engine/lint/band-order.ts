// Band tables as a reader checks them: no value left between two bands (or above the
// top one), and no better value earning fewer points than a worse one — the printed
// "≥100% 得 1 分；90%-100% 得 0-2 分" in a 2-point leaf.
import type { Decimal } from '../../numbers/decimal.js';
import type { Interval } from '../interval.js';

export interface Band {
  when: Interval;
  points: { low: Decimal; high: Decimal };
}

/** Bands from the lowest values up (an open lower end first). */
function sortedUp(bands: readonly Band[]): Band[] {
  return [...bands].sort((a, b) => {
    if (!a.when.min) return -1;
    if (!b.when.min) return 1;
    return a.when.min.comparedTo(b.when.min) || (a.when.minInclusive === b.when.minInclusive ? 0 : a.when.minInclusive ? -1 : 1);
  });
}

/** Where values fall between bands: each gap in words. */
export function bandGaps(bands: readonly Band[]): string[] {
  const up = sortedUp(bands);
  const gaps: string[] = [];
  up.slice(1).forEach((b, i) => {
    const a = up[i] as Band;
    if (!a.when.max || !b.when.min) return;
    const c = a.when.max.comparedTo(b.when.min);
    if (c < 0 || (c === 0 && !a.when.maxInclusive && !b.when.minInclusive)) gaps.push(`分档「${a.when.text}」与「${b.when.text}」之间的取值不在任何分档内`);
  });
  const top = up[up.length - 1];
  if (top?.when.max) gaps.push(`高于分档「${top.when.text}」的取值不在任何分档内`);
  const bottom = up[0];
  if (bottom?.when.min && !bottom.when.min.isZero()) gaps.push(`低于分档「${bottom.when.text}」的取值不在任何分档内`);
  return gaps;
}

/**
 * A band table that is not monotone: read in the direction the points go overall (the
 * top band worth at least the bottom one: higher is better), a band above another that
 * can give fewer points.
 */
export function nonMonotone(bands: readonly Band[]): string[] {
  const up = sortedUp(bands);
  if (up.length < 2) return [];
  const rising = (up[up.length - 1] as Band).points.high.greaterThanOrEqualTo((up[0] as Band).points.high);
  const out: string[] = [];
  up.slice(1).forEach((b, i) => {
    const a = up[i] as Band;
    const [worse, better] = rising ? [a, b] : [b, a];
    if (better.points.low.lessThan(worse.points.high)) {
      out.push(`更好的取值（分档「${better.when.text}」）可能比更差的取值（分档「${worse.when.text}」）得分更少`);
    }
  });
  return out;
}
