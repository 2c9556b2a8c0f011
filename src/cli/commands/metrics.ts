// jixiao metrics [evaluation-dir]: every metric name a tree can use, with its meaning;
// given an evaluation, every metric it has, with value, source and provenance.
import { Command } from 'commander';
import { METRIC_CATALOG } from '../../metrics/catalog.js';
import { describeProvenance, formatMetricValue } from '../../metrics/metric.js';
import { envelope } from '../../report/envelope.js';
import { metricJson } from '../../report/json.js';
import { loadEvaluation } from '../../run/load-evaluation.js';
import { addCommonOptions, addLimitOption, commonOptions, exitCodeFor, limitOptions } from '../conventions.js';
import { printJson, printLines, printProblems } from '../print.js';

export function metricsCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('metrics')
    .description('指标数据：可用的名称及含义；给出评价目录时列出它的全部指标数据及取值 / list metric names, or an evaluation\'s metrics')
    .argument('[evaluation-dir]', '含 evaluation.yaml 的评价目录 (or the evaluation.yaml itself)')
    .option('--allow-outside', '允许 evaluation.yaml 引用评价目录之外的文件 allow paths outside the evaluation folder');
  addLimitOption(addCommonOptions(cmd, { writes: false })).action(async (dir: string | undefined, raw: Record<string, unknown>) => {
    const opts = commonOptions(raw);
    if (!dir) {
      if (opts.format === 'json') await printJson(envelope({ command: 'metrics', exitCode: 0, problems: [], showPii: false, result: { metrics: METRIC_CATALOG } }), false);
      else {
        const lines = METRIC_CATALOG.map((m) => `${m.name.padEnd(30)} ${m.label}：${m.meaning}；范围：${m.scopes}`);
        printLines([...lines, '', '另有 evaluation.yaml 中 derived: 定义的派生指标，和评价判断文件 metrics: 给出的指标数据。'], false);
      }
      setExit(0);
      return;
    }
    const loaded = await loadEvaluation(dir, { allowOutside: Boolean(raw.allowOutside), limits: limitOptions(raw), judgementsOptional: true });
    const metrics = [...loaded.metrics.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const exitCode = exitCodeFor(loaded.problems, opts.failOn);
    if (opts.format === 'json') {
      await printJson(envelope({ command: 'metrics', exitCode, problems: loaded.problems, showPii: false, result: { metrics: metrics.map(metricJson) } }), false);
    } else {
      if (!opts.quiet) printLines(metrics.map((m) => `${m.name}  ${m.label} = ${formatMetricValue(m.kind, m.value, m.unit)}（${m.source === 'data' ? '数据计算' : '评价人员给出'}；${describeProvenance(m)}）`), false);
      printProblems(loaded.problems, 50, false);
    }
    setExit(exitCode);
  });
  return cmd;
}
