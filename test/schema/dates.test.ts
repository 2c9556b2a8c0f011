import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/schema/cells.js';

describe('parseDate', () => {
  it('reads the written forms and Excel serials', () => {
    expect(['2023-11-30', '2023/11/30', '2023.11.30', '2023年11月30日', '2023年1月5日', '20231130', '45260', ' 2023 - 11 - 30 '].map(parseDate)).toEqual([
      '2023-11-30', '2023-11-30', '2023-11-30', '2023-11-30', '2023-01-05', '2023-11-30', '2023-11-30', '2023-11-30',
    ]);
  });

  it('refuses days that do not exist and text that is not a date', () => {
    expect(['2023-02-29', '2023-13-01', '2023-00-10', '2023-04-31', '1899-12-31', 'abcd-ef-gh', '2023-1a-01', '2023-11-3x', '', '三月'].map(parseDate)).toEqual(Array(10).fill(undefined));
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2100-02-29')).toBeUndefined();
  });

  it('gives an ISO date back unchanged exactly when the day exists', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const real = m >= 1 && m <= 12 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        expect(parseDate(text)).toBe(real ? text : undefined);
      }),
    );
  });
});
