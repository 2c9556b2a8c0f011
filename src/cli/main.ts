// The jixiao program: commands, and the mapping of errors to exit codes. User
// errors (InputError) print their problems and exit 2, never a stack trace.
import './runtime-tuning.js';
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { InputError, problem, type Problem } from '../problems/problem.js';
import { envelope } from '../report/envelope.js';
import { scoreCommand } from './commands/score.js';
import { validateCommand } from './commands/validate.js';
import { auditCommand } from './commands/audit.js';
import { worksheetCommand } from './commands/worksheet.js';
import { batchCommand } from './commands/batch.js';
import { reportCommand } from './commands/report.js';
import { lintCommand } from './commands/lint.js';
import { explainCommand } from './commands/explain.js';
import { metricsCommand } from './commands/metrics.js';
import { indicatorsCommand } from './commands/indicators.js';
import { initCommand } from './commands/init.js';
import { diffCommand } from './commands/diff.js';
import { reviewCommand } from './commands/review.js';
import { testCommand } from './commands/test.js';
import { EXIT_INPUT, EXIT_OK } from './conventions.js';
import { printJson, printProblems } from './print.js';

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

function wantsJson(argv: readonly string[]): boolean {
  const i = argv.indexOf('--format');
  return argv.includes('--format=json') || (i >= 0 && argv[i + 1] === 'json');
}

/** The command named on the command line, for the envelope of an error before it ran. */
function commandName(program: Command, argv: readonly string[]): string {
  const names = new Set(program.commands.map((c) => c.name()));
  return argv.slice(2).find((a) => names.has(a)) ?? 'jixiao';
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const json = wantsJson(argv);
  // with --format json a usage error is the envelope on stdout, not commander's text on stderr
  let usage = '';
  const output = { writeErr: (text: string) => (json ? (usage += text) : process.stderr.write(text)) };
  const program = new Command('jixiao')
    .description('绩效 — 项目支出绩效评价工具：指标体系、精确评分、Excel 评分表')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput(output)
    .showHelpAfterError('（用 jixiao --help 查看用法）')
    .addCommand(scoreCommand(setExit))
    .addCommand(validateCommand(setExit))
    .addCommand(auditCommand(setExit))
    .addCommand(worksheetCommand(setExit))
    .addCommand(batchCommand(setExit))
    .addCommand(reportCommand(setExit))
    .addCommand(lintCommand(setExit))
    .addCommand(explainCommand(setExit))
    .addCommand(metricsCommand(setExit))
    .addCommand(indicatorsCommand(setExit))
    .addCommand(initCommand(setExit))
    .addCommand(diffCommand(setExit))
    .addCommand(reviewCommand(setExit))
    .addCommand(testCommand(setExit));
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(output);
  const fail = (problems: Problem[]) => {
    if (json) printJson(envelope({ command: commandName(program, argv), exitCode: EXIT_INPUT, problems, result: {} }));
    else printProblems(problems);
    return EXIT_INPUT;
  };
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return EXIT_OK;
      if (!json) return EXIT_INPUT;
      const message = (usage.split('\n').find((l) => l.trim() !== '') ?? e.message).replace(/^error:\s*/, '');
      return fail([problem('error', 'usage', `用法错误：${message}`, {}, { hint: '用 jixiao --help 查看用法' })]);
    }
    if (e instanceof InputError) return fail(e.problems);
    throw e;
  }
}
