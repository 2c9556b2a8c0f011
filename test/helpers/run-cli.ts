// Runs the real bin/jixiao.js as a user would, without colour.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './fixture-copy.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string): CliRun {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/jixiao.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
