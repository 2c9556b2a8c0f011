// audit --period: a range or a list, years 1990 to 2100 at both ends of a range too.
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/cli/commands/audit.js';

describe('--period', () => {
  it('a range (spaces allowed), a list (，、 and spaces too), or nothing', () => {
    expect([parsePeriod(undefined), parsePeriod(''), parsePeriod('2021'), parsePeriod('2020-2022'), parsePeriod(' 2020 - 2021 ')]).toEqual([[], [], [2021], [2020, 2021, 2022], [2020, 2021]]);
    expect([parsePeriod('2020,2022'), parsePeriod('2020，2021、2022'), parsePeriod('2020 2022'), parsePeriod('2022-2022')]).toEqual([[2020, 2022], [2020, 2021, 2022], [2020, 2022], [2022]]);
    expect([parsePeriod('1990'), parsePeriod('2100'), parsePeriod('1990-1991'), parsePeriod('2099-2100')]).toEqual([[1990], [2100], [1990, 1991], [2099, 2100]]);
  });

  it.each(['1989', '2101', '1989-1990', '2100-2101', '1000-9999', '2022-2020', '20-22', '2020-22', 'x', '2020;2021'])('「%s」 is refused with the forms allowed', (text) => {
    expect(() => parsePeriod(text)).toThrow(`无法识别的评价期间 ${text}`);
  });
});
