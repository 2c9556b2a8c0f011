// The jixiao program: commands, and the mapping of errors to exit codes. User
// errors (InputError) print their problems and exit 2, never a stack trace.
import './runtime-tuning.js';
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { InputError, problem, type Problem } from '../problems/problem.js';
import { envelope } from '../report/envelope.js';
type CommandFactory = (setExit: (code: number) => void) => Command;

/**
 * The commands in the order --help lists them, each loaded only when it runs: a command's
 * module brings in what it needs (exceljs, zod, the engine), and `jixiao --version` or
 * `jixiao lint` need not pay for the others.
 */
const COMMANDS: [string, () => Promise<CommandFactory>][] = [
  ['score', async () => (await import('./commands/score.js')).scoreCommand],
  ['validate', async () => (await import('./commands/validate.js')).validateCommand],
  ['audit', async () => (await import('./commands/audit.js')).auditCommand],
  ['worksheet', async () => (await import('./commands/worksheet.js')).worksheetCommand],
  ['batch', async () => (await import('./commands/batch.js')).batchCommand],
  ['report', async () => (await import('./commands/report.js')).reportCommand],
  ['lint', async () => (await import('./commands/lint.js')).lintCommand],
  ['explain', async () => (await import('./commands/explain.js')).explainCommand],
  ['metrics', async () => (await import('./commands/metrics.js')).metricsCommand],
  ['indicators', async () => (await import('./commands/indicators.js')).indicatorsCommand],
  ['init', async () => (await import('./commands/init.js')).initCommand],
  ['diff', async () => (await import('./commands/diff.js')).diffCommand],
  ['review', async () => (await import('./commands/review.js')).reviewCommand],
  ['test', async () => (await import('./commands/test.js')).testCommand],
];

/** The commands to load: the one named on the command line; none for --version alone; all otherwise (help, a misspelt name). */
function commandsFor(argv: readonly string[]): [string, () => Promise<CommandFactory>][] {
  const args = argv.slice(2);
  // the first word that names a command is the command (a file called score after it is an argument)
  const first = args.find((a) => COMMANDS.some(([name]) => name === a));
  const named = COMMANDS.find(([name]) => name === first);
  if (named) return [named];
  if (args.length > 0 && args.every((a) => a === '-v' || a === '--version')) return [];
  return COMMANDS;
}
import { EXIT_INPUT, EXIT_OK } from './exit-codes.js';

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
    .showHelpAfterError('（用 jixiao --help 查看用法）');
  for (const factory of await Promise.all(commandsFor(argv).map(([, load]) => load()))) program.addCommand(factory(setExit));
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(output);
  const fail = async (problems: Problem[]) => {
    // printing is loaded when there is something to print (chalk and the width tables cost a --version)
    const { printJson, printProblems } = await import('./print.js');
    if (json) await printJson(envelope({ command: commandName(program, argv), exitCode: EXIT_INPUT, problems, result: {} }));
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
