// Cell converters at their edges: money and 万元, counts, text, names, dates (the ISO
// fast path never accepts what the general reader would refuse), ID and bank numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bad, idNumber, money, normaliseName, numberText, optionalCount, optionalDate, optionalText, parseDate, requiredText } from '../../src/schema/cells.js';

const show = (v: unknown) => (v instanceof Bad ? `Bad:${v.message}` : v === undefined ? undefined : String(v));

describe('cells', () => {
  it('money: yuan as written, a 万元 column scaled unless the cell says 元, percentages refused', () => {
    expect(['6,664', '17.16万元', '(100)', '', ' ', '90%', 'abc'].map((t) => show(money()(t)))).toEqual(['6664', '171600', '-100', 'Bad:金额为空', 'Bad:金额为空', 'Bad:不是金额', 'Bad:不是金额']);
    expect(['14.298655', '500元', '1万元'].map((t) => show(money('万元')(t)))).toEqual(['142986.55', '500', '10000']);
    expect(show(money('元')('1.5'))).toBe('1.5');
  });

  it('optionalCount: a non-negative whole number, or no value when blank (not 0)', () => {
    expect(['0', '12', '1,200', '', '　', '1.5', '-1', 'x'].map((t) => show(optionalCount(t)))).toEqual(['0', '12', '1200', undefined, undefined, 'Bad:不是非负整数', 'Bad:不是非负整数', 'Bad:不是非负整数']);
  });

  it('text: optional trimmed, required refuses blank and full-width blanks', () => {
    expect([' a ', '', '  '].map((t) => show(optionalText(t)))).toEqual(['a', undefined, undefined]);
    expect([' 生活救助 ', '　', '', '　助学　', '生活　救助'].map((t) => show(requiredText(t)))).toEqual(['生活救助', 'Bad:不能为空', 'Bad:不能为空', '助学', '生活 救助']);
    expect(['刘　勇', ' 刘 勇 ', '刘\t\n勇'].map(normaliseName)).toEqual(['刘勇', '刘勇', '刘勇']);
  });

  it('dates: every written form, the limits of years and of Excel serials', () => {
    expect(['1900-01-01', '2100-12-31', '1899-12-31', '2101-01-01', '2023-1-5', '2023.1.05', '2023年11月30日', '2023年11月30', '20231130', '2023113', '202311300'].map(parseDate)).toEqual([
      '1900-01-01', '2100-12-31', undefined, undefined, '2023-01-05', '2023-01-05', '2023-11-30', '2023-11-30', '2023-11-30', undefined, undefined,
    ]);
    // serials: 4 or 5 digits, up to 73415 (2100-12-31) as for written dates
    expect(['1000', '73415', '73416', '999', '45260.5', '45260.', '123456'].map(parseDate)).toEqual(['1902-09-26', '2100-12-31', undefined, undefined, '2023-11-30', undefined, undefined]);
    expect(['x2023-11-30', '2023-11-30x', '2023-11-3O'].map(parseDate)).toEqual([undefined, undefined, undefined]);
    expect(['2000-02-29', '1900-02-29', '2023-09-05'].map(parseDate)).toEqual(['2000-02-29', undefined, '2023-09-05']);
    expect([show(optionalDate('')), show(optionalDate(' ')), show(optionalDate('2023-11-30')), show(optionalDate('明天'))]).toEqual([undefined, undefined, '2023-11-30', 'Bad:不是日期（应形如 2023-11-30、2023/11/30 或 2023年11月30日）']);
  });

  it('the ISO fast path accepts only real ISO dates (characters around the digits included)', () => {
    const chars = fc.constantFrom('0', '1', '2', '9', '-', '/', '.', ' ', ':', 'a');
    fc.assert(
      fc.property(fc.array(chars, { minLength: 10, maxLength: 10 }), (cs) => {
        const text = `20${cs.slice(2).join('')}`;
        const got = parseDate(text);
        if (got !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(text)) expect(got).toBe(text);
        if (got !== undefined) expect(got).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { seed: 20261201, numRuns: 3000 },
    );
    expect(['2023-1/-05', '2023-0:-05', '2023-11-0/', '202/-11-05'].map(parseDate)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('a non-digit in any digit place of an ISO date is no date; other separators give the ISO form', () => {
    // (a space is removed before the general reader looks: '2023- 1-30' is a date)
    const notDigits = [':', ';', '/', '.', 'a', '-', '@'];
    for (const base of ['2023-11-30', '2020-02-29', '1999-09-09']) {
      for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
        for (const ch of notDigits) {
          const text = base.slice(0, i) + ch + base.slice(i + 1);
          expect([text, parseDate(text)]).toEqual([text, undefined]);
        }
      }
      for (const i of [4, 7]) {
        for (const sep of ['/', '.']) expect(parseDate(base.slice(0, i) + sep + base.slice(i + 1))).toBe(base);
        expect(parseDate(base.slice(0, i) + ':' + base.slice(i + 1))).toBeUndefined();
      }
    }
  });

  it('dates at their edges: years past 2100 refused in every form, months and days of two digits kept, serials with decimals', () => {
    expect(['2150-01-01', '2101-01-01', '2150/1/1'].map(parseDate)).toEqual([undefined, undefined, undefined]);
    expect(['2023/10/10', '2023年10月1日', '2023.1.10', '20231010'].map(parseDate)).toEqual(['2023-10-10', '2023-10-01', '2023-01-10', '2023-10-10']);
    expect(['45000.25', '45000.5', '45000'].map(parseDate)).toEqual(['2023-03-15', '2023-03-15', '2023-03-15']);
    expect(['x20231130', '2023113', 'x2023-11-30'].map(parseDate)).toEqual([undefined, undefined, undefined]);
  });

  it('ID and bank numbers: exact text, folded to half width and upper case', () => {
    expect(['6222020200112233445', '６２２２ ０２０２', '', ' ', 'ab12'].map((t) => show(numberText(t)))).toEqual(['6222020200112233445', '62220202', undefined, undefined, 'AB12']);
    expect(['140423199001011234', '14042319900101123x', '140423900101123', '１４０４２３１９９００１０１１２３４', '1404231990010112', '', '14042319900101123Y'].map((t) => show(idNumber(t)))).toEqual([
      '140423199001011234', '14042319900101123X', '140423900101123', '140423199001011234', 'Bad:身份证号应为 18 位（末位可为 X）或 15 位数字', undefined, 'Bad:身份证号应为 18 位（末位可为 X）或 15 位数字',
    ]);
    expect(show(idNumber('x140423199001011234'))).toBe('Bad:身份证号应为 18 位（末位可为 X）或 15 位数字');
    expect(show(idNumber('1404231990010112345'))).toBe('Bad:身份证号应为 18 位（末位可为 X）或 15 位数字');
  });
});
