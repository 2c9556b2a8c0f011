// Identity numbers (GB 11643-1999): the check character of an 18-digit number,
// the legacy 15-digit form, a real birth date, the sex digit against 性别, and
// an age that fits a worker in the payment year. A malformed number is a finding.
import { maskNumber } from '../problems/problem.js';
import type { Problem } from '../problems/problem.js';
import type { Check } from './check.js';
import { rowFinding, yearOf } from './check.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK[sum % 11] as string;
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export interface IdFacts {
  birthYear: number;
  birth: string;
  male: boolean;
}

/** Facts from a well-formed number, or why it is not one. */
export function readIdNumber(id: string): IdFacts | { problem: string } {
  let birth: string;
  let sexDigit: number;
  if (/^\d{17}[\dX]$/.test(id)) {
    if (checkCharacter(id.slice(0, 17)) !== id[17]) return { problem: `校验位应为 ${checkCharacter(id.slice(0, 17))}` };
    birth = id.slice(6, 14);
    sexDigit = Number(id[16]);
  } else if (/^\d{15}$/.test(id)) {
    birth = `19${id.slice(6, 12)}`;
    sexDigit = Number(id[14]);
  } else {
    return { problem: '应为 18 位（末位可为 X）或 15 位数字' };
  }
  const y = Number(birth.slice(0, 4));
  const m = Number(birth.slice(4, 6));
  const d = Number(birth.slice(6, 8));
  if (!validDate(y, m, d)) return { problem: `出生日期 ${birth} 不存在` };
  return { birthYear: y, birth: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`, male: sexDigit % 2 === 1 };
}

export const idNumbers: Check = {
  id: 'id-numbers',
  name: '身份证号核查',
  rule: '身份证号校验位、出生日期、性别码与性别列一致、年龄在合理范围',
  cannotRun: ({ records }) => (records.some((r) => r.idNumber) ? undefined : '缺少身份证号列或该列为空'),
  run({ records, config }) {
    const out: Problem[] = [];
    for (const r of records) {
      if (!r.idNumber) continue;
      const facts = readIdNumber(r.idNumber);
      if ('problem' in facts) {
        out.push(rowFinding('error', 'id-invalid', `身份证号无效：${facts.problem}`, r, { found: maskNumber(r.idNumber), foundFull: r.idNumber, hint: '核对身份证原件后更正' }));
        continue;
      }
      if (r.gender && /^[男女]$/.test(r.gender) && (r.gender === '男') !== facts.male) {
        out.push(rowFinding('warning', 'id-sex-mismatch', `身份证号的性别码为${facts.male ? '男' : '女'}，与性别列不符`, r, { expected: facts.male ? '男' : '女', found: r.gender, hint: '核对性别或身份证号' }));
      }
      const year = yearOf(r);
      if (year !== undefined) {
        const age = year - facts.birthYear;
        if (age < config.age.min || age > config.age.max) {
          out.push(rowFinding('warning', 'id-age-implausible', `按身份证号，${year} 年时年龄为 ${age} 岁，不在职工的合理年龄范围内`, r, { expected: `${config.age.min}-${config.age.max} 岁`, found: `${age} 岁`, hint: '核对身份证号是否录错（如录成子女的）' }));
        }
      }
    }
    return out;
  },
};
