// The one JSON shape every command prints (DECISIONS.md): schema version, the
// command, ok (true exactly when the exit code is 0), counts, problems, and the
// command's own data under `result`. Usage errors print it too.
import { countBySeverity, type Problem } from '../problems/problem.js';
import { problemJson } from './problem-json.js';

export const ENVELOPE_SCHEMA = 1;

export interface EnvelopeInput {
  command: string;
  exitCode: number;
  problems: readonly Problem[];
  /** problems counted but not listed (validate caps each code) */
  counts?: { error: number; warning: number; info: number };
  result: Record<string, unknown>;
  showPii?: boolean;
}

export function envelope({ command, exitCode, problems, counts, result, showPii = false }: EnvelopeInput): Record<string, unknown> {
  const c = counts ?? countBySeverity(problems);
  return {
    schema: ENVELOPE_SCHEMA,
    command,
    ok: exitCode === 0,
    summary: { errors: c.error, warnings: c.warning, infos: c.info },
    problems: problems.map((p) => problemJson(p, showPii)),
    result,
  };
}
