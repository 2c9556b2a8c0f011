// The configuration files' defaults, exactly, and every refusal as the user reads it.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { auditConfigSchema, DEFAULT_AUDIT } from '../../src/schema/audit-config.js';
import { EVALUATION_LABELS, evaluationSchema } from '../../src/schema/evaluation.js';
import { judgementsSchema } from '../../src/schema/judgements.js';
import { formatProblem } from '../../src/problems/problem.js';
import { zodProblems } from '../../src/problems/zod-issues.js';

const texts = (schema: z.ZodType, data: unknown, labels = {}) => {
  const r = schema.safeParse(data);
  return r.success ? [] : zodProblems(r.error, { file: 'e.yaml' }, 'x', labels, data).map((p) => formatProblem(p));
};
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('audit settings', () => {
  it('defaults follow the funds’ rules', () => {
    expect(plain(DEFAULT_AUDIT)).toEqual({
      disable: [],
      county_prefixes: [],
      age: { min: 16, max: 80 },
      standards: { 医疗救助: { max: '15000' } },
      dibao_tolerance: '0.5',
      approvals: { city: '10000', province: '20000', national: '50000' },
      education_types: ['助学', '金秋助学', '子女助学'],
      living_types: ['生活救助'],
      medical_types: ['医疗救助'],
    });
    expect(plain(auditConfigSchema.parse({ age: {}, approvals: {} }))).toMatchObject({ age: { min: 16, max: 80 }, approvals: { city: '10000', province: '20000', national: '50000' } });
  });

  it.each<[Record<string, unknown>, string]>([
    [{ disable: ['x'] }, 'e.yaml：disable[0]不在允许的取值中（应为 id-numbers / amounts / row-rates / totals / approvals / timing / registration / repeats，实际为 x）'],
    [{ county_prefixes: [''] }, 'e.yaml：county_prefixes[0]过小或过短（应为 不少于 1，实际为 ）'],
    [{ age: { min: 1.5 } }, 'e.yaml：age.min的类型不对（应为 整数，实际为 1.5）'],
    [{ standards: { 医疗救助: { max: -1 } } }, 'e.yaml：standards.医疗救助.max：不能为负数'],
    [{ dibao_monthly: 'abc' }, 'e.yaml：dibao_monthly：应为数字或分数（如 1/3），实际为「abc」'],
    [{ approvals: { city: -1 } }, 'e.yaml：approvals.city：不能为负数'],
    [{ deadline: '1130' }, 'e.yaml：deadline：每年的截止日应写成 月-日，如 11-30'],
    [{ deadline: { 2020: '2020-9-30' } }, 'e.yaml：deadline.2020：截止日期应写成 年-月-日，如 2020-09-30'],
    [{ deadline: { 20: '2020-09-30' } }, 'e.yaml：deadline.20的键不符合要求：年份应为四位数字，如 2020（实际为 20）'],
    [{ education_types: [1] }, 'e.yaml：education_types[0]的类型不对（应为 文本，实际为 1）'],
  ])('%j', (config, text) => {
    expect(texts(auditConfigSchema, config)).toEqual([text]);
  });

  it('deadlines are anchored at both ends', () => {
    for (const deadline of ['111-30', '11-301', { 12020: '2020-09-30' }, { 2020: '2020-09-301' }, { 2020: 'x2020-09-30' }, { '2020x': '2020-09-30' }]) {
      expect(auditConfigSchema.safeParse({ deadline }).success).toBe(false);
    }
  });

  it('accepts both deadline forms', () => {
    expect(auditConfigSchema.parse({ deadline: '11-30' }).deadline).toBe('11-30');
    expect(auditConfigSchema.parse({ deadline: { 2020: '2020-09-30' } }).deadline).toEqual({ 2020: '2020-09-30' });
  });
});

