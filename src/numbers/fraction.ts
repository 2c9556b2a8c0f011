// Exact rationals (fraction.js, BigInt-backed) beside Decimal. Where a value must stay
// exact through division (1/3 × 3 = 1), it is held as a fraction and becomes a Decimal
// once, at the end. A tree's weight or points written "1/3" is a Decimal (to 34 digits)
// that remembers the fraction it was written as, so sums of such values are exact
// (3 × 1/3 passes the weight check) and outputs can show "1/3".
import Fraction from 'fraction.js';
import { Decimal } from './decimal.js';

export { Fraction };

/** values written as fractions by an author ("1/3"), and values computed exactly that do not terminate */
const WRITTEN = new WeakMap<Decimal, { exact: Fraction; text: string }>();
const EXACT = new WeakMap<Decimal, Fraction>();

/** A Decimal as the exact fraction it stands for: the one it was written as, else its digits. */
export function fractionOf(d: Decimal): Fraction {
  return WRITTEN.get(d)?.exact ?? EXACT.get(d) ?? new Fraction(d.toFixed());
}

/** A fraction as a Decimal (exact where it terminates, else to Decimal's 34 digits, remembering the fraction). */
export function decimalOf(f: Fraction): Decimal {
  const d = new Decimal((f.s * f.n).toString()).dividedBy(f.d.toString());
  if (!terminates(f.d)) EXACT.set(d, f);
  return d;
}

/** Whether n/d has a finite decimal expansion: d has no prime factors but 2 and 5. */
function terminates(d: bigint): boolean {
  let q = d;
  while (q % 2n === 0n) q /= 2n;
  while (q % 5n === 0n) q /= 5n;
  return q === 1n;
}

/** "1/3", "2 / 3": the value, remembering how it was written; undefined for any other text. */
export function parseFraction(text: string): Decimal | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m || /^0+$/.test(m[2] as string)) return undefined;
  const exact = new Fraction(BigInt(m[1] as string), BigInt(m[2] as string));
  const d = new Decimal(m[1] as string).dividedBy(m[2] as string);
  WRITTEN.set(d, { exact, text: `${m[1]}/${m[2]}` });
  return d;
}

/** How a value was written when it was a fraction ("1/3"); undefined otherwise. */
export function writtenFraction(d: Decimal): string | undefined {
  return WRITTEN.get(d)?.text;
}

/** A sum held exact when any term is a fraction (three thirds make exactly 1). */
export function exactSum(values: Iterable<Decimal>): Decimal {
  let total = new Fraction(0);
  for (const v of values) total = total.add(fractionOf(v));
  return decimalOf(total);
}

/** a × b, exact when either is a fraction. */
export function exactTimes(a: Decimal, b: Decimal): Decimal {
  return decimalOf(fractionOf(a).mul(fractionOf(b)));
}
