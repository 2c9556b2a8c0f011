// How every problem reads: the location in the user's terms, the person, expected
// and found, the hint; personal numbers masked unless asked for.
import { describe, expect, it } from 'vitest';
import { countBySeverity, formatProblem, formatWhere, foundText, InputError, inputError, personText, problem, rank, SEVERITY_LABEL } from '../../src/problems/problem.js';

describe('formatWhere', () => {
  it('file, sheet, row, column and indicator path in that order; nothing for an empty place', () => {
    expect(formatWhere({ file: 'a.xlsx', sheet: '2021', row: 7, column: '已支付金额', path: ['产出', '数量'] })).toBe('a.xlsx 工作表「2021」 第 7 行 「已支付金额」列 产出 > 数量');
    expect(formatWhere({ row: 0 })).toBe('第 0 行');
    expect(formatWhere({ path: [] })).toBe('');
    expect(formatWhere({ file: 'a.yaml', path: [] })).toBe('a.yaml');
    expect(formatWhere({ file: '', sheet: '', column: '' })).toBe('');
    expect(formatWhere({})).toBe('');
  });
});

describe('personText and foundText', () => {
  const person = { name: '刘勇', unit: '弘昇电力', idNumber: '140423199001011234' };
  it('masks the ID unless asked, adds the unit', () => {
    expect(personText(person)).toBe('刘勇（1404**********1234），弘昇电力');
    expect(personText(person, true)).toBe('刘勇（140423199001011234），弘昇电力');
    expect(personText({ name: '刘勇' })).toBe('刘勇');
  });
  it('shows the full number found only when asked and when there is one', () => {
    const p = problem('error', 'x', 'm', {}, { found: '1404**********1234', foundFull: '140423199001011234' });
    expect([foundText(p), foundText(p, true)]).toEqual(['1404**********1234', '140423199001011234']);
    expect(foundText(problem('error', 'x', 'm', {}, { found: 'a' }), true)).toBe('a');
  });
});

describe('formatProblem', () => {
  it('where：［person］message（应为…，实际为…） 建议：…', () => {
    const p = { ...problem('warning', 'x', '重复发放', { file: 'r.csv', row: 3 }, { expected: '1 次', found: '2 次', hint: '核对' }), person: { name: '刘勇', idNumber: '140423199001011234' } };
    expect(formatProblem(p)).toBe('r.csv 第 3 行：［刘勇（1404**********1234）］重复发放（应为 1 次，实际为 2 次） 建议：核对');
    expect(formatProblem(p, true)).toBe('r.csv 第 3 行：［刘勇（140423199001011234）］重复发放（应为 1 次，实际为 2 次） 建议：核对');
    expect(formatProblem(problem('error', 'x', '只有消息'))).toBe('只有消息');
    expect(formatProblem(problem('error', 'x', '消息', {}, { expected: '甲' }))).toBe('消息（应为 甲）');
    expect(formatProblem(problem('error', 'x', '消息', {}, { found: '乙' }))).toBe('消息（实际为 乙）');
  });
  it('masks a full ID written into the message itself unless asked', () => {
    const p = problem('error', 'x', '身份证号 140423199001011234 无效');
    expect([formatProblem(p), formatProblem(p, true)]).toEqual(['身份证号 1404**********1234 无效', '身份证号 140423199001011234 无效']);
  });
});

describe('severities and input errors', () => {
  it('ranks and counts', () => {
    expect([rank('error'), rank('warning'), rank('info')]).toEqual([3, 2, 1]);
    expect(SEVERITY_LABEL).toEqual({ error: '错误', warning: '警告', info: '提示' });
    expect(countBySeverity([problem('error', 'a', ''), problem('info', 'b', ''), problem('error', 'c', '')])).toEqual({ error: 2, warning: 0, info: 1 });
  });
  it('an InputError carries its problems and reads as their lines', () => {
    const e = inputError('file-missing', '找不到文件', { file: 'a.csv' }, { hint: '检查路径' });
    expect([e.name, e.message, e.problems.map((p) => [p.severity, p.code])]).toEqual(['InputError', 'a.csv：找不到文件 建议：检查路径', [['error', 'file-missing']]]);
    expect(new InputError([problem('error', 'a', '一'), problem('error', 'b', '二')]).message).toBe('一\n二');
    expect(e instanceof Error).toBe(true);
  });
});
