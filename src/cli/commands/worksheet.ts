// jixiao worksheet <evaluation-dir>: the working paper (评分底稿.xlsx) an evaluator fills
// in Excel or WPS instead of writing the judgements YAML; `score` reads it back when
// evaluation.yaml names it as the judgements file.
import { join } from 'node:path';
import { Command } from 'commander';
import { slotsOf } from '../../engine/answer-slots.js';
import { leaves } from '../../engine/tree.js';
import { refuseInputAsOutput } from '../../io/output-path.js';
import { envelope } from '../../report/envelope.js';
import { loadEvaluation } from '../../run/load-evaluation.js';
import { addCommonOptions, addLimitOption, commonOptions, exitCodeFor, limitOptions, shownPath } from '../conventions.js';
import { printJson, printLines, printProblems } from '../print.js';

export const PAPER_FILE = '评分底稿.xlsx';

export function worksheetCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('worksheet')
    .description('评分底稿：按指标体系生成评价人员填写判断的工作簿（score 可直接读取） / write the working paper to fill in')
    .argument('<evaluation-dir>', '含 evaluation.yaml 的评价目录 (or the evaluation.yaml itself)');
  cmd.option('--printed', '每个指标加一行「报告印出的得分」和一行总分：复核一份报告时填入它印出的得分，score 会逐项比较 add rows for a report\'s printed scores');
  cmd.option('--allow-outside', '允许 evaluation.yaml 引用评价目录之外的文件 allow paths outside the evaluation folder');
  addLimitOption(addCommonOptions(cmd, { writes: true })).action(async (dir: string, raw: Record<string, unknown>) => {
    const opts = commonOptions(raw);
    // the paper is made before the judgements exist: a judgements file not yet written is no error
    const loaded = await loadEvaluation(dir, { allowOutside: Boolean(raw.allowOutside), limits: limitOptions(raw), judgementsOptional: true });
    const outFile = join(opts.out, PAPER_FILE);
    const shown = shownPath(join(opts.outShown, PAPER_FILE), outFile);
    await refuseInputAsOutput(outFile, shown, loaded.inputPaths);
    const [{ writeWorkbook }, { buildWorkingPaper }] = await Promise.all([import('../../io/write-xlsx.js'), import('../../report/working-paper.js')]);
    // answers of an existing judgements file are written in: a YAML evaluation turns into a paper
    await writeWorkbook(buildWorkingPaper({ project: loaded.config.project, tree: loaded.tree, treeFile: loaded.treeFile, treeHash: loaded.treeHash, metrics: loaded.metrics, answers: loaded.answers, paperFile: PAPER_FILE, ...(raw.printed ? { printed: loaded.printed } : {}) }), outFile, shown);
    const leafNodes = [...leaves(loaded.tree.indicators)];
    const cells = leafNodes.reduce((n, leaf) => n + slotsOf(leaf).length, 0) + (raw.printed ? leafNodes.length + 1 : 0);
    const exitCode = exitCodeFor(loaded.problems, opts.failOn);
    if (opts.format === 'json') {
      await printJson(envelope({ command: 'worksheet', exitCode, problems: loaded.problems, showPii: false, result: { output: shown, leaves: leafNodes.length, inputs: cells } }), false);
    } else {
      if (!opts.quiet) printLines([`评分底稿：${leafNodes.length} 个末级指标，${cells} 个待填写的判断项`, `已写入 ${shown}`, `填写后在 evaluation.yaml 中写 { kind: judgements, file: ${PAPER_FILE} }，再运行 jixiao score`], false);
      printProblems(loaded.problems, 50, false);
    }
    setExit(exitCode);
  });
  return cmd;
}
