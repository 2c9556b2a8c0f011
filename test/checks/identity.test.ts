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

  it('reports a common name once per person kept apart, not once per pair', () => {
    // 3,000 persons named 张伟 with different ID numbers (a province-wide roster): pairs would be 4.5 million
    const records = Array.from({ length: 3000 }, (_, i) => rec('张伟', '供销机械厂', `1404231970${String(100000 + i).slice(1)}00${i % 10}`));
    const ids = resolveIdentities(records);
    expect(ids.persons).toHaveLength(3000);
    expect(ids.apart).toHaveLength(2999);
    expect(ids.apart[0]).toEqual({ name: '张伟', records: [0, 1], reason: '同名，身份证号不同，视为不同人员' });
    expect(ids.apart[2998]).toEqual({ name: '张伟', records: [0, 2999], reason: '同名（同名已有 2999 人），身份证号不同，视为不同人员' });
  });

  it('lets a record with an ID join a same-name person without one, and only such', () => {
    const ids = resolveIdentities([
      rec('刘勇', '供销机械厂', '140423197003120106'),
      rec('刘勇', '供销机械厂'),
      rec('刘勇', '供销机械厂', '140423198107050208'),
      rec('刘勇', '供销机械厂', '140423198107050208'),
    ]);
    // the record without an ID joins the first 刘勇 (same unit); the second ID is another person
    expect(ids.personOf).toEqual([0, 0, 1, 1]);
    expect(ids.persons[1]?.matches[0]).toMatchObject({ rule: 'id' });
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

describe('repeats on a person paid many times', () => {
  it('spells out at most 10 payments per finding and counts the rest', async () => {
    const { runChecks } = await import('../../src/checks/run-checks.js');
    const { auditConfigSchema } = await import('../../src/schema/audit-config.js');
    // a placeholder ID typed on 30 rows
    const records = Array.from({ length: 30 }, (_, i) => ({ ...rec('王芳', '土产日杂公司', '140423197003120106'), row: i + 2 }));
    const audit = runChecks(records, auditConfigSchema.parse({}), [2022]);
    const same = audit.findings.filter((f) => f.code === 'repeat-same-type');
    expect(same).toHaveLength(29);
    expect(same[0]?.message).toBe('同一人员在同一年度同一帮扶项目重复领取（共 30 次）');
    expect(same[0]?.found).toBe(`${Array.from({ length: 10 }, (_, i) => `2022年生活救助（r.csv 第 ${i + 2} 行）`).join('；')}；等共 30 次`);
    const person = audit.findings.find((f) => f.code === 'repeat-person');
    expect(person?.hint?.endsWith('；等共 29 处')).toBe(true);
  });
});
