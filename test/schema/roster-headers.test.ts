// Every header text a roster may use for every field, read through the real input
// layer; the required fields refused when absent; the summable ones checked in 合计.
import { describe, expect, it } from 'vitest';
import { ROSTER_FIELDS, ROSTER_KIND } from '../../src/schema/roster.js';
import { readAs } from '../helpers/read-kind.js';

const read = (csv: string) => readAs(ROSTER_KIND, csv);

const REQUIRED = { name: ['姓名', '刘勇'], paid: ['已支付金额', '6000'], aid_type: ['帮扶项目', '生活救助'] } as const;
const SAMPLE: Record<string, string> = {
  seq: '1', name: '刘勇', gender: '男', unit: '弘昇电力', id_number: '140423199001011234', bank_account: '6222020200112233445', approved: '6000', paid: '6000',
  aid_type: '生活救助', execution_rate: '100%', date: '2021-11-20', union: '县总工会', hardship_type: '单亲', cause: '疾病', approval: '长工字〔2022〕5号', method: '银行卡', signature: '已签',
};

describe('roster headers', () => {
  it('the fields, their required flags and the sums a 合计 row is checked on', () => {
    expect(ROSTER_FIELDS.filter((f) => f.required).map((f) => f.field)).toEqual(['name', 'paid', 'aid_type']);
    expect(ROSTER_FIELDS.filter((f) => f.summable).map((f) => f.field)).toEqual(['approved', 'paid']);
  });

  const cases = ROSTER_FIELDS.flatMap((f) => f.aliases.map((alias) => [f.field, alias] as const));
  it.each(cases)('%s ← 「%s」', async (field, alias) => {
    const others = Object.entries(REQUIRED).filter(([f]) => f !== field);
    const header = [alias, ...others.map(([, [h]]) => h)];
    const row = [SAMPLE[field], ...others.map(([, [, v]]) => v)];
    const { tables, problems } = await read(`${header.join(',')}\n${row.join(',')}\n`);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(tables[0]?.columns.find((c) => c.index === 0)?.field).toBe(field);
  });

  it.each(Object.entries(REQUIRED))('a roster without %s is refused, naming the column', async (field, [header]) => {
    const others = Object.entries(REQUIRED).filter(([f]) => f !== field);
    const { problems } = await read(`${others.map(([, [h]]) => h).join(',')}\n${others.map(([, [, v]]) => v).join(',')}\n`);
    expect(problems.map((p) => p.code)).toContain('header-missing');
    expect(problems.map((p) => p.message).join('\n')).toContain(header);
  });

  it('the name as written is kept beside the name without spaces; a blank name is refused', async () => {
    const { records, problems } = await read('姓名,已支付金额,帮扶项目\n刘　勇 ,6000,生活救助\n ,6000,生活救助\n');
    expect(records).toEqual([{ name: '刘勇', nameOriginal: '刘　勇', approved: expect.anything(), paid: expect.anything(), aidType: '生活救助' }]);
    expect(problems.map((p) => [p.where.row, p.message])).toEqual([[3, expect.stringContaining('姓名不能为空')]]);
  });

  it('optional fields appear on a record only when the cell has text', async () => {
    const { records } = await read('姓名,已支付金额,帮扶项目,性别,备注\n刘勇,6000,生活救助,,x\n');
    expect(Object.keys(records[0] as object).sort()).toEqual(['aidType', 'approved', 'name', 'nameOriginal', 'paid']);
  });
});
