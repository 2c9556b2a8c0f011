// Printing for people (Chinese, coloured only on a terminal, NO_COLOR respected)
// and for machines (JSON with stable key order).
import { eastAsianWidth } from 'get-east-asian-width';
import { Chalk, type ChalkInstance } from 'chalk';
import { SEVERITY_LABEL, formatProblem, type Problem } from '../problems/problem.js';
import { maskPii } from '../problems/pii-mask.js';
import { jsonChunks } from '../report/json-chunks.js';

export function colourFor(stream: NodeJS.WriteStream): ChalkInstance {
  const env = process.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const enabled = forced || (Boolean(stream.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb');
  return new Chalk({ level: enabled ? 1 : 0 });
}

export function problemLine(p: Problem, c: ChalkInstance, showPii = false): string {
  const label = SEVERITY_LABEL[p.severity];
  const tag = p.severity === 'error' ? c.red(label) : p.severity === 'warning' ? c.yellow(label) : c.cyan(label);
  return `${tag} ${c.dim(`[${p.code}]`)} ${formatProblem(p, showPii)}`;
}

/** Problems to stderr, errors first, capped with a count of the rest. */
export function printProblems(problems: readonly Problem[], limit = 50, showPii = false): void {
  const c = colourFor(process.stderr);
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...problems].sort((a, b) => order[a.severity] - order[b.severity]);
  for (const p of sorted.slice(0, limit)) process.stderr.write(`${problemLine(p, c, showPii)}\n`);
  if (sorted.length > limit) process.stderr.write(`……另有 ${sorted.length - limit} 个问题未列出（用 --format json 查看全部）\n`);
}

/**
 * JSON on stdout, written in pieces of about 1 MB so that any size of result fits
 * (see json-chunks.ts). Personal numbers in any string are masked unless asked: each
 * string is one piece, so none is split between two.
 */
export async function printJson(value: unknown, showPii = false, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  let buffer = '';
  for (const chunk of jsonChunks(value)) {
    buffer += showPii || !chunk.includes('"') ? chunk : maskPii(chunk);
    if (buffer.length >= 1 << 16) {
      // a pipe that reads slower than we write (audit --format json | other program) is
      // waited for: the text never piles up in memory
      if (!out.write(buffer)) await drained(out);
      buffer = '';
    }
  }
  if (!out.write(`${buffer}\n`)) await drained(out);
}

/** The stream has taken what was written, or is gone (a closed pipe ends the wait too). */
function drained(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}

/** Lines for people on stdout, personal numbers masked unless asked. */
export function printLines(lines: readonly string[], showPii = false): void {
  const text = `${lines.join('\n')}\n`;
  process.stdout.write(showPii ? text : maskPii(text));
}

/** Columns a terminal draws for the text: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += eastAsianWidth(ch.codePointAt(0) as number) === 2 ? 2 : 1;
  return n;
}

/** The text padded with spaces to the given terminal width. */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
