// The one Decimal used everywhere: a private clone so that no other code's
// settings leak in. Precision counts significant digits and applies to sums too,
// so it is generous; ROUND_HALF_UP is 四舍五入.
import { Decimal as DecimalJs } from 'decimal.js';

export const Decimal = DecimalJs.clone({ precision: 34, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

export function clamp(value: Decimal, low: Decimal, high: Decimal): Decimal {
  return Decimal.max(low, Decimal.min(high, value));
}

/** Round half up to a number of decimal places: the only rounding function. */
export function roundTo(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** Fixed-point text with trailing zeros trimmed ("2.50" -> "2.5", "3.00" -> "3"). */
export function plain(value: Decimal): string {
  // toFixed() alone would do; toString() is the cheap common case (an equivalent mutant)
  // Stryker disable next-line StringLiteral,ConditionalExpression,MethodExpression: equivalent, see above
  return value.toString().includes('e') ? value.toFixed() : value.toString();
}

/** A ratio as a percentage text, e.g. 0.9132 -> "91.32%". */
export function percent(ratio: Decimal, places = 2): string {
  return `${roundTo(ratio.times(HUNDRED), places).toFixed(places)}%`;
}
