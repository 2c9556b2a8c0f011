// jixiao audit <rosters...>: the checks the funds' rules call for (数据核查),
// written to 数据核查.xlsx, with a summary on stdout.
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { auditConfigSchema } from '../../schema/audit-config.js';
import { loadConfigFile } from '../config-file.js';
import { InputError, countBySeverity, inputError } from '../../problems/problem.js';
import type { AuditResult } from '../../checks/run-checks.js';
import { limitsWith } from '../../io/limits.js';
import { refuseInputAsOutput } from '../../io/output-path.js';
import { envelope } from '../../report/envelope.js';
import { auditSummaryJson } from '../../report/json.js';
import { auditRosters } from '../../run/audit-rosters.js';
import { addCommonOptions, addReadingOptions, commonOptions, exitCodeFor, readingOptions, shownPath } from '../conventions.js';
import { colourFor, printJson, printLines, printProblems } from '../print.js';
import { Progress } from '../progress.js';

const year = (y: number) => Number.isInteger(y) && y >= 1990 && y <= 2100;

/** --period: 2020-2022 or 2020,2021,2022 (、 and spaces too), years from 1990 to 2100. */
export function parsePeriod(text: string | undefined): number[] {
  if (!text) return [];
  const range = /^(\d{4})\s*-\s*(\d{4})$/.exec(text.trim());
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    // a range is bounded like single years (1000-9999 would be nine thousand of them)
    if (from <= to && year(from) && year(to)) return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  const years = text.trim().split(/[,，、\s]+/).map(Number);
  if (years.every(year)) return years;
  throw inputError('usage', `无法识别的评价期间 ${text}`, {}, { expected: '2020-2022 或 2020,2021,2022' });
}

export function auditCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('audit')
    .description('数据核查：按帮扶资金的规定核查花名册（身份证号、重复受助、金额、审批、发放时间和方式、建档） / audit rosters')
    .argument('<rosters...>', '花名册 CSV 或 XLSX 文件')
    .option('--registry <file>', '建档名单（registered households）')
    .option('--config <file>', '核查设置（YAML，见 README：标准、审批额度、发放期限 …）')
    .option('--period <years>', '评价期间，如 2020-2022')
    .option('--show-pii', '在输出中显示完整的身份证号 show ID numbers in full');
  addCommonOptions(addReadingOptions(cmd), { writes: true }).action(async (files: string[], raw: Record<string, unknown>) => {
    const opts = commonOptions(raw);
    const showPii = Boolean(raw.showPii);
    const options = readingOptions(raw);
    const config = await loadConfigFile(raw.config as string | undefined, auditConfigSchema, 'audit-config-invalid', limitsWith(options.limits)['config-mb']);
    const period = parsePeriod(raw.period as string | undefined);
    const input = (f: string) => ({ path: resolve(f), display: shownPath(f) });
    const inputs = files.map(input);
    const registry = raw.registry ? input(String(raw.registry)) : undefined;
    const outFile = join(opts.out, '数据核查.xlsx');
    const shown = shownPath(join(opts.outShown, '数据核查.xlsx'), outFile);
    await refuseInputAsOutput(outFile, shown, [...inputs, ...(registry ? [registry] : [])].map((i) => i.path).concat(raw.config ? [resolve(String(raw.config))] : []));
    const progress = Progress.forStderr((raw.progress as boolean | undefined) ?? (opts.quiet ? false : undefined), '数据核查');
    const { audit, readProblems } = await auditRosters(
      inputs,
      config,
      period,
      options,
      registry,
      (n) => progress.update(n),
      (text) => progress.stage(text),
    );
    progress.done();
    if (readProblems.some((p) => p.code === 'header-missing')) throw new InputError(readProblems.filter((p) => p.code === 'header-missing'));

    progress.stage(`发现 ${audit.findings.length.toLocaleString('en-US')} 个问题，正在写入 ${shown} …`);
    // exceljs is loaded when a workbook is written, not with every command
    const [{ writeStreamedWorkbook }, { addAuditSheets }] = await Promise.all([import('../../io/write-xlsx-stream.js'), import('../../report/audit-sheets.js')]);
    // streamed: each finding's row is written and let go (a province's roster has 100k of them)
    await writeStreamedWorkbook(outFile, shown, showPii, (wb, commit) => addAuditSheets(wb, audit, '花名册', { showPii, commit }));
    const all = [...readProblems, ...audit.findings];
    const exitCode = exitCodeFor(all, opts.failOn);
    if (opts.format === 'json') {
      await printJson(envelope({ command: 'audit', exitCode, problems: all, showPii, result: { output: shown, ...auditSummaryJson(audit) } }), showPii);
    } else {
      if (!opts.quiet) printLines(summaryLines(audit, shown), showPii);
      printProblems(all.filter((p) => p.severity !== 'info'), 50, showPii);
    }
    setExit(exitCode);
  });
  return cmd;
}

function summaryLines(audit: AuditResult, shown: string): string[] {
  const c = colourFor(process.stdout);
  const counts = countBySeverity(audit.findings);
  return [
    c.bold(`数据核查：${audit.context.records.length} 人次，${audit.identities.persons.length} 人（不重复），受助 2 次及以上 ${audit.identities.persons.filter((p) => p.records.length > 1).length} 人`),
    ...audit.byCheck.map((b) => {
      if (b.notRun) return `  ${b.check.name}：未核查：${b.notRun}`;
      const n = countBySeverity(b.findings);
      return `  ${b.check.name}：错误 ${n.error}，警告 ${n.warning}，提示 ${n.info}`;
    }),
    `合计：错误 ${counts.error} 个，警告 ${counts.warning} 个，提示 ${counts.info} 个`,
    `已写入 ${shown}`,
  ];
}
