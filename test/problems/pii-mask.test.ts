// Masking by pattern: which digit runs are personal numbers, at the edges of each rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPersonalNumber, maskNumber, maskPii, passesLuhn } from '../../src/problems/pii-mask.js';

/** Luhn written out independently (from the left, by parity of the distance to the end), so the vectors do not rest on the code under test. */
function luhnValid(digits: string): boolean {
  const sum = [...digits].reduce((acc, ch, i) => {
    const fromEnd = digits.length - 1 - i;
    const d = Number(ch) * (fromEnd % 2 === 1 ? 2 : 1);
    return acc + Math.floor(d / 10) + (d % 10);
  }, 0);
  return sum % 10 === 0;
}

/** A Luhn-valid number: the given digits and the check digit that makes them pass. */
function luhnComplete(body: string): string {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(`${body}${d}`)) return `${body}${d}`;
  throw new Error('unreachable');
}

/** The same digits with a last digit that fails Luhn: an 18-digit run that passes it could be a bank card. */
function luhnFailing(digits: string): string {
  for (let d = 0; d <= 9; d += 1) if (!luhnValid(`${digits.slice(0, -1)}${d}`)) return `${digits.slice(0, -1)}${d}`;
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

describe('the rules at their edges', () => {
  it('Luhn on published vectors', () => {
    expect(['79927398713', '4111111111111111', '5555555555554444', '4012888888881881', '6011000990139424'].map(passesLuhn)).toEqual([true, true, true, true, true]);
    expect(['79927398710', '4111111111111112', '5555555555554440', '4012888888881882', '0000000000000001'].map(passesLuhn)).toEqual([false, false, false, false, false]);
  });

  it('ID years 1900 to 2099, months 1 to 12, days to the month’s last', () => {
    const id = (ymd: string) => luhnFailing(`140423${ymd}1234`);
    expect(['19000101', '20991231', '19991201', '19990131', '20240229'].map((d) => isPersonalNumber(id(d)))).toEqual([true, true, true, true, true]);
    expect(['18991231', '21000101', '19990001', '19991301', '19990100', '19990132', '20230229'].map((d) => isPersonalNumber(id(d)))).toEqual([false, false, false, false, false, false, false]);
    expect(['140423990101123', '140423001231123', '140423000229123', '140423960229123'].map(isPersonalNumber)).toEqual([true, true, false, true]);
    expect(isPersonalNumber(luhnFailing('14042319900101123x'.replace('x', '9')).slice(0, 17) + 'x')).toBe(true);
  });

  it('maskNumber keeps 4 and 4 of what is longer than 8, trimmed; 8 or fewer are all stars', () => {
    expect([maskNumber(' 140423199001011234 '), maskNumber('123456789'), maskNumber('12345678'), maskNumber('1234'), maskNumber('')]).toEqual([
      '1404**********1234',
      '1234*6789',
      '********',
      '****',
      '',
    ]);
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
