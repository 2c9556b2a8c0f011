#!/usr/bin/env node
// The executable: run the CLI and set the exit code (see src/cli/conventions.ts).
import { main } from '../dist/cli/main.js';
import { installProcessGuards } from '../dist/cli/process-guards.js';

// the process's own signals and stdout: only the executable owns them (tests call main in-process)
installProcessGuards();

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // a bug, not a user error: say so plainly, with the stack for the report
    process.stderr.write(`jixiao 内部错误（请报告此问题）：${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 70;
  },
);
