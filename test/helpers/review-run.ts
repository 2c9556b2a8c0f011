// Running `jixiao review` in-process with JSON output into a fresh folder, and the findings
// in a form a test compares at a glance.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './fixture-copy.js';
import { runInProcess } from './run-in-process.js';

export interface Found {
  severity: string;
  code: string;
  message: string;
  where: { file?: string; sheet?: string; row?: number; column?: string; path?: string[]; paragraph?: number };
  hint?: string;
  expected?: string;
  found?: string;
}

export interface ReviewEnvelope {
  problems: Found[];
  result: { tables: { file: string; rows: number; findings: Record<string, number> }[]; texts: { file: string; paragraphs: number; findings: Record<string, number> }[]; output?: string };
}

export const review = async (args: string[], cwd = ROOT) => {
  const out = mkdtempSync(join(tmpdir(), 'jixiao-review-'));
  const run = await runInProcess(['review', ...args, '-o', out, '--format', 'json'], cwd);
  return { ...run, out, env: JSON.parse(run.stdout) as ReviewEnvelope };
};

export const brief = (ps: Found[]) => ps.map((p) => [p.severity, p.code, p.where.file?.replace(/^.*\//, ''), p.where.row, p.where.column]);
