// Exact fractions beside Decimal: written fractions remembered, sums and products exact,
// computed values that do not terminate keep their fraction, terminating ones need none.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/numbers/decimal.js';
import { decimalOf, exactSum, exactTimes, Fraction, fractionOf, parseFraction, writtenFraction } from '../../src/numbers/fraction.js';

describe('fractions', () => {
  it.each([
    ['1/3', '1/3'],
    [' 10 / 3 ', '10/3'],
    ['12/34', '12/34'],
    ['1/03', '1/03'],
  ])('%j is read and remembered as written', (text, written) => {
    const d = parseFraction(text)!;
    expect(writtenFraction(d)).toBe(written);
    expect(fractionOf(d).toFraction()).toBe(new Fraction(text.replace(/\s/g, '')).toFraction());
  });
  it.each(['1/0', '1/00', 'a/3', '1/3x', 'x1/3', '1.5/3', '-1/3', '1//3', '1 3', ''])('%j is no fraction', (text) => {
    expect(parseFraction(text)).toBeUndefined();
  });
  it('three thirds sum to exactly 1; decimals add as decimals', () => {
    const third = parseFraction('1/3')!;
    expect(exactSum([third, third, third]).toString()).toBe('1');
    expect(new Decimal(third).plus(third).plus(third).toString()).not.toBe('1');
    expect(exactSum([new Decimal('0.1'), new Decimal('0.2')]).toString()).toBe('0.3');
    expect(exactSum([]).toString()).toBe('0');
    expect(exactTimes(parseFraction('2/3')!, new Decimal(3)).toString()).toBe('2');
  });
  it('a computed value that does not terminate keeps its fraction; one that does, or an integer, needs none', () => {
    const third = decimalOf(new Fraction(1, 3));
    expect(fractionOf(third).toFraction()).toBe('1/3');
    expect(fractionOf(decimalOf(new Fraction(-2, 3))).toFraction()).toBe('-2/3');
    expect(decimalOf(new Fraction(-2, 3)).isNegative()).toBe(true);
    expect(decimalOf(new Fraction(1, 4)).toString()).toBe('0.25');
    expect(decimalOf(new Fraction(6, 3)).toString()).toBe('2');
    // only what an author wrote shows as written
    expect(writtenFraction(third)).toBeUndefined();
    expect(writtenFraction(new Decimal('0.5'))).toBeUndefined();
  });
});
