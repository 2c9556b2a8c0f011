// jixiao test <cases...>: regression cases for indicator rules in CI. Each case scores a
// tree and compares what it expects (a leaf, a subtotal, the total, the grade, a finding)
// with what comes out; a mismatch shows both and the trace. Exit 1 when a case fails,
// 2 when a case file cannot be read.
import { readFile, writeFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { relative, resolve } from 'node:path';
import { Command } from 'commander';
import { inputError, type Problem } from '../../problems/problem.js';
import { envelope } from '../../report/envelope.js';
import { writeAtomically } from '../../io/write-xlsx.js';
import { caseFiles, type CaseResult } from '../../run/run-case.js';
import { runCases } from '../../run/run-cases.js';
import { EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, addCommonOptions, commonOptions, shownPath } from '../conventions.js';
import { colourFor, printJson, printLines, printProblems } from '../print.js';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JUnit XML: one testcase per case, a failure listing its mismatches. */
export function junit(results: readonly CaseResult[]): string {
  const failed = results.filter((r) => !r.passed).length;
  const cases = results.map((r) => {
    const body = r.passed ? '' : `<failure message="${xml(failureText(r).split('\n')[0] ?? '')}">${xml(failureText(r))}</failure>`;
    return `  <testcase classname="jixiao" name="${xml(r.name)}" file="${xml(r.file)}">${body}</testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="jixiao test" tests="${results.length}" failures="${failed}">\n${cases.join('\n')}\n</testsuite>\n`;
}

function failureText(r: CaseResult): string {
  if (r.errors.length > 0) return r.errors.map((p) => `无法评分：${p.message}`).join('\n');
  return r.mismatches.map((m) => `${m.what}：期望 ${m.expected}，实际 ${m.actual}${m.trace ? `（${m.trace}）` : ''}`).join('\n');
}

/** --update: each failing case's expectations set to what came out, comments kept; the changes in words. */
async function updateCases(results: readonly CaseResult[], files: readonly string[]): Promise<{ file: string; changes: string[] }[]> {
  const out: { file: string; changes: string[] }[] = [];
  for (const r of results) {
    const fixable = r.mismatches.filter((m) => m.replacement !== undefined);
    // a case that could not score, or names a node the tree lacks, needs a person
    if (r.passed || r.errors.length > 0 || fixable.length !== r.mismatches.length) continue;
    const path = files.find((f) => (relative(process.cwd(), f) || f) === r.file) as string;
    const text = await readFile(path, 'utf8');
    let next: string;
    if (/\.json$/i.test(path)) {
      const data = JSON.parse(text) as Record<string, unknown>;
      for (const m of fixable) setAt(data, m.at, m.replacement);
      next = `${JSON.stringify(data, null, 2)}\n`;
    } else {
      const doc = parseDocument(text);
      for (const m of fixable) doc.setIn(m.at, m.replacement);
      next = doc.toString();
    }
    await writeAtomically(path, r.file, (tmp) => writeFile(tmp, next));
    const changes = fixable.map((m) => (Array.isArray(m.replacement) ? `${m.at.join('.')}：去掉未出现的 ${m.what.replace(/^问题 /, '')}` : `${m.at.join('.')}：${m.expected} → ${String(m.replacement)}`));
    out.push({ file: r.file, changes });
  }
  return out;
}

function setAt(data: Record<string, unknown>, at: readonly (string | number)[], value: unknown): void {
  let here = data;
  for (const k of at.slice(0, -1)) here = (here[k] ??= {}) as Record<string, unknown>;
  here[at[at.length - 1] as string] = value;
}

function positiveJobs(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw inputError('usage', `--jobs 应为 1 到 64 的整数，实际为「${text}」`, {});
  return n;
}

export function testCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('test')
    .description('回归测试：按用例文件评分并核对期望的得分、等级和问题 / run regression cases')
    .argument('<cases...>', '用例文件（YAML / JSON）或含用例的目录 case files or folders')
    .option('--junit <file>', '同时写出 JUnit XML also write JUnit XML')
    .option('--update', '把未通过用例的期望值改为实际值（有意改动指标体系之后），并列出改动 rewrite failing expectations')
    .option('--jobs <n>', '并行评分的线程数（默认 1：不并行）worker threads', '1');
  addCommonOptions(cmd, { writes: false }).action(async (targets: string[], raw: Record<string, unknown>) => {
    const opts = commonOptions(raw);
    const files = await caseFiles(targets);
    const jobs = files.map((file, index) => ({ index, file, shown: relative(process.cwd(), file) || file }));
    const workers = positiveJobs(String(raw.jobs));
    const results: CaseResult[] = [];
    const unreadable: Problem[] = [];
    for (const o of await runCases(jobs, workers)) {
      if ('result' in o) results.push(o.result);
      else unreadable.push(...o.unreadable);
    }
    const updates = raw.update ? await updateCases(results, files) : [];
    const failed = results.filter((r) => !r.passed && !updates.some((u) => u.file === r.file));
    const exitCode = unreadable.length > 0 ? EXIT_INPUT : failed.length > 0 ? EXIT_FINDINGS : EXIT_OK;
    if (typeof raw.junit === 'string') {
      const path = resolve(raw.junit);
      const text = junit(results);
      await writeAtomically(path, shownPath(raw.junit, path), (tmp) => writeFile(tmp, text));
    }
    if (opts.format === 'json') {
      const cases = results.map((r) => ({ file: r.file, name: r.name, passed: r.passed, mismatches: r.mismatches, errors: r.errors }));
      await printJson(envelope({ command: 'test', exitCode, problems: unreadable, showPii: false, result: { cases, passed: results.filter((r) => r.passed).length, failed: failed.length, updated: updates } }), false);
    } else {
      const c = colourFor(process.stdout);
      const lines: string[] = [];
      for (const r of results) {
        lines.push(`${r.passed ? c.green('✓') : c.red('✗')} ${r.name}${r.name === r.file ? '' : `（${r.file}）`}`);
        if (!r.passed) lines.push(...failureText(r).split('\n').map((l) => `    ${l}`));
      }
      for (const u of updates) lines.push(`已更新 ${u.file}：`, ...u.changes.map((ch) => `    ${ch}`));
      const passed = results.filter((r) => r.passed).length;
      if (!opts.quiet || failed.length > 0) printLines([...lines, `${results.length} 个用例：通过 ${passed} 个，未通过 ${failed.length} 个${updates.length > 0 ? `，已按实际值更新 ${updates.length} 个` : ''}`], false);
      printProblems(unreadable, 50, false);
    }
    setExit(exitCode);
  });
  return cmd;
}
