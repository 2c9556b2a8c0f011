// Exact rationals (fraction.js, BigInt-backed) beside Decimal: where a value must stay
// exact through division (1/3 × 3 = 1), it is held as a fraction and becomes a Decimal
// once, at the end.
import Fraction from 'fraction.js';
import { Decimal } from './decimal.js';

export { Fraction };

/** A Decimal as the exact fraction its digits write. */
export function fractionOf(d: Decimal): Fraction {
  return new Fraction(d.toFixed());
}

/** A fraction as a Decimal (exact where it terminates, else to Decimal's 34 digits). */
export function decimalOf(f: Fraction): Decimal {
  return new Decimal((f.s * f.n).toString()).dividedBy(f.d.toString());
}
