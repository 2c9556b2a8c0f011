import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/numbers/decimal.js';
import { plainFen } from '../../src/numbers/fen.js';

const PLAIN = /^-?\d{1,13}(\.\d{1,2})?$/;

describe('plainFen', () => {
  it('reads plain amounts as exact fen and refuses everything else', () => {
    expect(['6664', '6664.00', '-12.5', '0.05', '9999999999999.99', '0'].map(plainFen)).toEqual([666400, 666400, -1250, 5, 999999999999999, 0]);
    expect(['', '-', '6,664', '6664.', '6664.001', '.5', '１２', '12元', '10000000000000', '1e5', ' 12', '12 '].map(plainFen)).toEqual(Array(12).fill(undefined));
  });

  it('agrees with Decimal on any text (undefined exactly when not a plain amount)', () => {
    const amount = fc.tuple(fc.boolean(), fc.stringMatching(/^\d{1,13}$/), fc.option(fc.stringMatching(/^\d{1,2}$/))).map(([neg, w, f]) => `${neg ? '-' : ''}${w}${f === null ? '' : `.${f}`}`);
    fc.assert(
      fc.property(fc.oneof(amount, fc.string()), (text) => {
        const fen = plainFen(text);
        if (!PLAIN.test(text)) expect(fen).toBeUndefined();
        else expect(fen === 0 ? 0 : fen).toBe(new Decimal(text).times(100).toNumber() || 0);
      }),
    );
  });
});
