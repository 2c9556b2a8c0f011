// One regression case scored and compared: every expected figure against the actual one,
// with the trace that produced it. Deterministic; nothing is written.
import { dirname, resolve } from 'node:path';
import { readdir, stat } from 'node:fs/promises';
import { scorableTree } from '../engine/lint-tree.js';
import { score, scoredNodes, type ScoredTree } from '../engine/score.js';
import { pts } from '../engine/rules/common.js';
import { readStructuredFile } from '../io/structured-file.js';
import { canonicalName } from '../metrics/metric-name.js';
import type { Metric } from '../metrics/metric.js';
import { Decimal } from '../numbers/decimal.js';
import { InputError, type Problem } from '../problems/problem.js';
import { zodProblems } from '../problems/zod-issues.js';
import { testCaseSchema, type TestCase } from '../schema/test-case.js';
import { scoreEvaluation } from './score-evaluation.js';
import { templatePath } from './templates.js';

export interface Mismatch {
  /** what was compared: 合计, 评价等级, a node's id, a finding code */
  what: string;
  expected: string;
  actual: string;
  trace?: string;
  /** where the expected value sits in the case file, and the actual value to put there (--update) */
  at: (string | number)[];
  replacement?: string | number | string[];
}

export interface CaseResult {
  file: string;
  name: string;
  passed: boolean;
  mismatches: Mismatch[];
  /** problems that stopped scoring */
  errors: Problem[];
}

async function treePath(written: string, caseDir: string): Promise<string> {
  const asFile = resolve(caseDir, written);
  const isFile = await stat(asFile).then(
    (s) => s.isFile(),
    () => false,
  );
  return isFile ? asFile : templatePath(written);
}

/** The case's tree scored on its evaluation or on its own figures (the documentation's examples show the traces). */
export async function scoreCase(c: TestCase, caseFile: string, shown: string): Promise<{ tree: ScoredTree; problems: Problem[] }> {
  const dir = dirname(caseFile);
  if (c.evaluation) {
    const r = await scoreEvaluation(resolve(dir, c.evaluation));
    return { tree: r.scored, problems: [...r.problems, ...r.loaded.audit.findings] };
  }
  // a tree written in the case is named after the case file in messages
  const treeShown = typeof c.tree === 'string' ? c.tree : `${shown}（tree）`;
  const raw = typeof c.tree === 'string' ? await readStructuredFile(await treePath(c.tree, dir), c.tree, 5) : c.tree;
  const loaded = scorableTree(raw, treeShown);
  const metrics = new Map<string, Metric>();
  for (const [written, m] of Object.entries(c.metrics)) {
    const name = canonicalName(written);
    metrics.set(name, { name, label: m.label ?? name, kind: m.kind, value: m.value, ...(m.unit ? { unit: m.unit } : {}), source: 'judgement', provenance: [{ file: shown }] });
  }
  const r = score({ tree: loaded.tree, metrics, answers: c.judgements, answersFile: shown });
  if (!r.scored) throw new InputError(r.problems);
  return { tree: r.scored, problems: [...loaded.problems, ...r.problems] };
}

export async function readCase(file: string, shown: string): Promise<TestCase> {
  const raw = await readStructuredFile(file, shown, 5);
  const parsed = testCaseSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(zodProblems(parsed.error, { file: shown }, 'case-invalid', {}, raw, testCaseSchema));
  return parsed.data;
}

export async function runCase(file: string, shown: string): Promise<CaseResult> {
  const c = await readCase(file, shown);
  const name = c.name ?? shown;
  let result: { tree: ScoredTree; problems: Problem[] };
  try {
    result = await scoreCase(c, file, shown);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { file: shown, name, passed: false, mismatches: [], errors: e.problems };
  }
  const { tree, problems } = result;
  const tolerance = c.tolerance ?? new Decimal(0);
  const close = (a: Decimal, b: Decimal) => a.minus(b).abs().lessThanOrEqualTo(tolerance);
  const mismatches: Mismatch[] = [];
  const number = (d: Decimal) => Number(d.toString());
  if (c.expect.total !== undefined && !close(tree.total, c.expect.total)) mismatches.push({ what: '合计', expected: pts(c.expect.total), actual: pts(tree.total), at: ['expect', 'total'], replacement: number(tree.total) });
  if (c.expect.grade !== undefined && tree.grade !== c.expect.grade) mismatches.push({ what: '评价等级', expected: c.expect.grade, actual: tree.grade, at: ['expect', 'grade'], replacement: tree.grade });
  const nodes = new Map([...scoredNodes(tree.nodes)].map((n) => [n.node.id, n]));
  for (const [id, expected] of Object.entries(c.expect.scores)) {
    const n = nodes.get(id);
    if (!n) mismatches.push({ what: id, expected: pts(expected), actual: '指标体系中没有这个编号', at: ['expect', 'scores', id] });
    else if (!close(n.score, expected)) mismatches.push({ what: `${n.node.name}（${id}）`, expected: pts(expected), actual: pts(n.score), ...(n.trace ? { trace: n.trace } : {}), at: ['expect', 'scores', id], replacement: number(n.score) });
  }
  const codes = new Set(problems.map((p) => p.code));
  const kept = c.expect.findings.filter((code) => codes.has(code));
  for (const code of c.expect.findings) {
    if (!codes.has(code)) mismatches.push({ what: `问题 ${code}`, expected: '出现', actual: codes.size > 0 ? `未出现（出现的：${[...codes].sort().join('、')}）` : '未出现（没有任何问题）', at: ['expect', 'findings'], replacement: kept });
  }
  return { file: shown, name, passed: mismatches.length === 0, mismatches, errors: [] };
}

/** Case files from the arguments: files as given, folders' *.yaml / *.yml / *.json sorted. */
export async function caseFiles(targets: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const t of targets) {
    const abs = resolve(t);
    const isDir = await stat(abs).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) out.push(abs);
    else out.push(...(await readdir(abs)).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort().map((f) => resolve(abs, f)));
  }
  return out;
}
