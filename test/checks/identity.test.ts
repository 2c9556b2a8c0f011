import { describe, expect, it } from 'vitest';
import { resolveIdentities } from '../../src/checks/identity.js';
import { checkCharacter, readIdNumber } from '../../src/checks/id-numbers.js';
import { normaliseUnit } from '../../src/checks/unit-name.js';
import { Decimal } from '../../src/numbers/decimal.js';
import type { RosterRecord } from '../../src/schema/roster.js';

const rec = (name: string, unit?: string, idNumber?: string, year = 2022): RosterRecord => ({
  file: 'r.csv',
  row: 1,
  year,
  name,
  nameOriginal: name,
  approved: new Decimal(6000),
  paid: new Decimal(6000),
  aidType: '生活救助',
  ...(unit ? { unit } : {}),
  ...(idNumber ? { idNumber } : {}),
});

describe('identity resolution', () => {
  it('never merges two 刘勇 in unrelated units', () => {
    const ids = resolveIdentities([rec('刘勇', '襄垣县弘升电力'), rec('刘勇', '供销机械厂')]);
    expect(ids.persons).toHaveLength(2);
    expect(ids.apart[0]?.reason).toBe('同名，单位不同（「襄垣县弘升电力」与「供销机械厂」），视为不同人员');
  });

  it('never merges two 刘勇 with different ID numbers, even in the same unit', () => {
    const ids = resolveIdentities([rec('刘勇', '供销机械厂', '140423197003120106'), rec('刘勇', '供销机械厂', '140423198107050208')]);
    expect(ids.persons).toHaveLength(2);
    expect(ids.apart[0]?.reason).toBe('同名，身份证号不同，视为不同人员');
  });

  it('merges by ID number whatever the names of the units', () => {
    const ids = resolveIdentities([rec('刘勇', '甲厂', '140423197003120106'), rec('刘勇', '乙公司', '140423197003120106')]);
    expect(ids.persons).toHaveLength(1);
    expect(ids.persons[0]?.matches[0]).toMatchObject({ rule: 'id', reason: '身份证号相同' });
  });

  it('merges unit variants and says why', () => {
    const ids = resolveIdentities([rec('连峰', '襄垣县华成公司', undefined, 2021), rec('连峰', '襄垣华成公司')]);
    expect(ids.persons[0]?.matches[0]).toMatchObject({ rule: 'name-unit-contained', reason: '姓名相同，单位名称一方包含另一方（「襄垣华成公司」与「襄垣县华成公司」）' });
    expect(normaliseUnit('襄垣县弘昇电力有限公司')).toEqual({ text: '弘升电力', steps: ['异体字 昇→升', '去掉地名「襄垣县」', '去掉「有限公司」'] });
    expect(normaliseUnit('襄垣华成公司', ['襄垣县', '襄垣']).text).toBe('华成');
  });
});

describe('ID numbers (GB 11643)', () => {
  it('computes the check character', () => {
    // the standard's example number
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(readIdNumber('11010519491231002X')).toEqual({ birthYear: 1949, birth: '1949-12-31', male: false });
  });
  it('reads the legacy 15-digit form and refuses impossible dates', () => {
    expect(readIdNumber('140423700312101')).toEqual({ birthYear: 1970, birth: '1970-03-12', male: true });
    // 1·7+4·9+0·10+4·5+2·8+3·4+1·2+9·1+7·6+0·3+0·7+2·9+3·10 = 192; 192 mod 11 = 5 → '7'
    expect(readIdNumber('140423197002300000')).toEqual({ problem: '校验位应为 7' });
    expect(readIdNumber(`14042319700230000${checkCharacter('14042319700230000')}`)).toEqual({ problem: '出生日期 19700230 不存在' });
    expect(readIdNumber('1404231970')).toEqual({ problem: '应为 18 位（末位可为 X）或 15 位数字' });
  });
});
