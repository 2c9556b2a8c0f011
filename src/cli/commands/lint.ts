// jixiao lint <tree|evaluation-dir>...: a tree's consistency on its own, without inputs:
// weights, rules that cannot award their weight, band tables with gaps or not monotone,
// points in the criteria text that contradict the rule. Exit 1 on findings at or above
// --fail-on, 2 only when a file cannot be read or parsed.
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Command } from 'commander';
import { lintFindings, type Acknowledged } from '../../engine/lint-tree.js';
import { loadTree } from '../../engine/load-tree.js';
import { leaves } from '../../engine/tree.js';
import { readStructuredFile } from '../../io/structured-file.js';
import { InputError, countBySeverity, problem, type Problem } from '../../problems/problem.js';
import { envelope } from '../../report/envelope.js';
import { EXIT_INPUT, addCommonOptions, commonOptions, exitCodeFor, shownPath } from '../conventions.js';
import { colourFor, printJson, printLines, printProblems } from '../print.js';

interface TreeResult {
  file: string;
  title?: string;
  leaves?: number;
  /** the file could not be read or parsed */
  unreadable: boolean;
  findings: Problem[];
  acknowledged: Acknowledged[];
}

/** A tree file, or the tree an evaluation folder (or its evaluation.yaml) names. */
async function treeFileOf(target: string): Promise<string> {
  const abs = resolve(target);
  const isDir = await stat(abs).then(
    (s) => s.isDirectory(),
    () => false,
  );
  const exists = (p: string) => stat(p).then(
    () => true,
    () => false,
  );
  // a folder: its evaluation's tree, else a tree.yaml lying in it
  if (isDir && !(await exists(join(abs, 'evaluation.yaml')))) {
    if (await exists(join(abs, 'tree.yaml'))) return join(abs, 'tree.yaml');
    throw new InputError([problem('error', 'file-unreadable', '目录中没有 evaluation.yaml，也没有 tree.yaml', { file: shownPath(target, abs) }, { hint: '给出指标体系文件，或含 evaluation.yaml 的评价目录' })]);
  }
  const config = isDir ? join(abs, 'evaluation.yaml') : /(^|[\\/])evaluation\.ya?ml$/i.test(abs) ? abs : undefined;
  if (!config) return abs;
  const raw = (await readStructuredFile(config, shownPath(target, config), 1)) as { tree?: unknown } | null;
  if (typeof raw?.tree !== 'string') throw new InputError([problem('error', 'evaluation-invalid', 'evaluation.yaml 中没有 tree（指标体系文件）', { file: shownPath(target, config) })]);
  return resolve(dirname(config), raw.tree);
}

async function lintOne(target: string): Promise<TreeResult> {
  let path = resolve(target);
  let shown = shownPath(target);
  try {
    path = await treeFileOf(target);
    // as the user gave it: relative when the argument was
    shown = isAbsolute(target) ? path : relative(process.cwd(), path);
    const loaded = loadTree(await readStructuredFile(path, shown, 5), shown);
    if (!loaded.tree) return { file: shown, unreadable: false, findings: loaded.problems, acknowledged: [] };
    const { findings, acknowledged } = lintFindings(loaded.tree, shown, { all: true });
    return { file: shown, title: loaded.tree.title, leaves: [...leaves(loaded.tree.indicators)].length, unreadable: false, findings: [...loaded.problems, ...findings], acknowledged };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { file: shown, unreadable: true, findings: e.problems, acknowledged: [] };
  }
}

export function lintCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('lint')
    .description('检查指标体系：权重、评分规则、分档、评分标准中的分值 / check indicator trees')
    .argument('<trees...>', '指标体系文件，或含 evaluation.yaml 的评价目录 tree files or evaluation folders')
    .option('--all', '也列出已在指标体系中确认（lint.ignore）的问题 also list acknowledged findings');
  addCommonOptions(cmd, { writes: false }).action(async (targets: string[], raw: Record<string, unknown>) => {
    const opts = commonOptions(raw);
    const results: TreeResult[] = [];
    for (const t of targets) results.push(await lintOne(t));
    const findings = results.flatMap((r) => r.findings);
    const exitCode = results.some((r) => r.unreadable) ? EXIT_INPUT : exitCodeFor(findings, opts.failOn);
    if (opts.format === 'json') {
      const trees = results.map((r) => ({
        file: r.file,
        readable: !r.unreadable,
        ...(r.title ? { title: r.title } : {}),
        ...(r.leaves !== undefined ? { leaves: r.leaves } : {}),
        counts: countBySeverity(r.findings),
        acknowledged: r.acknowledged.map((a) => ({ code: a.problem.code, path: a.problem.where.path ?? [], message: a.problem.message, reason: a.reason })),
      }));
      await printJson(envelope({ command: 'lint', exitCode, problems: findings, showPii: false, result: { trees } }), false);
    } else {
      if (!opts.quiet) printLines(summaryLines(results), false);
      printProblems(findings, 200, false);
      if (raw.all) printProblems(results.flatMap((r) => r.acknowledged.map((a) => ({ ...a.problem, severity: 'info' as const, message: `（已确认：${a.reason}）${a.problem.message}` }))), 200, false);
    }
    setExit(exitCode);
  });
  return cmd;
}

function summaryLines(results: readonly TreeResult[]): string[] {
  const c = colourFor(process.stdout);
  return results.map((r) => {
    if (r.unreadable) return `${c.red('✗')} ${r.file}：无法读取`;
    const n = countBySeverity(r.findings);
    const mark = n.error > 0 ? c.red('✗') : n.warning > 0 ? c.yellow('!') : c.green('✓');
    const head = r.title ? `「${r.title}」，${r.leaves} 个末级指标；` : '';
    const ack = r.acknowledged.length > 0 ? `；已确认 ${r.acknowledged.length} 个（--all 列出）` : '';
    return `${mark} ${r.file}：${head}错误 ${n.error} 个，警告 ${n.warning} 个，提示 ${n.info} 个${ack}`;
  });
}
