// What every command shares: output folder, --format, --fail-on and the exit codes.
//   0  done, nothing at or above --fail-on
//   1  problems at or above --fail-on, or failed test cases
//   2  wrong usage, unreadable input, invalid configuration
import { isAbsolute, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { inputError, rank, type Problem, type Severity } from '../problems/problem.js';
import { normaliseEncoding } from '../io/decode.js';
import type { OpenOptions } from '../io/open-sheets.js';
import { LIMIT_NAMES, parseLimitOptions, type InputLimits } from '../io/limits.js';

import { EXIT_FINDINGS, EXIT_INPUT, EXIT_OK } from './exit-codes.js';

export { EXIT_FINDINGS, EXIT_INPUT, EXIT_OK };

export type Format = 'text' | 'json';
export type FailOn = Severity | 'never';

export interface CommonOptions {
  /** the output folder (absolute), for commands that write */
  out: string;
  /** the output folder as the user gave it, for messages */
  outShown: string;
  format: Format;
  failOn: FailOn;
  /** text mode prints the problems only */
  quiet: boolean;
}

/**
 * --format, --fail-on and --quiet for every command; -o/--out only for those that
 * write files (an option a command does not use is refused, not ignored).
 */
export function addCommonOptions(cmd: Command, { writes }: { writes: boolean }): Command {
  if (writes) cmd.option('-o, --out <dir>', '输出目录 output folder (created if needed)', 'jixiao-out');
  return cmd
    .addOption(new Option('--format <format>', '标准输出格式 what stdout prints').choices(['text', 'json']).default('text'))
    .addOption(new Option('--fail-on <severity>', '以退出码 1 结束的最低问题级别 lowest severity that exits 1').choices(['error', 'warning', 'info', 'never']).default('error'))
    .option('-q, --quiet', '只输出问题，不输出摘要 print problems only');
}

export function commonOptions(raw: Record<string, unknown>): CommonOptions {
  const given = String(raw.out ?? 'jixiao-out');
  return { out: resolve(given), outShown: given, format: raw.format === 'json' ? 'json' : 'text', failOn: (raw.failOn as FailOn) ?? 'error', quiet: Boolean(raw.quiet) };
}

/** A path as the user gave it: relative to the current folder when given relative, as given when absolute. */
export function shownPath(given: string, path = resolve(given)): string {
  return isAbsolute(given) ? path : relative(process.cwd(), path) || '.';
}

export function exitCodeFor(problems: readonly Problem[], failOn: FailOn): number {
  if (failOn === 'never') return EXIT_OK;
  const threshold = rank(failOn);
  return problems.some((p) => rank(p.severity) >= threshold) ? EXIT_FINDINGS : EXIT_OK;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** --encoding, --sheet, --limit and progress, shared by the commands that read tables. */
export function addReadingOptions(cmd: Command): Command {
  return addLimitOption(cmd)
    .option('--encoding <name>', 'CSV 编码：utf-8、gb18030、gbk（默认自动识别） CSV encoding')
    .option('--sheet <name|index|*>', 'XLSX 工作表：名称、序号（从 1 起）或 * 表示全部（默认第 1 个） XLSX sheet')
    .option('--progress', '在标准错误上显示进度 show progress on stderr')
    .option('--no-progress', '不显示进度');
}

/** --limit alone, for commands whose inputs are named in a file (score). */
export function addLimitOption(cmd: Command): Command {
  return cmd.option('--limit <name=value>', `读取上限（可重复），名称：${LIMIT_NAMES.join('、')} raise a reading limit`, collect, [] as string[]);
}

export function limitOptions(raw: Record<string, unknown>): Partial<InputLimits> {
  return parseLimitOptions((raw.limit as string[] | undefined) ?? []);
}

export function readingOptions(raw: Record<string, unknown>): OpenOptions {
  const encoding = raw.encoding === undefined ? undefined : normaliseEncoding(String(raw.encoding));
  if (raw.encoding !== undefined && !encoding) throw inputError('usage', `不支持的编码 ${String(raw.encoding)}`, {}, { expected: 'utf-8 / gb18030 / gbk' });
  const sheet = raw.sheet === undefined ? undefined : String(raw.sheet);
  const limits = limitOptions(raw);
  return {
    ...(encoding ? { encoding } : {}),
    ...(sheet !== undefined ? { sheet: /^\d+$/.test(sheet) ? Number(sheet) : sheet } : {}),
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
  };
}

/** score and report: the evaluation folder's options, said the same way in both. */
export function addEvaluationOptions(cmd: Command): Command {
  return cmd
    .option('--allow-outside', '允许 evaluation.yaml 引用评价目录之外的文件 allow paths outside the evaluation folder')
    .option('--no-chart', '不画得分率图表 leave out the chart of score rates')
    .option('--draft', '草稿：缺少评价判断或指标数据的末级指标标为「待评」（暂计 0 分），仍写出结果，退出码 1 / write it with judgements missing');
}
