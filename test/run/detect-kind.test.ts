// Which kind a file is, from the head of its first sheet: the complete header wins,
// else the kind matching most fields (at least 2); --kind narrows the candidates;
// a file of no kind is described without quoting it.
import { describe, expect, it } from 'vitest';
import { kindOfHead } from '../../src/run/detect-kind.js';
import type { InputError } from '../../src/problems/problem.js';

const head = (...rows: string[][]) => ({ merges: [], rows: rows.map((cells, i) => ({ row: i + 1, cells })) });
const kind = async (h: ReturnType<typeof head>, forced?: 'roster' | 'budget' | 'survey' | 'unit-table', sheet?: string) => (await kindOfHead(sheet ? { ...h, sheet } : h, 'f.csv', {}, forced)).kind;
const refusal = async (h: ReturnType<typeof head>, sheet?: string) => {
  try {
    await kindOfHead(sheet ? { ...h, sheet } : h, 'f.csv', {});
  } catch (e) {
    return (e as InputError).problems.map((p) => [p.code, p.where, p.found]);
  }
  return 'recognised';
};

describe('kindOfHead', () => {
  it('a complete header, also below a title row', async () => {
    expect(await kind(head(['姓名', '已支付金额', '帮扶项目'], ['刘勇', '1', '生活救助']))).toBe('roster');
    expect(await kind(head(['年度', '下达金额', '到位金额', '支出金额']))).toBe('budget');
    expect(await kind(head(['2021年困难职工帮扶花名册'], ['姓名', '已支付金额', '帮扶项目']))).toBe('roster');
  });

  it('a questionnaire by two item columns or more (问题1, 题 2 …); one is not enough', async () => {
    const survey = await kindOfHead(head(['序号', '问题1', '问题 2']), 'f.csv', {});
    expect([survey.kind, survey.fields.map((f) => f.field)]).toEqual(['survey', ['seq', '问题1', '问题2']]);
    expect(await refusal(head(['序号', '问题1', '备注']))).toEqual([['kind-unknown', { file: 'f.csv' }, '前 1 行共 3 个非空单元格，其中没有已知的列名']]);
  });

  it('an incomplete header: the kind with most fields matched, 2 at least', async () => {
    // a roster without 帮扶项目 (2 fields) is still a roster, reported as such later
    expect(await kind(head(['姓名', '已支付金额', '备注']))).toBe('roster');
    expect(await kind(head(['下达金额', '到位金额', '备注']))).toBe('budget');
    // 3 roster fields beat 2 fields of a kind that is no more complete
    expect(await kind(head(['姓名', '已支付金额', '性别', '序号', '资金来源']))).toBe('roster');
    // but any amount column completes a budget table (every one is optional)
    expect(await kind(head(['姓名', '已支付金额', '性别', '下达金额', '到位金额']))).toBe('budget');
    expect(await kind(head(['姓名', '下达金额', '到位金额', '支出']))).toBe('budget');
    expect(await refusal(head(['姓名', '备注']))).toEqual([['kind-unknown', { file: 'f.csv' }, '前 1 行共 2 个非空单元格，其中没有已知的列名']]);
  });

  it('a fund table with a unit column is a unit table (jixiao batch); without one a budget table', async () => {
    expect(await kind(head(['单位', '下达金额']))).toBe('unit-table');
    expect(await kind(head(['地区', '帮扶类型', '帮扶人次', '使用金额（万元）']))).toBe('unit-table');
    expect(await kind(head(['年度', '下达金额', '到位金额', '支出金额']))).toBe('budget');
    expect(await kind(head(['年度', '下达金额']), 'unit-table')).toBe('unit-table');
  });

  it('--kind makes it that kind whatever the header says', async () => {
    const rosterHead = head(['姓名', '已支付金额', '帮扶项目']);
    expect([await kind(rosterHead, 'budget'), await kind(rosterHead, 'survey'), await kind(head(['下达金额', '到位金额', '支出金额']), 'roster')]).toEqual(['budget', 'roster', 'roster']);
    expect(await kind(head(['问题1', '问题2', '姓名', '已支付金额', '帮扶项目']), 'survey')).toBe('survey');
  });

  it('no known kind: the sheet named, an empty one called so', async () => {
    expect(await refusal(head(['a'], ['b', 'c']), '说明')).toEqual([['kind-unknown', { file: 'f.csv', sheet: '说明' }, '前 2 行共 3 个非空单元格，其中没有已知的列名']]);
    expect(await refusal(head(['', ' ']))).toEqual([['kind-unknown', { file: 'f.csv' }, '空表']]);
  });
});
