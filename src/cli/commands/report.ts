// jixiao report <evaluation-dir>: the evaluation report draft (评价报告.docx and .md) in
// the national outline, every number from the scored tree, the metrics and the inputs;
// what only people write from the judgements file's report: section, else marked 待填写.
import { join } from 'node:path';
import { Command } from 'commander';
import { refuseInputAsOutput } from '../../io/output-path.js';
import { envelope } from '../../report/envelope.js';
import { scoreEvaluation } from '../../run/score-evaluation.js';
import { addCommonOptions, addEvaluationOptions, addLimitOption, commonOptions, exitCodeFor, limitOptions, shownPath } from '../conventions.js';
import { printJson, printLines, printProblems } from '../print.js';
import { chartOf, formOf, titleOf } from './score.js';

export const REPORT_NAME = '评价报告';

export function reportCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('report')
    .description('评价报告初稿：按全国通用的报告提纲写出 Word 和 Markdown，数字全部取自评分结果和数据 / write the report draft')
    .argument('<evaluation-dir>', '含 evaluation.yaml 的评价目录 (or the evaluation.yaml itself)');
  addEvaluationOptions(cmd);
  addLimitOption(addCommonOptions(cmd, { writes: true })).action(async (dir: string, raw: Record<string, unknown>) => {
    const opts = commonOptions(raw);
    const { loaded, scored, problems } = await scoreEvaluation(dir, { allowOutside: Boolean(raw.allowOutside), limits: limitOptions(raw), draft: Boolean(raw.draft) });
    const files = { docx: join(opts.out, `${REPORT_NAME}.docx`), md: join(opts.out, `${REPORT_NAME}.md`) };
    const shown = { docx: shownPath(join(opts.outShown, `${REPORT_NAME}.docx`), files.docx), md: shownPath(join(opts.outShown, `${REPORT_NAME}.md`), files.md) };
    await refuseInputAsOutput(files.docx, shown.docx, loaded.inputPaths);
    await refuseInputAsOutput(files.md, shown.md, loaded.inputPaths);
    const [{ buildReportDraft }, { reportMarkdown }, { reportDocx }, { writeFileAtomic }] = await Promise.all([
      import('../../report/report-draft.js'),
      import('../../report/report-markdown.js'),
      import('../../report/report-docx.js'),
      import('../../io/write-xlsx.js'),
    ]);
    const draft = buildReportDraft({
      ...titleOf(loaded),
      scored,
      metrics: loaded.metrics,
      budget: loaded.budget,
      audit: loaded.audit,
      written: loaded.written,
      workbook: loaded.config.output,
      ...(scored.tree.type === 'self-evaluation' ? { form: await formOf(loaded, scored) } : {}),
    });
    await writeFileAtomic(files.md, reportMarkdown(draft), shown.md);
    const chart = raw.chart === false ? undefined : await chartOf(scored);
    await writeFileAtomic(files.docx, await reportDocx(draft, loaded.config.report_date, chart), shown.docx);
    const placeholders = draft.blocks.filter((b) => b.kind === 'paragraph' && b.placeholder).length;
    const exitCode = Math.max(exitCodeFor(problems, opts.failOn), scored.pending > 0 ? 1 : 0);
    if (opts.format === 'json') {
      await printJson(envelope({ command: 'report', exitCode, problems, showPii: false, result: { output: [shown.docx, shown.md], tables: draft.blocks.filter((b) => b.kind === 'table').length, placeholders } }), false);
    } else {
      if (!opts.quiet) printLines([`${draft.title}：${placeholders} 处待评价人员填写`, `已写入 ${shown.docx}`, `已写入 ${shown.md}`], false);
      printProblems(problems, 50, false);
    }
    setExit(exitCode);
  });
  return cmd;
}
