// Masking by pattern: which digit runs are personal numbers, at the edges of each rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPersonalNumber, maskPii, passesLuhn } from '../../src/problems/pii-mask.js';

/** A Luhn-valid number: the given digits and the check digit that makes them pass. */
function luhnComplete(body: string): string {
  for (let d = 0; d <= 9; d += 1) if (passesLuhn(`${body}${d}`)) return `${body}${d}`;
  throw new Error('unreachable');
}

/** The same digits with a last digit that fails Luhn: an 18-digit run that passes it could be a bank card. */
function luhnFailing(digits: string): string {
  for (let d = 0; d <= 9; d += 1) if (!passesLuhn(`${digits.slice(0, -1)}${d}`)) return `${digits.slice(0, -1)}${d}`;
  throw new Error('unreachable');
}

describe('isPersonalNumber', () => {
  it('18-character IDs whose date part is a real date, X included; not an impossible date', () => {
    expect(isPersonalNumber('140423199001011234')).toBe(true);
    expect(isPersonalNumber('14042319900101123X')).toBe(true);
    expect(isPersonalNumber('140423200002291234')).toBe(true); // 2000 was a leap year
    expect(isPersonalNumber(luhnFailing('140423190002291234'))).toBe(false); // 1900 was not
    expect(isPersonalNumber(luhnFailing('140423199013011234'))).toBe(false); // month 13
    expect(isPersonalNumber(luhnFailing('140423199004311234'))).toBe(false); // 31 April
    expect(isPersonalNumber(luhnFailing('140423189912311234'))).toBe(false); // before 1900
  });
  it('15-digit old IDs (yymmdd), not with an impossible date', () => {
    expect(isPersonalNumber('140423900101123')).toBe(true);
    expect(isPersonalNumber('140423901301123')).toBe(false);
  });
  it('bank cards: 16 to 19 digits that pass Luhn; a failing check digit or 15/20 digits are not', () => {
    for (const length of [16, 17, 18, 19]) {
      const card = luhnComplete('6222021234567890123'.slice(0, length - 1));
      expect(isPersonalNumber(card), card).toBe(true);
      const wrong = `${card.slice(0, -1)}${(Number(card.at(-1)) + 1) % 10}`;
      if (!isPersonalNumber(wrong)) expect(passesLuhn(wrong)).toBe(false);
    }
    expect(isPersonalNumber(luhnComplete('62220212345678901234'))).toBe(false); // 21 digits
    expect(isPersonalNumber('123456789012345')).toBe(false); // 15 digits, no date
  });
});

describe('maskPii', () => {
  it('masks numbers wherever they stand in a text and leaves project numbers readable', () => {
    const card = luhnComplete('622202123456789012');
    expect(maskPii(`第 3 行：刘勇,140423199001011234,${card},供销机械厂`)).toBe(`第 3 行：刘勇,1404**********1234,6222***********${card.slice(-4)},供销机械厂`);
    expect(maskPii('项目编号 20230101000000000001，统一社会信用代码 91140423MA0GRXXX1Q')).toBe('项目编号 20230101000000000001，统一社会信用代码 91140423MA0GRXXX1Q');
    expect(maskPii('姓名写成了14042319900101123X')).toBe('姓名写成了1404**********123X');
    expect(maskPii('6664')).toBe('6664');
  });
  it('never throws, is idempotent, and leaves no ID shape behind', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.constantFrom('140423199001011234', '140423900101123', '4111111111111111', '，', 'a', '9'), { maxLength: 6 }), (noise, parts) => {
        const text = `${noise}${parts.join('')}${noise}`;
        const once = maskPii(text);
        expect(maskPii(once)).toBe(once);
        for (const run of once.match(/\d{15,}[Xx]?/g) ?? []) expect(isPersonalNumber(run)).toBe(false);
      }),
      { seed: 20261201, numRuns: 500 },
    );
  });
});
