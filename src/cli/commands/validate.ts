// jixiao validate <files...>: read rosters, budget tables and questionnaires as
// the other commands would, and report every problem with where it is.
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { SheetHead } from '../../io/sheet-source.js';
import type { TableHeader } from '../../io/table-locator.js';
import { InputError, type Problem, type Severity } from '../../problems/problem.js';
import { ProblemSink } from '../../problems/sink.js';
import { envelope } from '../../report/envelope.js';
import { KIND_SAMPLE_ROWS, kindOfHead, type KindName } from '../../run/detect-kind.js';
import { readFileRecords } from '../../run/read-table.js';
import { EXIT_INPUT, addCommonOptions, addReadingOptions, commonOptions, exitCodeFor, readingOptions, shownPath } from '../conventions.js';
import { colourFor, printJson, printLines, problemLine } from '../print.js';
import { Progress } from '../progress.js';

interface FileResult {
  file: string;
  kind?: string;
  label?: string;
  tables: TableHeader[];
  rows: number;
  records: number;
  unreadable: boolean;
}

export function validateCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('validate')
    .description('校验：读取花名册、预算资金表或问卷并报告所有问题 / validate input files')
    .argument('<files...>', 'CSV 或 XLSX 文件')
    .addOption(new Option('--kind <kind>', '文件类型（默认按表头识别）file kind').choices(['roster', 'budget', 'unit-table', 'survey']))
    .option('--show-pii', '在输出中显示完整的身份证号、银行卡号 show ID and bank numbers in full');
  addCommonOptions(addReadingOptions(cmd), { writes: false }).action(async (files: string[], raw: Record<string, unknown>) => {
    const opts = commonOptions(raw);
    const options = readingOptions(raw);
    const showPii = Boolean(raw.showPii);
    const sink = new ProblemSink(100);
    const results: FileResult[] = [];
    for (const file of files) {
      const path = resolve(file);
      const display = shownPath(file, path);
      const result: FileResult = { file: display, tables: [], rows: 0, records: 0, unreadable: false };
      results.push(result);
      const progress = Progress.forStderr((raw.progress as boolean | undefined) ?? (opts.quiet ? false : undefined), display);
      try {
        const chooser = { sampleRows: KIND_SAMPLE_ROWS, choose: (head: SheetHead) => kindOfHead(head, display, {}, raw.kind as KindName | undefined) };
        const summary = await readFileRecords(
          path,
          display,
          chooser,
          options,
          () => {
            result.records += 1;
            progress.update(result.records);
          },
          (p) => sink.add(p),
        );
        result.kind = summary.kind.kind;
        result.label = summary.kind.label;
        result.tables = summary.tables;
        result.rows = summary.rows;
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        result.unreadable = true;
        sink.add(...e.problems);
      } finally {
        progress.done();
      }
    }
    const problems = sink.problems;
    const omitted = sink.omitted;
    const unreadable = results.some((r) => r.unreadable);
    const exitCode = unreadable ? EXIT_INPUT : exitCodeFor(problems, opts.failOn);
    if (opts.format === 'json') {
      const files = results.map((r) => ({
        file: r.file,
        ...(r.kind ? { kind: r.kind } : {}),
        readable: !r.unreadable,
        rows: r.rows,
        records: r.records,
        tables: r.tables.map((t) => ({
          ...(t.sheet ? { sheet: t.sheet } : {}),
          ...(t.title ? { title: t.title } : {}),
          headerRows: t.headerRows,
          columns: Object.fromEntries(t.columns.map((c) => [c.field, c.header])),
          extraHeaders: t.extraColumns.map((c) => c.header),
        })),
      }));
      await printJson(envelope({ command: 'validate', exitCode, problems, counts: sink.severityCounts, showPii, result: { files, omitted: Object.fromEntries(omitted) } }), showPii);
    } else {
      if (!opts.quiet) printLines(summaryLines(results, problems, sink.severityCounts), showPii);
      printGrouped(problems, omitted, showPii);
    }
    setExit(exitCode);
  });
  return cmd;
}

function summaryLines(results: readonly FileResult[], problems: readonly Problem[], counts: Record<Severity, number>): string[] {
  const out = colourFor(process.stdout);
  const lines: string[] = [];
  for (const r of results) {
    if (r.unreadable) {
      lines.push(`${out.red('✗')} ${r.file}：无法读取`);
      continue;
    }
    const errors = problems.filter((p) => p.where.file === r.file && p.severity === 'error').length;
    const mark = errors > 0 ? out.red('✗') : out.green('✓');
    lines.push(`${mark} ${r.file}：${r.label ?? ''}，${r.tables.length} 个表，${r.rows} 行数据，${r.records} 行有效`);
    for (const t of r.tables) {
      const where = [t.sheet ? `工作表「${t.sheet}」` : '', t.title ?? '', `表头第 ${t.headerRows.join('-')} 行`].filter(Boolean).join('，');
      lines.push(`    ${where}${t.extraColumns.length > 0 ? `；未识别的列（已保留）：${t.extraColumns.map((c) => c.header).join('、')}` : ''}`);
    }
  }
  lines.push(`错误 ${counts.error} 个，警告 ${counts.warning} 个，提示 ${counts.info} 个`);
  return lines;
}

/** Problems to stderr grouped by code, each group capped, with counts of the rest. */
function printGrouped(problems: readonly Problem[], omitted: ReadonlyMap<string, number>, showPii: boolean, perGroup = 20): void {
  const c = colourFor(process.stderr);
  const groups = new Map<string, Problem[]>();
  const order = { error: 0, warning: 1, info: 2 } as const;
  for (const p of [...problems].sort((a, b) => order[a.severity] - order[b.severity])) groups.set(p.code, [...(groups.get(p.code) ?? []), p]);
  for (const [code, list] of groups) {
    for (const p of list.slice(0, perGroup)) process.stderr.write(`${problemLine(p, c, showPii)}\n`);
    const rest = list.length - perGroup + (omitted.get(code) ?? 0);
    if (rest > 0) process.stderr.write(`……[${code}] 另有 ${rest} 个同类问题未列出\n`);
  }
}
