// The problem codes no other test reached, each produced by the input that causes it
// (test/meta/problem-codes.test.ts checks that every code in src/ is produced somewhere).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../src/checks/run-checks.js';
import { lintTree } from '../src/engine/lint-tree.js';
import { loadTree } from '../src/engine/load-tree.js';
import { score } from '../src/engine/score.js';
import { resolveInside } from '../src/io/contained-path.js';
import { readStructuredFile } from '../src/io/structured-file.js';
import { Decimal } from '../src/numbers/decimal.js';
import { InputError, type Problem } from '../src/problems/problem.js';
import { kindOfHead } from '../src/run/detect-kind.js';
import { loadEvaluation } from '../src/run/load-evaluation.js';
import { auditConfigSchema } from '../src/schema/audit-config.js';
import { BUDGET_KIND } from '../src/schema/budget.js';
import { REGISTRY_KIND } from '../src/schema/registry.js';
import { surveyKind } from '../src/schema/survey.js';
import { copyFixture, edit, ROOT } from './helpers/fixture-copy.js';
import { metric, metricSet } from './helpers/metrics.js';
import { readError, readFixture } from './helpers/read.js';

// ---- codes no other test produced ----

const codesOf = (problems: readonly Problem[]) => problems.map((p) => p.code);
const indicators = (...leaves: unknown[]) => ({ title: 't', type: 'evaluation', total: 10, indicators: leaves });
const treeCodes = (raw: unknown) => {
  const loaded = loadTree(raw, 't.yaml');
  return codesOf(loaded.tree ? [...loaded.problems, ...lintTree(loaded.tree, 't.yaml')] : loaded.problems);
};

describe('tree problems', () => {
  it.each([
    ['tree-invalid', '一棵树', 'not a tree at all'],
    ['tree-invalid', { title: 't', indicators: 'none' }, 'indicators not a list'],
    ['tree-node-invalid', indicators({ id: 'a', name: 'a', weight: 10, rule: { kind: 'manual', guidance: 'x' }, children: [{ id: 'b', name: 'b', weight: 10, rule: { kind: 'manual', guidance: 'x' } }] }), 'children and a rule'],
    ['tree-rule-invalid', indicators({ id: 'a', name: 'a', weight: 10, rule: { kind: 'magic' } }), 'an unknown rule kind'],
    ['tree-duplicate-id', indicators({ id: 'a', name: 'a', weight: 5, rule: { kind: 'manual', guidance: 'x' } }, { id: 'a', name: 'b', weight: 5, rule: { kind: 'manual', guidance: 'x' } }), 'an id twice'],
    ['tree-grades', { ...indicators({ id: 'a', name: 'a', weight: 10, rule: { kind: 'manual', guidance: 'x' } }), grades: [{ name: '良', min: 80 }, { name: '优', min: 90 }, { name: '差' }] }, 'grades out of order'],
    ['tree-too-deep', { ...indicators({ id: 'a', name: 'a', weight: 10, children: [{ id: 'b', name: 'b', weight: 10, rule: { kind: 'manual', guidance: 'x' } }] }), levels: ['一级指标'] }, 'deeper than its levels'],
    ['rule-max-points', indicators({ id: 'a', name: 'a', weight: 10, rule: { kind: 'checklist', items: [{ id: 'x', text: 'x', points: 7.5 }, { id: 'y', text: 'y', points: 7.5 }] } }), '7.5 + 7.5 in 10'],
    ['rule-inconsistent', indicators({ id: 'a', name: 'a', weight: 10, rule: { kind: 'bands', metric: 'x.y', bands: [{ when: '>=50%', points: 10 }, { when: '[40%,60%)', points: 3 }] } }), 'overlapping bands'],
  ])('%s: %s', (code, raw, _what) => {
    expect(treeCodes(raw)).toContain(code);
  });
});

