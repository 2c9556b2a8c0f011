// jixiao diff <tree-a> <tree-b> --inputs <evaluation>: which scores change between two
// versions of a tree, and why. Each node whose score moves is a warning (score-changed),
// so `--fail-on warning` makes CI fail when a tree change moves an evaluation's scores.
import { Command } from 'commander';
import { pts } from '../../engine/rules/common.js';
import type { NodeChange, NodeSide } from '../../engine/tree-diff.js';
import { problem, type Problem } from '../../problems/problem.js';
import { envelope } from '../../report/envelope.js';
import { addCommonOptions, addLimitOption, commonOptions, exitCodeFor, limitOptions } from '../conventions.js';
import { printJson, printLines, printProblems } from '../print.js';
import type { Decimal } from '../../numbers/decimal.js';

/** Scores to the places the trees round to, as the score tables print them. */
function formats(places: number) {
  const fixed = (d: Decimal) => d.toFixed(places);
  return {
    fixed,
    signed: (d: Decimal) => (d.isNegative() ? `−${fixed(d.abs())}` : `+${fixed(d)}`),
    scoreText: (s: NodeSide) => (s.pending ? '待评' : fixed(s.score)),
  };
}
type Formats = ReturnType<typeof formats>;

function changeLines(c: NodeChange, { signed, scoreText }: Formats): string[] {
  const path = c.path.join(' > ');
  if (c.status === 'added') return [`  ${path}：新增，${scoreText(c.b!)} / ${pts(c.b!.weight)} 分`];
  if (c.status === 'removed') return [`  ${path}：删去（原 ${scoreText(c.a!)} / ${pts(c.a!.weight)} 分）`];
  const a = c.a!;
  const b = c.b!;
  const moved = c.status === 'changed' && !a.pending && !b.pending ? `（${signed(b.score.minus(a.score))}）` : '';
  const head = c.status === 'changed' ? `  ${path}：${scoreText(a)} → ${scoreText(b)}${moved}` : `  ${path}：${scoreText(b)} 分`;
  const lines = [head, ...c.why.map((w) => `    ${w}`)];
  // a leaf's two traces show how each score came about
  if (c.status === 'changed' && (a.trace || b.trace) && a.trace !== b.trace) lines.push(`    原：${a.trace ?? '—'}`, `    新：${b.trace ?? '—'}`);
  return lines;
}

export function diffCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('diff')
    .description('比较两版指标体系：按同一评价的数据和判断评分，列出得分变化的指标及原因 / which scores change between two versions of a tree')
    .argument('<tree-a>', '原来的指标体系：文件，或 git 修订:路径（如 HEAD~1:indicators/tree.yaml）')
    .argument('<tree-b>', '新的指标体系：文件，或 git 修订:路径')
    .requiredOption('--inputs <evaluation-dir>', '提供数据和评价判断的评价目录（含 evaluation.yaml）')
    .option('--allow-outside', '允许 evaluation.yaml 引用评价目录之外的文件 allow paths outside the evaluation folder');
  addLimitOption(addCommonOptions(cmd, { writes: false })).action(async (specA: string, specB: string, raw: Record<string, unknown>) => {
    const opts = commonOptions(raw);
    const { diffTrees } = await import('../../run/diff-trees.js');
    const done = await diffTrees(specA, specB, String(raw.inputs), { allowOutside: Boolean(raw.allowOutside), limits: limitOptions(raw) });
    const { diff } = done;
    const fmt = formats(Math.max(done.a.scored.tree.rounding.places, done.b.scored.tree.rounding.places));
    const { fixed, signed, scoreText } = fmt;
    const moved = diff.changes.filter((c) => c.status !== 'same-score');
    const findings: Problem[] = moved.map((c) =>
      problem('warning', 'score-changed', c.status === 'added' ? '新增的指标' : c.status === 'removed' ? '删去的指标' : `得分 ${scoreText(c.a!)} → ${scoreText(c.b!)}`, { path: c.path }, { ...(c.a ? { expected: scoreText(c.a) } : {}), ...(c.b ? { found: scoreText(c.b) } : {}), hint: c.why.join('；') }),
    );
    const problems = [...done.problems, ...findings];
    const exitCode = exitCodeFor(problems, opts.failOn);
    if (opts.format === 'json') {
      const sideJson = (s?: NodeSide) => s && { score: fixed(s.score), weight: pts(s.weight), pending: s.pending, ...(s.trace ? { trace: s.trace } : {}) };
      const total = (t: { total: Decimal; grade: string; pending: number }) => ({ total: fixed(t.total), grade: t.grade, pending: t.pending });
      await printJson(
        envelope({
          command: 'diff',
          exitCode,
          problems,
          showPii: false,
          result: {
            a: { tree: specA, title: done.a.title, ...total(diff.a) },
            b: { tree: specB, title: done.b.title, ...total(diff.b) },
            inputs: done.inputs,
            settings: diff.settings,
            changes: diff.changes.map((c) => ({ id: c.id, path: c.path, status: c.status, a: sideJson(c.a), b: sideJson(c.b), why: c.why })),
          },
        }),
        false,
      );
    } else {
      printProblems(done.problems);
      if (!opts.quiet) {
        const totalMoved = diff.b.total.minus(diff.a.total);
        const pending = (n: number) => (n > 0 ? `，${n} 项待评` : '');
        const lines = [
          `原：${specA}（${done.a.title}）`,
          `新：${specB}（${done.b.title}）`,
          `按 ${done.inputs} 的数据和评价判断评分`,
          `合计 ${fixed(diff.a.total)} → ${fixed(diff.b.total)}（${totalMoved.isZero() ? '不变' : signed(totalMoved)}），评价等级 ${diff.a.grade} → ${diff.b.grade}${pending(diff.b.pending)}`,
          ...diff.settings.map((s) => `指标体系的设置：${s}`),
        ];
        const changed = diff.changes.filter((c) => c.status !== 'same-score');
        const same = diff.changes.filter((c) => c.status === 'same-score');
        lines.push(changed.length === 0 ? '没有指标的得分变化。' : `得分变化的指标（${changed.length} 个）：`, ...changed.flatMap((c) => changeLines(c, fmt)));
        if (same.length > 0) lines.push(`定义有改动、得分不变的指标（${same.length} 个）：`, ...same.flatMap((c) => changeLines(c, fmt)));
        printLines(lines, false);
      }
    }
    setExit(exitCode);
  });
  return cmd;
}