describe('evaluation.yaml', () => {
  const ok = { project: 'p', period: [2022], tree: 't.yaml', inputs: [{ kind: 'roster', file: 'r.csv' }] };
  it('defaults: 评分结果.xlsx, no aliases, the default audit', () => {
    const e = evaluationSchema.parse(ok);
    expect([e.output, e.header_aliases, plain(e.settings.audit)]).toEqual(['评分结果.xlsx', {}, plain(DEFAULT_AUDIT)]);
    expect(evaluationSchema.parse({ ...ok, period: [1990, 2100] }).period).toEqual([1990, 2100]);
  });
  it('a sheet by name or by position (from 1) for every kind that reads tables', () => {
    const scoring = { mode: 'scores', items: ['问题1'], max: 5 };
    for (const kind of ['roster', 'budget', 'survey', 'registry']) {
      for (const sheet of [1, 2, '说明']) {
        const spec = { kind, file: 'a.xlsx', sheet, ...(kind === 'survey' ? { scoring } : {}) };
        expect(evaluationSchema.parse({ ...ok, inputs: [spec] }).inputs[0]).toEqual(expect.objectContaining({ kind, sheet }));
      }
    }
    const levels = { kind: 'survey', file: 'a.csv', scoring: { mode: 'levels', items: ['问题1', '问题2'], levels: { 满意: 1, 一般: 0.5 } } };
    const parsed = evaluationSchema.parse({ ...ok, inputs: [levels] }).inputs[0] as { scoring: { items: string[]; levels: Record<string, { toString(): string }> } };
    expect([parsed.scoring.items, Object.entries(parsed.scoring.levels).map(([k, v]) => `${k}=${v.toString()}`)]).toEqual([['问题1', '问题2'], ['满意=1', '一般=0.5']]);
  });
  it.each<[Record<string, unknown>, string]>([
    [{ period: [1989] }, 'e.yaml：period[0]过小或过短（应为 不少于 1990，实际为 1989）'],
    [{ period: [2101] }, 'e.yaml：period[0]过大或过长（应为 不超过 2100，实际为 2101）'],
    [{ period: [] }, 'e.yaml：评价期间 period过小或过短（应为 不少于 1，实际为 列表）'],
    [{ project: '' }, 'e.yaml：项目名称 project过小或过短（应为 不少于 1，实际为 ）'],
    [{ output: 'a/b.xlsx' }, 'e.yaml：输出文件名 output：应为不含路径的 .xlsx 文件名'],
    [{ output: 'b.xls' }, 'e.yaml：输出文件名 output：应为不含路径的 .xlsx 文件名'],
    [{ inputs: [{ kind: 'x', file: 'a' }] }, 'e.yaml：类型 inputs[0].kind不在允许的取值中（应为 roster / budget / survey / judgements / registry，实际为 x）'],
    [{ inputs: [{ kind: 'roster', file: '' }] }, 'e.yaml：文件 inputs[0].file过小或过短（应为 不少于 1，实际为 ）'],
    [{ inputs: [{ kind: 'roster', file: 'a', sheet: 0 }] }, 'e.yaml：inputs[0].sheet过小或过短（应为 不少于 1，实际为 0）'],
    [{ inputs: [{ kind: 'survey', file: 'a', scoring: { mode: 'x' } }] }, 'e.yaml：inputs[0].scoring.mode不在允许的取值中（应为 scores / levels / counts，实际为 x）'],
    [{ inputs: [{ kind: 'survey', file: 'a', scoring: { mode: 'scores', items: [], max: 5 } }] }, 'e.yaml：inputs[0].scoring.items过小或过短（应为 不少于 1，实际为 列表）'],
    [{ inputs: [] }, 'e.yaml：输入文件 inputs过小或过短（应为 不少于 1，实际为 列表）'],
    [{ inputs: [{ kind: 'survey', file: 'a', scoring: { mode: 'levels', items: [], levels: { 满意: 1 } } }] }, 'e.yaml：inputs[0].scoring.items过小或过短（应为 不少于 1，实际为 列表）'],
    [{ inputs: [{ kind: 'budget', file: 'a', sheet: 0 }] }, 'e.yaml：inputs[0].sheet过小或过短（应为 不少于 1，实际为 0）'],
    [{ inputs: [{ kind: 'survey', file: 'a', sheet: 0, scoring: { mode: 'scores', items: ['问题1'], max: 5 } }] }, 'e.yaml：inputs[0].sheet过小或过短（应为 不少于 1，实际为 0）'],
    [{ inputs: [{ kind: 'registry', file: 'a', sheet: 0 }] }, 'e.yaml：inputs[0].sheet过小或过短（应为 不少于 1，实际为 0）'],
    [{ inputs: [{ kind: 'registry', file: '' }] }, 'e.yaml：文件 inputs[0].file过小或过短（应为 不少于 1，实际为 ）'],
    [{ inputs: [{ kind: 'roster', file: 'a', year: 1989 }] }, 'e.yaml：年度 inputs[0].year过小或过短（应为 不少于 1990，实际为 1989）'],
    [{ output: '评分结果.xlsx.bak' }, 'e.yaml：输出文件名 output：应为不含路径的 .xlsx 文件名'],
    [{ tree: '' }, 'e.yaml：指标体系文件 tree过小或过短（应为 不少于 1，实际为 ）'],
    [{ inputs: [{ kind: 'survey', file: 'a', scoring: { mode: 'scores', items: ['问题1'], max: '十' } }] }, 'e.yaml：inputs[0].scoring.max：应为数字或分数（如 1/3），实际为「十」'],
    [{ settings: { audit: { age: { max: 'x' } } } }, 'e.yaml：settings.audit.age.max的类型不对（应为 数字，实际为 x）'],
  ])('%j', (change, text) => {
    expect(texts(evaluationSchema, { ...ok, ...change }, EVALUATION_LABELS)).toEqual([text]);
  });
});

describe('judgements', () => {
  it('a given metric is a ratio unless said otherwise; its value reads like any number', () => {
    expect(plain(judgementsSchema.parse({ metrics: { a: { value: '90%', label: 'l', source: 's' } } }))).toEqual({ report: {}, judgements: {}, metrics: { a: { value: '0.9', label: 'l', kind: 'ratio', source: 's' } } });
  });
  it.each<[Record<string, unknown>, string]>([
    [{ metrics: { a: { value: 1, label: '', source: 'x' } } }, 'e.yaml：metrics.a.label过小或过短（应为 不少于 1，实际为 ）'],
    [{ metrics: { a: { value: 1, label: 'l', source: '' } } }, 'e.yaml：metrics.a.source过小或过短（应为 不少于 1，实际为 ）'],
    [{ metrics: { a: { value: 1, label: 'l', source: 'x', kind: 'pct' } } }, 'e.yaml：metrics.a.kind不在允许的取值中（应为 ratio / amount / count，实际为 pct）'],
    [{ judgements: { a: 1 } }, 'e.yaml：judgements.a的类型不对（应为 对象（键: 值），实际为 1）'],
    [{ evaluatr: 'x' }, 'e.yaml：未知字段 evaluatr 建议：检查拼写；允许的字段见 README'],
    [{ report: { experiance: 'x' } }, 'e.yaml：未知字段 report.experiance 建议：检查拼写；允许的字段见 README'],
  ])('%j', (data, text) => {
    expect(texts(judgementsSchema, data)).toEqual([text]);
  });
});
