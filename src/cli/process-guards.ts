// How the process ends when the world around it does: Ctrl-C or a kill removes the
// temporary file of a write under way; stdout closed early (`| head`) ends the run
// quietly; stdout failing (a full disk) is one line on stderr, never a stack trace.
import { removeLiveTemps } from '../io/temp-files.js';
import { EXIT_INPUT } from './exit-codes.js';

/** Exit codes of a run ended by a signal, as shells report them. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

let installed = false;

export function installProcessGuards(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
    process.once(signal as NodeJS.Signals, () => {
      removeLiveTemps();
      process.stderr.write('\n已中断，未写完的输出文件已删除\n');
      process.exit(code);
    });
  }
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    removeLiveTemps();
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`无法写入标准输出（${e.code ?? e.message}）\n`);
    process.exit(EXIT_INPUT);
  });
}
