// zod's issues as a Chinese reader gets them: the wrong value quoted (zod 4 leaves it
// out of issues), a union explained by the branch meant, no English default text.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatProblem } from '../../src/problems/problem.js';
import { zodProblems } from '../../src/problems/zod-issues.js';

const texts = (schema: z.ZodType, data: unknown, labels = {}) => {
  const r = schema.safeParse(data);
  if (r.success) return [];
  return zodProblems(r.error, { file: 'a.yaml' }, 'x-invalid', labels, data).map((p) => formatProblem(p));
};

describe('zodProblems', () => {
  it('quotes the value found, from the data, and labels the field', () => {
    const s = z.strictObject({ kind: z.enum(['a', 'b']), n: z.number(), list: z.array(z.string()).min(2).max(3) });
    expect(texts(s, { kind: 'c', n: 'x', list: ['1'] }, { kind: '类型' })).toEqual([
      'a.yaml：类型 kind不在允许的取值中（应为 a / b，实际为 c）',
      'a.yaml：n的类型不对（应为 数字，实际为 x）',
      'a.yaml：list过小或过短（应为 不少于 2，实际为 列表）',
    ]);
    expect(texts(s, { kind: 'a', n: 1, list: ['1', '2', '3', '4'], extra: 1 })).toEqual([
      'a.yaml：list过大或过长（应为 不超过 3，实际为 列表）',
      'a.yaml：未知字段 extra 建议：检查拼写；允许的字段见 README',
    ]);
    expect(texts(s, { n: 1, list: ['1', '2'] })).toEqual(['a.yaml：缺少 kind']);
  });

  it('shortens long values and names shapes', () => {
    const s = z.strictObject({ a: z.number(), b: z.number(), c: z.number() });
    expect(texts(s, { a: 'x'.repeat(41), b: null, c: { y: 1 } })).toEqual([
      `a.yaml：a的类型不对（应为 数字，实际为 ${'x'.repeat(40)}…）`,
      'a.yaml：b的类型不对（应为 数字，实际为 空）',
      'a.yaml：c的类型不对（应为 数字，实际为 对象）',
    ]);
  });

  it('explains a union by the branch the value has the shape of', () => {
    const grade = z.strictObject({ g: z.union([z.strictObject({ levels: z.array(z.string()).min(1) }), z.strictObject({ preset: z.literal('q') })]) });
    expect(texts(grade, { g: { preset: 'x' } })).toEqual(['a.yaml：g.preset不在允许的取值中（应为 q，实际为 x）']);
    expect(texts(grade, { g: { levels: [] } })).toEqual(['a.yaml：g.levels过小或过短（应为 不少于 1，实际为 列表）']);
    expect(texts(grade, { g: 5 })).toEqual(['a.yaml：g不是允许的写法（实际为 5）']);
  });

  it('prefers the branch that got deepest, then the one with fewer issues', () => {
    const deep = z.union([z.strictObject({ a: z.strictObject({ b: z.number() }) }), z.strictObject({ a: z.object({}), c: z.number(), d: z.number() })]);
    expect(texts(deep, { a: { b: 'x' } })).toEqual(['a.yaml：a.b的类型不对（应为 数字，实际为 x）']);
    const few = z.union([z.strictObject({ a: z.number(), b: z.number() }), z.strictObject({ a: z.string(), b: z.string() })]);
    expect(texts(few, { a: 1, b: 'x' })).toEqual(['a.yaml：b的类型不对（应为 数字，实际为 x）']);
    const enumOrNumber = z.union([z.enum(['met', 'no']), z.number().max(1, { message: '应不大于 1' })]);
    expect(texts(enumOrNumber, 2)).toEqual(['a.yaml：应不大于 1']);
    expect(texts(enumOrNumber, 'maybe')).toEqual(['a.yaml：取值不在允许的取值中（应为 met / no，实际为 maybe）']);
    expect(texts(enumOrNumber, { x: 1 })).toEqual(['a.yaml：取值不是允许的写法（实际为 对象）']);
  });

  it('never shows zod’s English defaults', () => {
    expect(texts(z.strictObject({ s: z.string().regex(/^a$/) }), { s: 'b' })).toEqual(['a.yaml：s不符合要求（实际为 b）']);
    expect(texts(z.strictObject({ s: z.string().regex(/^a$/, '应以 a 开头') }), { s: 'b' })).toEqual(['a.yaml：s：应以 a 开头']);
    expect(texts(z.enum(['符合', '不符合']), 'x')).toEqual(['a.yaml：取值不在允许的取值中（应为 符合 / 不符合，实际为 x）']);
    expect(texts(z.number().multipleOf(5), 7)).toEqual(['a.yaml：取值不符合要求（实际为 7）']);
  });
});

