// The jixiao program: commands, and the mapping of errors to exit codes. User
// errors (InputError) print their problems and exit 2, never a stack trace.
import './runtime-tuning.js';
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { InputError } from '../problems/problem.js';
import { problemJson } from '../report/json.js';
import { scoreCommand } from './commands/score.js';
import { validateCommand } from './commands/validate.js';
import { auditCommand } from './commands/audit.js';
import { EXIT_INPUT, EXIT_OK } from './conventions.js';
import { printJson, printProblems } from './print.js';

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

function wantsJson(argv: readonly string[]): boolean {
  const i = argv.indexOf('--format');
  return argv.includes('--format=json') || (i >= 0 && argv[i + 1] === 'json');
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command('jixiao')
    .description('绩效 — 项目支出绩效评价工具：指标体系、精确评分、Excel 评分表')
    .version(version, '-v, --version')
    .exitOverride()
    .showHelpAfterError('（用 jixiao --help 查看用法）')
    .addCommand(scoreCommand(setExit))
    .addCommand(validateCommand(setExit))
    .addCommand(auditCommand(setExit));
  for (const cmd of program.commands) cmd.exitOverride();
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT_OK : EXIT_INPUT;
    }
    if (e instanceof InputError) {
      if (wantsJson(argv)) printJson({ ok: false, problems: e.problems.map((p) => problemJson(p)) });
      else printProblems(e.problems);
      return EXIT_INPUT;
    }
    throw e;
  }
}
