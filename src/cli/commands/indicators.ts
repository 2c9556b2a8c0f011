// jixiao indicators list | show <name|file> | import <table>: the built-in trees (indicators/)
// with where each comes from; any tree as an indented table of weights, rule kinds and
// targets; a printed score table turned into a tree file, with what was recognised.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { loadTree } from '../../engine/load-tree.js';
import { kindOf } from '../../engine/rules/registry.js';
import { pts } from '../../engine/rules/common.js';
import { leaves, type IndicatorNode, type IndicatorTree } from '../../engine/tree.js';
import { readStructuredFile } from '../../io/structured-file.js';
import { InputError, inputError } from '../../problems/problem.js';
import { envelope } from '../../report/envelope.js';
import { TEMPLATE_DIR, templatePath } from '../../run/templates.js';
import { addCommonOptions, addLimitOption, commonOptions, exitCodeFor, limitOptions, shownPath } from '../conventions.js';
import { colourFor, printJson, printLines, printProblems } from '../print.js';
import { problem } from '../../problems/problem.js';

export const IMPORT_FILE = '指标体系.yaml';

interface Template {
  name: string;
  file: string;
  title: string;
  type: string;
  leaves: number;
  /** the header comment: where the tree comes from */
  source: string;
}

async function templates(): Promise<Template[]> {
  const files = (await readdir(TEMPLATE_DIR)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const out: Template[] = [];
  for (const f of files) {
    const path = join(TEMPLATE_DIR, f);
    const text = await readFile(path, 'utf8');
    const tree = loadTree(await readStructuredFile(path, f, 5), f).tree;
    if (!tree) continue;
    const source = text.split('\n').filter((l) => l.startsWith('#')).map((l) => l.replace(/^#\s?/, '')).join(' ');
    out.push({ name: f.replace(/\.ya?ml$/, ''), file: `indicators/${f}`, title: tree.title, type: tree.type, leaves: [...leaves(tree.indicators)].length, source });
  }
  return out;
}

async function treeOf(wanted: string): Promise<{ tree: IndicatorTree; file: string }> {
  const list = await templates();
  const t = list.find((x) => x.name === wanted);
  const path = t ? templatePath(t.name) : resolve(wanted);
  const shown = t ? t.file : shownPath(wanted);
  let raw: unknown;
  try {
    raw = await readStructuredFile(path, shown, 5);
  } catch (e) {
    if (e instanceof InputError && !t && !/[\\/.]/.test(wanted)) {
      throw inputError('template-unknown', `没有名为「${wanted}」的内置指标体系`, {}, { hint: `可用：${list.map((x) => x.name).join('、')}（jixiao indicators list），或给出指标体系文件的路径` });
    }
    throw e;
  }
  const loaded = loadTree(raw, shown);
  if (!loaded.tree) throw new InputError(loaded.problems);
  return { tree: loaded.tree, file: shown };
}

function ruleText(n: IndicatorNode): string {
  if (!n.rule) return '';
  const p = n.rule.params as { metric?: string };
  return `${kindOf(n.rule.kind).label}${p.metric ? ` ${p.metric}` : ''}`;
}

export function treeLines(tree: IndicatorTree): string[] {
  const lines = [`${tree.title}（${tree.type === 'self-evaluation' ? '自评' : '评价'}，满分 ${pts(tree.total)}）`];
  const visit = (n: IndicatorNode, depth: number) => {
    const indent = '  '.repeat(depth);
    const target = n.target ? `  目标 ${n.target.text}` : '';
    lines.push(`${indent}${n.name}（${n.id}）${pts(n.weight)} 分${n.rule ? `  ${ruleText(n)}` : ''}${target}`);
    n.children?.forEach((c) => visit(c, depth + 1));
  };
  tree.indicators.forEach((n) => visit(n, 1));
  return lines;
}

export function indicatorsCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('indicators').description('内置指标体系：列出、查看 / built-in indicator trees');
  const list = addCommonOptions(new Command('list').description('列出内置指标体系及其来源 / list the built-in trees'), { writes: false }).action(async (_raw: Record<string, unknown>, command: Command) => {
    const opts = commonOptions(command.opts());
    const all = await templates();
    if (opts.format === 'json') await printJson(envelope({ command: 'indicators list', exitCode: 0, problems: [], showPii: false, result: { templates: all } }), false);
    else printLines(all.flatMap((t) => [`${t.name}  ${t.title}（${t.type}，${t.leaves} 个末级指标）`, `    ${t.source}`]), false);
    setExit(0);
  });
  const show = addCommonOptions(new Command('show').description('按层级列出一个指标体系的权重、评分规则和目标值 / show a tree').argument('<name|file>', '内置指标体系的名称或文件'), { writes: false }).action(
    async (wanted: string, _raw: Record<string, unknown>, command: Command) => {
      const opts = commonOptions(command.opts());
      const { tree, file } = await treeOf(wanted);
      if (opts.format === 'json') await printJson(envelope({ command: 'indicators show', exitCode: 0, problems: [], showPii: false, result: { file, lines: treeLines(tree) } }), false);
      else printLines(treeLines(tree), false);
      setExit(0);
    },
  );
  const importCmd = addLimitOption(
    addCommonOptions(
      new Command('import')
        .description('把印出的评分表（附件1、表3-1、指标表或逐行的 一级/二级/三级指标、权重、评分标准、目标值）转成指标体系文件 / import a printed table as a tree')
        .argument('<table>', '评分表文件（CSV / XLSX / DOCX）')
        .option('--like <tree>', '沿用这一指标体系中同名指标的编号、检查项编号和指标数据名称（原有的评价判断可以继续使用） keep ids of an earlier tree')
        .option('--title <text>', '指标体系的标题（默认用表名） tree title'),
      { writes: true },
    ),
  ).action(async (file: string, raw: Record<string, unknown>) => {
    const opts = commonOptions(raw);
    const [{ importTree }, { writeFileAtomic }, { refuseInputAsOutput, makeFolder }] = await Promise.all([import('../../run/import-tree.js'), import('../../io/write-xlsx.js'), import('../../io/output-path.js')]);
    const like = typeof raw.like === 'string' ? (await treeOf(raw.like)).tree : undefined;
    const result = await importTree(resolve(file), shownPath(file), { ...(like ? { like } : {}), ...(typeof raw.title === 'string' ? { title: raw.title } : {}), limits: limitOptions(raw) });
    const outFile = join(opts.out, IMPORT_FILE);
    const written = shownPath(join(opts.outShown, IMPORT_FILE), outFile);
    await refuseInputAsOutput(outFile, written, [resolve(file), ...(typeof raw.like === 'string' ? [resolve(raw.like)] : [])]);
    await makeFolder(opts.out, opts.outShown);
    await writeFileAtomic(outFile, result.yaml, written);
    // each leaf whose criteria stayed with the evaluator is a note, so --fail-on info can insist on none
    const unread = result.leaves.filter((l) => !l.recognised).map((l) => problem('info', 'criteria-unrecognised', `评分标准未读成规则，写为 manual：${l.note}`, { file: written, path: l.path }, { hint: '在指标体系文件中改写这条规则（jixiao docs：docs/rule-kinds.md）' }));
    const problems = [...result.problems, ...unread];
    const exitCode = exitCodeFor(problems, opts.failOn);
    const recognised = result.leaves.filter((l) => l.recognised).length;
    if (opts.format === 'json') {
      await printJson(envelope({ command: 'indicators import', exitCode, problems, showPii: false, result: { output: written, table: { file: result.table.file, ...(result.table.sheet ? { sheet: result.table.sheet } : {}) }, leaves: result.leaves, recognised } }), false);
    } else {
      const c = colourFor(process.stdout);
      if (!opts.quiet) printLines(result.leaves.map((l) => `${l.recognised ? c.green('✓') : c.yellow('?')} ${l.path.join(' > ')}（${l.id}）：${l.recognised ? l.note : `manual（${l.note}）`}`), false);
      printProblems(problems.filter((p) => p.code !== 'criteria-unrecognised'));
      if (!opts.quiet) printLines([`${result.leaves.length} 个末级指标，${recognised} 个读成了评分规则，${result.leaves.length - recognised} 个为 manual；已写入 ${written}`], false);
    }
    setExit(exitCode);
  });
  return cmd.addCommand(list).addCommand(show).addCommand(importCmd);
}
