// Runs the CLI's main() inside the test process, so that mutation testing sees
// src/cli, src/run and src/report (the bin/ runs of test/e2e use the compiled dist/
// in a child process, where no mutant is active and no coverage is collected).
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliRun } from './run-cli.js';

type Write = (chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) => boolean;

function capture(into: string[]): Write {
  return (chunk, encodingOrCallback, callback) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  };
}

export async function runInProcess(args: string[], cwd: string): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture(stdout) as typeof process.stdout.write);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture(stderr) as typeof process.stderr.write);
  // process.chdir() is refused in worker threads (Stryker's pool): the working folder
  // is given through process.cwd(), which path.resolve() and the CLI's paths use.
  const where = vi.spyOn(process, 'cwd').mockReturnValue(cwd);
  try {
    const code = await main(['node', 'jixiao', ...args]);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    where.mockRestore();
    out.mockRestore();
    err.mockRestore();
  }
}
