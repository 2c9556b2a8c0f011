// Every `npx jixiao …` line of README.md's sh blocks runs here, as written, on a
// copy of fixtures/, and ends with the exit code its comment states (`# 退出码 N`,
// 0 when none): the guide cannot drift from what the tool does.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';
import { runCli } from '../helpers/run-cli.js';

/** Words of a command line as a POSIX shell splits them (quotes, no expansion). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  let inWord = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

interface Example {
  line: string;
  /** the jixiao commands of the line, run in order in one folder (`a && b`) */
  steps: string[][];
  code: number;
}

function examples(markdown: string): Example[] {
  const out: Example[] = [];
  for (const block of markdown.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of (block[1] ?? '').split('\n')) {
      const at = raw.indexOf('npx jixiao ');
      if (at < 0) continue;
      const [command = '', comment = ''] = raw.slice(at).split(/\s+#\s+/, 2);
      const code = Number(/退出码\s*(\d+)/.exec(comment)?.[1] ?? 0);
      const steps = command.split(/\s+&&\s+/).map((part) => shellWords(part)).filter((w) => w[0] === 'npx' && w[1] === 'jixiao').map((w) => w.slice(2));
      out.push({ line: command.trim(), steps, code });
    }
  }
  return out;
}

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const EXAMPLES = examples(README);

describe('README examples', () => {
  it('the guide has examples of every command', () => {
    expect(new Set(EXAMPLES.flatMap((e) => e.steps.map((s) => s[0])))).toEqual(new Set(['score', 'validate', 'audit', 'worksheet', 'batch', 'report', 'lint', 'explain', 'metrics', 'indicators', 'test', 'init', 'diff', 'review']));
  });

  it.each(EXAMPLES.map((e) => [e.line, e] as const))('%s', (_line, example) => {
    const cwd = mkdtempSync(join(tmpdir(), 'jixiao-readme-'));
    cpSync(join(ROOT, 'fixtures'), join(cwd, 'fixtures'), { recursive: true });
    // every step before the last must succeed, as `&&` needs; the comment's exit code is the last one's
    for (const args of example.steps.slice(0, -1)) expect({ args, code: runCli(args, cwd).code }).toEqual({ args, code: 0 });
    const run = runCli(example.steps[example.steps.length - 1]!, cwd);
    expect({ code: run.code, stderr: run.code === example.code ? '' : run.stderr }).toEqual({ code: example.code, stderr: '' });
  });

  it('shellWords splits as a shell does', () => {
    expect(shellWords(`npx jixiao validate a.xlsx --sheet '*' -o "报告 一" x`)).toEqual(['npx', 'jixiao', 'validate', 'a.xlsx', '--sheet', '*', '-o', '报告 一', 'x']);
  });
});
