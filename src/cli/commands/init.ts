// jixiao init <dir> --template <name|file>: a new evaluation folder to fill in (or a copy
// of a bundled example, ready to score). Exit 0 when written; 2 when the folder is not
// empty, the template is unknown or the period is missing.
import { Command } from 'commander';
import { envelope } from '../../report/envelope.js';
import { addCommonOptions, commonOptions, shownPath } from '../conventions.js';
import { displayWidth, padDisplay, printJson, printLines } from '../print.js';

export function initCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('init')
    .description('新建评价目录：按指标体系模板写出 evaluation.yaml、指标体系、待填的评价判断和输入文件模板 / create an evaluation folder')
    .argument('<dir>', '要新建的评价目录（不存在或为空）')
    .requiredOption('-t, --template <name|file>', '内置指标体系的名称（jixiao indicators list）、示例 xiangyuan-example / self-evaluation-example，或指标体系文件')
    .option('--project <name>', '项目名称 project name (default: the folder name)')
    .option('--period <years>', '评价期间 evaluated years: 2024, 2022-2024 or 2022,2023');
  addCommonOptions(cmd, { writes: false }).action(async (dir: string, raw: Record<string, unknown>) => {
    const opts = commonOptions(raw);
    // loaded here: exceljs and the templates are not needed by other commands' start-up
    const { initEvaluation, parsePeriod } = await import('../../run/init-evaluation.js');
    const shown = shownPath(dir);
    const result = await initEvaluation(dir, shown, {
      template: String(raw.template),
      ...(typeof raw.project === 'string' ? { project: raw.project } : {}),
      ...(typeof raw.period === 'string' ? { period: parsePeriod(raw.period) } : {}),
    });
    if (opts.format === 'json') {
      await printJson(envelope({ command: 'init', exitCode: 0, problems: [], showPii: false, result: { ...result } }), false);
    } else if (!opts.quiet) {
      const width = Math.max(...result.files.map((f) => displayWidth(f.path)));
      const next = result.example
        ? [`下一步：jixiao score ${shown}`]
        : [
            `下一步：${result.files.some((f) => f.path.startsWith('inputs/')) ? '在 inputs/ 中填入数据（CSV 或 XLSX 均可，evaluation.yaml 写用的那个），' : ''}在 judgements.yaml 中填写 ${result.judgements} 个末级指标的判断`,
            `（或 jixiao worksheet ${shown} 生成评分底稿在 Excel 中填写），然后 jixiao score ${shown}；现在运行 score 会列出尚缺的数据和判断。`,
          ];
      printLines([`已创建评价目录 ${shown}（${result.title}，来自 ${result.template}）：`, ...result.files.map((f) => `  ${padDisplay(f.path, width)}  ${f.purpose}`), ...next], false);
    }
    setExit(0);
  });
  return cmd;
}
