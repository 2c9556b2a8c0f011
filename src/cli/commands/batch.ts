// jixiao batch <files, folders or globs...>: many units' fund tables (allocation,
// arrival, spending, households, person-times) joined by unit, their rates computed
// and checked, written to 资金汇总.xlsx with a summary on stdout.
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { limitsWith } from '../../io/limits.js';
import { refuseInputAsOutput } from '../../io/output-path.js';
import { countBySeverity, InputError, inputError, type Problem } from '../../problems/problem.js';
import { envelope } from '../../report/envelope.js';
import { batchSummaryJson } from '../../report/json.js';
import { batchConfigSchema } from '../../schema/batch-config.js';
import { loadConfigFile } from '../config-file.js';
import { decimalSchema } from '../../schema/numbers.js';
import { runBatch, type BatchRun } from '../../run/batch.js';
import { expandInputs } from '../../run/input-files.js';
import { addCommonOptions, addReadingOptions, commonOptions, exitCodeFor, readingOptions, shownPath } from '../conventions.js';
import { colourFor, printJson, printLines, printProblems } from '../print.js';
import { Progress } from '../progress.js';

export const BATCH_FILE = '资金汇总.xlsx';

export function batchCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('batch')
    .description('资金汇总：多个单位的资金表（下达、到位、支出、户数、人次）汇总、计算到位率和执行率并预警 / many units\' fund tables')
    .argument('<inputs...>', '资金表 CSV 或 XLSX 文件、文件夹或通配模式（如 "各县/*.xlsx"）')
    .option('--config <file>', '设置（YAML，见 README：下达通知合计、执行率预警线、配套比例、标准 …）')
    .option('--notice-total <amount>', '下达通知的合计（如 100万元），各单位下达数之和应等于它 the allocation notice\'s total')
    .option('--title <text>', '各表标题的前缀，如「2023年省级帮扶资金」 title of the sheets', '');
  addCommonOptions(addReadingOptions(cmd), { writes: true }).action(async (args: string[], raw: Record<string, unknown>) => {
    const opts = commonOptions(raw);
    const options = readingOptions(raw);
    const config = await loadConfigFile(raw.config as string | undefined, batchConfigSchema, 'batch-config-invalid', limitsWith(options.limits)['config-mb']);
    if (raw.noticeTotal !== undefined) {
      const total = decimalSchema.safeParse(String(raw.noticeTotal));
      if (!total.success) throw inputError('usage', `无法识别的下达通知合计 ${String(raw.noticeTotal)}`, {}, { expected: '金额，如 1000000 或 100万元' });
      config.notice_total = total.data;
    }
    const { files, missing } = await expandInputs(args, (given, path) => shownPath(given, path));
    const outFile = join(opts.out, BATCH_FILE);
    const shown = shownPath(join(opts.outShown, BATCH_FILE), outFile);
    await refuseInputAsOutput(outFile, shown, [...files.map((f) => f.path), ...(raw.config ? [resolve(String(raw.config))] : [])]);
    const progress = Progress.forStderr((raw.progress as boolean | undefined) ?? (opts.quiet ? false : undefined), '资金汇总');
    const run = await runBatch(files, config, options, (done, total) => progress.files(done, total));
    progress.done();
    // nothing at all to sum: no workbook, exit 2 with the reasons
    if (run.files.every((f) => !f.read)) {
      const reasons = [...missing, ...run.problems];
      throw reasons.length > 0 ? new InputError(reasons) : inputError('file-unreadable', '没有可读取的资金表', {}, { hint: '列出资金表文件或所在文件夹' });
    }
    const [{ writeWorkbook }, { buildBatchWorkbook }] = await Promise.all([import('../../io/write-xlsx.js'), import('../../report/batch-workbook.js')]);
    const title = String(raw.title ?? '');
    await writeWorkbook(buildBatchWorkbook({ title, units: run.units, alerts: run.alerts, files: run.files }), outFile, shown);
    const all = [...missing, ...run.problems, ...run.alerts];
    const exitCode = exitCodeFor(all, opts.failOn);
    if (opts.format === 'json') {
      await printJson(envelope({ command: 'batch', exitCode, problems: all, showPii: false, result: { output: shown, ...batchSummaryJson(run) } }), false);
    } else {
      if (!opts.quiet) printLines(summaryLines(run, [...missing, ...run.problems, ...run.alerts], shown), false);
      printProblems(all.filter((p) => p.severity !== 'info'), 50, false);
    }
    setExit(exitCode);
  });
  return cmd;
}

function summaryLines(run: BatchRun, all: readonly Problem[], shown: string): string[] {
  const c = colourFor(process.stdout);
  const unread = run.files.filter((f) => !f.read);
  const counts = countBySeverity(all);
  return [
    c.bold(`资金汇总：${run.files.length} 个文件${unread.length > 0 ? `（${unread.length} 个无法读取）` : ''}，${run.records} 行，${run.units.length} 个单位`),
    ...unread.map((f) => `  无法读取：${f.display}：${f.problems[0]?.message ?? ''}`),
    `问题：错误 ${counts.error} 个，警告 ${counts.warning} 个（读取表格的问题和预警，见 预警 与 文件 两张表）`,
    `已写入 ${shown}`,
  ];
}