describe('zodProblems, branch by branch', () => {
  const noData = (schema: z.ZodType, data: unknown) => {
    const r = schema.safeParse(data);
    return r.success ? [] : zodProblems(r.error, { file: 'a.yaml' }, 'x-invalid').map((p) => formatProblem(p));
  };

  it('names every type in Chinese', () => {
    const s = z.strictObject({ b: z.boolean(), l: z.array(z.string()), n: z.null(), i: z.number().int(), o: z.record(z.string(), z.number()) });
    expect(texts(s, { b: 'x', l: 'x', n: 'x', i: 1.5, o: 'x' })).toEqual([
      'a.yaml：b的类型不对（应为 是/否，实际为 x）',
      'a.yaml：l的类型不对（应为 列表，实际为 x）',
      'a.yaml：n的类型不对（应为 空，实际为 x）',
      'a.yaml：i的类型不对（应为 整数，实际为 1.5）',
      'a.yaml：o的类型不对（应为 对象（键: 值），实际为 x）',
    ]);
  });

  it('a missing field without the data: 缺少, and the field (or 内容 at the top)', () => {
    expect(noData(z.strictObject({ a: z.string() }), {})).toEqual(['a.yaml：缺少 a']);
    expect(noData(z.string(), undefined)).toEqual(['a.yaml：缺少内容']);
  });

  it('values longer than 40 characters are cut with …; 40 are not', () => {
    const s = z.strictObject({ a: z.number() });
    expect(texts(s, { a: 'x'.repeat(40) })).toEqual([`a.yaml：a的类型不对（应为 数字，实际为 ${'x'.repeat(40)}）`]);
    expect(texts(s, { a: 'x'.repeat(41) })).toEqual([`a.yaml：a的类型不对（应为 数字，实际为 ${'x'.repeat(40)}…）`]);
  });

  it('at the top level the field reads 取值', () => {
    expect(texts(z.string().min(3), 'ab')).toEqual(['a.yaml：取值过小或过短（应为 不少于 3，实际为 ab）']);
    expect(texts(z.string().max(1), 'ab')).toEqual(['a.yaml：取值过大或过长（应为 不超过 1，实际为 ab）']);
    expect(texts(z.enum(['a']), 'b')).toEqual(['a.yaml：取值不在允许的取值中（应为 a，实际为 b）']);
    expect(texts(z.union([z.number(), z.boolean()]), 'x')).toEqual(['a.yaml：取值不是允许的写法（实际为 x）']);
    expect(texts(z.number().multipleOf(5), 7)).toEqual(['a.yaml：取值不符合要求（实际为 7）']);
  });

  it('a refused record key says why when the key schema does, and shows the key', () => {
    const own = z.record(z.string().regex(/^[a-z]+$/, '键应为小写字母'), z.number());
    expect(texts(z.strictObject({ m: own }), { m: { A: 1 } })).toEqual(['a.yaml：m.A的键不符合要求：键应为小写字母（实际为 A）']);
    const plain = z.record(z.string().regex(/^[a-z]+$/), z.number());
    expect(texts(z.strictObject({ m: plain }), { m: { A: 1 } })).toEqual(['a.yaml：m.A的键不符合要求（实际为 A）']);
  });

  it('a discriminated union lists its options, labelled', () => {
    const s = z.strictObject({ k: z.discriminatedUnion('mode', [z.strictObject({ mode: z.literal('a') }), z.strictObject({ mode: z.literal('b') })]) });
    expect(texts(s, { k: { mode: 'c' } }, { mode: '方式' })).toEqual(['a.yaml：方式 k.mode不在允许的取值中（应为 a / b，实际为 c）']);
  });

  it('a message of ours is shown even when it quotes an English word; zod’s own never', () => {
    const s = z.strictObject({ a: z.string().refine(() => false, '取值 Invalid 不可用'), b: z.string().refine(() => false, 'Invalid input 无效') });
    expect(texts(s, { a: 'x', b: 'y' })).toEqual(['a.yaml：a：取值 Invalid 不可用', 'a.yaml：b不符合要求（实际为 y）']);
  });
});

describe('did you mean', () => {
  const withSchema = (schema: z.ZodType, data: unknown) => {
    const r = schema.safeParse(data);
    return r.success ? [] : zodProblems(r.error, { file: 'a.yaml' }, 'x-invalid', {}, data, schema).map((p) => formatProblem(p));
  };
  const inputs = z.strictObject({
    inputs: z.array(z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('roster'), file: z.string(), year: z.number().optional() }), z.strictObject({ kind: z.literal('survey'), file: z.string(), scoring: z.string() })])),
    settings: z.strictObject({ audit: z.strictObject({ age_max: z.number().optional() }).default({}) }).default({ audit: {} }),
  });
  it('names the key a misspelt one most likely is, and the keys still open at that place (through arrays, unions and defaults)', () => {
    expect(withSchema(inputs, { inputs: [{ kind: 'survey', file: 'a', scorng: 'x' }] })).toEqual(['a.yaml：缺少 inputs[0].scoring', 'a.yaml：未知字段 inputs[0].scorng 建议：scorng 是否应为 scoring？此处可用的字段：scoring']);
    // both written: nothing to guess, nothing open
    expect(withSchema(inputs, { inputs: [{ kind: 'survey', file: 'a', scoring: 'x', scorng: 1 }] })).toEqual(['a.yaml：未知字段 inputs[0].scorng 建议：检查拼写；允许的字段见 README']);
    expect(withSchema(inputs, { inputs: [{ kind: 'roster', file: 'a', yaer: 2020 }] })).toEqual(['a.yaml：未知字段 inputs[0].yaer 建议：yaer 是否应为 year？此处可用的字段：year']);
    expect(withSchema(inputs, { inputs: [], settings: { audit: { agemax: 1 } } })).toEqual(['a.yaml：未知字段 settings.audit.agemax 建议：agemax 是否应为 age_max？此处可用的字段：age_max']);
  });
  it('no guess for a key far from every allowed one (more than 2 edits and more than a third of it)', () => {
    expect(withSchema(inputs, { inputs: [], colour: 1 })).toEqual(['a.yaml：未知字段 colour 建议：此处可用的字段：settings']);
  });
});
