// Every problem code the code can produce is produced by a test: the codes are read
// out of src/ (inputError, problem/rowFinding severities, zod problem codes, RuleError
// codes, the <kind>-row-invalid family); the test fails on any that no test file
// names. (A test of the source text: npm run mutate leaves it out, its instrumented
// copy of src/ reads differently.) test/problem-codes.test.ts produces the codes no
// other test reached.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';

/** Codes that exist but no input reaches, each with why it is kept. */
const UNREACHED: Record<string, string> = {
  'rule-invalid': 'only ever formatted into a tree-rule-invalid message, never reported on its own',
  'csv-invalid': 'with relax_quotes and relax_column_count csv-parse raises only the quote and size errors mapped to their own codes; kept as the mapping of any other CsvError',
  'score-out-of-range': 'every rule kind clamps its own points; this guards a rule kind that would not',
};

const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));

function codesInSource(): Set<string> {
  const src = walk(join(ROOT, 'src'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const codes = new Set<string>();
  const patterns = [/inputError\(\s*'([a-z0-9-]+)'/g, /'(?:error|warning|info)',\s*'([a-z0-9-]+)'/g, /zodProblems\([^;]*?'([a-z]+(?:-[a-z]+)+)'/g, /RuleError\([^;]*?,\s*'([a-z]+(?:-[a-z]+)+)'/g];
  for (const re of patterns) for (const m of src.matchAll(re)) codes.add(m[1] as string);
  for (const kind of ['roster', 'budget', 'survey', 'registry']) codes.add(`${kind}-row-invalid`);
  return codes;
}

describe('problem codes', () => {
  it('every code in src/ is asserted by some test (or listed as unreached, with the reason)', () => {
    const tests = walk(join(ROOT, 'test'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const asserted = (code: string) => new RegExp(`['"\`\\[]${code}['"\`\\]]`).test(tests.replace(/const UNREACHED[\s\S]*?\n};/, ''));
    const codes = codesInSource();
    expect(codes.size).toBeGreaterThan(80);
    expect([...codes].filter((c) => !asserted(c) && !(c in UNREACHED)).sort()).toEqual([]);
    expect(Object.keys(UNREACHED).filter((c) => !codes.has(c))).toEqual([]);
  });
});

