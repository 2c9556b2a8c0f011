// jixiao score <evaluation-dir>: score an evaluation folder into 评分结果.xlsx.
import { join } from 'node:path';
import { Command } from 'commander';
import type { ScoredTree } from '../../engine/score.js';
import type { SelfEvaluationForm } from '../../report/self-evaluation-form.js';
import { pts } from '../../engine/rules/common.js';
import { percent } from '../../numbers/decimal.js';
import { countBySeverity } from '../../problems/problem.js';
import { refuseInputAsOutput } from '../../io/output-path.js';
import { envelope } from '../../report/envelope.js';
import { auditSummaryJson, metricJson, scoredTreeJson } from '../../report/json.js';
import { shownMetrics } from '../../report/shown-metrics.js';
import { checksRun } from '../../checks/run-checks.js';
import { scoreEvaluation, type EvaluationResult } from '../../run/score-evaluation.js';
import { addCommonOptions, addEvaluationOptions, addLimitOption, commonOptions, exitCodeFor, limitOptions, shownPath } from '../conventions.js';
import { colourFor, printJson, printLines, printProblems } from '../print.js';

export function scoreCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('score')
    .description('评分：读取评价目录（evaluation.yaml），按指标体系评分并写出评分结果工作簿 / score an evaluation folder')
    .argument('<evaluation-dir>', '含 evaluation.yaml 的评价目录 (or the evaluation.yaml itself)')
    .option('--show-pii', '在输出中显示完整的身份证号、银行卡号 show ID and bank numbers in full');
  addEvaluationOptions(cmd);
  addLimitOption(addCommonOptions(cmd, { writes: true })).action(async (dir: string, raw: Record<string, unknown>) => {
    const opts = commonOptions(raw);
    const showPii = Boolean(raw.showPii);
    const result = await scoreEvaluation(dir, { allowOutside: Boolean(raw.allowOutside), limits: limitOptions(raw), draft: Boolean(raw.draft) });
    const { loaded, scored, problems } = result;
    const outFile = join(opts.out, loaded.config.output);
    const shown = shownPath(join(opts.outShown, loaded.config.output), outFile);
    await refuseInputAsOutput(outFile, shown, loaded.inputPaths);
    // exceljs is loaded when a workbook is written, not with every command
    const [{ writeWorkbook }, { buildScoreWorkbook }] = await Promise.all([import('../../io/write-xlsx.js'), import('../../report/score-workbook.js')]);
    const chart = raw.chart === false ? undefined : await chartOf(scored);
    await writeWorkbook(
      buildScoreWorkbook({
        ...titleOf(loaded),
        scored,
        metrics: loaded.metrics,
        problems,
        audit: loaded.audit,
        showPii,
        acknowledged: loaded.acknowledged,
        ...(chart ? { chart } : {}),
        ...(scored.tree.type === 'self-evaluation' ? { selfEvaluation: await formOf(loaded, scored) } : {}),
      }),
      outFile,
      shown,
      showPii,
    );
    const all = [...problems, ...loaded.audit.findings];
    // a draft with leaves still 待评 is not a finished score, whatever --fail-on says
    const exitCode = Math.max(exitCodeFor(all, opts.failOn), scored.pending > 0 ? 1 : 0);
    if (opts.format === 'json') {
      await printJson(
        envelope({
          command: 'score',
          exitCode,
          problems: all,
          showPii,
          result: {
            project: loaded.config.project,
            output: shown,
            ...scoredTreeJson(scored),
            metrics: shownMetrics(loaded.metrics, scored.nodes).map(metricJson),
            audit: auditSummaryJson(loaded.audit),
          },
        }),
        showPii,
      );
    } else {
      if (!opts.quiet) printLines(summaryLines(result, shown), showPii);
      printProblems(problems, 50, showPii);
    }
    setExit(exitCode);
  });
  return cmd;
}

/** Who evaluated what, when: the title block of the workbook and the report, from evaluation.yaml. */
export function titleOf(loaded: EvaluationResult['loaded']): { project: string; evaluator?: string; reportDate?: string; period: number[] } {
  const { project, evaluator, report_date: reportDate, period } = loaded.config;
  return { project, ...(evaluator ? { evaluator } : {}), ...(reportDate ? { reportDate } : {}), period };
}

/** The national self-evaluation form of a self-evaluation tree, as the workbook and the report show it. */
export async function formOf(loaded: EvaluationResult['loaded'], scored: ScoredTree): Promise<SelfEvaluationForm> {
  const { selfEvaluationForm } = await import('../../report/self-evaluation-form.js');
  return selfEvaluationForm({ project: loaded.config.project, ...(loaded.config.evaluator ? { unit: loaded.config.evaluator } : {}), period: loaded.config.period, scored, metrics: loaded.metrics, budget: loaded.budget, written: loaded.written });
}

/** The chart of score rates, as the workbook and the report embed it. */
export async function chartOf(scored: ScoredTree): Promise<{ png: Buffer; width: number; height: number }> {
  const { scoreChartPng, chartHeight, CHART_WIDTH } = await import('../../report/score-chart.js');
  return { png: await scoreChartPng(scored, '各级指标得分率'), width: CHART_WIDTH, height: chartHeight(scored) };
}

function summaryLines({ loaded, scored, problems }: EvaluationResult, shown: string): string[] {
  const c = colourFor(process.stdout);
  const places = scored.tree.rounding.places;
  const lines = [c.bold(`${loaded.config.project}：${scored.tree.title}`)];
  for (const n of scored.nodes) {
    lines.push(`  ${n.node.name.padEnd(8, '　')} ${n.score.toFixed(places).padStart(7)} / ${pts(n.node.weight).padEnd(4)} ${percent(n.rate)}`);
  }
  lines.push(c.bold(`  ${'合计'.padEnd(8, '　')} ${scored.total.toFixed(places).padStart(7)} / ${pts(scored.tree.total).padEnd(4)} ${percent(scored.rate)}  评价等级：${scored.grade}`));
  for (const note of [scored.rescaled?.text, scored.gradedOn?.text]) if (note) lines.push(`  ${note}`);
  if (scored.pending > 0) lines.push(c.bold(`草稿：${scored.pending} 个末级指标待评（暂计 0 分），合计与等级为暂定`));
  const counts = countBySeverity(problems);
  if (problems.length > 0) lines.push(`问题：错误 ${counts.error} 个，警告 ${counts.warning} 个，提示 ${counts.info} 个（详见工作簿「问题清单」）`);
  // without rosters there is no audit to speak of
  if (loaded.audit.context.records.length > 0) {
    const audit = countBySeverity(loaded.audit.findings);
    lines.push(`数据核查：${loaded.audit.context.records.length} 人次，${loaded.audit.identities.persons.length} 人；错误 ${audit.error} 个，警告 ${audit.warning} 个，提示 ${audit.info} 个（详见工作簿「数据核查」）`);
    const { notRun } = checksRun(loaded.audit);
    if (notRun.length > 0) lines.push(`未核查：${notRun.join('；')}`);
  }
  lines.push(`已写入 ${shown}`);
  return lines;
}