describe('answers that do not fit their rule', () => {
  const leafTree = (rule: unknown) => loadTree(indicators({ id: 'a', name: 'a', weight: 10, rule }), 't').tree!;
  const answerCodes = (rule: unknown, answer: unknown, metrics = new Map()) => codesOf(score({ tree: leafTree(rule), metrics, answers: { a: answer } }).problems);
  const checklist = { kind: 'checklist', items: [{ id: 'x', text: 'x', points: 5 }, { id: 'y', text: 'y', points: 5 }] };
  it.each([
    ['judgement-invalid', checklist, { items: 'all' }],
    ['answer-missing-item', checklist, { items: { x: 'met' } }],
    ['answer-unknown-item', checklist, { items: { x: 'met', y: 'met', z: 'met' } }],
    ['answer-unexpected-findings', checklist, { items: { x: 'met', y: 'met' }, findings: 2, reason: 'r' }],
    ['answer-unknown-grade', { kind: 'grade', levels: [{ name: '显著', points: 10 }, { name: '一般', points: [1, 3] }, { name: '未发挥', points: 0 }] }, { grade: '很好', reason: 'r' }],
    [
      'answer-invalid',
      { kind: 'composite', parts: [{ id: 'p', name: '开展率', points: 5, rule: { kind: 'checklist', items: [{ id: 'x', text: 'x', points: 5 }] } }, { id: 'q', name: '建档', points: 5, rule: { kind: 'checklist', items: [{ id: 'y', text: 'y', points: 5 }] } }] },
      { parts: { p: { items: 'all' }, q: { items: { y: 'met' } } } },
    ],
  ])('%s', (code, rule, answer) => {
    expect(answerCodes(rule, answer)).toContain(code);
  });

  it('answer-points-fixed: a band worth a fixed 3 points given 2', () => {
    const rule = { kind: 'bands', metric: 'x.rate', bands: [{ when: '>=90%', points: 10 }, { when: '<90%', points: 3 }] };
    expect(answerCodes(rule, { points: 2, reason: 'r' }, metricSet(metric('x.rate', '0.5')))).toContain('answer-points-fixed');
  });

  it('score-warning: far above target without an explanation', () => {
    const tree = loadTree(indicators({ id: 'a', name: 'a', weight: 10, target: '≥10户', rule: { kind: 'ratio', metric: 'x.n' } }), 't').tree!;
    expect(codesOf(score({ tree, metrics: metricSet(metric('x.n', 20, 'count')), answers: {} }).problems)).toEqual(['score-warning']);
  });
});

async function inputCode(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    if (e instanceof InputError) return e.problems[0]?.code ?? '';
    throw e;
  }
  return 'none';
}

describe('input problems', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-codes-'));
  const file = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };

  it('encoding-unknown: bytes neither UTF-8 nor GB18030', async () => {
    expect((await readError('bad.csv', {}, file('bad.csv', Buffer.from([0xff, 0xff, 0x2c, 0x0a])))).code).toBe('encoding-unknown');
  });
  it('json-invalid and yaml-invalid', async () => {
    expect(await inputCode(() => readStructuredFile(file('t.json', '{"a": 1,,}'), 't.json'))).toBe('json-invalid');
    expect(await inputCode(() => readStructuredFile(file('t.yaml', 'a: [1, 2\nb: }'), 't.yaml'))).toBe('yaml-invalid');
  });
  it('kind-unknown', async () => {
    expect(await inputCode(() => kindOfHead({ merges: [], rows: [{ row: 1, cells: ['编号', '名称'] }] }, 'x.csv', {}))).toBe('kind-unknown');
  });
  it('path-invalid: a Windows drive path read here', async () => {
    expect(await inputCode(() => resolveInside(dir, 'C:\\评价\\tree.yaml', { file: 'evaluation.yaml', field: 'tree' }, false))).toBe('path-invalid');
  });
  it('budget-row-invalid, survey-row-invalid, registry-row-invalid', async () => {
    const budget = await readFixture('b.csv', BUDGET_KIND, {}, file('b.csv', '年度,下达金额,到位金额,支出金额\n2022,一万,100,100\n'));
    expect(codesOf(budget.problems)).toEqual(['budget-row-invalid']);
    const survey = await readFixture('s.csv', surveyKind({ mode: 'scores', items: ['问题1'], max: new Decimal(10) }), {}, file('s.csv', '序号,问题1\n1,11\n'));
    expect(codesOf(survey.problems)).toEqual(['survey-row-invalid']);
    const registry = await readFixture('r.csv', REGISTRY_KIND, {}, file('r.csv', '姓名,身份证号,困难类型\n刘勇,140423199001011234,深度困难\n ,140423199001011234,深度困难\n'));
    expect(codesOf(registry.problems)).toEqual(['registry-row-invalid']);
  });
  it('row-rate-mismatch: a 预算执行率 column that is not paid ÷ approved', () => {
    const audit = runChecks(
      [{ file: 'r.csv', row: 2, year: 2022, name: '刘勇', nameOriginal: '刘勇', approved: new Decimal(3000), paid: new Decimal(1500), aidType: '生活救助', executionRate: '100%' }],
      auditConfigSchema.parse({}),
      [],
    );
    expect(codesOf(audit.findings)).toContain('row-rate-mismatch');
  });
});

describe('evaluation folder problems', () => {
  it('evaluation-invalid, judgements-invalid, survey-empty', async () => {
    const a = copyFixture('xiangyuan');
    edit(a, 'evaluation.yaml', (t) => t.replace(/^project: .*$/m, ''));
    expect(await inputCode(() => loadEvaluation(a))).toBe('evaluation-invalid');
    const b = copyFixture('xiangyuan');
    edit(b, 'judgements.yaml', (t) => t.replace('judgements:', 'judgement:'));
    expect(await inputCode(() => loadEvaluation(b))).toBe('judgements-invalid');
    const c = copyFixture('xiangyuan');
    writeFileSync(join(c, 'survey.csv'), '序号,问题1,问题2,问题3,问题4,问题5,问题6,问题7,问题8,问题9\n1,,,,,,,,,\n');
    expect(await inputCode(() => loadEvaluation(c))).toBe('survey-empty');
  });
});
