// jixiao review <file>...: the score tables of a submitted report (CSV / XLSX, folders of
// them) read as printed and checked: every slip is a finding at its cell, with the printed
// and the recomputed number; arithmetic slips are errors, expectations warnings. Writes
// 审核结果.xlsx. Exit 1 on findings at or above --fail-on, 2 when a file cannot be read.
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { countBySeverity, inputError } from '../../problems/problem.js';
import { envelope } from '../../report/envelope.js';
import { defaultBands, parseBands } from '../../schema/grades.js';
import { EXIT_INPUT, addCommonOptions, addLimitOption, commonOptions, exitCodeFor, limitOptions, shownPath } from '../conventions.js';
import { colourFor, printJson, printLines, printProblems } from '../print.js';

export const REVIEW_FILE = '审核结果.xlsx';

export function reviewCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('review')
    .description('审核评分表：按报告印出的评分表（附件1、表3-1、表3-2、表4-x）核对小计、合计、得分率、得分范围、等级和目标完成情况 / check printed score tables')
    .argument('<files...>', '评分表文件（CSV / XLSX）或含评分表的目录')
    .option('--grades <bands>', '等级标准，从高到低，如 优:90,良:80,中:60,差（默认全国通用）grade bands')
    .option('--rule <year>', '各指标得分按哪年的全国规则核对：2020（完成值 ÷ 目标值 × 分值）或 2021（60% 及格线）；不给时只核对评分标准或表名写明规则的行 / national scoring rule');
  addLimitOption(addCommonOptions(cmd, { writes: true })).action(async (files: string[], raw: Record<string, unknown>) => {
    const opts = commonOptions(raw);
    const grades = typeof raw.grades === 'string' ? parseBands(raw.grades) : defaultBands();
    if (!grades) throw inputError('usage', `--grades「${String(raw.grades)}」应从高到低写出等级和下限，最后一档不写下限，如 优:90,良:80,中:60,差`, {});
    const rule = raw.rule;
    if (rule !== undefined && rule !== '2020' && rule !== '2021') throw inputError('usage', `--rule「${String(rule)}」应为 2020 或 2021`, {}, { hint: '2020：财预〔2020〕10号，未完成的按 完成值 ÷ 目标值 × 分值；2021：财预〔2021〕101号，完成率 60% 为及格线' });
    const [{ reviewFiles }, { buildReviewWorkbook }, { writeWorkbook }, { refuseInputAsOutput, makeFolder }] = await Promise.all([
      import('../../run/review.js'),
      import('../../report/review-workbook.js'),
      import('../../io/write-xlsx.js'),
      import('../../io/output-path.js'),
    ]);
    const result = await reviewFiles(files, { grades, ...(rule ? { rule } : {}) }, { limits: limitOptions(raw) });
    const findings = [...result.tables.flatMap((t) => t.findings), ...result.texts.flatMap((t) => t.findings)];
    let written: string | undefined;
    if (result.tables.length > 0) {
      const outFile = join(opts.out, REVIEW_FILE);
      written = shownPath(join(opts.outShown, REVIEW_FILE), outFile);
      await refuseInputAsOutput(outFile, written, files.map((f) => resolve(f)));
      await makeFolder(opts.out, opts.outShown);
      await writeWorkbook(buildReviewWorkbook(result), outFile, written);
    }
    const problems = [...result.unreadable, ...findings, ...result.notes];
    const exitCode = result.unreadable.length > 0 ? EXIT_INPUT : exitCodeFor(findings, opts.failOn);
    if (opts.format === 'json') {
      const tables = result.tables.map((t) => ({ file: t.table.file, ...(t.table.sheet ? { sheet: t.table.sheet } : {}), ...(t.table.title ? { title: t.table.title } : {}), rows: t.table.rows.length, findings: countBySeverity(t.findings) }));
      const texts = result.texts.map((t) => ({ file: t.file, paragraphs: t.paragraphs, findings: countBySeverity(t.findings) }));
      await printJson(envelope({ command: 'review', exitCode, problems, showPii: false, result: { tables, texts, ...(written ? { output: written } : {}) } }), false);
    } else {
      const c = colourFor(process.stdout);
      if (!opts.quiet) {
        const mark = (n: ReturnType<typeof countBySeverity>) => (n.error > 0 ? c.red('✗') : n.warning > 0 ? c.yellow('!') : c.green('✓'));
        printLines(
          [
            ...result.tables.map((t) => {
              const n = countBySeverity(t.findings);
              return `${mark(n)} ${t.table.file}${t.table.sheet ? `「${t.table.sheet}」` : ''}：${t.table.rows.length} 行，错误 ${n.error} 个，警告 ${n.warning} 个`;
            }),
            ...result.texts.map((t) => {
              const n = countBySeverity(t.findings);
              return `${mark(n)} ${t.file} 正文：${t.paragraphs} 段，错误 ${n.error} 个，警告 ${n.warning} 个`;
            }),
          ],
          false,
        );
      }
      printProblems(problems);
      if (!opts.quiet) {
        const n = countBySeverity(problems);
        printLines([`审核了 ${result.tables.length} 个评分表${result.texts.length > 0 ? `和 ${result.texts.length} 份正文` : ''}：错误 ${n.error} 个，警告 ${n.warning} 个，提示 ${n.info} 个${written ? `；已写入 ${written}` : ''}`], false);
      }
    }
    setExit(exitCode);
  });
  return cmd;
}
