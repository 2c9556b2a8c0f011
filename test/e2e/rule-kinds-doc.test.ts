// docs/rule-kinds.md: one worked example per rule kind, each a `jixiao test` case. Every
// example runs through the command (its hand-worked score must hold), and the trace the
// document prints under it is the one the engine writes, word for word.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleKindNames } from '../../src/engine/rules/registry.js';
import { scoredNodes } from '../../src/engine/score.js';
import { readCase, scoreCase } from '../../src/run/run-case.js';
import { ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

interface Example {
  kind: string;
  yaml: string;
  trace: string;
}

function examples(markdown: string): Example[] {
  return [...markdown.matchAll(/^## `([a-z_]+)`[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/gm)].map((m) => {
    const body = m[2] ?? '';
    return { kind: m[1] ?? '', yaml: /```yaml\n([\s\S]*?)```/.exec(body)?.[1] ?? '', trace: (/评分依据：\s*```text\n([\s\S]*?)\n```/.exec(body)?.[1] ?? '').trim() };
  });
}

const DOC = readFileSync(join(ROOT, 'docs/rule-kinds.md'), 'utf8');
const EXAMPLES = examples(DOC);

describe('docs/rule-kinds.md', () => {
  it('has one example for every rule kind the engine knows, each with a case and a trace', () => {
    expect(EXAMPLES.map((e) => e.kind).sort()).toEqual([...ruleKindNames()].sort());
    for (const e of EXAMPLES) expect([e.kind, e.yaml.includes('expect:'), e.trace.length > 0]).toEqual([e.kind, true, true]);
  });

  it('every example passes as a case through jixiao test', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-doc-'));
    for (const e of EXAMPLES) writeFileSync(join(dir, `${e.kind}.yaml`), e.yaml);
    const run = await runInProcess(['test', dir], dir);
    expect([run.code, run.stdout.trim().split('\n').slice(-1)[0]]).toEqual([0, `${EXAMPLES.length} 个用例：通过 ${EXAMPLES.length} 个，未通过 0 个`]);
  });

  it.each(EXAMPLES.map((e) => [e.kind, e] as const))('%s: the printed trace is the engine’s', async (_kind, e) => {
    const file = join(mkdtempSync(join(tmpdir(), 'jixiao-doc-')), `${e.kind}.yaml`);
    writeFileSync(file, e.yaml);
    const scored = await scoreCase(await readCase(file, `${e.kind}.yaml`), file, `${e.kind}.yaml`);
    const leaf = [...scoredNodes(scored.tree.nodes)].find((n) => !n.children);
    expect(leaf?.trace).toBe(e.trace);
  });
});
